import { describe, expect, it } from 'vitest';
import { P, boxWith } from '../../engine/testing/builders.ts';
import { runCommand } from '../testing/run-command.ts';
import { mv } from './mv.ts';
import { content, look, sh } from './write-testing.ts';

describe('mv', () => {
  it('renames a file of the image: copy-up under the new name, whiteout at the old', () => {
    const box = boxWith();
    expect(sh(box, mv, ['/data/a.txt', '/data/b.txt'])).toMatchObject({ code: 0, output: '' });
    expect(box.upper()).toEqual(['data/', 'data/a.txt=wh', 'data/b.txt "a\\n" 644']);
  });

  it('moves into an existing directory', () => {
    const box = boxWith();
    sh(box, mv, ['/data/a.txt', '/etc/config', '/tmp']);
    expect(content(box, '/tmp/a.txt')).toBe('a\n');
    expect(content(box, '/tmp/config')).toBe('v2\n');
    expect(look(box, '/etc/config')).toBe('ENOENT');
  });

  it('copies a lower directory after EXDEV and deletes the source, as GNU mv does', () => {
    const box = boxWith();
    const fs = box.fs();
    const r = runCommand(mv, fs, ['/data/sub', '/data/moved']);
    box.keep(fs);
    expect(r).toMatchObject({ code: 0, output: '' });
    const kinds = fs
      .events()
      .map((e) => e.type)
      .filter((t) => t !== 'lookup' && t !== 'read');
    expect(kinds).toEqual([
      'exdev',
      'copy-up', // /data, parent of the new directory
      'create', // mkdir /data/moved (0700 until filled)
      'create', // b.txt, O_CREAT|O_EXCL
      'write',
      'utimes', // its mtime
      'chmod', // its mode
      'utimes', // the directory's mtime, owner and mode, last
      'chown',
      'chmod',
      'copy-up', // rm -r of the source: /data/sub to hold the whiteout of b.txt
      'whiteout-created',
      'whiteout-created', // then /data/sub itself
    ]);
    expect(box.upper()).toEqual(['data/', 'data/moved/', 'data/moved/b.txt "b\\n" 644', 'data/sub=wh']);
  });

  it('renames a directory that lives only in the upper (opaque once in a merged parent, B5)', () => {
    const box = boxWith();
    box.run((fs) => fs.mkdir(P('/new')));
    const fs = box.fs();
    runCommand(mv, fs, ['/new', '/new2']);
    box.keep(fs);
    expect(fs.events().some((e) => e.type === 'exdev')).toBe(false);
    expect(box.upper()).toEqual(['new2/[opq]']);
  });

  it('says when the source does not exist', () => {
    const r = sh(boxWith(), mv, ['/x', '/y']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("mv: cannot stat '/x': No such file or directory\n");
  });

  it('refuses to move a directory into itself', () => {
    const box = boxWith();
    const r = sh(box, mv, ['/data', '/data/sub']);
    expect(r.stderr).toBe("mv: cannot move '/data' to a subdirectory of itself, '/data/sub/data'\n");
    expect(r.code).toBe(1);
    expect(box.upper()).toEqual([]);
  });

  it('refuses a file onto itself', () => {
    const r = sh(boxWith(), mv, ['a.txt', 'a.txt'], { cwd: '/data' });
    expect(r.stderr).toBe("mv: 'a.txt' and 'a.txt' are the same file\n");
    expect(r.code).toBe(1);
  });

  it('will not put a directory over a file or a file over a directory', () => {
    const box = boxWith();
    expect(sh(box, mv, ['-T', '/data/a.txt', '/data/sub']).stderr).toBe(
      "mv: cannot overwrite directory '/data/sub' with non-directory\n",
    );
    expect(sh(box, mv, ['/data/sub', '/data/a.txt']).stderr).toBe(
      "mv: cannot overwrite non-directory '/data/a.txt' with directory '/data/sub'\n",
    );
    expect(box.upper()).toEqual([]);
  });

  it('reports a destination whose directory does not exist', () => {
    const r = sh(boxWith(), mv, ['/data', '/nope/x']);
    expect(r.stderr).toBe("mv: cannot move '/data' to '/nope/x': No such file or directory\n");
    expect(r.code).toBe(1);
  });

  it('overwrites an existing file', () => {
    const box = boxWith();
    sh(box, mv, ['/data/a.txt', '/data/c.txt']);
    expect(box.upper()).toEqual(['data/', 'data/a.txt=wh', 'data/c.txt "a\\n" 644']);
  });

  it('leaves an existing file alone with -n', () => {
    const box = boxWith();
    expect(sh(box, mv, ['-n', '/data/a.txt', '/data/c.txt'])).toMatchObject({ code: 0, output: '' });
    expect(box.upper()).toEqual([]);
  });

  it('needs a directory as the last of several operands', () => {
    const box = boxWith();
    expect(sh(box, mv, ['/data/a.txt', '/data/c.txt', '/nope']).stderr).toBe(
      "mv: target '/nope': No such file or directory\n",
    );
    expect(sh(box, mv, ['/data/a.txt', '/data/c.txt', '/etc/config']).stderr).toBe(
      "mv: target '/etc/config': Not a directory\n",
    );
  });

  it('complains about missing operands', () => {
    expect(sh(boxWith(), mv, []).stderr).toBe(
      "mv: missing file operand\nTry 'mv --help' for more information.\n",
    );
    expect(sh(boxWith(), mv, ['/x']).stderr).toBe(
      "mv: missing destination file operand after '/x'\nTry 'mv --help' for more information.\n",
    );
  });

  it('moves several sources into a directory given with -t, and says so with -v', () => {
    const box = boxWith();
    const r = sh(box, mv, ['-v', '-t', '/tmp', '/data/a.txt', '/data/c.txt']);
    expect(r.stdout).toBe("renamed '/data/a.txt' -> '/tmp/a.txt'\nrenamed '/data/c.txt' -> '/tmp/c.txt'\n");
    expect(content(box, '/tmp/c.txt')).toBe('c\n');
  });

  it('keeps hard links linked when it has to copy', () => {
    const box = boxWith();
    box.run((fs) => {
      fs.link(P('/data/sub/b.txt'), P('/data/sub/b2'));
    });
    sh(box, mv, ['/data/sub', '/moved']);
    const a = look(box, '/moved/b.txt');
    const b = look(box, '/moved/b2');
    expect(typeof a === 'object' && typeof b === 'object' && a.ino === b.ino).toBe(true);
  });
});
