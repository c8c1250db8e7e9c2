import type { Layer } from '../engine/layer.ts';
import type { DirNode } from '../engine/node.ts';
import { bestOf, largerFirst } from './best-of.ts';

// The byte ledger of an image, layer by layer (what dive is loved for): what each layer adds,
// changes and removes, which of its bytes later layers hide (overwritten or whited out) yet every
// pull still carries, how much of the image is visible in the end, and each layer's largest files and
// directories. Regular files only (a directory's or a symlink's own size is not what makes an image
// big); hard links are counted once.

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
  /** This layer's largest files, largest first (then by path); empty files are left out. */
  readonly files: readonly LayerFile[];
  /** This layer's largest directories (not `/`, which holds `size`), largest first (then by path). */
  readonly dirs: readonly LayerDir[];
}

/** A file of one layer: one inode, named by the first of its paths in this layer (by path order). */
export interface LayerFile {
  readonly path: string;
  readonly size: number;
  /** Every name of it is hidden by later layers: its bytes are carried, never seen. */
  readonly hidden: boolean;
}

/** A directory of one layer with the bytes of this layer's files beneath it (each inode once, as du). */
export interface LayerDir {
  readonly path: string;
  readonly size: number;
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

export interface LedgerCounts {
  /** How many of the image's largest visible files. */
  readonly largest?: number;
  /** How many files and directories per layer. */
  readonly perLayer?: number;
}

/** An inode of one layer. */
interface Owner {
  readonly layer: number;
  readonly size: number;
  /** Its first path in the layer, by path order. */
  path: string;
  /** Names of this inode still visible: its bytes are hidden when the last one goes. */
  names: number;
  /** While its layer is walked: the directory of its last name walked (for the du sums). */
  leaf: DirSum;
}

/**
 * The merged view as the layers are laid on: a tree, so a whiteout or an opaque dir reaches the files
 * under a directory without scanning every file of the image (a flat map made that quadratic).
 * Symlinks carry no bytes and are left out: what they hide is taken out, nothing is put in.
 */
interface MergedDir {
  readonly kids: Map<string, Merged>;
}
type Merged = MergedDir | Owner;
const isDir = (m: Merged): m is MergedDir => 'kids' in m;

/** A directory of the layer being walked, for the du-style sums. */
interface DirSum {
  readonly parent: DirSum | null;
  readonly depth: number;
  /** Bytes put here directly; the walk adds the subdirectories' totals on the way back up. */
  bytes: number;
}

const join = (dir: string, name: string): string => (dir === '/' ? `/${name}` : `${dir}/${name}`);

/** The ledger of layers given bottom first (imageLayersTopFirst(...).reverse()). */
export function byteLedger(layers: readonly Layer[], counts: LedgerCounts = {}): ImageLedger {
  const { largest: largestCount = 10, perLayer = 10 } = counts;
  const merged: MergedDir = { kids: new Map() };
  const rows = layers.map(() => ({ size: 0, added: 0, modified: 0, removed: 0, hidden: 0 }));

  /** One name of `o` leaves the merged view (the caller counts what removed or replaced it). */
  const hide = (o: Owner): void => {
    if (--o.names === 0) rows[o.layer]!.hidden += o.size;
  };
  /** `m` leaves the merged view, removed by layer `by`: a file, or all the files under a directory. */
  const remove = (m: Merged, by: number): void => {
    if (isDir(m)) {
      for (const k of m.kids.values()) remove(k, by);
      m.kids.clear();
    } else {
      if (m.names === 1) rows[by]!.removed += m.size;
      hide(m);
    }
  };

  const perLayerFiles: Owner[][] = [];
  const perLayerDirs: LayerDir[][] = [];
  layers.forEach((layer, i) => {
    const row = rows[i]!;
    const inodes = new Map<number, Owner>();
    const dirs = bestOf<LayerDir>(perLayer, largerFirst);

    /** Walks `dir` over the merged directory `m`; returns the bytes of this layer's files beneath. */
    const walk = (dir: DirNode, m: MergedDir, path: string, sum: DirSum): number => {
      if (dir.opaque) remove(m, i);
      for (const [name, node] of dir.children) {
        const below = m.kids.get(name);
        switch (node.kind) {
          case 'whiteout':
          case 'symlink':
            if (below) {
              remove(below, i);
              m.kids.delete(name);
            }
            break;
          case 'dir': {
            let sub = below;
            if (!sub || !isDir(sub)) {
              if (sub) remove(sub, i);
              sub = { kids: new Map() };
              m.kids.set(name, sub);
            }
            const p = join(path, name);
            const subSum: DirSum = { parent: sum, depth: sum.depth + 1, bytes: 0 };
            const bytes = walk(node, sub, p, subSum);
            sum.bytes += bytes;
            if (bytes > 0) dirs.offer({ path: p, size: bytes });
            break;
          }
          case 'file': {
            const p = join(path, name);
            let o = inodes.get(node.ino);
            if (!o) {
              o = { layer: i, size: node.size, path: p, names: 0, leaf: sum };
              inodes.set(node.ino, o);
              row.size += node.size;
              if (below && !isDir(below)) row.modified += node.size;
              else row.added += node.size;
              sum.bytes += node.size;
            } else {
              if (p < o.path) o.path = p;
              // Another name of an inode counted already: it adds its bytes to the directories above
              // this name up to (not into) the nearest one above the earlier name too, as du counts.
              // The walk is depth first, so that directory is an ancestor of the last name walked.
              sum.bytes += node.size;
              commonAncestor(sum, o.leaf).bytes -= node.size;
              o.leaf = sum;
            }
            if (below) {
              if (isDir(below)) remove(below, i);
              else hide(below);
            }
            o.names++;
            m.kids.set(name, o);
            break;
          }
        }
      }
      return sum.bytes;
    };
    walk(layer.root, merged, '/', { parent: null, depth: 0, bytes: 0 });

    const files = bestOf<Owner>(perLayer, largerFirst);
    for (const o of inodes.values()) if (o.size > 0) files.offer(o);
    perLayerFiles.push([...files.items]);
    perLayerDirs.push([...dirs.items]);
  });

  const total = rows.reduce((n, r) => n + r.size, 0);
  const seen = new Set<Owner>();
  let visible = 0;
  const largest = bestOf<LargestFile>(largestCount, largerFirst);
  const visit = (m: MergedDir, path: string): void => {
    for (const [name, k] of m.kids) {
      const p = join(path, name);
      if (isDir(k)) visit(k, p);
      else {
        if (!seen.has(k)) {
          seen.add(k);
          visible += k.size;
        }
        largest.offer({ path: p, size: k.size, layer: k.layer });
      }
    }
  };
  visit(merged, '/');

  return {
    layers: rows.map((r, i) => ({
      ...r,
      files: perLayerFiles[i]!.map((o) => ({ path: o.path, size: o.size, hidden: o.names === 0 })),
      dirs: perLayerDirs[i]!,
    })),
    total,
    visible,
    wasted: total - visible,
    efficiency: total === 0 ? 1 : visible / total,
    largest: largest.items,
  };
}

/** The nearest directory above or at both `a` and `b` (of one layer's walk). */
function commonAncestor(a: DirSum, b: DirSum): DirSum {
  let x = a;
  let y = b;
  while (x.depth > y.depth) x = x.parent!;
  while (y.depth > x.depth) y = y.parent!;
  while (x !== y) {
    x = x.parent!;
    y = y.parent!;
  }
  return x;
}
