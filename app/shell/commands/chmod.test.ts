import { describe, expect, it } from 'vitest';
import { IMAGE_MTIME } from '../../engine/layer.ts';
import { P, boxWith } from '../../engine/testing/builders.ts';
import { chmod } from './chmod.ts';
import { UMASK, adjustMode, compileMode, permString } from './write-mode.ts';
import { look, sh } from './write-testing.ts';

const apply = (mode: string, old: number, isDir = false): number | null => {
  const c = compileMode(mode);
  return c && adjustMode(old, isDir, UMASK, c).mode;
};

describe('modes as chmod reads them', () => {
  it.each([
    ['644', 0o777, 0o644],
    ['0755', 0o600, 0o755],
    ['1777', 0o755, 0o1777],
    ['u+x', 0o644, 0o744],
    ['go-w', 0o666, 0o644],
    ['a=r', 0o755, 0o444],
    ['+x', 0o644, 0o755],
    ['u=rwx,g=rx,o=', 0o644, 0o750],
    ['a+X', 0o644, 0o644],
    ['a+X', 0o744, 0o755],
    ['g=u', 0o640, 0o660],
    ['-w', 0o666, 0o466],
    ['u+', 0o644, 0o644],
    ['+w', 0o444, 0o644],
    ['u+s', 0o755, 0o4755],
    ['o+t', 0o777, 0o1777],
  ])('%s on %o gives %o', (mode, old, want) => {
    expect(apply(mode, old)).toBe(want);
  });

  it('makes X add execute on directories', () => {
    expect(apply('a+X', 0o644, true)).toBe(0o755);
  });

  it.each(['zz', '8', '99999', 'u+x,', '', 'ug', '+7x', 'u=5'])('rejects %j', (mode) => {
    expect(compileMode(mode)).toBeNull();
  });

  it('spells permissions as ls does', () => {
    expect(permString(0o4755)).toBe('rwsr-xr-x');
    expect(permString(0o1777)).toBe('rwxrwxrwt');
    expect(permString(0o2644)).toBe('rw-r-Sr--');
  });
});

describe('chmod', () => {
  it('copies a file up even when the mode does not change, so diff shows nothing (C1, H4)', () => {
    const box = boxWith();
    expect(sh(box, chmod, ['644', '/data/a.txt'])).toMatchObject({ code: 0, output: '' });
    expect(box.upper()).toEqual(['data/', 'data/a.txt "a\\n" 644']);
    expect(look(box, '/data/a.txt')).toMatchObject({ mtime: IMAGE_MTIME });
    expect(box.diff()).toEqual([]);
  });

  it('computes symbolic modes from the current mode', () => {
    const box = boxWith();
    sh(box, chmod, ['u+x,g+w', '/data/a.txt']);
    expect(look(box, '/data/a.txt')).toMatchObject({ mode: 0o764 });
  });

  it('takes a mode written like an option, and warns when the umask changed the result', () => {
    const box = boxWith();
    box.run((fs) => fs.chmod(P('/data/a.txt'), 0o666));
    const r = sh(box, chmod, ['-w', '/data/a.txt']);
    expect(look(box, '/data/a.txt')).toMatchObject({ mode: 0o466 });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('chmod: /data/a.txt: new permissions are r--rw-rw-, not r--r--r--\n');
  });

  it('reports files it cannot reach and goes on', () => {
    const box = boxWith();
    const r = sh(box, chmod, ['600', '/x', '/data/a.txt']);
    expect(r.stderr).toBe("chmod: cannot access '/x': No such file or directory\n");
    expect(r.code).toBe(1);
    expect(look(box, '/data/a.txt')).toMatchObject({ mode: 0o600 });
  });

  it('rejects an invalid mode', () => {
    const r = sh(boxWith(), chmod, ['zz', '/data/a.txt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("chmod: invalid mode: 'zz'\nTry 'chmod --help' for more information.\n");
  });

  it('needs a file after the mode', () => {
    expect(sh(boxWith(), chmod, ['644']).stderr).toBe(
      "chmod: missing operand after '644'\nTry 'chmod --help' for more information.\n",
    );
    expect(sh(boxWith(), chmod, []).stderr).toBe(
      "chmod: missing operand\nTry 'chmod --help' for more information.\n",
    );
  });

  it('walks a tree with -R, directory first, leaving symlinks alone', () => {
    const box = boxWith();
    box.run((fs) => fs.symlink('/etc/config', P('/data/sub/link')));
    const r = sh(box, chmod, ['-Rv', 'go-rx', '/data']);
    expect(r.stdout).toBe(
      [
        "mode of '/data' changed from 0755 (rwxr-xr-x) to 0700 (rwx------)",
        "mode of '/data/a.txt' changed from 0644 (rw-r--r--) to 0600 (rw-------)",
        "mode of '/data/c.txt' changed from 0644 (rw-r--r--) to 0600 (rw-------)",
        "mode of '/data/sub' changed from 0755 (rwxr-xr-x) to 0700 (rwx------)",
        "mode of '/data/sub/b.txt' changed from 0644 (rw-r--r--) to 0600 (rw-------)",
        "neither symbolic link '/data/sub/link' nor referent has been changed",
        '',
      ].join('\n'),
    );
    expect(look(box, '/etc/config')).toMatchObject({ mode: 0o644 });
  });

  it('reports only changes with -c', () => {
    const r = sh(boxWith(), chmod, ['-c', '644', '/data/a.txt', '/bin/sh']);
    expect(r.stdout).toBe("mode of '/bin/sh' changed from 0755 (rwxr-xr-x) to 0644 (rw-r--r--)\n");
  });

  it('copies the mode of a reference file', () => {
    const box = boxWith();
    sh(box, chmod, ['--reference=/bin/sh', '/data/a.txt']);
    expect(look(box, '/data/a.txt')).toMatchObject({ mode: 0o755 });
  });

  it('follows a symlink named on the command line', () => {
    const box = boxWith();
    box.run((fs) => fs.symlink('/data/a.txt', P('/tmp/l')));
    sh(box, chmod, ['600', '/tmp/l']);
    expect(look(box, '/data/a.txt')).toMatchObject({ mode: 0o600 });
    box.run((fs) => fs.symlink('/nowhere', P('/tmp/dangling')));
    expect(sh(box, chmod, ['600', '/tmp/dangling']).stderr).toBe(
      "chmod: cannot operate on dangling symlink '/tmp/dangling'\n",
    );
  });
});
