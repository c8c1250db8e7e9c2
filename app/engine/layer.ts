import type { AbsPath, LayerId } from './ids.ts';
import { normalize, splitPath } from './path.ts';
import type { DirNode, Meta, Node } from './node.ts';
import { byteLength } from './node.ts';

/** One layer of an overlay: a directory tree (a lower's `diff/`, or a container's upper). */
export interface Layer {
  readonly id: LayerId;
  readonly root: DirNode;
  /** Hard-link sets: for each inode with more than one name in this layer, its names. */
  readonly links: ReadonlyMap<number, readonly AbsPath[]>;
}

/** Fixed mtime of every entry of scenario and catalog image layers (SEMANTICS.md H4). */
export const IMAGE_MTIME = 1700000000;

export const emptyDir = (mtime: number, mode = 0o755): DirNode => ({
  kind: 'dir',
  opaque: false,
  children: new Map(),
  mode,
  uid: 0,
  gid: 0,
  mtime,
});

export const emptyLayer = (id: LayerId, mtime: number): Layer => ({
  id,
  root: emptyDir(mtime),
  links: new Map(),
});

/** An entry of a layer as scenarios and the catalog describe it (REPLAY.md). */
export type LayerEntrySpec =
  | {
      readonly path: string;
      readonly type: 'file';
      readonly mode?: string | number;
      readonly content?: string;
    }
  | {
      readonly path: string;
      readonly type: 'dir';
      readonly mode?: string | number;
      readonly opaque?: boolean;
    }
  | { readonly path: string; readonly type: 'symlink'; readonly target: string }
  | { readonly path: string; readonly type: 'whiteout' }
  | { readonly path: string; readonly type: 'hardlink'; readonly target: string };

interface MutDir {
  kind: 'dir';
  meta: Meta;
  opaque: boolean;
  children: Map<string, MutDir | Node>;
}

const parseMode = (m: string | number | undefined, dflt: number): number =>
  m === undefined ? dflt : typeof m === 'number' ? m & 0o7777 : parseInt(m, 8) & 0o7777;

/**
 * Build a layer from entries, as extracting a tar would: a missing parent directory is created in this
 * same layer as 0755 (REPLAY.md). Builds mutably and freezes once, so a 100k-entry layer is linear.
 * `nextIno` hands out inode numbers; throws on entries a tar could not hold (the caller validates first).
 */
export function buildLayer(
  id: LayerId,
  entries: readonly LayerEntrySpec[],
  mtime: number,
  nextIno: () => number,
): Layer {
  const meta = (mode: number): Meta => ({ mode, uid: 0, gid: 0, mtime });
  const root: MutDir = { kind: 'dir', meta: meta(0o755), opaque: false, children: new Map() };
  const inoByPath = new Map<string, number>();
  const links = new Map<number, AbsPath[]>();

  const parentOf = (comps: readonly string[]): MutDir => {
    let dir = root;
    for (const c of comps.slice(0, -1)) {
      let next = dir.children.get(c);
      if (!next || !('meta' in next)) {
        next = { kind: 'dir', meta: meta(0o755), opaque: false, children: new Map() };
        dir.children.set(c, next);
      }
      dir = next;
    }
    return dir;
  };

  for (const e of entries) {
    const path = normalize(e.path);
    const comps = splitPath(path);
    if (comps.length === 0) {
      if (e.type === 'dir') {
        root.meta = meta(parseMode(e.mode, 0o755));
        root.opaque = false;
      }
      continue;
    }
    const parent = parentOf(comps);
    const name = comps[comps.length - 1]!;
    switch (e.type) {
      case 'dir': {
        const existing = parent.children.get(name);
        const children =
          existing && 'meta' in existing ? existing.children : new Map<string, MutDir | Node>();
        parent.children.set(name, {
          kind: 'dir',
          meta: meta(parseMode(e.mode, 0o755)),
          opaque: e.opaque ?? false,
          children,
        });
        break;
      }
      case 'file': {
        const ino = nextIno();
        const content = e.content ?? '';
        inoByPath.set(path, ino);
        parent.children.set(name, {
          kind: 'file',
          ino,
          content,
          size: byteLength(content),
          ...meta(parseMode(e.mode, 0o644)),
        });
        break;
      }
      case 'symlink':
        parent.children.set(name, { kind: 'symlink', target: e.target, ...meta(0o777) });
        break;
      case 'whiteout':
        parent.children.set(name, { kind: 'whiteout', mode: 0, uid: 0, gid: 0, mtime });
        break;
      case 'hardlink': {
        const target = normalize(e.target);
        const tino = inoByPath.get(target);
        const tnode = tino === undefined ? undefined : findMut(root, splitPath(target));
        if (tino === undefined || !tnode || tnode.kind !== 'file')
          throw new Error(`hard link target ${target} is not a file of this layer`);
        parent.children.set(name, tnode);
        const names = links.get(tino) ?? [target];
        names.push(path);
        links.set(tino, names);
        break;
      }
    }
  }
  return { id, root: freeze(root), links };
}

function findMut(root: MutDir, comps: readonly string[]): MutDir | Node | undefined {
  let cur: MutDir | Node = root;
  for (const c of comps) {
    if (!('meta' in cur)) return undefined;
    const next: MutDir | Node | undefined = cur.children.get(c);
    if (!next) return undefined;
    cur = next;
  }
  return cur;
}

function freeze(d: MutDir): DirNode {
  const children = new Map<string, Node>();
  for (const [name, c] of d.children) children.set(name, 'meta' in c ? freeze(c) : c);
  return { kind: 'dir', opaque: d.opaque, children, ...d.meta };
}
