import { describe, expect, it } from 'vitest';
import { IMAGE_MTIME } from '../../engine/layer.ts';
import type { TestBox } from '../../engine/testing/builders.ts';
import { P, boxWith } from '../../engine/testing/builders.ts';
import { runCommand } from '../testing/run-command.ts';
import type { ShellCommand } from '../types.ts';
import { chmod } from './chmod.ts';
import { ln } from './ln.ts';
import { mkdir } from './mkdir.ts';
import { mv } from './mv.ts';
import { rm } from './rm.ts';
import { touch } from './touch.ts';

// SEMANTICS.md's confirmed cases T1–T25 (T20 read-only and T24 volumes belong elsewhere), each done
// the way the table's operation column says, with the upper and `docker diff` the table gives.
// `echo x > f`, `>> f` and `: >> f` are the shell's redirections: writeFile, as the shell makes them.

/** One command line, as the session runs it: a fresh Fs, kept afterwards (the clock moves on). */
function sh(box: TestBox, cmd: ShellCommand<unknown>, ...args: string[]): string {
  const fs = box.fs();
  const r = runCommand(cmd, fs, args);
  box.keep(fs);
  expect(r.output).toBe('');
  expect(r.code).toBe(0);
  return r.output;
}

const write = (box: TestBox, path: string, data: string, append = false): void =>
  box.run((fs) => {
    expect(fs.writeFile(P(path), data, { append }).ok).toBe(true);
  });

const stat = (box: TestBox, path: string) => {
  const r = box.fs().stat(P(path));
  if (!r.ok) throw new Error(`${path}: ${r.errno}`);
  return r.value;
};

describe('the confirmed cases of SEMANTICS.md, done with the write commands', () => {
  it('T1 echo new > /etc/config copies up the parent and writes in the upper', () => {
    const box = boxWith();
    write(box, '/etc/config', 'new\n');
    expect(box.upper()).toEqual(['etc/', 'etc/config "new\\n" 644']);
    expect(box.diff()).toEqual(['C /etc', 'C /etc/config']);
  });

  it('T2 echo more >> /data/a.txt appends to the copied-up file', () => {
    const box = boxWith();
    write(box, '/data/a.txt', 'more\n', true);
    expect(box.upper()).toEqual(['data/', 'data/a.txt "a\\nmore\\n" 644']);
    expect(box.diff()).toEqual(['C /data', 'C /data/a.txt']);
  });

  it('T3 touch /data/a.txt copies the file up with a new mtime', () => {
    const box = boxWith();
    const clock = box.fs().now();
    sh(box, touch, '/data/a.txt');
    expect(box.upper()).toEqual(['data/', 'data/a.txt "a\\n" 644']);
    expect(stat(box, '/data/a.txt').mtime).toBe(clock);
    expect(box.diff()).toEqual(['C /data', 'C /data/a.txt']);
  });

  it('T4 chmod 600 /data/a.txt changes the mode of the copy and keeps its mtime', () => {
    const box = boxWith();
    sh(box, chmod, '600', '/data/a.txt');
    expect(box.upper()).toEqual(['data/', 'data/a.txt "a\\n" 600']);
    expect(stat(box, '/data/a.txt').mtime).toBe(IMAGE_MTIME);
    expect(box.diff()).toEqual(['C /data', 'C /data/a.txt']);
  });

  it('T5 rm /data/a.txt leaves a whiteout', () => {
    const box = boxWith();
    sh(box, rm, '/data/a.txt');
    expect(box.upper()).toEqual(['data/', 'data/a.txt=wh']);
    expect(box.diff()).toEqual(['C /data', 'D /data/a.txt']);
  });

  it('T6 rm -r /data/sub leaves one whiteout at the directory and nothing for its children', () => {
    const box = boxWith();
    sh(box, rm, '-r', '/data/sub');
    expect(box.upper()).toEqual(['data/', 'data/sub=wh']);
    expect(box.diff()).toEqual(['C /data', 'D /data/sub']);
  });

  it('T7 a directory made again over a whiteout is opaque', () => {
    const box = boxWith();
    sh(box, rm, '-r', '/data/sub');
    sh(box, mkdir, '/data/sub');
    write(box, '/data/sub/new', 'n\n');
    expect(box.upper()).toEqual(['data/', 'data/sub/[opq]', 'data/sub/new "n\\n" 644']);
    expect(box.diff()).toEqual(['C /data', 'C /data/sub', 'A /data/sub/new', 'D /data/sub/b.txt']);
  });

  it('T8 mv of a lower file copies it up under the new name and whites out the old one', () => {
    const box = boxWith();
    sh(box, mv, '/data/a.txt', '/data/renamed.txt');
    expect(box.upper()).toEqual(['data/', 'data/a.txt=wh', 'data/renamed.txt "a\\n" 644']);
    expect(box.diff()).toEqual(['C /data', 'A /data/renamed.txt', 'D /data/a.txt']);
  });

  it('T9 mv of a lower directory gets EXDEV, copies the tree and removes the source', () => {
    const box = boxWith();
    sh(box, mv, '/data/sub', '/data/sub2');
    expect(box.upper()).toEqual(['data/', 'data/sub=wh', 'data/sub2/', 'data/sub2/b.txt "b\\n" 644']);
    expect(box.diff()).toEqual(['C /data', 'A /data/sub2', 'A /data/sub2/b.txt', 'D /data/sub']);
    // The copy keeps what cp -a keeps: mode and mtimes.
    expect(stat(box, '/data/sub2')).toMatchObject({ mode: 0o755, mtime: IMAGE_MTIME });
    expect(stat(box, '/data/sub2/b.txt')).toMatchObject({ mode: 0o644, mtime: IMAGE_MTIME });
  });

  it('T10 touch of a new file copies up its parents', () => {
    const box = boxWith();
    sh(box, touch, '/opt/app/newfile');
    expect(box.upper()).toEqual(['opt/', 'opt/app/', 'opt/app/newfile "" 644']);
    expect(box.diff()).toEqual(['C /opt', 'C /opt/app', 'A /opt/app/newfile']);
  });

  it('T11 mkdir of a new directory copies up its parents', () => {
    const box = boxWith();
    sh(box, mkdir, '/opt/app/newdir');
    expect(box.upper()).toEqual(['opt/', 'opt/app/', 'opt/app/newdir/']);
    expect(box.diff()).toEqual(['C /opt', 'C /opt/app', 'A /opt/app/newdir']);
  });

  it('T12 ln -s stores the target text and copies up only the parents', () => {
    const box = boxWith();
    sh(box, ln, '-s', '/etc/config', '/opt/app/link');
    expect(box.upper()).toEqual(['opt/', 'opt/app/', 'opt/app/link -> /etc/config']);
    expect(box.diff()).toEqual(['C /opt', 'C /opt/app', 'A /opt/app/link']);
  });

  it('T13 a file made and removed again leaves only the copied-up parents, which diff ignores', () => {
    const box = boxWith();
    write(box, '/opt/app/tmp', 'hi\n');
    sh(box, rm, '/opt/app/tmp');
    expect(box.upper()).toEqual(['opt/', 'opt/app/']);
    expect(box.diff()).toEqual([]);
  });

  it('T14 a file written over a removed directory needs no opaque marker', () => {
    const box = boxWith();
    sh(box, rm, '-r', '/data/sub');
    write(box, '/data/sub', 'f\n');
    expect(box.upper()).toEqual(['data/', 'data/sub "f\\n" 644']);
    expect(box.diff()).toEqual(['C /data', 'C /data/sub']);
  });

  it('T15 a directory made over a removed file is opaque', () => {
    const box = boxWith();
    sh(box, rm, '/etc/config');
    sh(box, mkdir, '/etc/config');
    expect(box.upper()).toEqual(['etc/', 'etc/config/[opq]']);
    expect(box.diff()).toEqual(['C /etc', 'C /etc/config']);
  });

  it('T16 ln copies the file up and links it in the upper (one inode)', () => {
    const box = boxWith();
    sh(box, ln, '/data/a.txt', '/data/hard');
    expect(box.upper()).toEqual(['data/', 'data/a.txt "a\\n" 644', 'data/hard "a\\n" 644']);
    const a = stat(box, '/data/a.txt');
    const h = stat(box, '/data/hard');
    expect(h.ino).toBe(a.ino);
    expect(a.nlink).toBe(2);
    expect(box.diff()).toEqual(['C /data', 'A /data/hard']);
  });

  it('T17 : >> /data/a.txt copies the file up with its old mtime, invisible to diff', () => {
    const box = boxWith();
    write(box, '/data/a.txt', '', true);
    expect(box.upper()).toEqual(['data/', 'data/a.txt "a\\n" 644']);
    expect(stat(box, '/data/a.txt').mtime).toBe(IMAGE_MTIME);
    expect(box.diff()).toEqual([]);
  });

  it('T18 mkdir -p makes every missing level', () => {
    const box = boxWith();
    sh(box, mkdir, '-p', '/new/deep/dir');
    write(box, '/new/deep/dir/f', 'x\n');
    expect(box.upper()).toEqual(['new/', 'new/deep/', 'new/deep/dir/', 'new/deep/dir/f "x\\n" 644']);
    expect(box.diff()).toEqual(['A /new', 'A /new/deep', 'A /new/deep/dir', 'A /new/deep/dir/f']);
  });

  it('T19 a name deleted in a lower layer is created fresh, not opaque', () => {
    const box = boxWith();
    write(box, '/opt/gone', 'x\n');
    expect(box.upper()).toEqual(['opt/', 'opt/gone "x\\n" 644']);
    expect(box.diff()).toEqual(['C /opt', 'A /opt/gone']);
  });

  it('T21 chmod 700 /data copies up the directory with its new mode', () => {
    const box = boxWith();
    sh(box, chmod, '700', '/data');
    expect(box.upper()).toEqual(['data/']);
    expect(stat(box, '/data').mode).toBe(0o700);
    expect(box.diff()).toEqual(['C /data']);
  });

  it('T22 a pure-upper directory renamed into a merged parent becomes opaque', () => {
    const box = boxWith();
    sh(box, mkdir, '/data/nd');
    sh(box, touch, '/data/nd/f');
    sh(box, mv, '/data/nd', '/data/nd2');
    expect(box.upper()).toEqual(['data/', 'data/nd2/[opq]', 'data/nd2/f "" 644']);
    expect(box.diff()).toEqual(['C /data', 'A /data/nd2', 'A /data/nd2/f']);
  });

  it('T23 a whole lower directory removed and made again hides all it had', () => {
    const box = boxWith();
    sh(box, rm, '-r', '/data');
    sh(box, mkdir, '/data');
    write(box, '/data/a.txt', 'n\n');
    expect(box.upper()).toEqual(['data/[opq]', 'data/a.txt "n\\n" 644']);
    expect(box.diff()).toEqual(['C /data', 'C /data/a.txt', 'D /data/c.txt', 'D /data/sub']);
  });

  it('T25 whiteouts sit among new files in name order; diff lists A before D', () => {
    const box = boxWith();
    sh(box, rm, '/data/c.txt');
    sh(box, touch, '/data/0new', '/data/zzz');
    expect(box.upper()).toEqual(['data/', 'data/0new "" 644', 'data/c.txt=wh', 'data/zzz "" 644']);
    expect(box.diff()).toEqual(['C /data', 'A /data/0new', 'A /data/zzz', 'D /data/c.txt']);
  });
});
