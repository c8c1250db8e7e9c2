import { describe, expect, it } from 'vitest';
import { boxWith } from '../../engine/testing/builders.ts';
import { runCommand } from '../testing/run-command.ts';
import { cat } from './cat.ts';
import { sh } from './read-testing.ts';

describe('cat', () => {
  it('prints files one after the other', () => {
    expect(sh(boxWith(), cat, ['/etc/config', '/data/a.txt'])).toMatchObject({ code: 0, stdout: 'v2\na\n' });
  });

  it('reads standard input with no operand and for -', () => {
    const box = boxWith();
    expect(sh(box, cat, [], { stdin: 'piped\n' }).stdout).toBe('piped\n');
    expect(sh(box, cat, ['/etc/config', '-', '/data/a.txt'], { stdin: 'in\n' }).stdout).toBe('v2\nin\na\n');
  });

  it('finds standard input used up the second time', () => {
    expect(sh(boxWith(), cat, ['-', '-'], { stdin: 'once\n' }).stdout).toBe('once\n');
  });

  it('reports missing files and directories, prints the rest and exits 1', () => {
    const r = sh(boxWith(), cat, ['/x', '/etc', '/etc/config']);
    expect(r.code).toBe(1);
    expect(r.output).toBe('cat: /x: No such file or directory\ncat: /etc: Is a directory\nv2\n');
  });

  it('quotes a name that needs quoting in its messages', () => {
    expect(sh(boxWith(), cat, ['/no such', 'a:b']).stderr).toBe(
      "cat: '/no such': No such file or directory\ncat: 'a:b': No such file or directory\n",
    );
  });

  it('keeps a missing final newline', () => {
    expect(sh(boxWith(), cat, ['-'], { stdin: 'no newline' }).stdout).toBe('no newline');
  });

  it('numbers lines across files with -n, and only non-blank ones with -b', () => {
    const box = boxWith();
    expect(sh(box, cat, ['-n', '/etc/config', '-'], { stdin: 'x\n\ny\n' }).stdout).toBe(
      '     1\tv2\n     2\tx\n     3\t\n     4\ty\n',
    );
    expect(sh(box, cat, ['-b', '-'], { stdin: 'x\n\ny\n' }).stdout).toBe('     1\tx\n\n     2\ty\n');
  });

  it('squeezes blank lines with -s and shows ends, tabs and control characters with -A', () => {
    const box = boxWith();
    expect(sh(box, cat, ['-s', '-'], { stdin: 'a\n\n\n\nb\n' }).stdout).toBe('a\n\nb\n');
    expect(sh(box, cat, ['-A', '-'], { stdin: 'a\tb\x01\u00e9\x7f\n' }).stdout).toBe('a^Ib^AM-CM-)^?$\n');
  });

  it('reads a lower file without copying it up, from the layer that holds it', () => {
    const box = boxWith();
    const fs = box.fs();
    expect(runCommand(cat, fs, ['/data/a.txt']).stdout).toBe('a\n');
    box.keep(fs);
    expect(box.upper()).toEqual([]);
    const read = fs.events().find((e) => e.type === 'read');
    expect(read).toMatchObject({ type: 'read', path: '/data/a.txt' });
    expect(read && 'layer' in read ? read.layer : null).not.toBe(box.container.upper.id);
  });

  it('rejects an unknown option', () => {
    expect(sh(boxWith(), cat, ['-z'])).toMatchObject({
      code: 1,
      stderr: "cat: invalid option -- 'z'\nTry 'cat --help' for more information.\n",
    });
  });
});
