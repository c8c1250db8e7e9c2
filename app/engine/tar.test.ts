import { describe, expect, it } from 'vitest';
import type { NamespaceFs } from './namespace-fs.ts';
import { layerTar, layerTarListing } from './tar.ts';
import { boxWith, P } from './testing/builders.ts';
import { digestOf, EMPTY_LAYER_DIFF_ID } from './digest.ts';

// The tar `docker commit` exports from an upper (SEMANTICS.md E2–E4), read back entry by entry.

interface TarEntry {
  name: string;
  type: string;
  mode: string;
  size: number;
  linkname: string;
  mtime: number;
}

function readTar(bytes: Uint8Array): TarEntry[] {
  const out: TarEntry[] = [];
  const text = (off: number, len: number): string =>
    new TextDecoder().decode(bytes.subarray(off, off + len)).replace(/\0.*$/s, '');
  for (let off = 0; off + 512 <= bytes.length;) {
    if (bytes.subarray(off, off + 512).every((b) => b === 0)) break;
    const size = parseInt(text(off + 124, 12), 8);
    const prefix = text(off + 345, 155);
    const name = (prefix ? prefix + '/' : '') + text(off, 100);
    out.push({
      name,
      type: text(off + 156, 1),
      mode: text(off + 100, 8).slice(-4),
      size,
      linkname: text(off + 157, 100),
      mtime: parseInt(text(off + 136, 12), 8),
    });
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

function tarOf(ops: (fs: NamespaceFs) => void): TarEntry[] {
  const box = boxWith();
  box.run(ops);
  return readTar(layerTar(box.container.upper));
}

const names = (es: TarEntry[]): string[] => es.map((e) => e.name);
const w = (fs: NamespaceFs, p: string, d: string): void => void fs.writeFile(P(p), d, { append: false });

describe('the committed layer tar', () => {
  it('T5: a deleted file becomes an empty .wh. file, mode 0600', () => {
    const es = tarOf((fs) => fs.unlink(P('/data/a.txt')));
    expect(names(es)).toEqual(['data/', 'data/.wh.a.txt']);
    expect(es[1]).toMatchObject({ type: '0', mode: '0600', size: 0 });
  });

  it('T6: rm -r of a lower dir is one whiteout', () => {
    const es = tarOf((fs) => {
      fs.unlink(P('/data/sub/b.txt'));
      fs.rmdir(P('/data/sub'));
    });
    expect(names(es)).toEqual(['data/', 'data/.wh.sub']);
  });

  it('T7: a dir made over a deleted one carries .wh..wh..opq with the dir’s mode and mtime 0', () => {
    const es = tarOf((fs) => {
      fs.unlink(P('/data/sub/b.txt'));
      fs.rmdir(P('/data/sub'));
      fs.mkdir(P('/data/sub'));
      w(fs, '/data/sub/new', 'n\n');
    });
    expect(names(es)).toEqual(['data/', 'data/sub/', 'data/sub/.wh..wh..opq', 'data/sub/new']);
    expect(es[2]).toMatchObject({ type: '0', mode: '0755', size: 0, mtime: 0 });
    expect(es[1]).toMatchObject({ type: '5', mode: '0755' });
  });

  it('T8: a rename is a whiteout at the old name and a file at the new one', () => {
    const es = tarOf((fs) => fs.rename(P('/data/a.txt'), P('/data/renamed.txt')));
    expect(names(es)).toEqual(['data/', 'data/.wh.a.txt', 'data/renamed.txt']);
    expect(es[2]).toMatchObject({ type: '0', size: 2 });
  });

  it('T15: a file replaced by a dir is an opaque dir', () => {
    const es = tarOf((fs) => {
      fs.unlink(P('/etc/config'));
      fs.mkdir(P('/etc/config'));
    });
    expect(names(es)).toEqual(['etc/', 'etc/config/', 'etc/config/.wh..wh..opq']);
  });

  it('T16: the second name of a hard link is typeflag 1 pointing at the first', () => {
    const es = tarOf((fs) => fs.link(P('/data/a.txt'), P('/data/hard')));
    expect(names(es)).toEqual(['data/', 'data/a.txt', 'data/hard']);
    expect(es[1]).toMatchObject({ type: '0', size: 2 });
    expect(es[2]).toMatchObject({ type: '1', size: 0, linkname: 'data/a.txt' });
  });

  it('T22: a pure-upper dir renamed into a merged parent is opaque in the tar', () => {
    const es = tarOf((fs) => {
      fs.mkdir(P('/data/nd'));
      w(fs, '/data/nd/f', '');
      fs.rename(P('/data/nd'), P('/data/nd2'));
    });
    expect(names(es)).toEqual(['data/', 'data/nd2/', 'data/nd2/.wh..wh..opq', 'data/nd2/f']);
  });

  it('T25: a whiteout sits at its name’s sort position, not first', () => {
    const es = tarOf((fs) => {
      fs.unlink(P('/data/c.txt'));
      w(fs, '/data/0new', '');
      w(fs, '/data/zzz', '');
    });
    expect(names(es)).toEqual(['data/', 'data/0new', 'data/.wh.c.txt', 'data/zzz']);
  });

  it('T13: an upper holding only copied-up dirs is not the empty tar', () => {
    const box = boxWith();
    box.run((fs) => {
      w(fs, '/opt/app/tmp', 'hi\n');
      fs.unlink(P('/opt/app/tmp'));
    });
    expect(digestOf(layerTar(box.container.upper))).not.toBe(EMPTY_LAYER_DIFF_ID);
  });

  it('T20: an untouched upper is the empty tar, whose digest is the empty-layer ID', () => {
    expect(digestOf(layerTar(boxWith().container.upper))).toBe(EMPTY_LAYER_DIFF_ID);
  });

  it('writes whole-second mtimes and numeric root ownership', () => {
    const es = tarOf((fs) => w(fs, '/data/new', 'x'));
    for (const e of es) expect(Number.isInteger(e.mtime)).toBe(true);
  });
});

describe('layerTarListing', () => {
  it('lists what layerTar writes, in the same order, with the same types and sizes', () => {
    const box = boxWith();
    box.run((fs) => {
      fs.unlink(P('/data/sub/b.txt'));
      fs.rmdir(P('/data/sub'));
      fs.mkdir(P('/data/sub'));
      w(fs, '/data/sub/new', 'n\n');
      fs.unlink(P('/data/a.txt'));
    });
    const written = readTar(layerTar(box.container.upper));
    expect(layerTarListing(box.container.upper)).toEqual(
      written.map((e) => ({ name: e.name, type: e.type, size: e.size })),
    );
  });
});
