import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layerSize } from '../docker/images.ts';
import { emptyWorld } from '../docker/world.ts';
import { prng } from '../testing/prng.ts';
import { ArchiveError } from './errors.ts';
import { loadPrepared } from './load.ts';
import { prepareArchive } from './prepare.ts';
import { dockerArchiveOf, tarOf } from './testing.ts';

// Random mutations of real archives: the importer either loads the image or fails with an
// ArchiveError, and a failure never changes the world (it is immutable; the check is that load
// returns the very world it was given).

const small = dockerArchiveOf([
  tarOf([
    { name: 'etc/', type: '5' },
    { name: 'etc/config', data: 'v1\n' },
    { name: 'a', data: 'x' },
    { name: 'b', type: '1', linkname: 'a' },
  ]),
  tarOf([{ name: 'etc/.wh.config' }, { name: 'd/.wh..wh..opq' }, { name: 'l', type: '2', linkname: '../x' }]),
]);

async function attempt(bytes: Uint8Array): Promise<void> {
  const world = emptyWorld();
  try {
    const p = await prepareArchive(bytes, { maxEntryBytes: 1 << 24 });
    // The size counted while a layer was read is what walking its tree gives (docker's E7 size).
    for (const img of p.images) for (const l of img.layers) expect(l.size).toBe(layerSize(l.tree));
    const r = loadPrepared(world, p);
    if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
  } catch (e) {
    if (!(e instanceof ArchiveError)) throw new Error(`not an ArchiveError: ${String(e)}`);
  }
  expect(world.images.size).toBe(0);
}

function mutate(src: Uint8Array, rnd: () => number): Uint8Array {
  const b = src.slice();
  const kind = Math.floor(rnd() * 3);
  if (kind === 0) return b.subarray(0, Math.floor(rnd() * b.length));
  const n = 1 + Math.floor(rnd() * 8);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(rnd() * b.length);
    b[at] = kind === 1 ? Math.floor(rnd() * 256) : b[at]! ^ (1 << Math.floor(rnd() * 8));
  }
  return b;
}

describe('fuzzing the importer', () => {
  it.each([1, 2, 3, 4])('seed %i: 150 mutations of a small archive fail cleanly', async (seed) => {
    const rnd = prng(seed);
    for (let i = 0; i < 150; i++) await attempt(mutate(small, rnd));
  });

  it('mutations of the real gzipped sample fail cleanly', async () => {
    const sample = new Uint8Array(readFileSync('public/samples/sample.tar.gz'));
    const rnd = prng(99);
    for (let i = 0; i < 12; i++) await attempt(mutate(sample, rnd));
  });
});
