import { describe, expect, it } from 'vitest';
import { layerId } from '../engine/ids.ts';
import type { Layer, LayerEntrySpec } from '../engine/layer.ts';
import { buildLayer } from '../engine/layer.ts';
import type { DirNode } from '../engine/node.ts';
import { byteLedger } from './ledger.ts';

// The ledger walks a merged tree and sums directories du-style in one pass per layer; here random
// small images are checked against deliberately naive models: a flat map of the merged view scanned
// whole at every whiteout, and per-directory sets of inodes.

interface NaiveOwner {
  readonly layer: number;
  readonly size: number;
  names: number;
}

/** The per-layer counts and visible bytes, the slow obvious way. */
function naiveCounts(layers: readonly Layer[]) {
  const merged = new Map<string, NaiveOwner>();
  const rows = layers.map(() => ({ size: 0, added: 0, modified: 0, removed: 0, hidden: 0 }));
  const drop = (p: string, by: number): void => {
    const o = merged.get(p)!;
    if (o.names === 1) rows[by]!.removed += o.size;
    if (--o.names === 0) rows[o.layer]!.hidden += o.size;
    merged.delete(p);
  };
  const dropUnder = (dir: string, by: number): void => {
    for (const p of [...merged.keys()]) if (p.startsWith(dir === '/' ? '/' : `${dir}/`)) drop(p, by);
  };
  layers.forEach((layer, i) => {
    const inodes = new Map<number, NaiveOwner>();
    const walk = (dir: DirNode, path: string): void => {
      if (dir.opaque) dropUnder(path, i);
      for (const [name, node] of dir.children) {
        const p = path === '/' ? `/${name}` : `${path}/${name}`;
        const below = merged.get(p);
        if (node.kind === 'file') {
          let o = inodes.get(node.ino);
          if (!o) {
            inodes.set(node.ino, (o = { layer: i, size: node.size, names: 0 }));
            rows[i]!.size += node.size;
            rows[i]![below ? 'modified' : 'added'] += node.size;
          }
          if (below) {
            merged.delete(p);
            if (--below.names === 0) rows[below.layer]!.hidden += below.size;
          }
          dropUnder(p, i);
          o.names++;
          merged.set(p, o);
        } else {
          if (below) drop(p, i);
          if (node.kind === 'dir') walk(node, p);
          else dropUnder(p, i);
        }
      }
    };
    walk(layer.root, '/');
  });
  return { rows, visible: [...new Set(merged.values())].reduce((n, o) => n + o.size, 0) };
}

/** Each directory of a layer with the bytes of the distinct inodes beneath it, largest first. */
function naiveDirs(layer: Layer): { path: string; size: number }[] {
  const inodes = new Map<string, Map<number, number>>();
  const walk = (dir: DirNode, above: readonly string[], path: string): void => {
    for (const [name, node] of dir.children) {
      const p = path === '/' ? `/${name}` : `${path}/${name}`;
      if (node.kind === 'dir') {
        inodes.set(p, inodes.get(p) ?? new Map());
        walk(node, [...above, p], p);
      } else if (node.kind === 'file') for (const a of above) inodes.get(a)!.set(node.ino, node.size);
    }
  };
  walk(layer.root, [], '/');
  return [...inodes]
    .map(([path, m]) => ({ path, size: [...m.values()].reduce((n, s) => n + s, 0) }))
    .filter((d) => d.size > 0)
    .sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1));
}

/** A small random image: few names, so paths collide, whiteouts land and dirs replace files. */
function randomImage(seed: number): Layer[] {
  let s = seed;
  const rnd = (n: number): number => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
  let ino = 1;
  const path = (): string => `/${Array.from({ length: 1 + rnd(3) }, () => 'abc'[rnd(3)]).join('/')}`;
  const layers: Layer[] = [];
  while (layers.length < 1 + (seed % 4)) {
    const entries: LayerEntrySpec[] = [];
    const files: string[] = [];
    const upper = layers.length > 0;
    for (let k = 1 + rnd(8); k > 0; k--) {
      const p = path();
      const t = rnd(10);
      if (t < 4) {
        entries.push({ path: p, type: 'file', size: 1 + rnd(50) });
        files.push(p);
      } else if (t < 5 && files.length > 0)
        entries.push({ path: p, type: 'hardlink', target: files[rnd(files.length)]! });
      else if (t < 7 && upper) entries.push({ path: p, type: 'whiteout' });
      else if (t < 8) entries.push({ path: p, type: 'dir', opaque: upper && rnd(2) === 0 });
      else entries.push({ path: p, type: 'symlink', target: 'x' });
    }
    try {
      layers.push(buildLayer(layerId(`l${layers.length}`), entries, 0, () => ino++));
    } catch {
      // A hard link whose target a later entry replaced: a tar could not hold it; draw again.
    }
  }
  return layers;
}

describe('the byte ledger against naive models', () => {
  it('agrees on 500 random images', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const layers = randomImage(seed);
      const l = byteLedger(layers, { perLayer: 1000 });
      const naive = naiveCounts(layers);
      const counts = l.layers.map(({ size, added, modified, removed, hidden }) => ({
        size,
        added,
        modified,
        removed,
        hidden,
      }));
      expect({ seed, counts, visible: l.visible }).toEqual({
        seed,
        counts: naive.rows,
        visible: naive.visible,
      });
      layers.forEach((layer, i) => {
        const row = l.layers[i]!;
        expect({ seed, i, dirs: row.dirs }).toEqual({ seed, i, dirs: naiveDirs(layer) });
        // Every inode once, and the flagged ones are exactly the bytes later layers hide.
        expect({ seed, i, sum: row.files.reduce((n, f) => n + f.size, 0) }).toEqual({
          seed,
          i,
          sum: row.size,
        });
        const hidden = row.files.filter((f) => f.hidden).reduce((n, f) => n + f.size, 0);
        expect({ seed, i, hidden }).toEqual({ seed, i, hidden: row.hidden });
      });
    }
  });
});
