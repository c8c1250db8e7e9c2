import { describe, expect, it } from 'vitest';
import { boxWith } from '../../engine/testing/builders.ts';
import { sh } from './read-testing.ts';
import { wc } from './wc.ts';

describe('wc', () => {
  it('prints one count of one file without padding', () => {
    expect(sh(boxWith(), wc, ['-l', '/etc/config']).stdout).toBe('1 /etc/config\n');
    expect(sh(boxWith(), wc, ['-c', '/etc/hosts']).stdout).toBe('174 /etc/hosts\n');
  });

  it('aligns several counts in the width of the total size', () => {
    expect(sh(boxWith(), wc, ['/etc/hosts']).stdout).toBe('  7  16 174 /etc/hosts\n');
  });

  it('adds a total line for several files', () => {
    expect(sh(boxWith(), wc, ['/etc/config', '/data/a.txt']).stdout).toBe(
      '1 1 3 /etc/config\n1 1 2 /data/a.txt\n2 2 5 total\n',
    );
  });

  it('prints just the numbers for standard input, seven wide', () => {
    expect(sh(boxWith(), wc, [], { stdin: 'hello world\nbye\n' }).stdout).toBe('      2       3      16\n');
    expect(sh(boxWith(), wc, ['-w'], { stdin: 'hello world\nbye\n' }).stdout).toBe('3\n');
  });

  it('counts characters with -m: bytes in the C locale, characters under UTF-8', () => {
    const box = boxWith();
    expect(sh(box, wc, ['-m'], { stdin: '\u00e9t\u00e9\n' }).stdout).toBe('6\n');
    expect(sh(box, wc, ['-m'], { stdin: '\u00e9t\u00e9\n', where: 'host' }).stdout).toBe('4\n');
    expect(sh(box, wc, ['-c'], { stdin: '\u00e9t\u00e9\n', where: 'host' }).stdout).toBe('6\n');
  });

  it('reports a missing file, and a directory with zero counts', () => {
    const r = sh(boxWith(), wc, ['/x', '/etc', '/etc/config']);
    expect(r.code).toBe(1);
    expect(r.output).toBe(
      'wc: /x: No such file or directory\nwc: /etc: Is a directory\n      0       0       0 /etc\n      1       1       3 /etc/config\n      1       1       3 total\n',
    );
  });

  it('counts a 1 MB paste', () => {
    const r = sh(boxWith(), wc, ['-l'], { stdin: 'abc def\n'.repeat(131_072) });
    expect(r.stdout).toBe('131072\n');
  });
});
