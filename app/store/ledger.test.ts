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
    expect(l.layers).toEqual([
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
    expect(l.layers[1]).toEqual({ size: 0, added: 0, modified: 0, removed: 60, hidden: 0 });
    expect(l.layers[0]!.hidden).toBe(60);
    expect(l).toMatchObject({ total: 65, visible: 5, wasted: 60 });
  });

  it('an opaque directory hides what lower layers had in it, not what it holds itself', () => {
    const l = byteLedger([
      layer(file('/data/a', 3), file('/data/sub/b', 7)),
      layer({ path: '/data/sub', type: 'dir', opaque: true }, file('/data/sub/new', 4)),
    ]);
    expect(l.layers[1]).toEqual({ size: 4, added: 4, modified: 0, removed: 7, hidden: 0 });
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
    expect(l.layers[0]).toEqual({ size: 7, added: 7, modified: 0, removed: 0, hidden: 0 });
    expect(l.layers[1]!.removed).toBe(0);
    expect(l).toMatchObject({ total: 7, visible: 7, wasted: 0, efficiency: 1 });
  });

  it('a file over a directory below removes the directory’s files', () => {
    const l = byteLedger([layer(file('/x/y', 8)), layer({ path: '/x', type: 'whiteout' }, file('/x', 2))]);
    expect(l.layers[1]).toMatchObject({ added: 2, removed: 8 });
    expect(l.visible).toBe(2);
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
  });
});
