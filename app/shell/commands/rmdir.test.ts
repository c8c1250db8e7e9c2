import { describe, expect, it } from 'vitest';
import { P, boxWith } from '../../engine/testing/builders.ts';
import { rmdir } from './rmdir.ts';
import { sh } from './write-testing.ts';

describe('rmdir', () => {
  it('removes an empty directory of the image with a whiteout', () => {
    const box = boxWith();
    expect(sh(box, rmdir, ['/tmp'])).toMatchObject({ code: 0, output: '' });
    expect(box.upper()).toEqual(['tmp=wh']);
  });

  it('says why it cannot remove', () => {
    const r = sh(boxWith(), rmdir, ['/data', '/x', '/etc/config']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "rmdir: failed to remove '/data': Directory not empty\n" +
        "rmdir: failed to remove '/x': No such file or directory\n" +
        "rmdir: failed to remove '/etc/config': Not a directory\n",
    );
  });

  it('ignores non-empty directories when asked', () => {
    const r = sh(boxWith(), rmdir, ['--ignore-fail-on-non-empty', '/data']);
    expect(r).toMatchObject({ code: 0, output: '' });
  });

  it('removes the parents named in the operand with -p', () => {
    const box = boxWith();
    box.run((fs) => {
      fs.mkdir(P('/a'));
      fs.mkdir(P('/a/b'));
    });
    const r = sh(box, rmdir, ['-pv', 'a/b'], { cwd: '/' });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe("rmdir: removing directory, 'a/b'\nrmdir: removing directory, 'a'\n");
    expect(box.upper()).toEqual([]);
  });

  it('stops at / with -p on an absolute name, as GNU does', () => {
    const box = boxWith();
    box.run((fs) => fs.mkdir(P('/a')));
    const r = sh(box, rmdir, ['-p', '/a']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("rmdir: failed to remove directory '/': Device or resource busy\n");
  });

  it('explains a symlink named with a trailing slash', () => {
    const box = boxWith();
    box.run((fs) => fs.symlink('/tmp', P('/ln')));
    expect(sh(box, rmdir, ['/ln/']).stderr).toBe(
      "rmdir: failed to remove '/ln/': Symbolic link not followed\n",
    );
  });
});
