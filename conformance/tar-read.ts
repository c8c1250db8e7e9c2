/**
 * A tar reader for what dockerd writes: `docker save` archives and the layer tars inside them.
 * USTAR name/prefix, PAX extended headers (`path`, `linkpath`, `size`), GNU long names; global
 * headers are skipped. Kept apart from the simulator's code on purpose: the harness must not share
 * a bug with what it checks.
 */

export interface TarRecord {
  readonly name: string;
  /** The typeflag character ('0' regular, '1' hard link, '2' symlink, '5' dir, …); NUL reads as '0'. */
  readonly type: string;
  /** The whole mode field (dockerd 20.10 writes Go's type bits in it too). */
  readonly mode: number;
  readonly size: number;
  readonly linkname: string;
  /** The entry's bytes: a view into the archive, not a copy. */
  readonly data: Buffer;
}

const BLOCK = 512;

export function readTar(bytes: Buffer): TarRecord[] {
  const out: TarRecord[] = [];
  let pax = new Map<string, string>();
  let longName: string | undefined;
  let longLink: string | undefined;
  for (let at = 0; at + BLOCK <= bytes.length;) {
    const block = bytes.subarray(at, at + BLOCK);
    if (block.every((byte) => byte === 0)) break;
    checkSum(block, at);
    const field = (offset: number, length: number): string => {
      const raw = block.subarray(offset, offset + length);
      const nul = raw.indexOf(0);
      return raw.subarray(0, nul < 0 ? length : nul).toString('utf8');
    };
    const type = field(156, 1) || '0';
    const headerSize = octal(field(124, 12));
    const size = pax.has('size') && type !== 'x' ? Number(pax.get('size')) : headerSize;
    const data = bytes.subarray(at + BLOCK, at + BLOCK + size);
    if (data.length < size) throw new Error(`tar: entry at ${at} is cut short`);
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      pax = paxRecords(data);
      continue;
    }
    if (type === 'g') continue;
    if (type === 'L' || type === 'K') {
      const text = data.toString('utf8').replace(/\0+$/, '');
      if (type === 'L') longName = text;
      else longLink = text;
      continue;
    }
    const prefix = field(345, 155);
    const ustarName = prefix.length > 0 ? `${prefix}/${field(0, 100)}` : field(0, 100);
    out.push({
      name: pax.get('path') ?? longName ?? ustarName,
      type,
      mode: octal(field(100, 8)),
      size,
      linkname: pax.get('linkpath') ?? longLink ?? field(157, 100),
      data,
    });
    pax = new Map();
    longName = undefined;
    longLink = undefined;
  }
  return out;
}

function octal(text: string): number {
  const trimmed = text.trim();
  if (!/^[0-7]*$/.test(trimmed)) throw new Error(`tar: "${text}" is not an octal number`);
  return trimmed.length === 0 ? 0 : parseInt(trimmed, 8);
}

function checkSum(block: Buffer, at: number): void {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0);
  const stored = octal(block.subarray(148, 156).toString('latin1').replace(/\0.*$/s, ''));
  if (stored !== sum) throw new Error(`tar: bad header checksum at offset ${at}`);
}

/** "<len> <key>=<value>\n" records; <len> counts the bytes of the whole record. */
function paxRecords(body: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  for (let at = 0; at < body.length;) {
    const space = body.indexOf(0x20, at);
    const length = Number(body.subarray(at, space).toString('latin1'));
    if (space < 0 || !Number.isInteger(length) || at + length <= space + 1) {
      throw new Error('tar: malformed PAX record');
    }
    const record = body.subarray(space + 1, at + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    at += length;
  }
  return out;
}
