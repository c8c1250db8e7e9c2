import { describe, expect, it } from 'vitest';
import { compareDaemon, compareObserved, diffOrderProblems } from './compare.ts';
import type { DaemonObserved, Observed } from './types.ts';

describe('diff order (SEMANTICS.md D4)', () => {
  it('accepts any sibling order that keeps pre-order and puts D entries last in their directory', () => {
    expect(diffOrderProblems(['C /data', 'C /data/sub', 'A /data/sub/new', 'D /data/sub/b.txt'])).toEqual([]);
    expect(diffOrderProblems(['C /srv', 'A /srv/x', 'C /data', 'D /data/a', 'D /opt'])).toEqual([]);
    expect(diffOrderProblems(['C /data', 'C /data/a', 'D /data/a/x', 'A /data/b', 'D /data/z'])).toEqual([]);
  });

  it('flags a directory listed after its descendants', () => {
    expect(diffOrderProblems(['C /data/a.txt', 'C /data'])).not.toEqual([]);
  });

  it('flags a C or A entry after a D of the same directory', () => {
    expect(diffOrderProblems(['C /data', 'D /data/a.txt', 'A /data/b'])).not.toEqual([]);
    expect(diffOrderProblems(['D /x', 'A /y'])).not.toEqual([]);
  });

  it('flags a subtree split by an unrelated entry', () => {
    expect(diffOrderProblems(['C /data', 'C /opt', 'A /data/x'])).not.toEqual([]);
  });
});

describe('compareObserved', () => {
  const base: Observed = {
    merged: [
      { path: '/bin/busybox', type: 'file', mode: '0755', content: '\u007fELF…' },
      { path: '/data', type: 'dir', mode: '0755' },
    ],
    upper: [{ path: '/data', type: 'dir', mode: '0755', opaque: true }],
    diff: ['C /data', 'D /data/a'],
  };

  it('ignores file contents under /bin and the sibling order of diff lines', () => {
    const sim: Observed = {
      ...base,
      merged: [{ path: '/bin/busybox', type: 'file', mode: '0755', content: '' }, ...base.merged.slice(1)],
    };
    expect(compareObserved(base, sim)).toEqual([]);
    expect(compareObserved({ ...base, diff: ['C /a', 'C /b'] }, { ...base, diff: ['C /b', 'C /a'] })).toEqual(
      [],
    );
  });

  it('names each differing entry on both sides', () => {
    const sim: Observed = {
      ...base,
      upper: [{ path: '/data', type: 'dir', mode: '0755' }],
      diff: ['C /data'],
    };
    expect(compareObserved(base, sim)).toEqual([
      'upper: - real /data dir 0755 opaque=true',
      'upper: + sim  /data dir 0755',
      'diff: - real D /data/a',
    ]);
  });

  it('compares merged trees as arrays: same entries in another order differ', () => {
    const sim: Observed = { ...base, merged: [...base.merged].reverse() };
    expect(compareObserved(base, sim)[0]).toMatch(/not the same order/);
  });
});

describe('compareDaemon', () => {
  const real: DaemonObserved = {
    sizeRw: 2,
    psSize: '2B',
    historySizes: [2, 5, 18, 1982256],
    emptyLayer: false,
    layersAdded: 1,
    tar: [
      { name: 'data/', type: '5', mode: '0755', size: 0 },
      { name: 'data/a.txt', type: '0', mode: '0644', size: 2 },
      { name: 'data/hard', type: '1', mode: '0644', size: 0, linkname: 'data/a.txt' },
    ],
  };

  it('accepts the same numbers and tar, whatever the bottom (/bin) row says', () => {
    expect(compareDaemon(real, { ...real, historySizes: [2, 5, 18, 0] })).toEqual([]);
  });

  it('names each difference with both sides', () => {
    const sim: DaemonObserved = {
      sizeRw: 4,
      psSize: '4B',
      historySizes: [4, 5, 18, 0],
      emptyLayer: true,
      layersAdded: 0,
      tar: [real.tar![0]!, { ...real.tar![2]!, linkname: 'data/other' }],
    };
    expect(compareDaemon(real, sim)).toEqual([
      'ps -s: SizeRw real 2 bytes, sim 4 bytes',
      'ps -s: SIZE real "2B", sim "4B"',
      'history: SIZE of the newest row real 2 bytes, sim 4 bytes',
      'commit: empty_layer of the newest history entry real false, sim true',
      'commit: layers added real 1, sim 0',
      'tar: 3 entries real, 2 sim; first difference at #1',
      'tar: - real data/a.txt type 0 mode 0644 size 2 | data/hard type 1 mode 0644 size 0 -> data/a.txt',
      'tar: + sim  data/hard type 1 mode 0644 size 0 -> data/other',
    ]);
  });

  it('counts history rows', () => {
    expect(compareDaemon(real, { ...real, historySizes: [2, 5, 0] })).toEqual([
      'history: real 4 rows, sim 3 rows',
    ]);
  });
});
