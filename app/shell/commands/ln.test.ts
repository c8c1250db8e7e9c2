import { describe, expect, it } from 'vitest';
import { P, boxWith } from '../../engine/testing/builders.ts';
import { runCommand } from '../testing/run-command.ts';
import { ln } from './ln.ts';
import { content, look, sh } from './write-testing.ts';

describe('ln', () => {
  it('makes a symlink with the target text as given', () => {
    const box = boxWith();
    expect(sh(box, ln, ['-s', '../etc/config', '/data/cfg'])).toMatchObject({ code: 0, output: '' });
    expect(look(box, '/data/cfg')).toMatchObject({ kind: 'symlink', target: '../etc/config' });
    expect(content(box, '/data/cfg')).toBe('v2\n');
  });

  it('makes a hard link: the file is copied up first (C9)', () => {
    const box = boxWith();
    sh(box, ln, ['/data/a.txt', '/data/h']);
    expect(box.upper()).toEqual(['data/', 'data/a.txt "a\\n" 644', 'data/h "a\\n" 644']);
  });

  it('links into a directory', () => {
    const box = boxWith();
    sh(box, ln, ['-s', '/etc/config', '/tmp']);
    sh(box, ln, ['-s', '/data/a.txt', '/data/c.txt', '/opt']);
    expect(look(box, '/tmp/config')).toMatchObject({ kind: 'symlink' });
    expect(look(box, '/opt/c.txt')).toMatchObject({ kind: 'symlink', target: '/data/c.txt' });
  });

  it('refuses an existing name', () => {
    const box = boxWith();
    expect(sh(box, ln, ['-s', '/a', '/etc/config']).stderr).toBe(
      "ln: failed to create symbolic link '/etc/config': File exists\n",
    );
    expect(sh(box, ln, ['/data/a.txt', '/data/c.txt']).stderr).toBe(
      "ln: failed to create hard link '/data/c.txt': File exists\n",
    );
  });

  it('replaces an existing name with -f, through a temporary link renamed over it', () => {
    const box = boxWith();
    const fs = box.fs();
    runCommand(ln, fs, ['-sf', '/x', '/etc/config']);
    box.keep(fs);
    const made = fs
      .events()
      .flatMap((e) =>
        e.type === 'create' || e.type === 'rename'
          ? [e.type === 'create' ? e.path : `${e.from} -> ${e.to}`]
          : [],
      );
    expect(made).toHaveLength(2);
    expect(made[0]).toMatch(/^\/etc\/Cu[A-Za-z0-9]{6}$/);
    expect(made[1]).toBe(`${made[0]} -> /etc/config`);
    expect(look(box, '/etc/config')).toMatchObject({ kind: 'symlink', target: '/x' });
    expect(box.upper()).toEqual(['etc/', 'etc/config -> /x']);
  });

  it('reports a missing source of a hard link', () => {
    const r = sh(boxWith(), ln, ['/x', '/y']);
    expect(r.stderr).toBe("ln: failed to access '/x': No such file or directory\n");
    expect(r.code).toBe(1);
  });

  it('will not hard-link a directory', () => {
    expect(sh(boxWith(), ln, ['/data', '/d2']).stderr).toBe(
      'ln: /data: hard link not allowed for directory\n',
    );
  });

  it('links into the current directory with one operand', () => {
    const box = boxWith();
    sh(box, ln, ['-s', '/etc/config'], { cwd: '/tmp' });
    expect(look(box, '/tmp/config')).toMatchObject({ kind: 'symlink' });
    expect(sh(box, ln, ['-s', '/etc/config'], { cwd: '/tmp' }).stderr).toBe(
      "ln: failed to create symbolic link './config': File exists\n",
    );
  });

  it('treats a symlink to a directory as a name to replace with -n', () => {
    const box = boxWith();
    box.run((fs) => fs.symlink('/data', P('/cur')));
    sh(box, ln, ['-sfn', '/opt', '/cur']);
    expect(look(box, '/cur')).toMatchObject({ kind: 'symlink', target: '/opt' });
  });

  it('needs an operand', () => {
    expect(sh(boxWith(), ln, []).stderr).toBe(
      "ln: missing file operand\nTry 'ln --help' for more information.\n",
    );
  });

  it('says what it did with -v', () => {
    expect(sh(boxWith(), ln, ['-sv', '/etc/config', '/tmp/c']).stdout).toBe("'/tmp/c' -> '/etc/config'\n");
  });
});
