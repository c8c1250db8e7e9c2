import type { AbsPath, LayerId } from './ids.ts';
import { normalize, splitPath } from './path.ts';
import type { DirNode, Meta, Node } from './node.ts';
import { getIn } from './tree.ts';
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
      /** st_size when larger than the content: the rest reads as zero bytes (catalog binaries). */
      readonly size?: number;
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

/**
 * Build a layer from entries, as extracting a tar would: a missing parent directory is created in this
 * same layer as 0755 (REPLAY.md). The directory maps are filled in place while the layer is being
 * built (nobody else holds them yet), so a 100k-entry layer is linear. `nextIno` hands out inode
 * numbers; throws on entries a tar could not hold (the caller validates first).
 */
export function buildLayer(
  id: LayerId,
  entries: readonly LayerEntrySpec[],
  mtime: number,
  nextIno: () => number,
): Layer {
  const metas = new Map<number, Meta>();
  const meta = (mode: number): Meta => {
    let m = metas.get(mode);
    if (!m) metas.set(mode, (m = { mode, uid: 0, gid: 0, mtime }));
    return m;
  };
  const newDir = (mode: number, opaque = false, children = new Map<string, Node>()): DirNode => ({
    kind: 'dir',
    opaque,
    children,
    ...meta(mode),
  });
  let root = newDir(0o755);
  const inoByPath = new Map<string, number>();
  const links = new Map<number, AbsPath[]>();
  const kids = (d: DirNode): Map<string, Node> => d.children as Map<string, Node>;

  for (const e of entries) {
    const path = CLEAN.test(e.path) ? (e.path as AbsPath) : normalize(e.path);
    if (path === '/') {
      if (e.type === 'dir') root = newDir(parseMode(e.mode, 0o755), false, kids(root));
      continue;
    }
    let parent = root;
    let start = 1;
    for (let slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', start)) {
      const c = path.slice(start, slash);
      let next = parent.children.get(c);
      if (!next || next.kind !== 'dir') kids(parent).set(c, (next = newDir(0o755)));
      parent = next;
      start = slash + 1;
    }
    const name = path.slice(start);
    switch (e.type) {
      case 'dir': {
        const existing = parent.children.get(name);
        const children = existing?.kind === 'dir' ? kids(existing) : new Map<string, Node>();
        kids(parent).set(name, newDir(parseMode(e.mode, 0o755), e.opaque ?? false, children));
        break;
      }
      case 'file': {
        const ino = nextIno();
        const content = e.content ?? '';
        inoByPath.set(path, ino);
        kids(parent).set(name, {
          kind: 'file',
          ino,
          content,
          size: Math.max(byteLength(content), e.size ?? 0),
          ...meta(parseMode(e.mode, 0o644)),
        });
        break;
      }
      case 'symlink':
        kids(parent).set(name, { kind: 'symlink', target: e.target, ...meta(0o777) });
        break;
      case 'whiteout':
        kids(parent).set(name, { kind: 'whiteout', mode: 0, uid: 0, gid: 0, mtime });
        break;
      case 'hardlink': {
        const target = normalize(e.target);
        const tino = inoByPath.get(target);
        const tnode = tino === undefined ? undefined : getIn(root, splitPath(target));
        if (tino === undefined || !tnode || tnode.kind !== 'file')
          throw new Error(`hard link target ${target} is not a file of this layer`);
        kids(parent).set(name, tnode);
        const names = links.get(tino) ?? [target];
        names.push(path);
        links.set(tino, names);
        break;
      }
    }
  }
  return { id, root, links };
}

const parseMode = (m: string | number | undefined, dflt: number): number =>
  m === undefined ? dflt : typeof m === 'number' ? m & 0o7777 : parseInt(m, 8) & 0o7777;

/** Already-normalized absolute paths skip normalize(). */
const CLEAN = /^(\/[^/]+)+$/;
