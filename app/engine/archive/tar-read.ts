import { ArchiveError } from './errors.ts';

// A push-based tar reader: feed it chunks as they arrive (a file read in slices, a gunzip stream) and
// it hands out each entry once its data is complete. Chunks are never joined: a header is gathered
// into one 512-byte block, and an entry's data is copied once, straight into a buffer of its exact
// size — or, with `views`, handed out as a view of the chunk when the chunk holds it whole (a layer
// tar read from one buffer: its files cost nothing more). Reads ustar, pax (`x` per entry, `g`
// global — ignored but skipped) and GNU long names (`L`, `K`), and the GNU base-256 numbers large
// sizes and ids need. Other type flags (devices, fifos, sparse files) are reported as they are, for
// the caller to decide.

export interface TarEntry {
  readonly name: string;
  /** '0' file, '1' hard link, '2' symlink, '5' dir, or whatever else the header said. */
  readonly type: string;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  /** Whole seconds. */
  readonly mtime: number;
  readonly size: number;
  readonly linkname: string;
  readonly data: Uint8Array;
  /** Offset of the entry's header in the archive (for messages). */
  readonly offset: number;
}

export interface TarReaderOptions {
  /** The largest entry it will hold in memory; a header claiming more is an error (an absurd size). */
  readonly maxEntryBytes?: number;
  /**
   * Hand out data as views of the pushed chunk where it lies whole in one (the caller keeps the
   * chunk alive and unchanged); otherwise every entry gets a buffer of its own.
   */
  readonly views?: boolean;
}

/** 1 GiB: more than any single file an image in a browser tab may hold. */
export const DEFAULT_MAX_ENTRY = 1 << 30;
const BLOCK = 512;
const dec = new TextDecoder();

type Pending = Partial<Record<'path' | 'linkpath' | 'size' | 'uid' | 'gid' | 'mtime', string>>;

export class TarReader {
  /** The header block being gathered, and how much of it has arrived. */
  private readonly header = new Uint8Array(BLOCK);
  private headerFill = 0;
  /** A zero block seen: the next block decides between the end and a bad header. */
  private zeroSeen = false;
  /** The entry whose data is arriving, its buffer and how much has arrived. */
  private entry: { readonly head: Omit<TarEntry, 'data'>; readonly data: Uint8Array; fill: number } | null =
    null;
  /** Padding bytes still to skip after an entry's data. */
  private skip = 0;
  /** Bytes of the archive consumed so far (headers, data and padding). */
  private consumed = 0;
  private done = false;
  private pending: Pending = {};
  private longName: string | null = null;
  private longLink: string | null = null;
  private readonly max: number;
  private readonly views: boolean;

  constructor(opts: TarReaderOptions = {}) {
    this.max = opts.maxEntryBytes ?? DEFAULT_MAX_ENTRY;
    this.views = opts.views ?? false;
  }

  /** Whether the end-of-archive blocks were seen. */
  get ended(): boolean {
    return this.done;
  }

  /** Feed a chunk; returns the entries it completed. */
  push(chunk: Uint8Array): TarEntry[] {
    const out: TarEntry[] = [];
    let at = 0;
    while (at < chunk.length && !this.done) {
      if (this.entry) {
        const e = this.entry;
        const n = Math.min(e.data.length - e.fill, chunk.length - at);
        e.data.set(chunk.subarray(at, at + n), e.fill);
        e.fill += n;
        at += n;
        this.consumed += n;
        if (e.fill === e.data.length) {
          this.entry = null;
          this.finish(e.head, e.data, out);
        }
      } else if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - at);
        this.skip -= n;
        this.consumed += n;
        at += n;
      } else {
        const n = Math.min(BLOCK - this.headerFill, chunk.length - at);
        this.header.set(chunk.subarray(at, at + n), this.headerFill);
        this.headerFill += n;
        at += n;
        if (this.headerFill < BLOCK) break;
        this.headerFill = 0;
        const head = this.block();
        this.consumed += BLOCK;
        if (head === null) continue;
        const whole = this.views && chunk.length - at >= head.size;
        if (whole || head.size === 0) {
          const data = whole ? chunk.subarray(at, at + head.size) : new Uint8Array(0);
          at += head.size;
          this.consumed += head.size;
          this.finish(head, data, out);
        } else this.entry = { head, data: new Uint8Array(head.size), fill: 0 };
      }
    }
    return out;
  }

  /** The input is over: an archive cut short is an error; one without end blocks is accepted as Go does. */
  end(): void {
    if (this.done) return;
    if (
      this.headerFill > 0 ||
      this.entry ||
      this.skip > 0 ||
      this.longName !== null ||
      this.longLink !== null
    )
      throw new ArchiveError('unexpected EOF');
    if (this.consumed === 0) throw new ArchiveError('unexpected EOF');
    this.done = true;
  }

  /** A whole header block has arrived: the entry it starts, or null (a zero block, a meta entry's header). */
  private block(): Omit<TarEntry, 'data'> | null {
    const h = this.header;
    if (isZero(h)) {
      // Two zero blocks end the archive; a single one at the very end is accepted as Go does.
      if (this.zeroSeen) this.done = true;
      this.zeroSeen = true;
      return null;
    }
    if (this.zeroSeen) throw new ArchiveError('archive/tar: invalid tar header');
    const offset = this.consumed;
    checkHeader(h);
    const type = h[156] === 0 ? '0' : String.fromCharCode(h[156]!);
    let size = num(h, 124, 12);
    const paxSize = this.pending.size;
    if (paxSize !== undefined && type !== 'x' && type !== 'g') size = Number(paxSize);
    if (!Number.isSafeInteger(size) || size < 0)
      throw new ArchiveError(`archive/tar: invalid size in the header at offset ${offset}`);
    if (size > this.max)
      throw new ArchiveError(
        `archive/tar: entry at offset ${offset} claims ${size} bytes, more than the ${this.max} allowed`,
      );
    this.skip = Math.ceil(size / BLOCK) * BLOCK - size;
    const prefix = h[345] !== 0 && isUstar(h) ? cstr(h.subarray(345, 500)) : '';
    const baseName = cstr(h.subarray(0, 100));
    return {
      name: prefix ? `${prefix}/${baseName}` : baseName,
      type,
      mode: num(h, 100, 8) & 0o7777,
      uid: num(h, 108, 8),
      gid: num(h, 116, 8),
      mtime: num(h, 136, 12),
      size,
      linkname: cstr(h.subarray(157, 257)),
      offset,
    };
  }

  /** An entry's data is complete: a meta entry updates what the next header means; a real one is out. */
  private finish(head: Omit<TarEntry, 'data'>, data: Uint8Array, out: TarEntry[]): void {
    switch (head.type) {
      case 'x':
        Object.assign(this.pending, parsePax(data));
        return;
      case 'g':
        return;
      case 'L':
        this.longName = cstr(data);
        return;
      case 'K':
        this.longLink = cstr(data);
        return;
    }
    const p = this.pending;
    const entry: TarEntry = {
      ...head,
      name: p.path ?? this.longName ?? head.name,
      uid: p.uid !== undefined ? Number(p.uid) : head.uid,
      gid: p.gid !== undefined ? Number(p.gid) : head.gid,
      mtime: p.mtime !== undefined ? Math.floor(Number(p.mtime)) : head.mtime,
      linkname: p.linkpath ?? this.longLink ?? head.linkname,
      data,
    };
    this.pending = {};
    this.longName = null;
    this.longLink = null;
    if (!Number.isFinite(entry.mtime) || !Number.isSafeInteger(entry.uid) || !Number.isSafeInteger(entry.gid))
      throw new ArchiveError(`archive/tar: invalid pax record for ${entry.name}`);
    out.push(entry);
  }
}

/** Read a whole archive held in memory; the entries' data are views of it (no copy). */
export function readTar(bytes: Uint8Array, opts: TarReaderOptions = {}): TarEntry[] {
  const r = new TarReader({ views: true, ...opts });
  const out = r.push(bytes);
  r.end();
  return out;
}

const isZero = (b: Uint8Array): boolean => {
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) return false;
  return true;
};

const isUstar = (h: Uint8Array): boolean =>
  h[257] === 0x75 && h[258] === 0x73 && h[259] === 0x74 && h[260] === 0x61 && h[261] === 0x72;

const cstr = (b: Uint8Array): string => {
  const nul = b.indexOf(0);
  return dec.decode(nul < 0 ? b : b.subarray(0, nul));
};

/** The header checksum: unsigned sum of the block with the checksum field read as spaces (signed too, as Go accepts). */
function checkHeader(h: Uint8Array): void {
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : h[i]!;
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  const field = cstr(h.subarray(148, 156)).trim();
  if (!/^[0-7]+$/.test(field)) throw new ArchiveError('archive/tar: invalid tar header');
  const sum = parseInt(field, 8);
  if (sum !== unsigned && sum !== signed) throw new ArchiveError('archive/tar: invalid tar header');
}

/** An octal field, or GNU base-256 when its first byte has the high bit set. */
function num(h: Uint8Array, off: number, len: number): number {
  const f = h.subarray(off, off + len);
  if ((f[0]! & 0x80) !== 0) {
    if ((f[0]! & 0x40) !== 0) throw new ArchiveError('archive/tar: negative number in header');
    let v = f[0]! & 0x3f;
    for (let i = 1; i < len; i++) {
      v = v * 256 + f[i]!;
      if (v > Number.MAX_SAFE_INTEGER) throw new ArchiveError('archive/tar: number too large in header');
    }
    return v;
  }
  const s = cstr(f).trim();
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new ArchiveError('archive/tar: invalid tar header');
  return parseInt(s, 8);
}

/** PAX records "LEN key=value\n". */
function parsePax(data: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < data.length) {
    const sp = data.indexOf(0x20, i);
    if (sp < 0) throw new ArchiveError('archive/tar: invalid pax header');
    const len = parseInt(dec.decode(data.subarray(i, sp)), 10);
    if (!Number.isSafeInteger(len) || len <= sp - i || i + len > data.length)
      throw new ArchiveError('archive/tar: invalid pax header');
    const rec = dec.decode(data.subarray(sp + 1, i + len - 1));
    const eq = rec.indexOf('=');
    if (eq < 0) throw new ArchiveError('archive/tar: invalid pax header');
    const key = rec.slice(0, eq);
    if (
      key === 'path' ||
      key === 'linkpath' ||
      key === 'size' ||
      key === 'uid' ||
      key === 'gid' ||
      key === 'mtime'
    )
      out[key] = rec.slice(eq + 1);
    i += len;
  }
  return out;
}
