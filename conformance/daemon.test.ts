import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dockerArchive } from './archive.ts';
import { daemonObserved, readSaved, sizeColumn, tarList } from './daemon.ts';
import type { Committed, SavedImage } from './daemon.ts';
import { tarBytes } from './tar.ts';
import { readTar } from './tar-read.ts';

const committed: Committed = {
  ref: 'conf/t05:2',
  sizeRw: 0,
  psSize: '0B',
  historySizes: [0, 5, 18, 1982256],
};
const sha = (bytes: Buffer): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

describe('sizeColumn', () => {
  it('keeps the container size of `docker ps -s`, without the virtual size', () => {
    expect(sizeColumn('7B (virtual 1.98MB)')).toBe('7B');
    expect(sizeColumn('1.05kB (virtual 2MB)')).toBe('1.05kB');
    expect(sizeColumn('7B')).toBeUndefined();
  });
});

describe('tarList', () => {
  it('keeps the permission bits and link names of hard links and symlinks only', () => {
    const records = readTar(
      tarBytes([
        { kind: 'dir', name: 'data', mode: 0o755 },
        { kind: 'hardlink', name: 'data/h', mode: 0o644, target: 'data/a' },
        { kind: 'symlink', name: 'data/s', target: 'a' },
      ]),
    ).map((record) => ({ ...record, mode: record.mode | 0o40000 }));
    const whiteout = { ...records[1]!, name: 'data/.wh.x', type: '0', mode: 0o600 };
    expect(tarList([...records, whiteout])).toEqual([
      { name: 'data/', type: '5', mode: '0755', size: 0 },
      { name: 'data/h', type: '1', mode: '0644', size: 0, linkname: 'data/a' },
      { name: 'data/s', type: '2', mode: '0777', size: 0, linkname: 'a' },
      { name: 'data/.wh.x', type: '0', mode: '0600', size: 0 },
    ]);
  });
});

describe('readSaved and daemonObserved', () => {
  const layer = (name: string): Buffer =>
    tarBytes([{ kind: 'file', name, mode: 0o644, data: Buffer.from('x') }]);
  const parent = [layer('a'), layer('b')];
  const top = tarBytes([
    { kind: 'dir', name: 'data', mode: 0o755 },
    { kind: 'file', name: 'data/.wh.a.txt', mode: 0o600, data: Buffer.alloc(0) },
  ]);

  it('finds each ref’s diff IDs and layer tars through manifest.json, and lists the added layer', () => {
    const archive = dockerArchive(
      [
        { ref: 'conf-base:2', layers: parent },
        { ref: 'conf/t05:2', layers: [...parent, top] },
      ],
      ['sleep'],
    );
    const saved = readSaved(archive.bytes);
    const image = saved.get('conf/t05:2')!;
    expect(image.diffIds).toEqual([...parent, top].map(sha));
    expect(image.layers[2]).toEqual(top);
    const { ref, ...observed } = committed;
    expect(ref).toBe('conf/t05:2');
    expect(daemonObserved(committed, image, parent.length)).toEqual({
      ...observed,
      emptyLayer: false,
      layersAdded: 1,
      tar: [
        { name: 'data/', type: '5', mode: '0755', size: 0 },
        { name: 'data/.wh.a.txt', type: '0', mode: '0600', size: 0 },
      ],
    });
  });

  it('says no layer and no tar when the commit added none (T20)', () => {
    const image: SavedImage = {
      diffIds: parent.map(sha),
      history: [{}, {}, { empty_layer: true }],
      layers: parent,
    };
    expect(daemonObserved(committed, image, parent.length)).toMatchObject({
      emptyLayer: true,
      layersAdded: 0,
      tar: null,
    });
  });

  it('stops when the saved top layer does not hash to its diff ID', () => {
    const image: SavedImage = {
      diffIds: [...parent, top].map(sha),
      history: [],
      layers: [...parent, layer('z')],
    };
    expect(() => daemonObserved(committed, image, parent.length)).toThrow(/hashes to/);
  });
});
