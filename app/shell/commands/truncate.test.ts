import { describe, expect, it } from 'vitest';
import { boxWith } from '../../engine/testing/builders.ts';
import { parseSize, truncate } from './truncate.ts';
import { content, look, sh } from './write-testing.ts';

describe('truncate', () => {
  it('copies an image file up and cuts it, with a new mtime', () => {
    const box = boxWith();
    const now = box.fs().now();
    expect(sh(box, truncate, ['-s', '0', '/data/a.txt'])).toMatchObject({ code: 0, output: '' });
    expect(box.upper()).toEqual(['data/', 'data/a.txt "" 644']);
    expect(look(box, '/data/a.txt')).toMatchObject({ mtime: now });
    expect(box.diff()).toEqual(['C /data', 'C /data/a.txt']);
  });

  it('creates missing files as 0644 unless -c', () => {
    const box = boxWith();
    sh(box, truncate, ['-s', '3', '/tmp/n']);
    sh(box, truncate, ['-c', '-s', '3', '/tmp/m']);
    expect(look(box, '/tmp/n')).toMatchObject({ size: 3, mode: 0o644 });
    expect(look(box, '/tmp/m')).toBe('ENOENT');
  });

  it('grows and shrinks relative to the current size', () => {
    const box = boxWith();
    sh(box, truncate, ['-s', '+2', '/data/a.txt']);
    expect(look(box, '/data/a.txt')).toMatchObject({ size: 4 });
    sh(box, truncate, ['-s', '-3', '/data/a.txt']);
    expect(content(box, '/data/a.txt')).toBe('a');
    sh(box, truncate, ['-s', '-9', '/data/a.txt']);
    expect(look(box, '/data/a.txt')).toMatchObject({ size: 0 });
  });

  it('reads sizes with suffixes and rounding modes', () => {
    expect(parseSize('1K')).toEqual({ mode: 'abs', n: 1024 });
    expect(parseSize('1KB')).toEqual({ mode: 'abs', n: 1000 });
    expect(parseSize('2MiB')).toEqual({ mode: 'abs', n: 2 * 1024 * 1024 });
    expect(parseSize('%4')).toEqual({ mode: 'rup', n: 4 });
    expect(parseSize('<10')).toEqual({ mode: 'max', n: 10 });
    expect(parseSize('x')).toBe("Invalid number: 'x'");
    expect(parseSize('/0')).toBe('division by zero');
  });

  it('takes the size of a reference file', () => {
    const box = boxWith();
    sh(box, truncate, ['-r', '/bin/sh', '/tmp/x']);
    expect(look(box, '/tmp/x')).toMatchObject({ size: 15 });
  });

  it('complains the way truncate does', () => {
    expect(sh(boxWith(), truncate, ['/tmp/x']).stderr).toBe(
      "truncate: you must specify either '--size' or '--reference'\nTry 'truncate --help' for more information.\n",
    );
    expect(sh(boxWith(), truncate, ['-s', '1']).stderr).toBe(
      "truncate: missing file operand\nTry 'truncate --help' for more information.\n",
    );
    expect(sh(boxWith(), truncate, ['-s', 'x', '/tmp/x']).stderr).toBe("truncate: Invalid number: 'x'\n");
    expect(sh(boxWith(), truncate, ['-s', '0', '/data']).stderr).toBe(
      "truncate: cannot open '/data' for writing: Is a directory\n",
    );
    expect(sh(boxWith(), truncate, ['-s', '0', '/x/y']).stderr).toBe(
      "truncate: cannot open '/x/y' for writing: No such file or directory\n",
    );
  });
});
