import type { NodeKind } from '../engine/node.ts';
import type { CopyTrigger, EntryCounts, LookupSegment, Narrator } from './narrate.ts';
import { decimalSize, list as listIn, octal, short } from './words.ts';

/**
 * The Korean narrator: the same sentences as `en` in narrate.ts, true to the same rules of
 * shared/SEMANTICS.md (cited there), in the blog's terms (레이어, 읽기 전용 레이어, 쓰기 가능 레이어,
 * 복사 후 쓰기, 화이트아웃) with the English term beside the Korean the first time a sentence uses it.
 *
 * Korean particles (을/를, 이/가, 은/는, 으로/로) depend on how the word before them ends, and a path
 * or a container's name can end any way. So no such particle ever follows a value: a value is
 * followed by a noun ("/etc/app.conf 파일을", "web 컨테이너를") or by a particle that does not change
 * (에, 에서, 의, 및, 또는). Byte counts always end in 바이트, kB or MB, all read "…바이트", so 를 and
 * 로 after them are right.
 */

const UP = '쓰기 가능 레이어(upper)';

/** "a", "a 및 b", "a, b 및 c" (or 또는). */
const list = (items: readonly string[], and = '및'): string => listIn(items, and);

/** The kind of an object as the object of a verb: each noun with its own 을/를. */
const KIND_OBJECT: Record<NodeKind, string> = {
  file: '파일을',
  dir: '디렉터리를',
  symlink: '심볼릭 링크를',
  whiteout: '화이트아웃을',
};

const bytes = (n: number): string => (n < 1000 ? `${n}바이트` : decimalSize(n));

function segment(s: LookupSegment): string {
  switch (s.result) {
    case 'miss':
      return `${list(s.layers, '또는')}에 없음`;
    case 'hit':
      return `${list(s.layers)}에서 찾음`;
    case 'hit-dir':
      return `${list(s.layers)}에 디렉터리가 있음`;
    case 'whiteout':
      return `${list(s.layers)}에 화이트아웃(whiteout)이 있음`;
    case 'opaque':
      return `${list(s.layers)}에 불투명(opaque) 디렉터리가 있음`;
  }
}

// C1, C3: what the whole-object copy was for, said before it ("…하는데도 … 전체를 복사합니다").
function trigger(t: CopyTrigger): string {
  switch (t.op) {
    case 'append':
      return t.bytes === 0
        ? '아무것도 덧붙이지 않고 쓰기용으로 열기만 해도'
        : `${bytes(t.bytes)}만 덧붙이는데도`;
    case 'overwrite':
      return `곧 ${bytes(t.bytes)}로 덮어쓸 것인데도`;
    case 'truncate':
      return `곧 ${bytes(t.size)}로 잘라 낼 것인데도`;
    case 'open':
      return '아무것도 쓰지 않고 쓰기용으로 열기만 해도';
    case 'chmod':
      return '모드만 바뀌는데도';
    case 'chown':
      return '소유자만 바뀌는데도';
    case 'utimes':
      return '타임스탬프만 바뀌는데도';
    case 'metadata':
      return '메타데이터만 바뀌는데도';
    case 'rename':
      return '이름을 바꿀 수 있도록';
    case 'link':
      return '하드 링크를 만들 수 있도록';
  }
}

function counts(c: EntryCounts): string {
  const parts: string[] = [];
  if (c.dirs) parts.push(`디렉터리 ${c.dirs}개`);
  if (c.files) parts.push(`파일 ${c.files}개`);
  if (c.symlinks) parts.push(`심볼릭 링크 ${c.symlinks}개`);
  return list(parts);
}

export const ko: Narrator = {
  names: {
    upper: UP,
    init: 'init 레이어',
    imageLayer: (n) => `레이어 ${n}`,
    upperOf: (c) => `${c} 컨테이너의 ${UP}`,
    initOf: (c) => `${c} 컨테이너의 init 레이어`,
    unknown: (id) => `레이어 ${id}`,
  },
  bytes,

  // B1: upper first, then init, then the image layers top to bottom.
  lookup: (path, segments) => `${path} 경로를 위에서부터 찾습니다: ${segments.map(segment).join(', ')}.`,

  // B1: a non-directory answers and hides everything below.
  foundObject: (path, layer, hidden, read) =>
    `${layer}에서 ${path} 경로를 찾았습니다${read === null ? '' : ` (${bytes(read)} 읽음)`}` +
    (hidden.length ? `. 그 아래 ${list(hidden)}에는 내려가 보지도 않습니다.` : '.'),

  // B1, B5: directories merge down to an opaque one.
  foundDir: (path, layers, opaqueIn) => {
    if (layers.length <= 1)
      return opaqueIn
        ? `${path} 디렉터리는 ${opaqueIn}에 있는 불투명(opaque) 디렉터리입니다: 그 안의 항목만 보이고, 아래 레이어의 항목은 하나도 보이지 않습니다.`
        : `${path} 디렉터리는 ${list(layers)}에만 있으므로, 병합 뷰(merged view)는 그 항목을 그대로 보여 줍니다.`;
    const stop = opaqueIn ? `. ${opaqueIn}의 디렉터리는 불투명(opaque)하므로 그 아래는 보지 않습니다` : '';
    return `${path} 디렉터리는 ${list(layers)}에 있습니다: 병합 뷰(merged view)는 그 항목들을 합쳐서 보여 줍니다${stop}.`;
  },

  // B1: a whiteout ends the lookup with ENOENT.
  whiteoutStop: (path, layer, hidden) =>
    `${layer}의 화이트아웃(whiteout)에서 찾기가 멈춥니다: ${path} 경로는 존재하지 않습니다` +
    (hidden.length ? `. 그 아래 ${list(hidden)}에는 내려가 보지도 않습니다.` : '.'),

  notFound: (path) => `어느 레이어에도 ${path} 경로가 없으므로, 병합 뷰(merged view)에도 존재하지 않습니다.`,

  read: (path, layer, n) =>
    layer === null
      ? `컨테이너의 레이어 바깥에서 ${path} 경로를 읽습니다: ${bytes(n)}.`
      : `${layer}에서 ${path} 경로를 읽습니다: ${bytes(n)}.`,

  // C2: missing ancestors are made in the upper first, as directories only.
  copyUpParents: (paths) =>
    `부모 디렉터리부터: ${list(paths)} 경로를 디렉터리로만 ${UP}에 복사합니다. ` +
    `모드와 소유자는 같고 파일 데이터는 0바이트입니다(항목들은 아래에 남아 병합됩니다).`,

  // C1, C3: the whole object is copied, into WorkDir first.
  copyUpPrepare: (path, kind, n, from, t) =>
    kind === 'file'
      ? `복사 후 쓰기(copy-on-write): ${trigger(t)} ${path} 파일 전체(${bytes(n)})를 ${from}에서 WorkDir로 복사합니다.`
      : kind === 'dir'
        ? `복사 후 쓰기(copy-on-write): ${trigger(t)} ${path} 디렉터리 자체를(안의 항목은 빼고) ${from}에서 WorkDir로 복사합니다.`
        : `복사 후 쓰기(copy-on-write): ${trigger(t)} ${path} ${KIND_OBJECT[kind]} ${from}에서 WorkDir로 복사합니다.`,

  copyUpMove: (path, from) =>
    `완성된 복사본을 WorkDir에서 ${UP}로 한 번에 옮기므로(rename), ${path} 경로는 온전한 모습으로 나타납니다. ` +
    `${from}에 있는 원본은 그대로입니다.`,

  create: (path, kind, layer, written) =>
    kind === 'file' && written !== null && written > 0
      ? `${layer}에 ${path} 파일을 새로 만들고 ${bytes(written)}를 씁니다.`
      : kind === 'file'
        ? `${layer}에 ${path} 파일을 빈 파일로 새로 만듭니다.`
        : `${layer}에 ${path} ${KIND_OBJECT[kind]} 새로 만듭니다.`,

  createTree: (path, layer, c, n) =>
    `${layer}에 ${path} 디렉터리를 새로 만들고 그 안에 ${counts(c)}를 만듭니다(${bytes(n)} 기록).`,

  // C8: mv's fallback after EXDEV: a plain new tree of fresh copies.
  copyTree: (from, to, c, n) =>
    `mv가 ${from} 경로를 ${to} 경로로 항목 하나하나 복사합니다: ${counts(c)}(${bytes(n)})를 ` +
    `${UP}에 새 복사본으로 만듭니다.`,

  // C9: link(2) on a lower file copies it up first.
  link: (existing, path, onCopy) =>
    `${UP}에 ${path} 하드 링크를 만듭니다. 대상은 ${onCopy ? `${existing}의 복사본` : `${existing} 경로`}이며, ` +
    `이제 두 이름이 아이노드(inode) 하나를 함께 씁니다.`,

  // C4: the write lands on the copy, never on the lower file.
  write: (path, n, append, onCopy) => {
    const target = onCopy ? `${UP}에 있는 ${path}의 복사본` : `${path} 파일`;
    if (n === 0) return `${target}을 쓰기용으로 열지만, 아무것도 쓰지 않습니다.`;
    return append ? `${target}에 ${bytes(n)}를 덧붙입니다.` : `${target}을 ${bytes(n)}로 덮어씁니다.`;
  },

  truncate: (path, size, onCopy) =>
    `${onCopy ? `${UP}에 있는 ${path}의 복사본` : `${path} 파일`}을 ${bytes(size)}로 잘라 냅니다.`,

  // C3: metadata changes apply to the copy; the lower original keeps its own.
  metadata: (path, c, original) => {
    const parts: string[] = [];
    if (c.mode !== undefined) parts.push(`모드 ${octal(c.mode)}`);
    if (c.owner) parts.push(`소유자 ${c.owner.uid}:${c.owner.gid}`);
    if (c.times) parts.push('새 타임스탬프');
    return original
      ? `${UP}에 있는 ${path}의 복사본에 새 메타데이터를 적용합니다: ${list(parts)}. ${original}에 있는 원본은 자기 값을 그대로 유지합니다.`
      : `${path} 경로에 새 메타데이터를 적용합니다: ${list(parts)}.`;
  },

  // C5: a name no lower holds is simply removed.
  remove: (path, inside) =>
    inside === 0
      ? `${path} 경로는 ${UP}에만 있으므로 그냥 지웁니다: 화이트아웃(whiteout)이 필요 없습니다.`
      : `${path} 경로와 그 안의 항목 ${inside}개는 ${UP}에만 있으므로 그냥 지웁니다: 화이트아웃(whiteout)이 필요 없습니다.`,

  // C5, C6: one whiteout, even for a whole directory.
  whiteout: (path, hides, inside) => {
    const where = hides.length ? list(hides) : '아래 레이어';
    return inside === 0
      ? `${path} 경로는 ${where}에 있고 그곳은 읽기 전용 레이어(read-only layer)이므로, ${UP}의 그 자리에 화이트아웃(whiteout)을 둡니다: ` +
          `찾기는 거기서 멈추고, 원본은 가려진 채 남습니다.`
      : `${path} 디렉터리와 그 안의 모든 것을 지우면 ${UP}의 ${path} 자리에 화이트아웃(whiteout) 하나만 남습니다. ` +
          `안에 있던 항목 ${inside}개에는 화이트아웃이 따로 생기지 않으며, ${where}의 디렉터리는 가려진 채 남습니다.`;
  },

  // C8: the delete half of mv's copy-and-delete.
  moveDelete: (path, hides) =>
    `이어서 mv가 원본을 지웁니다: ${UP}의 ${path} 자리에 화이트아웃(whiteout) 하나를 두어 ` +
    (hides ? `${hides} 및 그 아래 모든 레이어의 디렉터리를 가립니다.` : '아래 레이어의 디렉터리를 가립니다.'),

  // B5: the two cases in which the kernel sets trusted.overlay.opaque.
  opaque: (path, why) =>
    why === 'mkdir-over-whiteout'
      ? `새 ${path} 디렉터리가 ${UP}의 화이트아웃 자리를 대신하고 불투명(opaque)으로 표시됩니다(trusted.overlay.opaque=y). ` +
        `그래서 아래 레이어에 있던 예전 ${path} 경로의 내용은 전혀 비쳐 보이지 않습니다.`
      : `${UP}에서 만든 ${path} 디렉터리는 병합된 디렉터리 안으로 옮겨지면서 불투명(opaque)으로 표시됩니다. ` +
        `그래서 아래에 같은 이름의 디렉터리가 있어도 비쳐 보이지 않습니다.`,

  // C7: a renamed lower file was copied up first; the old name gets a whiteout next.
  rename: (from, to, onCopy, hides) =>
    `${UP} 안에서 ${onCopy ? `${from}의 복사본` : from}의 이름이 ${to} 경로로 바뀝니다` +
    (hides ? `. 이것이 ${hides}에 있던 예전 ${to} 경로를 가립니다.` : '.'),

  // C8
  exdev: (from, to) =>
    `${from} 경로를 ${to} 경로로 옮기는 rename(2)이 EXDEV로 실패합니다: 그 디렉터리의 적어도 일부가 ` +
    `읽기 전용 레이어(read-only layer)에 있는데, overlayfs는 그것을 옮길 수 없습니다(redirect_dir 옵션이 꺼져 있음). ` +
    `그래서 mv는 복사한 뒤 지우는 방식으로 대신합니다.`,

  // A6, F4
  elsewhere: (path, w) => {
    switch (w.kind) {
      case 'bind':
        return `${path} 경로는 Docker가 컨테이너 안에 바인드 마운트(bind mount)한 파일이므로, 쓰기는 그쪽으로 가고 ${UP}에는 닿지 않습니다.`;
      case 'volume':
        return `${path} 경로는 ${w.name} 볼륨(volume) 안에 있으므로, 쓰기는 ${UP}가 아니라 옆의 볼륨으로 갑니다.`;
      case 'memory':
        return `${path} 경로는 메모리 위의 tmpfs에 있으므로, 쓰기가 ${UP}에 닿지 않습니다.`;
      case 'kernel':
        return `${path} 경로는 커널 파일 시스템(/proc 또는 /sys)에 있으므로, 쓰기가 ${UP}에 닿지 않습니다.`;
      case 'host':
        return `${path} 경로에 쓴 내용은 호스트 자체의 파일 시스템에 기록되며, 어느 이미지 레이어나 컨테이너 레이어에도 속하지 않습니다.`;
    }
  },

  // E1
  commitFreeze: (c) =>
    `docker commit은 ${c} 컨테이너를 일시 정지하고 ${UP}를 고정합니다: init 레이어는 빼고 쓰기 가능 레이어만 가져갑니다.`,
  // E2, E4
  commitTar: (n) =>
    `${UP}를 ${bytes(n)} 크기의 tar로 내보냅니다: 화이트아웃(whiteout)은 각각 빈 .wh.<이름> 파일이 되고, ` +
    `불투명(opaque) 디렉터리에는 .wh..wh..opq 항목이 붙습니다.`,
  // E5
  commitHash: (d) => `그 tar의 SHA-256 다이제스트가 레이어의 diff ID가 됩니다: sha256:${short(d)}…`,
  // E6, E7
  commitLayer: (size, layer, chain) =>
    `새 레이어(파일 ${bytes(size)})를 이미지의 레이어들 위에 쌓습니다${layer ? ` (${layer})` : ''}. ` +
    `체인 ID(chain ID)는 sha256:${short(chain)}…입니다.`,
  // E5, E8 — "이미지 <ref> (ID <id>)" as in English: the stack reads the new image's name from it.
  imageCreated: (ref, id, added) =>
    added
      ? `새 이미지 ${ref ?? '(태그 없음)'} (ID ${short(id)}): 부모 이미지의 레이어에 이 레이어 하나를 더한 것입니다. ` +
        `이 이미지로 실행한 컨테이너는 비어 있는 새 ${UP}를 맨 위에 얹고 시작합니다.`
      : `tar가 비어 있으므로 레이어를 더하지 않습니다: 새 이미지 ${ref ?? '(태그 없음)'} (ID ${short(id)}): 부모 이미지와 레이어가 똑같습니다.`,

  imageLoaded: (ref, id, layers) =>
    `이미지 ${ref ?? '(태그 없음)'} (ID ${short(id)})를 저장했습니다: 설정(config)은 그 바이트의 다이제스트로 저장되고, ` +
    `레이어 ${layers}개를 아래부터 차례로 가리킵니다. 이 이미지로 실행한 컨테이너는 비어 있는 새 ${UP}를 맨 위에 얹고 시작합니다.`,

  layerLoaded: (diffId, size, existed, layer) =>
    existed
      ? `sha256:${short(diffId)}…: 이 레이어의 체인은 레이어 저장소에 이미 있으므로${layer ? `(${layer})` : ''} 다시 저장하지 않습니다.`
      : `sha256:${short(diffId)}… 레이어(${bytes(size)})를 불러옵니다: diff ID를 확인하고, 자기 디렉터리에 풀어 ` +
        `아래 레이어 위에 쌓습니다${layer ? ` (${layer})` : ''}.`,

  layerPulled: (diffId, size, existed, layer) =>
    existed
      ? `sha256:${short(diffId)}…: Already exists — 이 머신에 이미 있는 레이어${layer ? `(${layer})` : ''}이므로, 다시 내려받지 않고 공유합니다.`
      : `sha256:${short(diffId)}… 레이어(${bytes(size)})를 내려받아 자기 디렉터리에 풀고, ` +
        `아래 레이어 위에 쌓습니다${layer ? ` (${layer})` : ''}.`,

  // A1, A2: a container is the image's layers (shared, read-only) plus an init layer and an empty upper.
  containerCreated: (name, image, layers, shared) =>
    `${name} 컨테이너는 ${image} 이미지의 읽기 전용 레이어(read-only layer) ${layers}개 위에 init 레이어와 ` +
    `비어 있는 새 ${UP}를 얹습니다: 아무것도 복사하지 않습니다` +
    (shared > 1 ? `. 이제 컨테이너 ${shared}개가 이 레이어들을 함께 씁니다.` : '.'),
  containerRemoved: (name, upper) =>
    `docker rm은 ${name} 컨테이너의 ${UP}와 init 레이어를 지웁니다${upper > 0 ? ` (그 안에 쓴 ${bytes(upper)}도 사라집니다)` : ''}. ` +
    `이미지의 레이어는 손대지 않은 채 남습니다.`,

  // D1–D3: docker diff compares the container's view with the image's (plus init), not the upper.
  diffLine: (kind, path, below) => {
    switch (kind) {
      case 'A':
        return `A ${path}: 추가(added) — 컨테이너의 파일 시스템에는 있지만, 컨테이너가 시작된 이미지에는 없습니다.`;
      case 'C':
        return below
          ? `C ${path}: 변경(changed) — 이 디렉터리 아래의 무언가가 바뀌었기 때문입니다(또는 디렉터리 자신의 모드나 소유자가 바뀌었습니다).`
          : `C ${path}: 변경(changed) — 종류, 모드, 소유자, 크기 또는 수정 시각이 이미지의 것과 다릅니다.`;
      case 'D':
        return `D ${path}: 삭제(deleted) — 이미지에는 있지만 컨테이너에는 없습니다. 지운 디렉터리는 D 하나만 나오고, 안에 있던 것은 나오지 않습니다.`;
    }
  },
};
