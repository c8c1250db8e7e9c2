import { describe, expect, it } from 'vitest';
import { boxWith } from '../../engine/testing/builders.ts';
import { sh } from './read-testing.ts';
import { sort } from './sort.ts';

const names = 'bin\nTEST\ntmp\nsrv\n_x\nlib64\nlib\n';

describe('sort in a container', () => {
  it('sorts in byte order, uppercase first, as the C locale does', () => {
    expect(sh(boxWith(), sort, [], { stdin: names }).stdout).toBe('TEST\n_x\nbin\nlib\nlib64\nsrv\ntmp\n');
  });

  it('folds case with -f, reverses with -r and drops duplicates with -u', () => {
    const box = boxWith();
    expect(sh(box, sort, ['-f'], { stdin: 'b\nB\na\n_\n' }).stdout).toBe('a\nB\nb\n_\n');
    expect(sh(box, sort, ['-r'], { stdin: 'a\nc\nb\n' }).stdout).toBe('c\nb\na\n');
    expect(sh(box, sort, ['-u'], { stdin: 'b\na\nb\n' }).stdout).toBe('a\nb\n');
    expect(sh(box, sort, ['-fu'], { stdin: 'b\nB\na\n' }).stdout).toBe('a\nb\n');
  });

  it('compares numbers with -n, treating non-numbers as zero', () => {
    const stdin = '10\n9\n-3\n1.5\nx\n007\n1,000\n';
    expect(sh(boxWith(), sort, ['-n'], { stdin }).stdout).toBe('-3\nx\n1,000\n1.5\n007\n9\n10\n');
    expect(sh(boxWith(), sort, ['-rn'], { stdin: '2\n10\n1\n' }).stdout).toBe('10\n2\n1\n');
  });

  it('sorts the lines of several files together', () => {
    expect(sh(boxWith(), sort, ['/etc/config', '/data/c.txt', '/data/a.txt']).stdout).toBe('a\nc\nv2\n');
  });

  it('fails with exit status 2 before sorting anything when a file cannot be read', () => {
    expect(sh(boxWith(), sort, ['/data/a.txt', '/x'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'sort: cannot read: /x: No such file or directory\n',
    });
    expect(sh(boxWith(), sort, ['/etc'])).toMatchObject({
      code: 2,
      stderr: 'sort: read failed: /etc: Is a directory\n',
    });
  });

  it('sorts a 1 MB paste', () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => String((i * 7919) % 100_000).padStart(9, ' '));
    const r = sh(boxWith(), sort, ['-n'], { stdin: lines.join('\n') + '\n' });
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['        0', '        1', '        2']);
  });
});

describe('sort on the host', () => {
  it('collates as en_US.UTF-8 does: case-folded, punctuation ignored', () => {
    expect(sh(boxWith(), sort, [], { stdin: names, where: 'host' }).stdout).toBe(
      'bin\nlib\nlib64\nsrv\nTEST\ntmp\n_x\n',
    );
  });

  it('reads thousands separators with -n', () => {
    expect(sh(boxWith(), sort, ['-n'], { stdin: '1,000\n999\n', where: 'host' }).stdout).toBe('999\n1,000\n');
  });
});
