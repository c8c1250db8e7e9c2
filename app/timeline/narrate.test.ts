import { describe, expect, it } from 'vitest';
import { en } from './narrate.ts';

describe('byte counts in narration', () => {
  it('are exact below a kilobyte and decimal with 3 significant digits above', () => {
    expect(en.bytes(0)).toBe('0 bytes');
    expect(en.bytes(1)).toBe('1 byte');
    expect(en.bytes(999)).toBe('999 bytes');
    expect(en.bytes(13_312)).toBe('13.3 kB');
    expect(en.bytes(2_100_000)).toBe('2.1 MB');
  });
});

describe('the copy-up sentence', () => {
  it('says the whole file is copied for a 1-byte append', () => {
    expect(en.copyUpPrepare('/usr/lib/x.so', 'file', 2_100_000, 'layer 3', { op: 'append', bytes: 1 })).toBe(
      'Copy-up: the whole file /usr/lib/x.so (2.1 MB) is copied from layer 3 into WorkDir, though only 1 byte is appended.',
    );
  });

  it('says opening for writing is enough when nothing is written', () => {
    expect(en.copyUpPrepare('/a', 'file', 2, 'layer 1', { op: 'open' })).toContain(
      'opening it for writing is enough',
    );
  });

  it('copies a directory without its entries', () => {
    expect(en.copyUpPrepare('/data', 'dir', 0, 'layer 1', { op: 'chmod' })).toBe(
      'Copy-up: the directory /data itself, not its entries, is copied from layer 1 into WorkDir, though only its mode changes.',
    );
  });
});

describe('lists of layers', () => {
  it('read as English', () => {
    expect(en.lookup('/a', [{ result: 'miss', layers: ['the upper', 'the init layer', 'layer 2'] }])).toBe(
      'Looking up /a from the top down: not in the upper, the init layer or layer 2.',
    );
    expect(en.foundDir('/d', ['the upper', 'layer 1'], null)).toBe(
      '/d is a directory in the upper and layer 1: the merged view lists the union of their entries.',
    );
  });
});

describe('the whiteout sentence', () => {
  it('names every lower layer whose directory the whiteout hides', () => {
    expect(en.whiteout('/d', ['layer 3', 'layer 2'], 4)).toBe(
      'Deleting the directory /d and everything in it leaves a single whiteout at /d in the upper, none for the 4 entries inside; the directories in layer 3 and layer 2 stay, hidden.',
    );
    expect(en.whiteout('/d', ['layer 1'], 1)).toContain('; the directory in layer 1 stays, hidden.');
  });

  it('falls back to the layers below when it does not know which', () => {
    expect(en.whiteout('/f', [], 0)).toBe(
      '/f is in the layers below, which are read-only, so the upper gets a whiteout in its place: lookups stop there, and the original stays, hidden.',
    );
  });
});
