import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPrepared } from '../engine/archive/load.ts';
import { prepareArchive } from '../engine/archive/prepare.ts';
import { findImage, imageLayersTopFirst } from '../engine/docker/images.ts';
import { emptyWorld } from '../engine/docker/world.ts';
import { layerId } from '../engine/ids.ts';
import type { Layer, LayerEntrySpec } from '../engine/layer.ts';
import { buildLayer } from '../engine/layer.ts';
import { byteLedger } from './ledger.ts';

let ino = 1;
const layer = (...entries: LayerEntrySpec[]): Layer =>
  buildLayer(layerId(`l${ino}`), entries, 0, () => ino++);
const file = (path: string, size: number): LayerEntrySpec => ({ path, type: 'file', size });

describe('the byte ledger', () => {
  it('counts a file rewritten by a later layer as modified there, and hidden but still carried below', () => {
    const l = byteLedger([layer(file('/a', 100), file('/b', 10)), layer(file('/a', 50))]);
    expect(l.layers).toMatchObject([
      { size: 110, added: 110, modified: 0, removed: 0, hidden: 100 },
      { size: 50, added: 0, modified: 50, removed: 0, hidden: 0 },
    ]);
    expect(l).toMatchObject({ total: 160, visible: 60, wasted: 100 });
    expect(l.efficiency).toBeCloseTo(60 / 160);
    expect(l.largest).toEqual([
      { path: '/a', size: 50, layer: 1 },
      { path: '/b', size: 10, layer: 0 },
    ]);
  });

  it('a whiteout removes the bytes of a file below, and of everything under a directory below', () => {
    const l = byteLedger([
      layer(file('/etc/gone', 10), file('/etc/keep', 5), file('/var/cache/x', 20), file('/var/cache/y', 30)),
      layer({ path: '/etc/gone', type: 'whiteout' }, { path: '/var/cache', type: 'whiteout' }),
    ]);
    expect(l.layers[1]).toMatchObject({ size: 0, added: 0, modified: 0, removed: 60, hidden: 0 });
    expect(l.layers[0]!.hidden).toBe(60);
    expect(l).toMatchObject({ total: 65, visible: 5, wasted: 60 });
  });

  it('an opaque directory hides what lower layers had in it, not what it holds itself', () => {
    const l = byteLedger([
      layer(file('/data/a', 3), file('/data/sub/b', 7)),
      layer({ path: '/data/sub', type: 'dir', opaque: true }, file('/data/sub/new', 4)),
    ]);
    expect(l.layers[1]).toMatchObject({ size: 4, added: 4, modified: 0, removed: 7, hidden: 0 });
    expect(l.visible).toBe(7);
  });

  it('counts hard links once, and hides their bytes only when the last name goes', () => {
    const l = byteLedger([
      layer(
        { path: '/one', type: 'file', content: 'shared\n' },
        { path: '/two', type: 'hardlink', target: '/one' },
      ),
      layer({ path: '/one', type: 'whiteout' }),
    ]);
    expect(l.layers[0]).toMatchObject({ size: 7, added: 7, modified: 0, removed: 0, hidden: 0 });
    expect(l.layers[1]!.removed).toBe(0);
    expect(l).toMatchObject({ total: 7, visible: 7, wasted: 0, efficiency: 1 });
  });

  it('a file over a directory below removes the directory’s files', () => {
    const l = byteLedger([layer(file('/x/y', 8)), layer({ path: '/x', type: 'whiteout' }, file('/x', 2))]);
    expect(l.layers[1]).toMatchObject({ added: 2, removed: 8 });
    expect(l.visible).toBe(2);
  });

  it('a symlink over a directory below removes the directory’s files (overlayfs shows the link)', () => {
    const l = byteLedger([
      layer(file('/lib/x/big', 30)),
      layer({ path: '/lib/x', type: 'symlink', target: '/x' }),
    ]);
    expect(l.layers[1]).toMatchObject({ removed: 30 });
    expect(l.layers[0]!.files).toEqual([{ path: '/lib/x/big', size: 30, hidden: true }]);
    expect(l).toMatchObject({ visible: 0, wasted: 30 });
  });

  it('reads the real sample image: the deleted file, the rewritten config and the opaque dir', async () => {
    const sample = readFileSync(new URL('../../public/samples/sample.tar.gz', import.meta.url));
    const loaded = loadPrepared(emptyWorld(), await prepareArchive(Uint8Array.from(sample)));
    if (!loaded.ok) throw new Error(loaded.error);
    const image = findImage(loaded.world, 'layerlab-sample:1')!;
    const l = byteLedger(imageLayersTopFirst(loaded.world, image).reverse());
    expect(l.layers).toHaveLength(4);
    // RUN rm /etc/gone && echo v2 > /etc/config: "old\n" removed, "v1\n" replaced by "v2\n".
    expect(l.layers[1]).toMatchObject({ removed: 4, modified: 3, added: 0 });
    // RUN rm -r /data/sub && mkdir /data/sub && echo new > /data/sub/new.txt
    expect(l.layers[2]).toMatchObject({ removed: 2, added: 4 });
    // RUN echo shared > /data/one && ln /data/one /data/two && printf 'Hello…' > /TEST: one inode.
    expect(l.layers[3]).toMatchObject({ added: 7 + 24, removed: 0 });
    expect(l.layers[0]!.hidden).toBe(4 + 3 + 2);
    expect(l.wasted).toBe(9);
    expect(l.largest[0]!.path).toBe('/bin/busybox');

    // The base's files: the three a later layer hides are flagged, busybox leads.
    const [base, , , top] = l.layers;
    expect(base!.files[0]).toMatchObject({ path: '/bin/busybox', hidden: false });
    expect(base!.files.slice(1)).toEqual([
      { path: '/etc/gone', size: 4, hidden: true },
      { path: '/etc/config', size: 3, hidden: true },
      { path: '/data/a.txt', size: 2, hidden: false },
      { path: '/data/sub/b.txt', size: 2, hidden: true },
    ]);
    expect(base!.dirs.map((d) => [d.path, d.size])).toEqual([
      ['/bin', base!.files[0]!.size],
      ['/etc', 7],
      ['/data', 4],
      ['/data/sub', 2],
    ]);
    // The hard-linked /data/one and /data/two: one file, one directory's worth of bytes.
    expect(top!.files).toEqual([
      { path: '/TEST', size: 24, hidden: false },
      { path: '/data/one', size: 7, hidden: false },
    ]);
    expect(top!.dirs).toEqual([{ path: '/data', size: 7 }]);
  });
});

describe('a layer’s largest files', () => {
  it('names each inode once, by its first path, and leaves empty files out', () => {
    const l = byteLedger([
      layer(
        { path: '/z/big', type: 'file', content: 'x'.repeat(9) },
        { path: '/a/big', type: 'hardlink', target: '/z/big' },
        file('/small', 2),
        file('/empty', 0),
      ),
    ]);
    expect(l.layers[0]!.files).toEqual([
      { path: '/a/big', size: 9, hidden: false },
      { path: '/small', size: 2, hidden: false },
    ]);
  });

  it('flags a file a later layer whites out, rewrites or hides under an opaque dir, and only those', () => {
    const l = byteLedger([
      layer(file('/gone', 40), file('/rewritten', 30), file('/data/old', 20), file('/kept', 10)),
      layer({ path: '/gone', type: 'whiteout' }, file('/rewritten', 1)),
      layer({ path: '/data', type: 'dir', opaque: true }),
    ]);
    expect(l.layers[0]!.files).toEqual([
      { path: '/gone', size: 40, hidden: true },
      { path: '/rewritten', size: 30, hidden: true },
      { path: '/data/old', size: 20, hidden: true },
      { path: '/kept', size: 10, hidden: false },
    ]);
    expect(l.layers[1]!.files).toEqual([{ path: '/rewritten', size: 1, hidden: false }]);
  });

  it('keeps a hard-linked file visible while one of its names is', () => {
    const l = byteLedger([
      layer(file('/one', 5), { path: '/two', type: 'hardlink', target: '/one' }),
      layer({ path: '/one', type: 'whiteout' }),
    ]);
    expect(l.layers[0]!.files).toEqual([{ path: '/one', size: 5, hidden: false }]);
  });

  it('breaks ties by path, whatever order the layer holds them in, and keeps only as many as asked', () => {
    const names = ['/m', '/b', '/z', '/a', '/k'];
    const l = byteLedger([layer(...names.map((n) => file(n, 3)), file('/big', 4))], { perLayer: 3 });
    expect(l.layers[0]!.files.map((f) => f.path)).toEqual(['/big', '/a', '/b']);
    const reversed = byteLedger([layer(file('/big', 4), ...names.reverse().map((n) => file(n, 3)))], {
      perLayer: 3,
    });
    expect(reversed.layers[0]!.files).toEqual(l.layers[0]!.files);
  });
});

describe('a layer’s largest directories', () => {
  it('sums the layer’s own files beneath each directory, not what lower layers hold there', () => {
    const l = byteLedger([
      layer(file('/usr/lib/below', 1000)),
      layer(file('/usr/lib/a', 30), file('/usr/lib/x/b', 20), file('/usr/share/c', 5), file('/top', 1)),
    ]);
    expect(l.layers[1]!.dirs).toEqual([
      { path: '/usr', size: 55 },
      { path: '/usr/lib', size: 50 },
      { path: '/usr/lib/x', size: 20 },
      { path: '/usr/share', size: 5 },
    ]);
  });

  it('counts a hard-linked file once in each directory above any of its names, as du does', () => {
    const l = byteLedger([
      layer(
        file('/a/x/one', 8),
        { path: '/a/y/two', type: 'hardlink', target: '/a/x/one' },
        { path: '/b/three', type: 'hardlink', target: '/a/x/one' },
        { path: '/a/x/four', type: 'hardlink', target: '/a/x/one' },
        file('/b/own', 1),
      ),
    ]);
    expect(l.layers[0]!.size).toBe(9);
    expect(l.layers[0]!.dirs).toEqual([
      { path: '/b', size: 9 },
      { path: '/a', size: 8 },
      { path: '/a/x', size: 8 },
      { path: '/a/y', size: 8 },
    ]);
  });

  it('leaves out empty directories, and breaks ties by path', () => {
    const l = byteLedger([layer(file('/q/f', 2), file('/p/f', 2), { path: '/empty', type: 'dir' })]);
    expect(l.layers[0]!.dirs).toEqual([
      { path: '/p', size: 2 },
      { path: '/q', size: 2 },
    ]);
  });
});

describe('the ledger of a large image', () => {
  // 50 000 files in 30 layers, with whiteouts, opaque dirs and rewrites. A flat merged view made this
  // quadratic (every added file scanned every file below); the tree walks each layer once.
  const layers: Layer[] = [];
  for (let l = 0; l < 30; l++) {
    const entries: LayerEntrySpec[] = [];
    const count = l === 0 ? 21_000 : 1_000;
    for (let f = 0; f < count; f++)
      entries.push(file(`/d${l % 7}/s${f % 50}/x${(f * 7919) % 997}/f${f % 3 === 0 ? 0 : l}_${f}`, f));
    if (l > 0) entries.push({ path: `/d${l % 7}/s${l}`, type: 'whiteout' });
    if (l % 5 === 4) entries.push({ path: `/d${(l + 1) % 7}/s${l + 1}`, type: 'dir', opaque: true });
    layers.push(layer(...entries));
  }

  it('computes well under a second, and its sums add up', () => {
    let best = Infinity;
    let l = byteLedger(layers);
    // Best of three: the machine running the tests is shared, the bound is about the algorithm.
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      l = byteLedger(layers);
      best = Math.min(best, performance.now() - started);
    }
    expect(best).toBeLessThan(500);
    expect(l.layers).toHaveLength(30);
    expect(l.total).toBe(l.layers.reduce((n, r) => n + r.size, 0));
    expect(l.wasted).toBe(l.layers.reduce((n, r) => n + r.hidden, 0));
    for (const r of l.layers) {
      expect(r.files).toHaveLength(10);
      expect(r.added + r.modified).toBe(r.size);
      // The largest directory of a layer holds at most the layer's bytes.
      expect(r.dirs[0]!.size).toBeLessThanOrEqual(r.size);
    }
  });
});
