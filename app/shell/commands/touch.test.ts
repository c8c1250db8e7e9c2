import { describe, expect, it } from 'vitest';
import { IMAGE_MTIME } from '../../engine/layer.ts';
import { P, boxWith } from '../../engine/testing/builders.ts';
import { runCommand } from '../testing/run-command.ts';
import { parseDate, parseStamp, touch } from './touch.ts';
import { look, sh } from './write-testing.ts';

describe('touch', () => {
  it('opens an image file for writing (copy-up), then sets a new mtime', () => {
    const box = boxWith();
    const fs = box.fs();
    const r = runCommand(touch, fs, ['/data/a.txt']);
    box.keep(fs);
    expect(r).toMatchObject({ code: 0, output: '' });
    const kinds = fs
      .events()
      .map((e) => e.type)
      .filter((t) => t !== 'lookup');
    expect(kinds).toEqual(['copy-up', 'copy-up', 'utimes']);
    expect(look(box, '/data/a.txt')).toMatchObject({ mtime: fs.now() });
  });

  it('creates a missing file as 0644, empty', () => {
    const box = boxWith();
    sh(box, touch, ['/tmp/new']);
    expect(box.upper()).toEqual(['tmp/', 'tmp/new "" 644']);
  });

  it('does not create with -c, and says nothing', () => {
    const box = boxWith();
    expect(sh(box, touch, ['-c', '/tmp/new'])).toMatchObject({ code: 0, output: '' });
    expect(box.upper()).toEqual([]);
  });

  it('cannot touch a file in a missing directory', () => {
    const r = sh(boxWith(), touch, ['/x/y']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("touch: cannot touch '/x/y': No such file or directory\n");
  });

  it('touches a directory (open fails with EISDIR, utimes works)', () => {
    const box = boxWith();
    expect(sh(box, touch, ['/data'])).toMatchObject({ code: 0, output: '' });
    expect(box.upper()).toEqual(['data/']);
  });

  it('sets the time given with -d, -t or -r', () => {
    const box = boxWith();
    sh(box, touch, ['-d', '@1600000000', '/tmp/a']);
    expect(look(box, '/tmp/a')).toMatchObject({ mtime: 1600000000 });
    sh(box, touch, ['-t', '202001020304.05', '/tmp/b']);
    expect(look(box, '/tmp/b')).toMatchObject({ mtime: Date.UTC(2020, 0, 2, 3, 4, 5) / 1000 });
    sh(box, touch, ['-r', '/data/a.txt', '/tmp/c']);
    expect(look(box, '/tmp/c')).toMatchObject({ mtime: IMAGE_MTIME });
  });

  it('rejects a date it cannot read, and a missing reference', () => {
    expect(sh(boxWith(), touch, ['-d', 'someday', '/tmp/a']).stderr).toBe(
      "touch: invalid date format 'someday'\n",
    );
    expect(sh(boxWith(), touch, ['-r', '/nope', '/tmp/a']).stderr).toBe(
      "touch: failed to get attributes of '/nope': No such file or directory\n",
    );
  });

  it('keeps the mtime with -a (but still copies up)', () => {
    const box = boxWith();
    sh(box, touch, ['-a', '/data/a.txt']);
    expect(box.upper()).toEqual(['data/', 'data/a.txt "a\\n" 644']);
    expect(look(box, '/data/a.txt')).toMatchObject({ mtime: IMAGE_MTIME });
  });

  it('needs a file operand', () => {
    expect(sh(boxWith(), touch, []).stderr).toBe(
      "touch: missing file operand\nTry 'touch --help' for more information.\n",
    );
  });

  it('writes nothing through a symlink but touches its target', () => {
    const box = boxWith();
    box.run((fs) => fs.symlink('/data/a.txt', P('/tmp/l')));
    sh(box, touch, ['/tmp/l']);
    expect(box.upper()).toContain('data/a.txt "a\\n" 644');
  });
});

describe('touch dates', () => {
  it('reads ISO dates as UTC', () => {
    expect(parseDate('2020-01-01', 0)).toBe(1577836800);
    expect(parseDate('2020-01-01 10:00:30', 0)).toBe(1577872830);
    expect(parseDate('2020-02-30', 0)).toBeNull();
  });

  it('reads -t stamps with two-digit years the POSIX way', () => {
    expect(parseStamp('7001010000', 0)).toBe(0);
    expect(parseStamp('6801010000', 0)).toBe(Date.UTC(2068, 0, 1) / 1000);
    expect(parseStamp('bad', 0)).toBeNull();
  });
});
