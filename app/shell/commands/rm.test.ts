import { describe, expect, it } from 'vitest';
import { boxWith } from '../../engine/testing/builders.ts';
import { runCommand } from '../testing/run-command.ts';
import { rm } from './rm.ts';
import { look, sh } from './write-testing.ts';

describe('rm', () => {
  it('removes a file of the image by leaving a whiteout', () => {
    const box = boxWith();
    expect(sh(box, rm, ['/data/a.txt'])).toMatchObject({ code: 0, output: '' });
    expect(box.upper()).toEqual(['data/', 'data/a.txt=wh']);
  });

  it('refuses a directory without -r', () => {
    const box = boxWith();
    const r = sh(box, rm, ['/data']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("rm: cannot remove '/data': Is a directory\n");
    expect(box.upper()).toEqual([]);
  });

  it('reports a missing file and carries on with the others', () => {
    const box = boxWith();
    const r = sh(box, rm, ['/x', '/data/a.txt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("rm: cannot remove '/x': No such file or directory\n");
    expect(look(box, '/data/a.txt')).toBe('ENOENT');
  });

  it('is silent about missing files with -f', () => {
    const box = boxWith();
    expect(sh(box, rm, ['-f', '/x'])).toMatchObject({ code: 0, output: '' });
    expect(sh(box, rm, ['-f'])).toMatchObject({ code: 0, output: '' });
  });

  it('needs an operand without -f', () => {
    const r = sh(boxWith(), rm, []);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("rm: missing operand\nTry 'rm --help' for more information.\n");
  });

  it('removes a tree depth-first with -r, children before parents', () => {
    const box = boxWith();
    const fs = box.fs();
    const r = runCommand(rm, fs, ['-rv', 'data'], { cwd: '/' });
    box.keep(fs);
    expect(box.upper()).toEqual(['data=wh']);
    const whiteouts = fs.events().flatMap((e) => (e.type === 'whiteout-created' ? [e.path] : []));
    expect(whiteouts).toEqual(['/data/a.txt', '/data/c.txt', '/data/sub/b.txt', '/data/sub', '/data']);
    expect(r.stdout).toBe(
      [
        "removed 'data/a.txt'",
        "removed 'data/c.txt'",
        "removed 'data/sub/b.txt'",
        "removed directory 'data/sub'",
        "removed directory 'data'",
        '',
      ].join('\n'),
    );
  });

  it('removes an empty directory with -d, and says why not otherwise', () => {
    const box = boxWith();
    expect(sh(box, rm, ['-d', '/tmp'])).toMatchObject({ code: 0, output: '' });
    expect(box.upper()).toEqual(['tmp=wh']);
    expect(sh(box, rm, ['-d', '/data']).stderr).toBe("rm: cannot remove '/data': Directory not empty\n");
  });

  it('refuses to work recursively on / (preserve-root)', () => {
    const box = boxWith();
    const r = sh(box, rm, ['-rf', '/']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "rm: it is dangerous to operate recursively on '/'\n" +
        'rm: use --no-preserve-root to override this failsafe\n',
    );
    expect(sh(box, rm, ['-rf', '//']).stderr).toBe(
      "rm: it is dangerous to operate recursively on '//' (same as '/')\n" +
        'rm: use --no-preserve-root to override this failsafe\n',
    );
    expect(box.upper()).toEqual([]);
  });

  it('will not let --no-preserve-root be abbreviated', () => {
    expect(sh(boxWith(), rm, ['-rf', '--no-preserve', '/']).stderr).toBe(
      'rm: you may not abbreviate the --no-preserve-root option\n',
    );
  });

  it("refuses '.' and '..' as the last component", () => {
    const box = boxWith();
    const r = sh(box, rm, ['-r', '.'], { cwd: '/data' });
    expect(r.stderr).toBe("rm: refusing to remove '.' or '..' directory: skipping '.'\n");
    expect(r.code).toBe(1);
    expect(sh(box, rm, ['-rf', '/data/..']).stderr).toBe(
      "rm: refusing to remove '.' or '..' directory: skipping '/data/..'\n",
    );
    expect(box.upper()).toEqual([]);
  });

  it('says Not a directory for a file named with a trailing slash', () => {
    const r = sh(boxWith(), rm, ['/data/a.txt/']);
    expect(r.stderr).toBe("rm: cannot remove '/data/a.txt/': Not a directory\n");
  });

  it('removes a symlink, not what it points to', () => {
    const box = boxWith();
    box.run((fs) => fs.symlink('/data', '/opt/ln' as never));
    expect(sh(box, rm, ['/opt/ln']).code).toBe(0);
    expect(look(box, '/data')).toMatchObject({ kind: 'dir' });
    expect(box.upper()).toEqual(['opt/']);
  });

  it('cannot remove a mount point', () => {
    const r = sh(boxWith(), rm, ['/etc/hostname']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("rm: cannot remove '/etc/hostname': Device or resource busy\n");
  });

  it('rejects unknown options the getopt way', () => {
    const r = sh(boxWith(), rm, ['-z', 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("rm: invalid option -- 'z'\nTry 'rm --help' for more information.\n");
  });
});
