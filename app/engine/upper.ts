import type { EngineEvent } from './events.ts';
import type { AbsPath } from './ids.ts';
import type { Layer } from './layer.ts';
import type { FileNode, Node } from './node.ts';
import { dirNode, metaOf } from './node.ts';
import type { Overlay, Resolved } from './overlay.ts';
import { child, layerAt, rootResolved } from './overlay.ts';
import { getIn, setIn } from './tree.ts';

// Changes to the upper layer of an overlay: copy-up and the bookkeeping of hard links.

export const pathOf = (comps: readonly string[]): AbsPath => ('/' + comps.join('/')) as AbsPath;

export const withUpper = (ov: Overlay, upper: Layer): Overlay => ({ ...ov, upper });

/**
 * Make sure every directory on `comps` exists in the upper, copying each missing one up from the
 * topmost lower that has it (mode, owner and mtime kept, contents not copied). The kernel does this
 * parents-first and restores the parent's times after each step, so no mtime changes here (C2).
 */
export function copyUpDirs(ov: Overlay, comps: readonly string[], events: EngineEvent[]): Overlay {
  let root = ov.upper.root;
  let r: Resolved | undefined = rootResolved(ov);
  for (let i = 0; i < comps.length; i++) {
    r = r && child(r, comps[i]!);
    if (!r || r.node.kind !== 'dir')
      throw new Error(`copyUpDirs: ${pathOf(comps.slice(0, i + 1))} is not a merged directory`);
    const sub = comps.slice(0, i + 1);
    if (getIn(root, sub)?.kind === 'dir') continue;
    root = setIn(root, sub, dirNode(metaOf(r.node)), null);
    events.push({
      type: 'copy-up',
      path: pathOf(sub),
      from: layerAt(ov, r.level).id,
      kind: 'dir',
      bytes: 0,
      reason: 'parent',
    });
  }
  return root === ov.upper.root ? ov : withUpper(ov, { ...ov.upper, root });
}

/**
 * Copy the object at `comps` up into the upper (its parents first). A file is copied whole, with its
 * mtime (metacopy=off, C3), and gets a new inode: copying up one name of a lower hard-link set breaks
 * the link (C9). A directory is copied as an empty dir with its metadata. No-op if already in upper.
 */
export function copyUp(
  ov: Overlay,
  comps: readonly string[],
  r: Resolved,
  reason: 'write' | 'metadata' | 'rename' | 'link',
  events: EngineEvent[],
): Overlay {
  if (r.level === 0) return ov;
  let next = copyUpDirs(ov, comps.slice(0, -1), events);
  const n = r.node;
  let copy: Node;
  let ino = next.nextIno;
  let bytes = 0;
  switch (n.kind) {
    case 'file':
      copy = { ...n, ino: ino++ } satisfies FileNode;
      bytes = n.size;
      break;
    case 'dir':
      copy = dirNode(metaOf(n));
      break;
    case 'symlink':
      copy = n;
      bytes = n.target.length;
      break;
    case 'whiteout':
      throw new Error('copyUp: a whiteout is never visible');
  }
  const root = setIn(next.upper.root, comps, copy, null);
  next = { ...next, upper: { ...next.upper, root }, nextIno: ino };
  events.push({
    type: 'copy-up',
    path: pathOf(comps),
    from: layerAt(ov, r.level).id,
    kind: n.kind,
    bytes,
    reason,
  });
  return next;
}

/** All upper names of the inode at `comps` (itself, plus its hard links). */
export function linkNames(upper: Layer, comps: readonly string[]): AbsPath[] {
  const n = getIn(upper.root, comps);
  const self = pathOf(comps);
  if (!n || n.kind !== 'file') return [self];
  return [...(upper.links.get(n.ino) ?? [self])];
}

/** Apply f to the upper file at comps and to every hard link of it (they share one inode). */
export function updateFile(upper: Layer, comps: readonly string[], f: (n: FileNode) => FileNode): Layer {
  let root = upper.root;
  for (const p of linkNames(upper, comps)) {
    const pc = p.slice(1).split('/');
    const n = getIn(root, pc);
    if (n && n.kind === 'file') root = setIn(root, pc, f(n), null);
  }
  return { ...upper, root };
}

/** Forget `path` as a name of its inode (unlink, or the old name of a rename). */
export function dropLinkName(upper: Layer, ino: number, path: AbsPath): Layer {
  const names = upper.links.get(ino);
  if (!names) return upper;
  const left = names.filter((p) => p !== path);
  const links = new Map(upper.links);
  if (left.length > 1) links.set(ino, left);
  else links.delete(ino);
  return { ...upper, links };
}

/** Record `path` as a new name of `ino` (a hard link, or the new name of a rename). */
export function addLinkName(upper: Layer, ino: number, existing: AbsPath, path: AbsPath): Layer {
  const names = upper.links.get(ino) ?? [existing];
  const links = new Map(upper.links);
  links.set(ino, [...names.filter((p) => p !== path), path]);
  return { ...upper, links };
}

/** The name `from` of an inode is now called `to` (rename within the upper). */
export function renameLinkName(upper: Layer, ino: number, from: AbsPath, to: AbsPath): Layer {
  const names = upper.links.get(ino);
  if (!names) return upper;
  const links = new Map(upper.links);
  links.set(
    ino,
    names.map((p) => (p === from ? to : p)),
  );
  return { ...upper, links };
}

/** Hard links under a directory that is being removed or renamed move or vanish with it. */
export function relinkSubtree(upper: Layer, from: AbsPath, to: AbsPath | null): Layer {
  let changed = false;
  const links = new Map<number, readonly AbsPath[]>();
  for (const [ino, names] of upper.links) {
    const moved = names.flatMap((p) => {
      if (p !== from && !p.startsWith(from + '/')) return [p];
      changed = true;
      return to === null ? [] : [(to + p.slice(from.length)) as AbsPath];
    });
    if (moved.length > 1) links.set(ino, moved);
  }
  return changed ? { ...upper, links } : upper;
}
