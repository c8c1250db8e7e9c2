import { describe, expect, it } from 'vitest';
import { columnLayout, humanSize, lsDate, modeString } from './read-lsformat.ts';

const cells = (names: string[]) => names.map((text) => ({ text, width: text.length }));

describe("ls's column layout", () => {
  it('fills columns top to bottom, two spaces after the longest name of each', () => {
    const names = cells(['a', 'bb', 'ccc', 'd', 'e']);
    // Three columns need 4 + 5 + 3 (the last at least GNU's minimum of 3) = 12 < 13.
    expect(columnLayout(names, 13)).toEqual(['a   ccc  e', 'bb  d']);
    expect(columnLayout(names, 12)).toEqual(['a    d', 'bb   e', 'ccc']);
  });

  it('keeps every line strictly narrower than the terminal', () => {
    // Both names on one line take 3 + 2 + 4 = 9 columns: that fits 10, not 9.
    expect(columnLayout(cells(['abc', 'defg']), 10)).toEqual(['abc  defg']);
    expect(columnLayout(cells(['abc', 'defg']), 9)).toEqual(['abc', 'defg']);
  });

  it('prints nothing for an empty directory', () => {
    expect(columnLayout([], 80)).toEqual([]);
  });
});

describe("ls's fields", () => {
  it('writes modes with file type and special bits', () => {
    expect(modeString('file', 0o644)).toBe('-rw-r--r--');
    expect(modeString('dir', 0o1777)).toBe('drwxrwxrwt');
    expect(modeString('file', 0o6644)).toBe('-rwSr-Sr--');
    expect(modeString('chardev', 0)).toBe('c---------');
  });

  it('shows the time for recent files, the year for old or future ones', () => {
    const now = 1705921200; // 2024-01-22 11:00 UTC
    expect(lsDate(now, now)).toBe('Jan 22 11:00');
    expect(lsDate(1700000000, now)).toBe('Nov 14 22:13');
    expect(lsDate(1600000000, now)).toBe('Sep 13  2020');
    expect(lsDate(now + 86400, now)).toBe('Jan 23  2024');
    expect(lsDate(1704067200, now)).toBe('Jan  1 00:00');
  });

  it('rounds human sizes up', () => {
    expect([0, 1023, 1024, 1025, 10239, 10240, 1048576, 1048577].map(humanSize)).toEqual([
      '0',
      '1023',
      '1.0K',
      '1.1K',
      '10K',
      '10K',
      '1.0M',
      '1.1M',
    ]);
  });
});
