import type { Layer } from '../engine/layer.ts';
import type { DirNode } from '../engine/node.ts';

// The byte ledger of an image, layer by layer (what dive is loved for): what each layer adds,
// changes and removes, which of its bytes later layers hide (overwritten or whited out) yet every
// pull still carries, and how much of the image is visible in the end. Regular files only (a
// directory's or a symlink's own size is not what makes an image big); hard links are counted once.

export interface LayerLedger {
  /** Bytes of files this layer holds (each inode once). */
  readonly size: number;
  /** Bytes of files at paths no lower layer had. */
  readonly added: number;
  /** Bytes of files replacing a lower layer's file at the same path. */
  readonly modified: number;
  /** Bytes of lower layers' files this layer hides: whiteouts, opaque dirs, a file over a dir. */
  readonly removed: number;
  /** Bytes of this layer's files hidden by later layers: still in the image, never seen. */
  readonly hidden: number;
}

export interface LargestFile {
  readonly path: string;
  readonly size: number;
  /** The layer it comes from, 0 = bottom. */
  readonly layer: number;
}

export interface ImageLedger {
  /** Bottom first, as the layers given. */
  readonly layers: readonly LayerLedger[];
  /** Σ of the layers' sizes: what the image weighs. */
  readonly total: number;
  /** Bytes of the files the merged view shows. */
  readonly visible: number;
  /** total − visible: bytes no container of this image can read. */
  readonly wasted: number;
  /** visible / total (1 for an image without file bytes). */
  readonly efficiency: number;
  /** The largest visible files, largest first. */
  readonly largest: readonly LargestFile[];
}

interface Owner {
  readonly layer: number;
  readonly size: number;
  /** Names of this inode still visible: its bytes are hidden when the last one goes. */
  names: number;
}

/** The ledger of layers given bottom first (imageLayersTopFirst(...).reverse()). */
export function byteLedger(layers: readonly Layer[], largestCount = 10): ImageLedger {
  /** The merged view's files: path → the inode (of some layer) it shows. */
  const merged = new Map<string, Owner>();
  const rows = layers.map(() => ({ size: 0, added: 0, modified: 0, removed: 0, hidden: 0 }));

  /** Take `path` out of the merged view (the caller counts what `by` removed or replaced). */
  const hide = (path: string): void => {
    const o = merged.get(path);
    if (!o) return;
    merged.delete(path);
    if (--o.names === 0) rows[o.layer]!.hidden += o.size;
  };
  /** Remove every merged file under `dir/` (not `dir` itself); their bytes count as removed by `by`. */
  const hideUnder = (dir: string, by: number): void => {
    const prefix = dir === '/' ? '/' : `${dir}/`;
    for (const [p, o] of [...merged]) {
      if (!p.startsWith(prefix) || o.layer === by) continue;
      if (o.names === 1) rows[by]!.removed += o.size;
      hide(p);
    }
  };

  layers.forEach((layer, i) => {
    const row = rows[i]!;
    const inodes = new Map<number, Owner>();
    const walk = (dir: DirNode, path: string): void => {
      if (dir.opaque) hideUnder(path, i);
      for (const [name, node] of dir.children) {
        const p = path === '/' ? `/${name}` : `${path}/${name}`;
        const below = merged.get(p);
        switch (node.kind) {
          case 'whiteout':
            if (below) {
              if (below.names === 1) row.removed += below.size;
              hide(p);
            }
            hideUnder(p, i);
            break;
          case 'dir':
            if (below) {
              if (below.names === 1) row.removed += below.size;
              hide(p);
            }
            walk(node, p);
            break;
          case 'symlink':
            if (below) {
              if (below.names === 1) row.removed += below.size;
              hide(p);
            }
            break;
          case 'file': {
            let o = inodes.get(node.ino);
            const first = o === undefined;
            if (!o) {
              o = { layer: i, size: node.size, names: 0 };
              inodes.set(node.ino, o);
              row.size += node.size;
            }
            if (below) {
              if (first) row.modified += node.size;
              hide(p);
            } else {
              if (first) row.added += node.size;
              hideUnder(p, i);
            }
            o.names++;
            merged.set(p, o);
            break;
          }
        }
      }
    };
    walk(layer.root, '/');
  });

  const total = rows.reduce((n, r) => n + r.size, 0);
  const seen = new Set<Owner>();
  let visible = 0;
  for (const o of merged.values())
    if (!seen.has(o)) {
      seen.add(o);
      visible += o.size;
    }
  const largest = [...merged]
    .map(([path, o]) => ({ path, size: o.size, layer: o.layer }))
    .sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1))
    .slice(0, largestCount);
  return {
    layers: rows,
    total,
    visible,
    wasted: total - visible,
    efficiency: total === 0 ? 1 : visible / total,
    largest,
  };
}
