import type { NodeKind } from '../../engine/node.ts';

// How the inspector prints a file: pure text helpers, tested beside.

const TYPE_CHAR: Record<NodeKind, string> = { file: '-', dir: 'd', symlink: 'l', whiteout: 'c' };

/** The mode as `ls -l` prints it: '-rw-r--r--', 'drwxrwxrwt', 'c---------' for a whiteout. */
export function modeString(kind: NodeKind, mode: number): string {
  const bit = (mask: number, ch: string): string => (mode & mask ? ch : '-');
  const exec = (x: number, special: number, on: string, off: string): string =>
    mode & special ? (mode & x ? on : off) : bit(x, 'x');
  return (
    TYPE_CHAR[kind] +
    bit(0o400, 'r') +
    bit(0o200, 'w') +
    exec(0o100, 0o4000, 's', 'S') +
    bit(0o40, 'r') +
    bit(0o20, 'w') +
    exec(0o10, 0o2000, 's', 'S') +
    bit(0o4, 'r') +
    bit(0o2, 'w') +
    exec(0o1, 0o1000, 't', 'T')
  );
}

/**
 * Is this content better shown as bytes? A NUL or other control character (tab, newline and CR
 * aside), or a size beyond the content (the zero bytes of a sparse tail or a catalog binary).
 */
export function looksBinary(content: string, size: number): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(content) || size > utf8(content).length;
}

const encoder = new TextEncoder();
const utf8 = (s: string): Uint8Array => encoder.encode(s);

export interface HexLine {
  readonly offset: string;
  readonly hex: string;
  readonly ascii: string;
}

/**
 * The first bytes as `hexdump -C` shows them, `width` a line (16, or 8 to fit a narrow column); bytes
 * past the content read as zero (a file may be larger than what it holds). At most `max` bytes.
 */
export function hexPeek(content: string | Uint8Array, size: number, max = 64, width = 16): HexLine[] {
  const bytes = typeof content === 'string' ? utf8(content) : content;
  const n = Math.min(max, Math.max(size, bytes.length));
  const lines: HexLine[] = [];
  for (let off = 0; off < n; off += width) {
    const row: number[] = [];
    for (let i = off; i < Math.min(off + width, n); i++) row.push(bytes[i] ?? 0);
    const hex = row.map((b) => b.toString(16).padStart(2, '0'));
    lines.push({
      offset: off.toString(16).padStart(8, '0'),
      hex: [hex.slice(0, 8).join(' '), hex.slice(8).join(' ')].filter((h) => h !== '').join('  '),
      ascii: row.map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join(''),
    });
  }
  return lines;
}

const count = new Intl.NumberFormat('en');

/** '957 B', '12.4 kB', '74.8 MB': decimal units, three significant digits, as docker prints sizes. */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let v = bytes / 1000;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${Number(v.toPrecision(3))} ${units[u]!}`;
}

export const formatCount = (n: number): string => count.format(n);
