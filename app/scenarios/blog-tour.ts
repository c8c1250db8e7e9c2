import type { Lesson } from './types.ts';

/**
 * The guided tour: the blog post "Docker Storage 알아보기" in its order and with the commands it types,
 * on the nginx image the page starts with (present as if pulled). The post's `cd` into the
 * container's overlay2 directory names it by id; here `{mount:nginx}` fills that id in.
 */
export const BLOG_TOUR: Lesson = {
  id: 'blog-tour',
  kind: 'tour',
  // Its first command is the page's suggested `docker run --name nginx -d nginx`: a second nginx fails.
  fresh: true,
  title: { en: 'The blog post, step by step', ko: '블로그 글 따라 하기' },
  summary: {
    en: 'Why a union filesystem, what it does, then the post’s commands on nginx: from docker info to cat TEST in nginx:test.',
    ko: '유니온 파일 시스템(UFS)이 왜 필요한지, 무엇을 하는지 본 뒤, 글의 명령을 nginx에서 그대로 실행합니다: docker info부터 nginx:test 안의 cat TEST까지.',
  },
  steps: [
    {
      id: 'why-ufs',
      figure: 'copy-vs-share',
      narration: {
        en: 'Why a union filesystem? Without one, every container would need its own copy of the image: the same bytes again on disk for each, and every file copied before the container can start. With one, containers share the image’s layers and each gets only a thin layer of its own.',
        ko: 'UFS는 왜 필요할까? UFS가 없다면 같은 이미지를 써도 컨테이너마다 이미지 전체를 복사해야 한다. 디스크에 같은 바이트가 또 쌓이고(비효율적인 공간 사용), 시작하기 전에 파일을 모두 복사해야 한다(부트스트랩 지연). UFS를 쓰면 컨테이너들이 이미지의 레이어(layer)를 함께 쓰고, 각자 얇은 레이어 하나만 따로 가진다.',
      },
      lookAt: {
        en: 'The figure: ten nginx containers, copied or sharing one image.',
        ko: '그림: nginx 컨테이너 10개를 복사로 만들 때와 레이어를 공유할 때.',
      },
    },
    {
      id: 'what-ufs',
      figure: 'union',
      narration: {
        en: 'What it does: it merges several layers into one view without copying anything. The image’s layers are read-only lowers; the container gets a writable upper on top. Looking a name up goes from the top down and the topmost copy wins. A file is copied up only when it is changed (copy-on-write), so the image below never changes.',
        ko: 'UFS가 하는 일: 여러 레이어를 물리적인 복사 없이 논리적으로 병합한다. 이미지의 레이어는 읽기 전용 레이어(read-only layer), 그 위에 컨테이너의 쓰기 가능 레이어(writable layer)가 있다. 위에 있는 레이어가 아래 레이어를 덮어쓰므로 가장 위의 파일이 보인다. 수정할 때만 파일을 위로 복사한 뒤 쓰므로(복사 후 쓰기, copy-on-write, COW) 아래의 이미지는 변하지 않는다.',
      },
      lookAt: {
        en: 'The figure: merged on top, the writable upper, the read-only lowers.',
        ko: '그림: 맨 위의 merged, 쓰기 가능 레이어(upper), 읽기 전용 레이어(lower).',
      },
    },
    {
      id: 'storage-driver',
      narration: {
        en: 'Check which storage driver Docker uses.',
        ko: '스토리지 드라이버 정보를 확인한다.',
      },
      command: { line: 'docker info | grep Storage', by: 'type' },
      lookAt: {
        en: 'The terminal: Storage Driver: overlay2.',
        ko: '터미널: Storage Driver: overlay2',
        area: 'terminal',
      },
      check: { kind: 'outputContains', text: ['Storage Driver: overlay2'] },
    },
    {
      id: 'run-nginx',
      narration: {
        en: 'Start a test nginx container. In the post, Docker first pulls nginx’s seven layers; this page starts with nginx already pulled, so the container starts at once and prints its id.',
        ko: '테스트용 Nginx 컨테이너를 배포한다. 글에서는 먼저 nginx의 레이어 7개를 내려받는다(Pull complete). 이 페이지에는 nginx가 이미 받아져 있으므로 컨테이너가 바로 시작되고 ID가 출력된다.',
      },
      command: { line: 'docker run --name nginx -d nginx', by: 'type' },
      lookAt: {
        en: 'The stack: the image’s layers, then the -init layer and the container’s empty upper on top.',
        ko: '스택: 이미지의 레이어들 위에 -init 레이어와 컨테이너의 빈 쓰기 가능 레이어가 올라간다.',
        area: 'stack',
      },
      check: { kind: 'containerExists', name: 'nginx', state: 'running' },
    },
    {
      id: 'rootfs',
      narration: {
        en: 'Look at the image we just got: RootFS lists its layers, bottom first, by diff ID.',
        ko: '위에서 받은 이미지를 확인한다. RootFS에 레이어들이 아래부터 diff ID로 나열된다.',
      },
      command: { line: "docker image inspect nginx | jq '.[].RootFS'", by: 'type' },
      lookAt: {
        en: 'The terminal: seven sha256 layers.',
        ko: '터미널: sha256 레이어 7개.',
        area: 'terminal',
      },
      check: { kind: 'outputContains', text: ['"Type": "layers"', '"Layers"'] },
    },
    {
      id: 'layerdb',
      narration: {
        en: 'Each layer printed above has a directory in the layer database, named by its chain ID.',
        ko: '아래 명령으로 위에서 출력된 레이어의 정보를 확인할 수 있다. 레이어마다 chain ID 이름의 디렉터리가 있다.',
      },
      command: { line: 'ls /var/lib/docker/image/overlay2/layerdb/sha256', by: 'type' },
      lookAt: {
        en: 'The terminal: nginx’s seven chain IDs (and the demo image’s three).',
        ko: '터미널: nginx의 chain ID 7개(와 demo 이미지의 3개).',
        area: 'terminal',
      },
      check: { kind: 'outputHasLayers', ref: 'nginx' },
    },
    {
      id: 'graphdriver',
      narration: {
        en: 'Now see Docker use the union filesystem. LowerDir: the image’s (lower) layers, several directories, the -init layer first. UpperDir: the container’s layer, the one that can be written. MergedDir: all layers merged into one. WorkDir: overlayfs’s working directory.',
        ko: '이제 docker에서 UFS를 사용하는 것을 확인해보자. LowerDir: 이미지(하위) 레이어들로, 여러 개의 디렉터리가 참조되고 맨 앞이 -init 레이어다. UpperDir: 컨테이너 레이어, 쓸 수 있는 레이어. MergedDir: 모든 레이어를 논리적으로 병합한 디렉터리. WorkDir: 작업 디렉터리.',
      },
      command: { line: "docker inspect nginx | jq '.[].GraphDriver'", by: 'type' },
      lookAt: {
        en: 'The terminal beside the stack: each directory of GraphDriver is a band of the stack.',
        ko: '터미널과 스택: GraphDriver의 디렉터리 하나하나가 스택의 띠 하나다.',
        area: 'stack',
      },
      check: { kind: 'outputContains', text: ['-init/diff:', '"UpperDir"', '"MergedDir"', '"WorkDir"'] },
    },
    {
      id: 'exec',
      narration: {
        en: 'Change a file and watch the structure change. First, get a shell inside the container.',
        ko: '이제 파일을 변경하여 구조가 어떻게 변경되나 확인한다. 먼저 컨테이너 내부에 들어간다.',
      },
      command: { line: 'docker exec -it nginx /bin/bash', by: 'type' },
      lookAt: {
        en: 'The prompt: root@<id>:/#, you are inside.',
        ko: '프롬프트: root@<id>:/# — 컨테이너 안이다.',
        area: 'terminal',
      },
      check: { kind: 'insideContainer', name: 'nginx' },
    },
    {
      id: 'touch',
      narration: {
        en: 'Create the file TEST. It does not exist in any layer, so it is created in the writable upper.',
        ko: 'TEST 파일을 생성한다. 어느 레이어에도 없는 파일이므로 쓰기 가능 레이어(upper)에 만들어진다.',
      },
      command: { line: 'touch TEST', by: 'you' },
      lookAt: {
        en: 'The stack: TEST appears in the upper and in merged.',
        ko: '스택: TEST가 upper와 merged에 나타난다.',
        area: 'stack',
      },
      check: { kind: 'pathInUpper', container: 'nginx', path: '/TEST', type: 'file' },
    },
    {
      id: 'echo',
      narration: {
        en: 'Write into it. The file is already in the upper, so nothing needs copying.',
        ko: '파일에 내용을 쓴다. 이미 upper에 있는 파일이므로 복사할 것이 없다.',
      },
      command: { line: 'echo "Hello World" >> TEST', by: 'you' },
      lookAt: {
        en: 'The stack: the write lands in the upper.',
        ko: '스택: 쓰기가 upper에서 일어난다.',
        area: 'stack',
      },
      check: { kind: 'pathInUpper', container: 'nginx', path: '/TEST', content: 'Hello World\n' },
    },
    {
      id: 'exit',
      narration: {
        en: 'Leave the container’s shell to look from the host. The container keeps running.',
        ko: '호스트에서 보기 위해 컨테이너의 셸을 나온다. 컨테이너는 계속 실행 중이다.',
      },
      command: { line: 'exit', by: 'type' },
      lookAt: { en: 'The prompt is $ again.', ko: '프롬프트가 다시 $ 이다.', area: 'terminal' },
      check: { kind: 'onHost' },
    },
    {
      id: 'cd-layer',
      narration: {
        en: 'Go to the container’s directory under /var/lib/docker/overlay2 (the UpperDir without /diff).',
        ko: '컨테이너의 /var/lib/docker/overlay2 디렉터리(UpperDir에서 /diff를 뺀 곳)로 이동한다.',
      },
      command: { line: 'cd /var/lib/docker/overlay2/{mount:nginx}', by: 'type' },
      lookAt: {
        en: 'The Explorer’s Host tab: the container’s diff, merged, work, link and lower.',
        ko: '탐색기의 Host 탭: 컨테이너의 diff, merged, work, link, lower.',
        area: 'explorer-host',
      },
      check: { kind: 'cwdIs', path: '/var/lib/docker/overlay2/{mount:nginx}' },
    },
    {
      id: 'ls-diff',
      narration: {
        en: 'The change is in UpperDir (diff/): TEST, and what nginx changed as it started.',
        ko: '생성 결과, UpperDir(diff/)에 수정이 생겼다: TEST와, nginx가 시작하면서 바꾼 것들.',
      },
      command: { line: 'ls diff/', by: 'type' },
      lookAt: {
        en: 'The terminal: only the changed names.',
        ko: '터미널: 바뀐 이름들만 있다.',
        area: 'terminal',
      },
      check: {
        kind: 'all',
        checks: [
          { kind: 'outputContains', text: ['TEST'] },
          { kind: 'outputLacks', text: ['bin'] },
        ],
      },
    },
    {
      id: 'ls-merged',
      narration: {
        en: 'And it shows in merged/, beside everything of the image.',
        ko: '그리고 mergedDir에 반영된 것을 확인할 수 있다. 이미지의 모든 파일과 함께 있다.',
      },
      command: { line: 'ls merged/', by: 'type' },
      lookAt: {
        en: 'The terminal: the whole filesystem, TEST included.',
        ko: '터미널: TEST를 포함한 전체 파일 시스템.',
        area: 'terminal',
      },
      check: { kind: 'outputContains', text: ['TEST', 'bin', 'docker-entrypoint.sh'] },
    },
    {
      id: 'cat-lower',
      narration: {
        en: 'Of course the image below is not touched: lower lists the read-only layers by their short l/ names, the -init layer first.',
        ko: '당연히 하위 이미지에는 영향이 없다. lower에는 읽기 전용 레이어들이 l/ 짧은 이름으로, -init 레이어부터 나열된다.',
      },
      command: { line: 'cat lower', by: 'type' },
      lookAt: {
        en: 'The Explorer’s Host tab spells out each l/ name.',
        ko: '탐색기의 Host 탭이 l/ 이름을 하나씩 풀어 보여 준다.',
        area: 'explorer-host',
      },
      check: { kind: 'outputContains', text: ['l/{initLink:nginx}:l/'] },
    },
    {
      id: 'docker-diff',
      narration: {
        en: 'docker diff shows the changes once more: A added, C changed, D deleted. TEST is there as A.',
        ko: 'docker diff 명령어를 통해 다시 한번 변경사항을 확인한다. C는 변경, A는 추가, D는 삭제를 의미한다. 우리가 생성한 TEST가 A로 보인다.',
      },
      command: { line: 'docker diff {id:nginx}', by: 'type' },
      lookAt: {
        en: 'The Explorer’s Diff tab, and each line on the stack.',
        ko: '탐색기의 Diff 탭, 그리고 스택 위의 각 줄.',
        area: 'explorer-diff',
      },
      check: { kind: 'outputContains', text: ['A /TEST', 'C /etc/nginx/conf.d/default.conf'] },
    },
    {
      id: 'commit',
      narration: {
        en: 'Now make an image with docker commit: nginx’s layers plus a new layer holding our TEST.',
        ko: '이제 docker commit 명령어로 이미지를 만들어보자. 기존 nginx 이미지에 방금 만든 TEST에 대한 레이어가 합쳐진다.',
      },
      command: { line: 'docker commit {id:nginx} nginx:test', by: 'type' },
      lookAt: {
        en: 'The stack: the upper becomes a new read-only layer.',
        ko: '스택: upper가 새 읽기 전용 레이어가 된다.',
        area: 'stack',
      },
      check: { kind: 'imageExists', ref: 'nginx:test' },
    },
    {
      id: 'images',
      narration: { en: 'Check the images.', ko: '이미지를 확인한다.' },
      command: { line: 'docker images', by: 'type' },
      lookAt: {
        en: 'The terminal: nginx:test beside nginx:latest, the same size (the new layer is tiny).',
        ko: '터미널: nginx:test와 nginx:latest, 크기가 같다(새 레이어는 아주 작다).',
        area: 'terminal',
      },
      check: { kind: 'outputContains', text: ['REPOSITORY', 'test'] },
    },
    {
      id: 'run-test',
      narration: {
        en: 'Test it: start a container of nginx:test with a shell.',
        ko: '테스트 확인: nginx:test로 컨테이너를 실행한다.',
      },
      command: { line: 'docker run -it nginx:test bash', by: 'type' },
      lookAt: {
        en: 'The stack: nginx:test’s layers, our layer on top.',
        ko: '스택: nginx:test의 레이어들, 맨 위에 우리가 만든 레이어.',
        area: 'stack',
      },
      check: { kind: 'insideContainer', image: 'nginx:test' },
    },
    {
      id: 'cat-test',
      narration: {
        en: 'Read TEST in the new container: it comes from the layer the commit made.',
        ko: '새 컨테이너에서 TEST를 읽는다. commit으로 만든 레이어에서 온다.',
      },
      command: { line: 'cat TEST', by: 'you' },
      lookAt: {
        en: 'The stack: the lookup stops at the committed layer.',
        ko: '스택: 조회가 commit한 레이어에서 멈춘다.',
        area: 'stack',
      },
      check: {
        kind: 'all',
        checks: [
          { kind: 'insideContainer', image: 'nginx:test' },
          { kind: 'outputContains', text: ['Hello World'] },
        ],
      },
    },
    {
      id: 'summary',
      narration: {
        en: 'The new image holds the upper layer we wrote. In short: lower is read-only, upper is read-write, and merged is every layer laid over the ones below, from the bottom up.',
        ko: 'Upper 레이어가 합쳐진 새로운 이미지가 잘 생성되었다. 정리하면, lower는 읽기만 가능하고 upper는 읽고 쓰는 것이 가능하며, lower와 upper를 아래에서부터 덮어쓰는 방식으로 병합하여 merged를 형성한다.',
      },
    },
  ],
};
