import { describe, expect, it } from 'vitest';
import { boxWith } from '../../engine/testing/builders.ts';
import { sh } from './read-testing.ts';
import { tail } from './tail.ts';

const numbers = Array.from({ length: 15 }, (_, i) => `${i + 1}\n`).join('');

describe('tail', () => {
  it('prints the last 10 lines by default', () => {
    expect(sh(boxWith(), tail, [], { stdin: numbers }).stdout).toBe(numbers.slice(numbers.indexOf('6\n')));
  });

  it('takes -n N, -N and -c N', () => {
    const box = boxWith();
    expect(sh(box, tail, ['-n', '2'], { stdin: numbers }).stdout).toBe('14\n15\n');
    expect(sh(box, tail, ['-1'], { stdin: numbers }).stdout).toBe('15\n');
    expect(sh(box, tail, ['-c', '3'], { stdin: numbers }).stdout).toBe('15\n');
    expect(sh(box, tail, ['-n', '0'], { stdin: numbers }).stdout).toBe('');
  });

  it('starts at line N with -n +N, and at byte N with -c +N', () => {
    expect(sh(boxWith(), tail, ['-n', '+14'], { stdin: numbers }).stdout).toBe('14\n15\n');
    expect(sh(boxWith(), tail, ['-c', '+2'], { stdin: 'abc\n' }).stdout).toBe('bc\n');
  });

  it('counts a last line without newline as a line', () => {
    expect(sh(boxWith(), tail, ['-n', '1'], { stdin: 'a\nb' }).stdout).toBe('b');
  });

  it('puts a header before each of several files', () => {
    expect(sh(boxWith(), tail, ['-n', '1', '/etc/config', '/data/a.txt']).stdout).toBe(
      '==> /etc/config <==\nv2\n\n==> /data/a.txt <==\na\n',
    );
  });

  it('reports files it cannot open and exits 1', () => {
    const r = sh(boxWith(), tail, ['/x']);
    expect(r).toMatchObject({
      code: 1,
      stderr: "tail: cannot open '/x' for reading: No such file or directory\n",
    });
  });

  it('takes a whole 1 MB paste in its stride', () => {
    const big = 'x'.repeat(99) + '\n';
    const r = sh(boxWith(), tail, ['-n', '2'], { stdin: big.repeat(10_000) });
    expect(r.stdout).toBe(big + big);
  });
});
