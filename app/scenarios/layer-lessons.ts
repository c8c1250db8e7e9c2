import type { Lesson } from './types.ts';

/** Lessons on what a delete, a chmod and a rename do to the layers. */

export const WHITEOUTS: Lesson = {
  id: 'whiteouts',
  kind: 'lesson',
  title: { en: 'Whiteouts and opaque directories', ko: '화이트아웃과 opaque 디렉터리' },
  summary: {
    en: 'Deleting a file of a read-only layer cannot remove it: the upper gets a whiteout that hides it. A directory made again over a deleted one is opaque.',
    ko: '읽기 전용 레이어의 파일은 지울 수 없다. 대신 쓰기 가능 레이어에 그 파일을 가리는 화이트아웃(whiteout)이 생긴다. 지운 디렉터리를 다시 만들면 opaque 디렉터리가 된다.',
  },
  steps: [
    {
      id: 'run',
      narration: { en: 'Start a container to experiment in.', ko: '실험할 컨테이너를 시작한다.' },
      command: { line: 'docker run -d --name wh nginx', by: 'type' },
      check: { kind: 'containerExists', name: 'wh', state: 'running' },
    },
    {
      id: 'exec',
      narration: { en: 'Open a shell in it.', ko: '컨테이너 안에서 셸을 연다.' },
      command: { line: 'docker exec -it wh bash', by: 'type' },
      check: { kind: 'insideContainer', name: 'wh' },
    },
    {
      id: 'rm-file',
      narration: {
        en: 'Delete index.html. It lives in a read-only image layer, which cannot change: instead the upper gets a whiteout, a character device 0:0 named index.html that hides the file below.',
        ko: 'index.html을 지운다. 이 파일은 읽기 전용 레이어에 있어 바꿀 수 없다. 대신 쓰기 가능 레이어에 index.html이라는 이름의 문자 장치 0:0, 화이트아웃(whiteout)이 생겨 아래의 파일을 가린다.',
      },
      command: { line: 'rm /usr/share/nginx/html/index.html', by: 'you' },
      lookAt: {
        en: 'The stack: the whiteout drops into the upper.',
        ko: '스택: 화이트아웃이 upper에 내려앉는다.',
        area: 'stack',
      },
      check: { kind: 'whiteoutAt', container: 'wh', path: '/usr/share/nginx/html/index.html' },
    },
    {
      id: 'ls-after-rm',
      narration: {
        en: 'List the directory: index.html is gone from the merged view, though its bytes are still in the image layer.',
        ko: '디렉터리를 나열한다. merged에서는 index.html이 사라졌지만, 그 바이트는 여전히 이미지 레이어에 있다.',
      },
      command: { line: 'ls /usr/share/nginx/html', by: 'type' },
      check: {
        kind: 'all',
        checks: [
          { kind: 'outputContains', text: ['50x.html'] },
          { kind: 'outputLacks', text: ['index.html'] },
        ],
      },
    },
    {
      id: 'rm-dir',
      narration: {
        en: 'Delete the whole directory. It is merged from a read-only layer, so again a whiteout hides it.',
        ko: '디렉터리 전체를 지운다. 읽기 전용 레이어에서 병합된 디렉터리이므로 이번에도 화이트아웃이 가린다.',
      },
      command: { line: 'rm -r /usr/share/nginx/html', by: 'type' },
      check: { kind: 'whiteoutAt', container: 'wh', path: '/usr/share/nginx/html' },
    },
    {
      id: 'mkdir',
      narration: {
        en: 'Make the directory again. The new directory must not show the old files below it, so overlayfs marks it opaque (trusted.overlay.opaque=y): lower layers are not merged into it.',
        ko: '디렉터리를 다시 만든다. 새 디렉터리에 아래의 옛 파일이 보이면 안 되므로, overlayfs는 이 디렉터리를 opaque(trusted.overlay.opaque=y)로 표시한다. 하위 레이어가 이 디렉터리에 병합되지 않는다.',
      },
      command: { line: 'mkdir /usr/share/nginx/html', by: 'you' },
      lookAt: {
        en: 'The stack: the lookup below the opaque dir stops.',
        ko: '스택: opaque 디렉터리 아래로는 조회가 내려가지 않는다.',
        area: 'stack',
      },
      check: { kind: 'opaqueAt', container: 'wh', path: '/usr/share/nginx/html' },
    },
    {
      id: 'ls-opaque',
      narration: {
        en: 'It is empty, though 50x.html is still in the image layer.',
        ko: '50x.html이 이미지 레이어에 그대로 있지만, 디렉터리는 비어 있다.',
      },
      command: { line: 'ls -a /usr/share/nginx/html', by: 'type' },
      check: {
        kind: 'all',
        checks: [
          { kind: 'outputContains', text: ['..'] },
          { kind: 'outputLacks', text: ['50x.html'] },
          { kind: 'mergedLacks', container: 'wh', path: '/usr/share/nginx/html/50x.html' },
        ],
      },
    },
    {
      id: 'exit',
      narration: { en: 'Back to the host.', ko: '호스트로 돌아간다.' },
      command: { line: 'exit', by: 'type' },
      check: { kind: 'onHost' },
    },
    {
      id: 'diff',
      narration: {
        en: 'docker diff reports the hidden files as deleted (D) and the directory as changed (C).',
        ko: 'docker diff는 가려진 파일을 삭제(D)로, 디렉터리를 변경(C)으로 보여 준다.',
      },
      command: { line: 'docker diff wh', by: 'type' },
      lookAt: { en: 'The Explorer’s Diff tab.', ko: '탐색기의 Diff 탭.', area: 'explorer-diff' },
      check: {
        kind: 'outputContains',
        text: [
          'C /usr/share/nginx/html',
          'D /usr/share/nginx/html/50x.html',
          'D /usr/share/nginx/html/index.html',
        ],
      },
    },
  ],
};

export const SHRINK: Lesson = {
  id: 'image-shrink',
  kind: 'lesson',
  title: { en: 'Why didn’t my image shrink?', ko: '이미지가 왜 작아지지 않을까?' },
  summary: {
    en: 'rm in a later layer hides a file but keeps its bytes in the layer below; chmod copies the whole file up.',
    ko: '나중 레이어에서 rm하면 파일은 가려지지만 바이트는 아래 레이어에 남는다. chmod는 파일 전체를 위로 복사한다.',
  },
  steps: [
    {
      id: 'run',
      narration: { en: 'Start a container.', ko: '컨테이너를 시작한다.' },
      command: { line: 'docker run -d --name big nginx', by: 'type' },
      check: { kind: 'containerExists', name: 'big', state: 'running' },
    },
    {
      id: 'rm-big',
      narration: {
        en: 'Delete the biggest file of the image, ICU’s data (31 MB).',
        ko: '이미지에서 가장 큰 파일인 ICU 데이터(31MB)를 지운다.',
      },
      command: { line: 'docker exec big rm /usr/lib/x86_64-linux-gnu/libicudata.so.72.1', by: 'type' },
      check: { kind: 'whiteoutAt', container: 'big', path: '/usr/lib/x86_64-linux-gnu/libicudata.so.72.1' },
    },
    {
      id: 'commit',
      narration: { en: 'Commit the container as nginx:slim.', ko: '컨테이너를 nginx:slim으로 commit한다.' },
      command: { line: 'docker commit big nginx:slim', by: 'type' },
      check: { kind: 'imageExists', ref: 'nginx:slim' },
    },
    {
      id: 'images',
      narration: {
        en: 'nginx:slim is not smaller: its new top layer holds only a whiteout, and the 31 MB are still in the layer below, which the image keeps.',
        ko: 'nginx:slim은 작아지지 않았다. 새 맨 위 레이어에는 화이트아웃만 있고, 31MB는 이미지가 그대로 가진 아래 레이어에 남아 있다.',
      },
      command: { line: 'docker images', by: 'type' },
      lookAt: {
        en: 'The byte ledger: under Images, open “Bytes by layer”, choose nginx:slim and select layer 2’s row. libicudata.so.72.1 (31 MB) is still listed there, “hidden by a later layer”: it still costs its bytes in every pull.',
        ko: '바이트 장부: 이미지 패널에서 “레이어별 바이트”를 펼치고 nginx:slim을 고른 뒤 레이어 2의 행을 선택한다. libicudata.so.72.1(31MB)이 “위 레이어에 가려짐”으로 아직 남아 있어, pull할 때마다 그 바이트를 내려받는다.',
      },
      check: {
        kind: 'all',
        checks: [
          { kind: 'outputContains', text: ['slim'] },
          { kind: 'imageNotSmaller', ref: 'nginx:slim', than: 'nginx:latest' },
        ],
      },
    },
    {
      id: 'history',
      narration: {
        en: 'docker history shows the new layer: a few bytes, not minus 31 MB. Only removing the file in the same layer that added it (or a multi-stage build) saves the space.',
        ko: 'docker history에 새 레이어가 보인다. 몇 바이트일 뿐, 31MB가 줄지 않는다. 파일을 추가한 바로 그 레이어에서 지우거나 멀티 스테이지 빌드를 써야 공간이 준다.',
      },
      command: { line: 'docker history nginx:slim', by: 'type' },
      check: { kind: 'outputContains', text: ['IMAGE', 'CREATED BY'] },
    },
    {
      id: 'chmod',
      narration: {
        en: 'Now only change a permission. A mode lives in the inode, and a lower layer cannot change: overlayfs copies the whole 16 MB file up before changing its mode (copy-on-write).',
        ko: '이번에는 권한만 바꾼다. 권한은 inode에 있고 하위 레이어는 바꿀 수 없으므로, overlayfs는 16MB 파일 전체를 위로 복사한 뒤 권한을 바꾼다(복사 후 쓰기, COW).',
      },
      command: { line: 'docker exec big chmod 600 /usr/lib/x86_64-linux-gnu/libx265.so.199', by: 'type' },
      lookAt: {
        en: 'The stack: the copy rises into the upper.',
        ko: '스택: 복사본이 upper로 올라간다.',
        area: 'stack',
      },
      check: {
        kind: 'pathInUpper',
        container: 'big',
        path: '/usr/lib/x86_64-linux-gnu/libx265.so.199',
        type: 'file',
      },
    },
    {
      id: 'ps-size',
      narration: {
        en: 'docker ps -s: the container’s own layer now weighs 16 MB for a one-bit change.',
        ko: 'docker ps -s: 비트 하나를 바꿨을 뿐인데 컨테이너 레이어가 16MB가 되었다.',
      },
      command: { line: 'docker ps -s', by: 'type' },
      check: {
        kind: 'all',
        checks: [
          { kind: 'outputContains', text: ['16.4MB'] },
          { kind: 'upperSizeAtLeast', container: 'big', bytes: 16_000_000 },
        ],
      },
    },
  ],
};

export const RENAME: Lesson = {
  id: 'rename-dirs',
  kind: 'lesson',
  title: { en: 'Renaming directories (EXDEV)', ko: '디렉터리 이름 바꾸기(EXDEV)' },
  summary: {
    en: 'rename(2) of a directory from a read-only layer fails with EXDEV; mv then copies the whole tree and deletes the old one.',
    ko: '읽기 전용 레이어에 있는 디렉터리의 rename(2)은 EXDEV로 실패한다. 그러면 mv는 트리 전체를 복사하고 옛 것을 지운다.',
  },
  steps: [
    {
      id: 'run',
      narration: { en: 'Start a container.', ko: '컨테이너를 시작한다.' },
      command: { line: 'docker run -d --name mv nginx', by: 'type' },
      check: { kind: 'containerExists', name: 'mv', state: 'running' },
    },
    {
      id: 'exec',
      narration: { en: 'Open a shell in it.', ko: '컨테이너 안에서 셸을 연다.' },
      command: { line: 'docker exec -it mv bash', by: 'type' },
      check: { kind: 'insideContainer', name: 'mv' },
    },
    {
      id: 'mv-lower',
      narration: {
        en: 'Rename /etc/nginx. Its files are in a read-only layer, and overlayfs (with redirect_dir off, as Docker mounts it) refuses to rename such a directory: rename(2) fails with EXDEV, "Invalid cross-device link". mv then does what it does across disks: it copies every file into the upper under the new name and deletes the old name, which leaves a whiteout.',
        ko: '/etc/nginx의 이름을 바꾼다. 파일들이 읽기 전용 레이어에 있고, overlayfs는(Docker가 마운트하는 대로 redirect_dir이 꺼져 있으면) 그런 디렉터리의 이름을 바꾸지 않는다. rename(2)이 EXDEV(“Invalid cross-device link”)로 실패한다. 그러면 mv는 디스크 사이에서처럼 모든 파일을 새 이름으로 쓰기 가능 레이어에 복사하고 옛 이름을 지운다. 옛 이름에는 화이트아웃이 남는다.',
      },
      command: { line: 'mv /etc/nginx /etc/nginx.old', by: 'you' },
      lookAt: {
        en: 'The stack: EXDEV, then one copy per file.',
        ko: '스택: EXDEV, 그리고 파일마다 복사.',
        area: 'stack',
      },
      check: {
        kind: 'all',
        checks: [
          { kind: 'whiteoutAt', container: 'mv', path: '/etc/nginx' },
          { kind: 'pathInUpper', container: 'mv', path: '/etc/nginx.old/mime.types', type: 'file' },
        ],
      },
    },
    {
      id: 'mv-upper',
      narration: {
        en: 'Rename it again. Now the whole directory is in the upper, so rename(2) just works: nothing is copied.',
        ko: '한 번 더 이름을 바꾼다. 이제 디렉터리 전체가 upper에 있으므로 rename(2)이 그대로 성공한다. 아무것도 복사되지 않는다.',
      },
      command: { line: 'mv /etc/nginx.old /etc/nginx.older', by: 'type' },
      check: {
        kind: 'all',
        checks: [
          { kind: 'pathInUpper', container: 'mv', path: '/etc/nginx.older/mime.types', type: 'file' },
          { kind: 'mergedLacks', container: 'mv', path: '/etc/nginx.old' },
        ],
      },
    },
    {
      id: 'exit',
      narration: { en: 'Back to the host.', ko: '호스트로 돌아간다.' },
      command: { line: 'exit', by: 'type' },
      check: { kind: 'onHost' },
    },
    {
      id: 'diff',
      narration: {
        en: 'docker diff: every file of the directory is added (A) under the new name, and the old name deleted (D).',
        ko: 'docker diff: 디렉터리의 모든 파일이 새 이름으로 추가(A)되고, 옛 이름은 삭제(D)되었다.',
      },
      command: { line: 'docker diff mv', by: 'type' },
      lookAt: { en: 'The Explorer’s Diff tab.', ko: '탐색기의 Diff 탭.', area: 'explorer-diff' },
      check: { kind: 'outputContains', text: ['D /etc/nginx', 'A /etc/nginx.older/nginx.conf'] },
    },
  ],
};
