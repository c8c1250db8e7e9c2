import { describe, expect, it } from 'vitest';
import { IMAGE_MTIME } from '../../engine/layer.ts';
import { P, boxWith } from '../../engine/testing/builders.ts';
import { cp } from './cp.ts';
import { content, look, sh } from './write-testing.ts';

const mode = (x: unknown) => (typeof x === 'object' && x !== null && 'mode' in x ? x.mode : x);
const mtime = (x: unknown) => (typeof x === 'object' && x !== null && 'mtime' in x ? x.mtime : x);

describe('cp', () => {
  it('copies a file to a new name with the source mode and a new mtime; the source stays in its layer', () => {
    const box = boxWith();
    const now = box.fs().now();
    expect(sh(box, cp, ['/bin/sh', '/tmp/sh'])).toMatchObject({ code: 0, output: '' });
    expect(box.upper()).toEqual(['tmp/', 'tmp/sh "#!/bin/busybox\\n" 755']);
    expect(mtime(look(box, '/tmp/sh'))).toBe(now);
  });

  it('truncates an existing destination and keeps its mode', () => {
    const box = boxWith();
    box.run((fs) => fs.writeFile(P('/tmp/t'), 'old stuff\n', { append: false, mode: 0o600 }));
    sh(box, cp, ['/data/a.txt', '/tmp/t']);
    expect(content(box, '/tmp/t')).toBe('a\n');
    expect(mode(look(box, '/tmp/t'))).toBe(0o600);
  });

  it('keeps mode and mtime with -p', () => {
    const box = boxWith();
    sh(box, cp, ['-p', '/data/a.txt', '/tmp/a']);
    expect(look(box, '/tmp/a')).toMatchObject({ mode: 0o644, mtime: IMAGE_MTIME });
  });

  it('copies into an existing directory', () => {
    const box = boxWith();
    sh(box, cp, ['/data/a.txt', '/data/c.txt', '/tmp']);
    expect(box.upper()).toEqual(['tmp/', 'tmp/a.txt "a\\n" 644', 'tmp/c.txt "c\\n" 644']);
  });

  it('omits a directory without -r', () => {
    const r = sh(boxWith(), cp, ['/data', '/tmp/d']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("cp: -r not specified; omitting directory '/data'\n");
  });

  it('copies a tree with -r', () => {
    const box = boxWith();
    sh(box, cp, ['-r', '/data', '/tmp/d']);
    expect(box.upper()).toEqual([
      'tmp/',
      'tmp/d/',
      'tmp/d/a.txt "a\\n" 644',
      'tmp/d/c.txt "c\\n" 644',
      'tmp/d/sub/',
      'tmp/d/sub/b.txt "b\\n" 644',
    ]);
    expect(mode(look(box, '/tmp/d'))).toBe(0o755);
  });

  it('says so when the source is missing', () => {
    const r = sh(boxWith(), cp, ['/x', '/tmp/y']);
    expect(r.stderr).toBe("cp: cannot stat '/x': No such file or directory\n");
    expect(r.code).toBe(1);
  });

  it('refuses to copy a file onto itself', () => {
    const r = sh(boxWith(), cp, ['/data/a.txt', '/data/a.txt']);
    expect(r.stderr).toBe("cp: '/data/a.txt' and '/data/a.txt' are the same file\n");
  });

  it('stops copying a directory into itself, after what it already copied (as GNU does)', () => {
    const box = boxWith();
    const r = sh(box, cp, ['-r', '/data', '/data/x']);
    expect(r.stderr).toBe("cp: cannot copy a directory, '/data', into itself, '/data/x'\n");
    expect(r.code).toBe(1);
    expect(content(box, '/data/x/a.txt')).toBe('a\n');
    expect(look(box, '/data/x/x')).toBe('ENOENT');
  });

  it('follows symlinks without -r, copies them as links with -r or -a', () => {
    const box = boxWith();
    box.run((fs) => fs.symlink('/data/a.txt', P('/tmp/l')));
    sh(box, cp, ['/tmp/l', '/tmp/followed']);
    sh(box, cp, ['-a', '/tmp/l', '/tmp/kept']);
    expect(look(box, '/tmp/followed')).toMatchObject({ kind: 'file' });
    expect(look(box, '/tmp/kept')).toMatchObject({ kind: 'symlink', target: '/data/a.txt' });
  });

  it('keeps hard links within the copy with -a', () => {
    const box = boxWith();
    box.run((fs) => fs.link(P('/data/a.txt'), P('/data/hard')));
    sh(box, cp, ['-a', '/data', '/tmp/d']);
    const a = look(box, '/tmp/d/a.txt');
    const h = look(box, '/tmp/d/hard');
    expect(typeof a === 'object' && typeof h === 'object' && a.ino === h.ino).toBe(true);
  });

  it('needs a directory as the last of several operands', () => {
    expect(sh(boxWith(), cp, ['/data/a.txt', '/data/c.txt', '/nope']).stderr).toBe(
      "cp: target '/nope': No such file or directory\n",
    );
  });

  it('reports a destination it cannot create', () => {
    expect(sh(boxWith(), cp, ['/data/a.txt', '/nope/x']).stderr).toBe(
      "cp: cannot create regular file '/nope/x': No such file or directory\n",
    );
  });

  it('will not overwrite a directory with a file', () => {
    expect(sh(boxWith(), cp, ['-T', '/data/a.txt', '/data/sub']).stderr).toBe(
      "cp: cannot overwrite directory '/data/sub' with non-directory\n",
    );
  });

  it('leaves an existing file alone with -n', () => {
    const box = boxWith();
    expect(sh(box, cp, ['-n', '/data/a.txt', '/data/c.txt']).code).toBe(0);
    expect(box.upper()).toEqual([]);
  });

  it('makes hard or symbolic links instead of copies with -l and -s', () => {
    const box = boxWith();
    sh(box, cp, ['-l', '/data/a.txt', '/data/hard']);
    sh(box, cp, ['-s', '/data/a.txt', '/data/soft']);
    expect(box.upper()).toEqual([
      'data/',
      'data/a.txt "a\\n" 644',
      'data/hard "a\\n" 644',
      'data/soft -> /data/a.txt',
    ]);
  });

  it('names what it copies with -v', () => {
    expect(sh(boxWith(), cp, ['-v', '/data/a.txt', '/tmp']).stdout).toBe("'/data/a.txt' -> '/tmp/a.txt'\n");
  });

  it('rejects a bad --preserve list', () => {
    const r = sh(boxWith(), cp, ['--preserve=color', '/a', '/b']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "cp: invalid argument 'color' for '--preserve'\nTry 'cp --help' for more information.\n",
    );
  });
});
