import { describe, expect, it } from 'vitest';
import { boxWith } from '../../engine/testing/builders.ts';
import { head } from './head.ts';
import { sh } from './read-testing.ts';

const numbers = Array.from({ length: 15 }, (_, i) => `${i + 1}\n`).join('');

describe('head', () => {
  it('prints the first 10 lines by default', () => {
    expect(sh(boxWith(), head, [], { stdin: numbers }).stdout).toBe(numbers.split('11\n')[0]);
  });

  it('takes -n N, -N and -c N', () => {
    const box = boxWith();
    expect(sh(box, head, ['-n', '2'], { stdin: numbers }).stdout).toBe('1\n2\n');
    expect(sh(box, head, ['-3'], { stdin: numbers }).stdout).toBe('1\n2\n3\n');
    expect(sh(box, head, ['-c', '4'], { stdin: numbers }).stdout).toBe('1\n2\n');
    expect(sh(box, head, ['--lines=1'], { stdin: numbers }).stdout).toBe('1\n');
  });

  it('prints all but the last N with -n -N', () => {
    expect(sh(boxWith(), head, ['-n', '-13'], { stdin: numbers }).stdout).toBe('1\n2\n');
    expect(sh(boxWith(), head, ['-c', '-1'], { stdin: 'abc\n' }).stdout).toBe('abc');
  });

  it('keeps a last line without newline as it is', () => {
    expect(sh(boxWith(), head, ['-n', '5'], { stdin: 'a\nb' }).stdout).toBe('a\nb');
  });

  it('puts a header before each of several files, a blank line between', () => {
    const r = sh(boxWith(), head, ['-n', '1', '/etc/config', '-', '/data/a.txt'], { stdin: 'in\n' });
    expect(r.stdout).toBe(
      '==> /etc/config <==\nv2\n\n==> standard input <==\nin\n\n==> /data/a.txt <==\na\n',
    );
    expect(sh(boxWith(), head, ['-q', '/etc/config', '/data/a.txt']).stdout).toBe('v2\na\n');
    expect(sh(boxWith(), head, ['-v', '/etc/config']).stdout).toBe('==> /etc/config <==\nv2\n');
  });

  it('reports files it cannot open or read and exits 1', () => {
    const r = sh(boxWith(), head, ['/x', '/etc', '/etc/config']);
    expect(r.code).toBe(1);
    expect(r.output).toBe(
      "head: cannot open '/x' for reading: No such file or directory\n==> /etc <==\nhead: error reading '/etc': Is a directory\n\n==> /etc/config <==\nv2\n",
    );
  });

  it('rejects a bad count, with curly quotes on the host', () => {
    expect(sh(boxWith(), head, ['-n', 'x'])).toMatchObject({
      code: 1,
      stderr: "head: invalid number of lines: 'x'\n",
    });
    expect(sh(boxWith(), head, ['-c', '1q'], { where: 'host' }).stderr).toBe(
      'head: invalid number of bytes: \u20181q\u2019\n',
    );
  });

  it('never copies a lower file up', () => {
    const box = boxWith();
    sh(box, head, ['/data/a.txt', '/etc/config']);
    expect(box.upper()).toEqual([]);
  });
});
