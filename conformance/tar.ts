/**
 * A minimal tar writer: USTAR headers, with a PAX extended header only for names or link names too
 * long for USTAR. Owners are always 0:0 and every entry carries one fixed mtime, as scenario images
 * require (REPLAY.md: 1700000000 s).
 */

export type TarEntry =
  | { readonly kind: 'file'; readonly name: string; readonly mode: number; readonly data: Uint8Array }
  | { readonly kind: 'dir'; readonly name: string; readonly mode: number }
  | { readonly kind: 'symlink'; readonly name: string; readonly target: string }
  /** `target` is the name of an earlier file entry of the same archive. */
  | { readonly kind: 'hardlink'; readonly name: string; readonly mode: number; readonly target: string };

export const FIXED_MTIME = 1700000000;

const BLOCK = 512;
const TYPEFLAG = { file: '0', hardlink: '1', symlink: '2', dir: '5', pax: 'x' } as const;

/** The whole archive: entries in the order given, then the two zero blocks that end a tar. */
export function tarBytes(entries: readonly TarEntry[], mtime: number = FIXED_MTIME): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) parts.push(...entryBlocks(entry, mtime));
  parts.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(parts);
}

function entryBlocks(entry: TarEntry, mtime: number): Buffer[] {
  const name = entry.kind === 'dir' && !entry.name.endsWith('/') ? `${entry.name}/` : entry.name;
  const linkname = entry.kind === 'symlink' || entry.kind === 'hardlink' ? entry.target : '';
  const data = entry.kind === 'file' ? Buffer.from(entry.data) : Buffer.alloc(0);
  const mode = entry.kind === 'symlink' ? 0o777 : entry.mode;
  const split = splitName(name);
  const paxRecords: string[] = [];
  if (split === undefined) paxRecords.push(paxRecord('path', name));
  if (Buffer.byteLength(linkname) > 100) paxRecords.push(paxRecord('linkpath', linkname));

  const blocks: Buffer[] = [];
  if (paxRecords.length > 0) {
    const body = Buffer.from(paxRecords.join(''));
    const paxName = `PaxHeaders/${name.replace(/\/$/, '').split('/').pop() ?? ''}`.slice(0, 100);
    blocks.push(header({ name: paxName, prefix: '', mode: 0o644, size: body.length, mtime, typeflag: 'x' }));
    blocks.push(padded(body));
  }
  blocks.push(
    header({
      name: split?.name ?? name.slice(0, 100),
      prefix: split?.prefix ?? '',
      mode,
      size: data.length,
      mtime,
      typeflag: TYPEFLAG[entry.kind],
      linkname: linkname.slice(0, 100),
    }),
  );
  if (data.length > 0) blocks.push(padded(data));
  return blocks;
}

/** USTAR keeps up to 100 bytes in `name` and 155 more in `prefix`, split at a '/'. */
export function splitName(name: string): { prefix: string; name: string } | undefined {
  if (Buffer.byteLength(name) <= 100) return { prefix: '', name };
  for (let i = name.indexOf('/'); i > 0; i = name.indexOf('/', i + 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) > 155) return undefined;
    if (rest.length > 0 && Buffer.byteLength(rest) <= 100) return { prefix, name: rest };
  }
  return undefined;
}

/** A PAX record is "<len> <key>=<value>\n" where <len> counts the whole record, itself included. */
export function paxRecord(key: string, value: string): string {
  const tail = ` ${key}=${value}\n`;
  const tailLength = Buffer.byteLength(tail);
  let length = tailLength + 1;
  while (String(length).length + tailLength !== length) length = String(length).length + tailLength;
  return `${length}${tail}`;
}

interface HeaderFields {
  readonly name: string;
  readonly prefix: string;
  readonly mode: number;
  readonly size: number;
  readonly mtime: number;
  readonly typeflag: string;
  readonly linkname?: string;
}

export function header(fields: HeaderFields): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(fields.name, 0, 100, 'utf8');
  octal(block, 100, 8, fields.mode);
  octal(block, 108, 8, 0);
  octal(block, 116, 8, 0);
  octal(block, 124, 12, fields.size);
  octal(block, 136, 12, fields.mtime);
  block.write(fields.typeflag, 156, 1, 'ascii');
  block.write(fields.linkname ?? '', 157, 100, 'utf8');
  block.write('ustar\0', 257, 6, 'ascii');
  block.write('00', 263, 2, 'ascii');
  block.write(fields.prefix, 345, 155, 'utf8');
  // The checksum is computed with its own field read as eight spaces.
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return block;
}

/** Zero-padded octal digits followed by a NUL, filling the field. */
function octal(block: Buffer, offset: number, width: number, value: number): void {
  const digits = value.toString(8).padStart(width - 1, '0');
  if (digits.length > width - 1) throw new Error(`tar: ${value} does not fit in ${width} bytes`);
  block.write(`${digits}\0`, offset, width, 'ascii');
}

function padded(data: Buffer): Buffer {
  const rest = data.length % BLOCK;
  return rest === 0 ? data : Buffer.concat([data, Buffer.alloc(BLOCK - rest)]);
}
