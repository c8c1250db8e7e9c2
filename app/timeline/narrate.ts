import type { NodeKind } from '../engine/node.ts';
import { decimalSize, list as listIn, octal, short } from './words.ts';

/**
 * Every sentence the timeline speaks, as small functions of plain data (paths, layer names already
 * worded by `names`, byte counts). steps.ts decides what happened; this file only words it, so a
 * translation (issue #5) is another object of this shape. Each sentence must stay true to
 * shared/SEMANTICS.md: the rule it states is cited beside it.
 */

/** What one run of consecutive probes of a lookup found (B1). */
export interface LookupSegment {
  readonly result: 'miss' | 'hit' | 'hit-dir' | 'whiteout' | 'opaque';
  readonly layers: readonly string[];
}

/** What made a copy-up necessary: the operation that follows it on the same path (C1). */
export type CopyTrigger =
  | { readonly op: 'append'; readonly bytes: number }
  | { readonly op: 'overwrite'; readonly bytes: number }
  | { readonly op: 'truncate'; readonly size: number }
  | { readonly op: 'open' } // opened for writing, nothing written (`: >> f`)
  | { readonly op: 'chmod' | 'chown' | 'utimes' | 'metadata' | 'rename' | 'link' };

export interface MetaChange {
  readonly mode?: number;
  readonly owner?: { readonly uid: number; readonly gid: number };
  readonly times?: true;
}

/** Where a write went instead of the upper (A6, F4). */
export type Elsewhere =
  | { readonly kind: 'bind' | 'host' | 'memory' | 'kernel' }
  | { readonly kind: 'volume'; readonly name: string };

export interface EntryCounts {
  readonly dirs: number;
  readonly files: number;
  readonly symlinks: number;
}

export interface Narrator {
  readonly names: {
    readonly upper: string;
    readonly init: string;
    imageLayer(n: number): string;
    upperOf(container: string): string;
    initOf(container: string): string;
    unknown(shortId: string): string;
  };
  bytes(n: number): string;
  lookup(path: string, segments: readonly LookupSegment[]): string;
  foundObject(path: string, layer: string, hidden: readonly string[], read: number | null): string;
  foundDir(path: string, layers: readonly string[], opaqueIn: string | null): string;
  whiteoutStop(path: string, layer: string, hidden: readonly string[]): string;
  notFound(path: string): string;
  read(path: string, layer: string | null, bytes: number): string;
  copyUpParents(paths: readonly string[]): string;
  copyUpPrepare(path: string, kind: NodeKind, bytes: number, from: string, trigger: CopyTrigger): string;
  copyUpMove(path: string, from: string): string;
  create(path: string, kind: NodeKind, layer: string, written: number | null): string;
  createTree(path: string, layer: string, counts: EntryCounts, bytes: number): string;
  copyTree(from: string, to: string, counts: EntryCounts, bytes: number): string;
  link(existing: string, path: string, onCopy: boolean): string;
  write(path: string, bytes: number, append: boolean, onCopy: boolean): string;
  truncate(path: string, size: number, onCopy: boolean): string;
  metadata(path: string, change: MetaChange, original: string | null): string;
  remove(path: string, inside: number): string;
  /** `hides`: the lower layers holding what the whiteout hides, top first (none when not known). */
  whiteout(path: string, hides: readonly string[], inside: number): string;
  moveDelete(path: string, hides: string | null): string;
  opaque(path: string, why: 'mkdir-over-whiteout' | 'rename-into-merged'): string;
  rename(from: string, to: string, onCopy: boolean, hides: string | null): string;
  exdev(from: string, to: string): string;
  elsewhere(path: string, where: Elsewhere): string;
  commitFreeze(container: string): string;
  commitTar(bytes: number): string;
  commitHash(diffId: string): string;
  commitLayer(size: number, layer: string | null, chainId: string): string;
  imageCreated(ref: string | null, id: string, addedLayer: boolean): string;
  /** docker load: the image stored over the `layers` layers just registered (or found already there). */
  imageLoaded(ref: string | null, id: string, layers: number): string;
  /** docker load: a layer of the archive registered (or its chain found in the layer store already). */
  layerLoaded(diffId: string, size: number, existed: boolean, layer: string | null): string;
  layerPulled(diffId: string, size: number, existed: boolean, layer: string | null): string;
  diffLine(kind: 'A' | 'C' | 'D', path: string, changedBelow: boolean): string;
  containerCreated(name: string, image: string, layers: number, shared: number): string;
  containerRemoved(name: string, upperBytes: number): string;
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const verb = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** "a", "a and b", "a, b and c" (or "or"). */
const list = (items: readonly string[], and = 'and'): string => listIn(items, and);

const kindNoun = (kind: NodeKind): string => (kind === 'dir' ? 'directory' : kind);

function bytes(n: number): string {
  if (n === 1) return '1 byte';
  return n < 1000 ? `${n} bytes` : decimalSize(n);
}

function segment(s: LookupSegment): string {
  switch (s.result) {
    case 'miss':
      return `not in ${list(s.layers, 'or')}`;
    case 'hit':
      return `found in ${list(s.layers)}`;
    case 'hit-dir':
      return `a directory in ${list(s.layers)}`;
    case 'whiteout':
      return `a whiteout in ${list(s.layers)}`;
    case 'opaque':
      return `an opaque directory in ${list(s.layers)}`;
  }
}

// C1, C3: what the whole-file copy was for.
function trigger(t: CopyTrigger): string {
  switch (t.op) {
    case 'append':
      return t.bytes === 0
        ? 'though nothing is appended: opening it for writing is enough'
        : `though only ${bytes(t.bytes)} ${verb(t.bytes, 'is', 'are')} appended`;
    case 'overwrite':
      return `even though it is about to be overwritten with ${bytes(t.bytes)}`;
    case 'truncate':
      return `even though it is then truncated to ${bytes(t.size)}`;
    case 'open':
      return 'though nothing is written: opening it for writing is enough';
    case 'chmod':
      return 'though only its mode changes';
    case 'chown':
      return 'though only its owner changes';
    case 'utimes':
      return 'though only its timestamps change';
    case 'metadata':
      return 'though only its metadata changes';
    case 'rename':
      return 'so that it can be renamed';
    case 'link':
      return 'so that it can be hard-linked';
  }
}

function counts(c: EntryCounts): string {
  const parts: string[] = [];
  if (c.dirs) parts.push(plural(c.dirs, 'directory', 'directories'));
  if (c.files) parts.push(plural(c.files, 'file', 'files'));
  if (c.symlinks) parts.push(plural(c.symlinks, 'symlink', 'symlinks'));
  return list(parts);
}

export const en: Narrator = {
  names: {
    upper: 'the upper',
    init: 'the init layer',
    imageLayer: (n) => `layer ${n}`,
    upperOf: (c) => `the upper of ${c}`,
    initOf: (c) => `the init layer of ${c}`,
    unknown: (id) => `layer ${id}`,
  },
  bytes,

  // B1: upper first, then init, then the image layers top to bottom.
  lookup: (path, segments) => `Looking up ${path} from the top down: ${segments.map(segment).join(', ')}.`,

  // B1: a non-directory answers and hides everything below.
  foundObject: (path, layer, hidden, read) =>
    `${cap(layer)} answers for ${path}${read === null ? '' : ` (${bytes(read)} read)`}` +
    (hidden.length ? `; ${list(hidden)} below ${verb(hidden.length, 'is', 'are')} never looked at.` : '.'),

  // B1, B5: directories merge down to an opaque one.
  foundDir: (path, layers, opaqueIn) => {
    if (layers.length <= 1)
      return opaqueIn
        ? `${path} is an opaque directory in ${opaqueIn}: only its own entries show, none from the layers below.`
        : `${path} is a directory in ${list(layers)} alone, so the merged view lists exactly its entries.`;
    const stop = opaqueIn ? `; the one in ${opaqueIn} is opaque, so nothing below it is looked at` : '';
    return `${path} is a directory in ${list(layers)}: the merged view lists the union of their entries${stop}.`;
  },

  // B1: a whiteout ends the lookup with ENOENT.
  whiteoutStop: (path, layer, hidden) =>
    `The whiteout in ${layer} stops the lookup: ${path} does not exist` +
    (hidden.length
      ? `, and ${list(hidden)} below ${verb(hidden.length, 'is', 'are')} never looked at.`
      : '.'),

  notFound: (path) => `No layer holds ${path}, so it does not exist in the merged view.`,

  read: (path, layer, n) =>
    layer === null
      ? `${cap(bytes(n))} of ${path} ${verb(n, 'is', 'are')} read from outside the container's layers.`
      : `${cap(bytes(n))} of ${path} ${verb(n, 'is', 'are')} read from ${layer}.`,

  // C2: missing ancestors are made in the upper first, as directories only.
  copyUpParents: (paths) =>
    `Parent ${paths.length === 1 ? 'directory' : 'directories'} first: ${list(paths)} ${verb(paths.length, 'is', 'are')} ` +
    `copied up into the upper as ${paths.length === 1 ? 'a directory' : 'directories'} only, with the same mode and owner ` +
    `(0 bytes of file data; the entries stay below and are merged).`,

  // C1, C3: the whole object is copied, into WorkDir first.
  copyUpPrepare: (path, kind, n, from, t) =>
    kind === 'file'
      ? `Copy-up: the whole file ${path} (${bytes(n)}) is copied from ${from} into WorkDir, ${trigger(t)}.`
      : kind === 'dir'
        ? `Copy-up: the directory ${path} itself, not its entries, is copied from ${from} into WorkDir, ${trigger(t)}.`
        : `Copy-up: the ${kindNoun(kind)} ${path} is copied from ${from} into WorkDir, ${trigger(t)}.`,

  copyUpMove: (path, from) =>
    `The finished copy is renamed from WorkDir into the upper in one step, so ${path} appears there whole; ` +
    `the original in ${from} stays untouched.`,

  create: (path, kind, layer, written) =>
    kind === 'file' && written !== null && written > 0
      ? `A new file ${path} is created in ${layer} and ${bytes(written)} ${verb(written, 'is', 'are')} written to it.`
      : kind === 'file'
        ? `A new empty file ${path} is created in ${layer}.`
        : `A new ${kindNoun(kind)} ${path} is created in ${layer}.`,

  createTree: (path, layer, c, n) =>
    `A new directory ${path} is created in ${layer} with ${counts(c)} inside it (${bytes(n)} written).`,

  // C8: mv's fallback after EXDEV: a plain new tree of fresh copies.
  copyTree: (from, to, c, n) =>
    `mv copies ${from} to ${to} entry by entry: ${counts(c)} (${bytes(n)}) ` +
    `${verb(c.dirs + c.files + c.symlinks, 'is', 'are')} created in the upper as new copies.`,

  // C9: link(2) on a lower file copies it up first.
  link: (existing, path, onCopy) =>
    `A hard link ${path} is made in the upper to ${onCopy ? 'the copy of ' : ''}${existing}: both names now share one inode.`,

  // C4: the write lands on the copy, never on the lower file.
  write: (path, n, append, onCopy) => {
    const target = onCopy ? `the copy of ${path} in the upper` : path;
    if (n === 0) return `${cap(target)} is opened for writing, but nothing is written.`;
    return append
      ? `${cap(bytes(n))} ${verb(n, 'is', 'are')} appended to ${target}.`
      : `${cap(target)} is overwritten with ${bytes(n)}.`;
  },

  truncate: (path, size, onCopy) =>
    `${onCopy ? `The copy of ${path} in the upper` : path} is truncated to ${bytes(size)}.`,

  // C3: metadata changes apply to the copy; the lower original keeps its own.
  metadata: (path, c, original) => {
    const parts: string[] = [];
    if (c.mode !== undefined) parts.push(`mode ${octal(c.mode)}`);
    if (c.owner) parts.push(`owner ${c.owner.uid}:${c.owner.gid}`);
    if (c.times) parts.push('new timestamps');
    return original
      ? `The copy of ${path} in the upper gets ${list(parts)}; the original in ${original} keeps its own.`
      : `${path} gets ${list(parts)}.`;
  },

  // C5: a name no lower holds is simply removed.
  remove: (path, inside) =>
    inside === 0
      ? `${path} exists only in the upper, so it is simply deleted: no whiteout is needed.`
      : `${path} and the ${plural(inside, 'entry', 'entries')} inside it exist only in the upper, so they are simply deleted: no whiteout is needed.`,

  // C5, C6: one whiteout, even for a whole directory.
  whiteout: (path, hides, inside) => {
    const where = hides.length ? list(hides) : 'the layers below';
    const read = hides.length === 1 ? 'is read-only' : 'are read-only';
    return inside === 0
      ? `${path} is in ${where}, which ${read}, so the upper gets a whiteout in its place: lookups stop there, and the original stays, hidden.`
      : `Deleting the directory ${path} and everything in it leaves a single whiteout at ${path} in the upper, ` +
          `none for the ${plural(inside, 'entry', 'entries')} inside; ` +
          (hides.length > 1
            ? `the directories in ${where} stay, hidden.`
            : `the directory in ${where} stays, hidden.`);
  },

  // C8: the delete half of mv's copy-and-delete.
  moveDelete: (path, hides) =>
    `mv then deletes the original: a single whiteout at ${path} in the upper hides the directory ` +
    (hides ? `in ${hides} and any layer below.` : 'in the layers below.'),

  // B5: the two cases in which the kernel sets trusted.overlay.opaque.
  opaque: (path, why) =>
    why === 'mkdir-over-whiteout'
      ? `The new directory ${path} replaces the whiteout in the upper and is marked opaque (trusted.overlay.opaque=y), ` +
        `so nothing of the old ${path} in the layers below shows through.`
      : `${path}, a directory made in the upper, is marked opaque as it moves into a merged directory, ` +
        `so nothing of a same-named directory below can show through.`,

  // C7: a renamed lower file was copied up first; the old name gets a whiteout next.
  rename: (from, to, onCopy, hides) =>
    `${onCopy ? `The copy of ${from}` : from} is renamed to ${to} inside the upper` +
    (hides ? `, where it hides the old ${to} in ${hides}.` : '.'),

  // C8
  exdev: (from, to) =>
    `rename(2) of ${from} to ${to} fails with EXDEV: the directory lies at least partly in a read-only lower layer, ` +
    `which overlayfs cannot move (redirect_dir is off), so mv falls back to copying and deleting.`,

  // A6, F4
  elsewhere: (path, w) => {
    switch (w.kind) {
      case 'bind':
        return `${path} is a file Docker bind-mounts into the container, so the write goes there and never reaches the upper.`;
      case 'volume':
        return `${path} is in the volume ${w.name}, so the write goes sideways into the volume, not into the upper.`;
      case 'memory':
        return `${path} is on a tmpfs in memory, so the write never reaches the upper.`;
      case 'kernel':
        return `${path} is on a kernel filesystem (/proc or /sys), so the write never reaches the upper.`;
      case 'host':
        return `The write to ${path} lands on the host's own filesystem, outside every image and container layer.`;
    }
  },

  // E1
  commitFreeze: (c) =>
    `docker commit pauses ${c} and freezes its upper: only the upper is taken, not the init layer.`,
  // E2, E4
  commitTar: (n) =>
    `The upper is written out as a tar of ${bytes(n)}: each whiteout becomes an empty .wh.<name> file ` +
    `and each opaque directory gets a .wh..wh..opq entry.`,
  // E5
  commitHash: (d) => `The SHA-256 digest of that tar becomes the layer's diff ID: sha256:${short(d)}…`,
  // E6, E7
  commitLayer: (size, layer, chain) =>
    `The new layer (${bytes(size)} of files) is stacked on top of the image's layers` +
    `${layer ? ` as ${layer}` : ''}; its chain ID is sha256:${short(chain)}…`,
  // E5, E8
  imageCreated: (ref, id, added) =>
    added
      ? `The new image ${ref ?? '(untagged)'} (ID ${short(id)}) is its parent's layers plus this one; ` +
        `a container run from it starts with a fresh, empty upper on top.`
      : `The tar is empty, so no layer is added: the new image ${ref ?? '(untagged)'} (ID ${short(id)}) has exactly its parent's layers.`,

  imageLoaded: (ref, id, layers) =>
    `The image ${ref ?? '(untagged)'} (ID ${short(id)}) is stored: its config, under the digest of its bytes, ` +
    `names its ${layers} layer${layers === 1 ? '' : 's'} bottom first, and a container run from it starts ` +
    `with a fresh, empty upper on top.`,

  layerLoaded: (diffId, size, existed, layer) =>
    existed
      ? `sha256:${short(diffId)}…: this layer's chain is in the layer store already${layer ? ` (${layer})` : ''}, so it is not stored again.`
      : `Loading layer sha256:${short(diffId)}… (${bytes(size)}): its diff ID checked, it is unpacked into its own ` +
        `directory and stacked on the layer below it${layer ? ` as ${layer}` : ''}.`,

  layerPulled: (diffId, size, existed, layer) =>
    existed
      ? `sha256:${short(diffId)}…: Already exists — ${layer ?? 'this layer'} is on this machine already, so it is shared, not downloaded again.`
      : `Layer sha256:${short(diffId)}… (${bytes(size)}) is downloaded, unpacked into its own directory ` +
        `and stacked on the layer below it${layer ? ` as ${layer}` : ''}.`,

  // A1, A2: a container is the image's layers (shared, read-only) plus an init layer and an empty upper.
  containerCreated: (name, image, layers, shared) =>
    `Container ${name} gets an init layer and a fresh, empty upper on top of ${image}'s ` +
    `${plural(layers, 'read-only layer', 'read-only layers')}: nothing is copied` +
    (shared > 1 ? `, and ${plural(shared, 'container shares', 'containers share')} those layers now.` : '.'),
  containerRemoved: (name, upper) =>
    `docker rm deletes ${name}'s upper and init layers${upper > 0 ? ` (${bytes(upper)} written in it are gone)` : ''}; ` +
    `the image's layers stay, untouched.`,

  // D1–D3: docker diff compares the container's view with the image's (plus init), not the upper.
  diffLine: (kind, path, below) => {
    switch (kind) {
      case 'A':
        return `A ${path}: added — it is in the container's filesystem but not in the image it started from.`;
      case 'C':
        return below
          ? `C ${path}: changed, because something beneath this directory changed (or its own mode or owner did).`
          : `C ${path}: changed — its type, mode, owner, size or modification time differs from the image's.`;
      case 'D':
        return `D ${path}: deleted — it is in the image but not in the container; a deleted directory gives one D, nothing for what was inside.`;
    }
  },
};
