import type { Lesson } from './types.ts';

/** Guess first, then the step's command plays the answer on the stack. */
export const QUIZZES: Lesson = {
  id: 'quizzes',
  kind: 'quiz',
  title: { en: 'Quizzes: predict, then watch', ko: '퀴즈: 예상하고 확인하기' },
  summary: {
    en: 'Predict the docker diff; say which layer answers a cat. Each answer is then played on the stack.',
    ko: 'docker diff를 예상하고, cat에 어느 레이어가 답하는지 맞혀 본다. 답은 스택에서 재생된다.',
  },
  steps: [
    {
      id: 'run',
      narration: { en: 'Start a container for the quizzes.', ko: '퀴즈에 쓸 컨테이너를 시작한다.' },
      command: { line: 'docker run -d --name quiz nginx', by: 'type' },
      check: { kind: 'containerExists', name: 'quiz', state: 'running' },
    },
    {
      id: 'rm-index',
      narration: { en: 'Delete a file of the image in it.', ko: '컨테이너에서 이미지의 파일 하나를 지운다.' },
      command: { line: 'docker exec quiz rm /usr/share/nginx/html/index.html', by: 'type' },
      check: { kind: 'whiteoutAt', container: 'quiz', path: '/usr/share/nginx/html/index.html' },
    },
    {
      id: 'predict-diff',
      narration: { en: 'Predict the docker diff.', ko: 'docker diff를 예상해 보자.' },
      quiz: {
        question: {
          en: 'What does docker diff quiz print for index.html?',
          ko: 'docker diff quiz는 index.html에 대해 무엇을 출력할까?',
        },
        choices: [
          {
            en: 'Nothing: the file is in a read-only layer',
            ko: '아무것도: 파일이 읽기 전용 레이어에 있으므로',
          },
          { en: 'C /usr/share/nginx/html/index.html', ko: 'C /usr/share/nginx/html/index.html' },
          { en: 'D /usr/share/nginx/html/index.html', ko: 'D /usr/share/nginx/html/index.html' },
          { en: 'A /usr/share/nginx/html/index.html', ko: 'A /usr/share/nginx/html/index.html' },
        ],
        answer: 2,
        explain: {
          en: 'D: the upper holds a whiteout for index.html, which docker diff reports as deleted. Its parent directories show as C.',
          ko: 'D: upper에 index.html의 화이트아웃이 있고, docker diff는 이를 삭제로 보여 준다. 상위 디렉터리들은 C로 나온다.',
        },
      },
      command: { line: 'docker diff quiz', by: 'type' },
      lookAt: {
        en: 'The Explorer’s Diff tab, each line played on the stack.',
        ko: '탐색기의 Diff 탭, 스택에서 한 줄씩 재생된다.',
        area: 'explorer-diff',
      },
      check: {
        kind: 'outputContains',
        text: ['D /usr/share/nginx/html/index.html', 'C /usr/share/nginx/html'],
      },
    },
    {
      id: 'which-layer-conf',
      narration: { en: 'Which layer answers this cat?', ko: '이 cat에는 어느 레이어가 답할까?' },
      quiz: {
        question: {
          en: 'cat /etc/nginx/conf.d/default.conf in quiz: which layer’s copy is read?',
          ko: 'quiz에서 cat /etc/nginx/conf.d/default.conf를 하면 어느 레이어의 파일을 읽을까?',
        },
        choices: [
          { en: 'The container’s writable upper', ko: '컨테이너의 쓰기 가능 레이어(upper)' },
          { en: 'The -init layer', ko: '-init 레이어' },
          { en: 'nginx’s image layer that installed it', ko: '그 파일을 설치한 nginx 이미지 레이어' },
        ],
        answer: 0,
        explain: {
          en: 'The upper: nginx’s entrypoint edited default.conf as the container started (to listen on IPv6 too), so it was copied up, and the topmost copy wins.',
          ko: 'upper: 컨테이너가 시작할 때 nginx의 엔트리포인트가 default.conf를 수정했으므로(IPv6도 듣도록) 위로 복사되었고, 가장 위의 파일이 보인다.',
        },
      },
      command: { line: 'docker exec quiz cat /etc/nginx/conf.d/default.conf', by: 'type' },
      lookAt: {
        en: 'The stack: the lookup stops at the first layer holding the file.',
        ko: '스택: 조회가 파일을 가진 첫 레이어에서 멈춘다.',
        area: 'stack',
      },
      check: {
        kind: 'all',
        checks: [
          { kind: 'outputContains', text: ['listen  [::]:80;'] },
          { kind: 'pathInUpper', container: 'quiz', path: '/etc/nginx/conf.d/default.conf' },
        ],
      },
    },
    {
      id: 'which-layer-os',
      narration: { en: 'One more.', ko: '하나 더.' },
      quiz: {
        question: {
          en: 'cat /etc/os-release in quiz: which layer answers?',
          ko: 'quiz에서 cat /etc/os-release를 하면 어느 레이어가 답할까?',
        },
        choices: [
          { en: 'The container’s writable upper', ko: '컨테이너의 쓰기 가능 레이어(upper)' },
          { en: 'nginx’s top image layer', ko: 'nginx의 맨 위 이미지 레이어' },
          { en: 'The bottom layer, Debian’s', ko: '맨 아래 레이어(Debian)' },
        ],
        answer: 2,
        explain: {
          en: 'Nothing above changed it: the lookup falls through every layer down to Debian’s base layer.',
          ko: '위의 어느 레이어도 이 파일을 바꾸지 않았으므로, 조회가 모든 레이어를 지나 Debian 베이스 레이어까지 내려간다.',
        },
      },
      command: { line: 'docker exec quiz cat /etc/os-release', by: 'type' },
      lookAt: {
        en: 'The stack: a straight line down to the bottom band.',
        ko: '스택: 맨 아래 띠까지 곧게 내려가는 선.',
        area: 'stack',
      },
      check: { kind: 'outputContains', text: ['Debian GNU/Linux 12 (bookworm)'] },
    },
  ],
};
