import { describe, expect, it } from 'vitest';
import { boxWith } from '../../engine/testing/builders.ts';
import { mkdir } from './mkdir.ts';
import { look, sh } from './write-testing.ts';

describe('mkdir', () => {
  it('makes a directory 0755 (0777 less the umask)', () => {
    const box = boxWith();
    expect(sh(box, mkdir, ['/tmp/d'])).toMatchObject({ code: 0, output: '' });
    expect(look(box, '/tmp/d')).toMatchObject({ kind: 'dir', mode: 0o755 });
  });

  it('refuses an existing name', () => {
    const r = sh(boxWith(), mkdir, ['/data']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("mkdir: cannot create directory '/data': File exists\n");
  });

  it('needs the parent without -p', () => {
    expect(sh(boxWith(), mkdir, ['/x/y']).stderr).toBe(
      "mkdir: cannot create directory '/x/y': No such file or directory\n",
    );
  });

  it('makes the missing parents with -p and accepts an existing directory', () => {
    const box = boxWith();
    const r = sh(box, mkdir, ['-pv', '/data/x/y', '/data']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe("mkdir: created directory '/data/x'\nmkdir: created directory '/data/x/y'\n");
    expect(box.upper()).toEqual(['data/', 'data/x/', 'data/x/y/']);
  });

  it('names the ancestor that is not a directory with -p', () => {
    const box = boxWith();
    expect(sh(box, mkdir, ['-p', '/etc/config/x']).stderr).toBe(
      "mkdir: cannot create directory '/etc/config': Not a directory\n",
    );
    expect(sh(box, mkdir, ['-p', '/etc/config']).stderr).toBe(
      "mkdir: cannot create directory '/etc/config': File exists\n",
    );
  });

  it('sets the mode with -m, changing it after mkdir when the umask took bits away', () => {
    const box = boxWith();
    sh(box, mkdir, ['-m', '777', '/tmp/open']);
    sh(box, mkdir, ['-m', 'u=rwx,go=', '/tmp/closed']);
    sh(box, mkdir, ['-m', '1777', '/tmp/sticky']);
    expect(look(box, '/tmp/open')).toMatchObject({ mode: 0o777 });
    expect(look(box, '/tmp/closed')).toMatchObject({ mode: 0o700 });
    expect(look(box, '/tmp/sticky')).toMatchObject({ mode: 0o1777 });
  });

  it('rejects an invalid mode', () => {
    const r = sh(boxWith(), mkdir, ['-m', 'zz', '/tmp/d']);
    expect(r).toMatchObject({ code: 1, stderr: "mkdir: invalid mode 'zz'\n" });
  });

  it('needs an operand', () => {
    expect(sh(boxWith(), mkdir, []).stderr).toBe(
      "mkdir: missing operand\nTry 'mkdir --help' for more information.\n",
    );
  });

  it('works relative to the current directory', () => {
    const box = boxWith();
    sh(box, mkdir, ['-p', 'a/b'], { cwd: '/tmp' });
    expect(look(box, '/tmp/a/b')).toMatchObject({ kind: 'dir' });
  });
});
