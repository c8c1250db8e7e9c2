import type { Lesson } from './types.ts';

/** Lessons on what lives outside the container layer, what is shared, and newer Docker. */

export const VOLUMES: Lesson = {
  id: 'volumes',
  kind: 'lesson',
  title: { en: 'Volumes vs the container layer', ko: '볼륨과 컨테이너 레이어' },
  summary: {
    en: 'The writable layer lives and dies with its container; a volume is a plain directory outside the overlay that outlives it.',
    ko: '쓰기 가능 레이어는 컨테이너와 함께 사라진다. 볼륨은 overlay 밖의 보통 디렉터리라 컨테이너가 지워져도 남는다.',
  },
  steps: [
    {
      id: 'create',
      narration: { en: 'Create a named volume.', ko: '이름 있는 볼륨을 만든다.' },
      command: { line: 'docker volume create data', by: 'type' },
      check: { kind: 'outputContains', text: ['data'] },
    },
    {
      id: 'run',
      narration: {
        en: 'Start a container with the volume mounted at /data.',
        ko: '볼륨을 /data에 마운트한 컨테이너를 시작한다.',
      },
      command: { line: 'docker run -d --name vol -v data:/data nginx', by: 'type' },
      check: { kind: 'containerExists', name: 'vol', state: 'running' },
    },
    {
      id: 'exec',
      narration: { en: 'Open a shell in it.', ko: '컨테이너 안에서 셸을 연다.' },
      command: { line: 'docker exec -it vol bash', by: 'type' },
      check: { kind: 'insideContainer', name: 'vol' },
    },
    {
      id: 'write-volume',
      narration: {
        en: 'Write a file into the volume. /data is a mount of /var/lib/docker/volumes/data/_data: the write does not touch the overlay at all.',
        ko: '볼륨에 파일을 쓴다. /data는 /var/lib/docker/volumes/data/_data의 마운트이므로 overlay를 전혀 거치지 않는다.',
      },
      command: { line: 'echo kept > /data/note.txt', by: 'you' },
      check: { kind: 'volumeHas', volume: 'data', path: '/note.txt', content: 'kept\n' },
    },
    {
      id: 'write-layer',
      narration: {
        en: 'Write a file anywhere else: it goes into the container’s writable layer.',
        ko: '다른 곳에 파일을 쓰면 컨테이너의 쓰기 가능 레이어에 들어간다.',
      },
      command: { line: 'echo lost > /tmp/note.txt', by: 'you' },
      check: { kind: 'pathInUpper', container: 'vol', path: '/tmp/note.txt', content: 'lost\n' },
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
        en: 'docker diff lists only the container layer: /tmp/note.txt is there, /data/note.txt is not.',
        ko: 'docker diff에는 컨테이너 레이어만 나온다. /tmp/note.txt는 있고 /data/note.txt는 없다.',
      },
      command: { line: 'docker diff vol', by: 'type' },
      lookAt: { en: 'The Explorer’s Diff tab.', ko: '탐색기의 Diff 탭.', area: 'explorer-diff' },
      check: {
        kind: 'all',
        checks: [
          { kind: 'outputContains', text: ['A /tmp/note.txt'] },
          { kind: 'outputLacks', text: ['/data/note.txt'] },
        ],
      },
    },
    {
      id: 'rm',
      narration: {
        en: 'Remove the container. Its writable layer goes with it, /tmp/note.txt included.',
        ko: '컨테이너를 지운다. 쓰기 가능 레이어도 /tmp/note.txt와 함께 사라진다.',
      },
      command: { line: 'docker rm -f vol', by: 'type' },
      check: { kind: 'containerGone', name: 'vol' },
    },
    {
      id: 'ls-volume',
      narration: {
        en: 'The volume is still on the host, with the note.',
        ko: '볼륨은 메모와 함께 호스트에 그대로 있다.',
      },
      command: { line: 'ls /var/lib/docker/volumes/data/_data', by: 'type' },
      lookAt: { en: 'The terminal: note.txt.', ko: '터미널: note.txt', area: 'terminal' },
      check: { kind: 'outputContains', text: ['note.txt'] },
    },
    {
      id: 'reuse',
      narration: {
        en: 'A new container mounting the volume reads it back.',
        ko: '볼륨을 마운트한 새 컨테이너가 그 내용을 다시 읽는다.',
      },
      command: { line: 'docker run --rm -v data:/data nginx cat /data/note.txt', by: 'type' },
      check: { kind: 'outputContains', text: ['kept'] },
    },
  ],
};

export const SHARED: Lesson = {
  id: 'shared-layers',
  kind: 'lesson',
  title: { en: 'Shared layers and disk use', ko: '공유 레이어와 디스크 사용량' },
  summary: {
    en: 'Two containers of one image share its read-only layers: docker ps -s and docker system df show what each really costs.',
    ko: '같은 이미지의 컨테이너 두 개는 읽기 전용 레이어를 공유한다. docker ps -s와 docker system df로 실제 비용을 본다.',
  },
  steps: [
    {
      id: 'web1',
      narration: { en: 'Start a first nginx container.', ko: '첫 번째 nginx 컨테이너를 시작한다.' },
      command: { line: 'docker run -d --name web1 nginx', by: 'type' },
      check: { kind: 'containerExists', name: 'web1', state: 'running' },
    },
    {
      id: 'web2',
      narration: {
        en: 'And a second one, of the same image.',
        ko: '같은 이미지로 두 번째 컨테이너를 시작한다.',
      },
      command: { line: 'docker run -d --name web2 nginx', by: 'type' },
      lookAt: {
        en: 'The stack: both containers stand on the same layers.',
        ko: '스택: 두 컨테이너가 같은 레이어 위에 있다.',
        area: 'stack',
      },
      check: { kind: 'containerExists', name: 'web2', state: 'running' },
    },
    {
      id: 'ps-s',
      narration: {
        en: 'docker ps -s: SIZE is each container’s own writable layer (about 1 kB); "virtual" adds the image’s 187 MB, which both share and which is on disk once.',
        ko: 'docker ps -s: SIZE는 컨테이너마다의 쓰기 가능 레이어(약 1kB)이고, virtual은 이미지의 187MB를 더한 값이다. 이 187MB는 두 컨테이너가 공유하며 디스크에는 한 번만 있다.',
      },
      command: { line: 'docker ps -s', by: 'type' },
      check: { kind: 'outputContains', text: ['web1', 'web2', 'virtual 187MB'] },
    },
    {
      id: 'system-df',
      narration: {
        en: 'docker system df counts each layer once: the images still take 187 MB, and the two containers a couple of kB.',
        ko: 'docker system df는 레이어를 한 번씩만 센다. 이미지는 여전히 187MB, 두 컨테이너는 몇 kB뿐이다.',
      },
      command: { line: 'docker system df', by: 'type' },
      check: { kind: 'outputContains', text: ['Images', 'Containers', '187MB'] },
    },
    {
      id: 'write-one',
      narration: {
        en: 'Write a file in web1. It lands in web1’s own upper; the shared layers do not change.',
        ko: 'web1에 파일을 쓴다. web1의 쓰기 가능 레이어에만 들어가고, 공유하는 레이어는 변하지 않는다.',
      },
      command: { line: 'docker exec web1 touch /only-in-web1', by: 'type' },
      check: { kind: 'pathInUpper', container: 'web1', path: '/only-in-web1' },
    },
    {
      id: 'look-other',
      narration: { en: 'web2 does not see it.', ko: 'web2에서는 보이지 않는다.' },
      command: { line: 'docker exec web2 ls /', by: 'type' },
      check: {
        kind: 'all',
        checks: [
          { kind: 'outputContains', text: ['docker-entrypoint.sh'] },
          { kind: 'outputLacks', text: ['only-in-web1'] },
          { kind: 'mergedLacks', container: 'web2', path: '/only-in-web1' },
        ],
      },
    },
  ],
};

export const NEWER_DOCKER: Lesson = {
  id: 'newer-docker',
  kind: 'lesson',
  title: { en: 'What’s different on newer Docker', ko: '최신 Docker에서 달라진 점' },
  summary: {
    en: 'Docker Engine 29 and later default to the containerd image store: /var/lib/docker looks different, the union mount works the same.',
    ko: 'Docker Engine 29부터는 containerd 이미지 저장소가 기본이다. /var/lib/docker의 모습은 다르지만 유니온 마운트의 원리는 같다.',
  },
  steps: [
    {
      id: 'this-page',
      narration: {
        en: 'This page, like the blog post, shows the classic overlay2 storage driver: images in /var/lib/docker/image/overlay2 and layers in /var/lib/docker/overlay2.',
        ko: '이 페이지는 블로그 글처럼 예전의 overlay2 스토리지 드라이버를 보여 준다. 이미지는 /var/lib/docker/image/overlay2에, 레이어는 /var/lib/docker/overlay2에 있다.',
      },
      command: { line: 'docker info | grep Storage', by: 'type' },
      check: { kind: 'outputContains', text: ['Storage Driver: overlay2'] },
    },
    {
      id: 'containerd-store',
      narration: {
        en: 'Docker Engine 29 and later use the containerd image store by default on a fresh install (an upgraded install keeps its overlay2 data until you switch). There, docker info reports the overlayfs snapshotter (driver-type io.containerd.snapshotter.v1), and image layers are containerd snapshots under /var/lib/containerd, not the overlay2 folders and layerdb the post lists, so paths and names differ from this page.',
        ko: 'Docker Engine 29부터는 새로 설치하면 containerd 이미지 저장소를 기본으로 쓴다(업그레이드한 설치는 바꾸기 전까지 기존 overlay2 데이터를 그대로 쓴다). 이때 docker info는 overlayfs 스냅샷터(driver-type io.containerd.snapshotter.v1)를 보여 주고, 이미지 레이어는 글에 나온 overlay2 폴더와 layerdb가 아니라 /var/lib/containerd 아래의 containerd 스냅샷이다. 그래서 경로와 이름이 이 페이지와 다르다.',
      },
    },
    {
      id: 'same-ideas',
      narration: {
        en: 'The ideas stay the same: a container is still an overlay mount of read-only lower layers under one writable upper, the topmost copy wins, changes are copied up (copy-on-write), deletes leave whiteouts, and docker diff and docker commit work as in this page.',
        ko: '원리는 같다. 컨테이너는 여전히 읽기 전용 레이어들 위에 쓰기 가능 레이어 하나를 얹은 overlay 마운트이고, 가장 위의 파일이 보이며, 수정하면 위로 복사하고(복사 후 쓰기, COW), 지우면 화이트아웃이 남는다. docker diff와 docker commit도 이 페이지에서처럼 동작한다.',
      },
    },
  ],
};
