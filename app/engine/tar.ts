import type { Layer } from './layer.ts';
import { collectBytes } from './collect.ts';
import { fileData } from './content.ts';
import type { DirNode, Node } from './node.ts';
import { byteCompare } from './tree.ts';

/**
 * Serialize a layer as Docker's overlay2 driver exports it (SEMANTICS.md E2–E4): a byte-sorted
 * pre-order walk without the root; dirs named with a trailing '/'; whiteouts become empty `.wh.NAME`
 * files (0600) at the whiteout's sort position; an opaque dir is followed by `DIR/.wh..wh..opq`
 * (size 0, the dir's permission bits, mtime 0); hard links after the first name are typeflag '1'.
 * USTAR headers, whole-second mtimes, numeric ids with uname/gname "root" as dockerd 20.10 wrote.
 */
export function layerTar(layer: Layer): Uint8Array {
  return collectBytes((sink) => writeLayer(layer, sink)).bytes;
}

/** One entry of a layer's tar as `tar -tv` lists it: the name, the type flag and the data size. */
export interface TarListing {
  readonly name: string;
  readonly type: '0' | '1' | '2' | '5';
  readonly size: number;
}

/** The entries `layerTar` would write, in order, without making their bytes (for the page to show). */
export function layerTarListing(layer: Layer): TarListing[] {
  const out: TarListing[] = [];
  walkLayer(layer, false, (e) => out.push({ name: e.name, type: e.type, size: e.size ?? e.data.length }));
  return out;
}

function writeLayer(layer: Layer, sink: (chunk: Uint8Array) => void): void {
  const out = new TarWriter(sink);
  walkLayer(layer, true, (e) => out.add(e));
  out.finish();
}

/** The layer's entries in tar order (E2–E4); file data only when `withData` (else just its size). */
function walkLayer(layer: Layer, withData: boolean, add: (e: TarEntry) => void): void {
  const out = { add };
  const firstName = new Map<number, string>();
  const visit = (dir: DirNode, prefix: string): void => {
    const names = [...dir.children.keys()].sort(byteCompare);
    for (const name of names) {
      const n = dir.children.get(name)!;
      const path = prefix + name;
      entry(n, path);
      if (n.kind === 'dir') {
        if (n.opaque)
          out.add({
            name: `${path}/.wh..wh..opq`,
            type: '0',
            mode: n.mode,
            uid: n.uid,
            gid: n.gid,
            mtime: 0,
            data: EMPTY,
          });
        visit(n, `${path}/`);
      }
    }
  };
  const entry = (n: Node, path: string): void => {
    const base = { mode: n.mode, uid: n.uid, gid: n.gid, mtime: n.mtime };
    switch (n.kind) {
      case 'dir':
        out.add({ ...base, name: `${path}/`, type: '5', data: EMPTY });
        return;
      case 'symlink':
        out.add({ ...base, name: path, type: '2', linkname: n.target, data: EMPTY });
        return;
      case 'whiteout': {
        const slash = path.lastIndexOf('/');
        const wh = `${path.slice(0, slash + 1)}.wh.${path.slice(slash + 1)}`;
        out.add({ ...base, name: wh, type: '0', mode: 0o600, data: EMPTY });
        return;
      }
      case 'file': {
        const first = firstName.get(n.ino);
        if (first !== undefined && layer.links.has(n.ino)) {
          out.add({ ...base, name: path, type: '1', linkname: first, data: EMPTY });
          return;
        }
        firstName.set(n.ino, path);
        out.add({
          ...base,
          name: path,
          type: '0',
          data: withData ? fileData(n) : EMPTY,
          size: n.size,
        });
        return;
      }
    }
  };
  visit(layer.root, '');
}

const EMPTY = new Uint8Array(0);

export interface TarEntry {
  name: string;
  type: '0' | '1' | '2' | '5';
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  linkname?: string;
  data: Uint8Array;
  /** The file's size when its data was not made (a listing). */
  size?: number;
}

const enc = new TextEncoder();

/** Zero bytes for padding and the end of archive; shared, never written to. */
const ZEROS = new Uint8Array(1024);

/** Writes USTAR entries (PAX for names too long) to a sink; also used by `docker save` (archive/save.ts). */
export class TarWriter {
  constructor(private readonly sink: (chunk: Uint8Array) => void) {}

  add(e: TarEntry): void {
    let name = e.name;
    let prefix = '';
    const long = utf8Length(name) > 100 || utf8Length(e.linkname ?? '') > 100;
    if (long) {
      const split = splitUstar(name);
      if (split && utf8Length(e.linkname ?? '') <= 100) [prefix, name] = split;
      else this.pax(e);
    }
    this.sink(header({ ...e, name }, prefix));
    if (e.data.length > 0) this.sink(e.data);
    this.pad(e.data.length);
  }

  private pax(e: TarEntry): void {
    const records = record('path', e.name) + (e.linkname ? record('linkpath', e.linkname) : '');
    const data = enc.encode(records);
    const name = 'PaxHeaders.0/' + e.name.slice(-80).replace(/^\/+/, '');
    this.sink(header({ name, type: 'x' as '0', mode: 0o644, uid: 0, gid: 0, mtime: 0, data }, ''));
    this.sink(data);
    this.pad(data.length);
  }

  private pad(n: number): void {
    const rem = n % 512;
    if (rem) this.sink(ZEROS.subarray(0, 512 - rem));
  }

  finish(): void {
    this.sink(ZEROS);
  }
}

const utf8Length = (s: string): number => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return enc.encode(s).length;
  return s.length;
};

/** A PAX record "LEN key=value\n" whose LEN counts itself. */
function record(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const bodyLen = enc.encode(body).length;
  let len = bodyLen + String(bodyLen).length;
  if (String(len).length !== String(bodyLen).length) len = bodyLen + String(len).length;
  return `${len}${body}`;
}

function splitUstar(name: string): [string, string] | null {
  for (let i = name.length - 1; i > 0; i--) {
    if (name[i] !== '/') continue;
    const p = name.slice(0, i);
    const n = name.slice(i + 1);
    if (enc.encode(p).length <= 155 && enc.encode(n).length <= 100 && n.length > 0) return [p, n];
  }
  return null;
}

function header(e: TarEntry, prefix: string): Uint8Array {
  const h = new Uint8Array(512);
  // Names are nearly always ASCII: write char codes directly, encode only when needed.
  const str = (off: number, len: number, s: string): void => {
    if (utf8Length(s) === s.length) {
      const n = Math.min(len, s.length);
      for (let i = 0; i < n; i++) h[off + i] = s.charCodeAt(i);
    } else h.set(enc.encode(s).subarray(0, len), off);
  };
  const oct = (off: number, len: number, v: number): void =>
    str(off, len, v.toString(8).padStart(len - 1, '0') + '\0');
  str(0, 100, e.name);
  oct(100, 8, e.mode & 0o7777);
  oct(108, 8, e.uid);
  oct(116, 8, e.gid);
  oct(124, 12, e.data.length);
  oct(136, 12, Math.max(0, Math.floor(e.mtime)));
  str(148, 8, '        ');
  h[156] = e.type.charCodeAt(0);
  str(157, 100, e.linkname ?? '');
  str(257, 6, 'ustar\0');
  str(263, 2, '00');
  str(265, 32, e.uid === 0 ? 'root' : '');
  str(297, 32, e.gid === 0 ? 'root' : '');
  oct(329, 8, 0);
  oct(337, 8, 0);
  str(345, 155, prefix);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += h[i]!;
  str(148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  return h;
}
