import type { Stat } from '../../engine/fs.ts';
import type { Where } from '../types.ts';
import { modeString } from './read-lsformat.ts';
import { shellQuote } from './read-quote.ts';

// stat(1)'s format directives (%n %s %a …) with printf-style flags, width and precision.

export interface StatSubject {
  /** The operand as typed (%n). */
  readonly name: string;
  readonly st: Stat;
  readonly where: Where;
}

/** coreutils 9.1's default layout; the third line differs for device files. */
export const DEFAULT_FORMAT = (device: boolean): string =>
  '  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n' +
  (device
    ? 'Device: %Hd,%Ld\tInode: %-10i  Links: %-5h Device type: %Hr,%Lr\n'
    : 'Device: %Hd,%Ld\tInode: %-10i  Links: %h\n') +
  'Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n' +
  'Access: %x\nModify: %y\nChange: %z\n Birth: %w';

export const TERSE_FORMAT = '%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o';

/**
 * st_dev of each kind of mount, as a Docker host shows them: anonymous devices (major 0) for the
 * overlay and the pseudo filesystems, the host's disk for bind mounts, volumes and the host itself.
 */
const DEVICES: Readonly<Record<string, readonly [number, number]>> = {
  overlay: [0, 52],
  tmpfs: [0, 53],
  proc: [0, 54],
  sysfs: [0, 55],
  shm: [0, 56],
};
const DISK: readonly [number, number] = [254, 1];
const deviceOf = (st: Stat): readonly [number, number] => DEVICES[st.mount] ?? DISK;
const makedev = ([major, minor]: readonly [number, number]): number =>
  ((major & 0xfff) << 8) | (minor & 0xff) | ((minor & ~0xff) << 12);

const TYPE_BITS: Readonly<Record<Stat['kind'], number>> = {
  file: 0o100000,
  dir: 0o040000,
  symlink: 0o120000,
  chardev: 0o020000,
};

export function fileType(st: Stat): string {
  switch (st.kind) {
    case 'file':
      return st.size === 0 ? 'regular empty file' : 'regular file';
    case 'dir':
      return 'directory';
    case 'symlink':
      return 'symbolic link';
    case 'chardev':
      return 'character special file';
  }
}

/** st_blocks: 512-byte units, whole 4 KiB blocks for data (ext4-like), one block for a directory. */
export function blocks512(st: Stat): number {
  if (st.kind === 'dir') return 8;
  if (st.kind === 'file') return Math.ceil(st.size / 4096) * 8;
  return 0;
}

/** `2024-01-22 11:00:00.000000000 +0000`: UTC, since neither the container nor the host sets TZ. */
export function statTime(t: number): string {
  const d = new Date(t * 1000);
  if (Number.isNaN(d.getTime())) return '-';
  return d
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '.000000000 +0000');
}

const account = (id: number): string => (id === 0 ? 'root' : 'UNKNOWN');

type Value = { readonly num: number; readonly radix?: 8 | 16 } | { readonly str: string };

function value(conv: string, s: StatSubject): Value | undefined {
  const st = s.st;
  const rdev = st.rdev ?? [0, 0];
  const dev = deviceOf(st);
  const n = (num: number, radix?: 8 | 16): Value => (radix ? { num, radix } : { num });
  const str = (v: string): Value => ({ str: v });
  const utf8 = s.where === 'host';
  switch (conv) {
    case 'n':
      return str(s.name);
    case 'N': {
      const name = shellQuote(s.name, { utf8 });
      return str(st.kind === 'symlink' ? `${name} -> ${shellQuote(st.target ?? '', { utf8 })}` : name);
    }
    case 's':
      return n(st.size);
    case 'b':
      return n(blocks512(st));
    case 'B':
      return n(512);
    case 'o':
      return n(4096);
    case 'a':
      return n(st.mode & 0o7777, 8);
    case 'A':
      return str(modeString(st.kind, st.mode));
    case 'f':
      return n(TYPE_BITS[st.kind] | (st.mode & 0o7777), 16);
    case 'F':
      return str(fileType(st));
    case 'u':
      return n(st.uid);
    case 'U':
      return str(account(st.uid));
    case 'g':
      return n(st.gid);
    case 'G':
      return str(account(st.gid));
    case 'h':
      return n(st.nlink);
    case 'i':
      return n(st.ino);
    case 'd':
      return n(makedev(dev));
    case 'D':
      return n(makedev(dev), 16);
    case 'Hd':
      return n(dev[0]);
    case 'Ld':
      return n(dev[1]);
    case 'r':
      return n(makedev(rdev));
    case 'R':
      return n(makedev(rdev), 16);
    case 'Hr':
    case 't':
      return n(rdev[0], conv === 't' ? 16 : undefined);
    case 'Lr':
    case 'T':
      return n(rdev[1], conv === 'T' ? 16 : undefined);
    case 'x':
    case 'y':
    case 'z':
      return str(statTime(st.mtime));
    case 'X':
    case 'Y':
    case 'Z':
      return n(st.mtime);
    case 'w':
      return str('-');
    case 'W':
      return n(0);
    default:
      return undefined;
  }
}

/** Apply printf flags, width and precision to one value, as stat's out_string/out_int do. */
function pad(v: Value, flags: string, width: number, prec: number | undefined): string {
  let text: string;
  if ('str' in v) text = prec === undefined ? v.str : v.str.slice(0, prec);
  else {
    const neg = v.num < 0;
    let digits = Math.abs(v.num).toString(v.radix ?? 10);
    if (prec !== undefined) digits = digits.padStart(prec, '0');
    if (flags.includes('#') && v.radix === 8 && !digits.startsWith('0')) digits = '0' + digits;
    if (flags.includes('#') && v.radix === 16 && v.num !== 0) digits = '0x' + digits;
    const sign = neg ? '-' : v.radix === undefined && flags.includes('+') ? '+' : '';
    text = sign + digits;
    if (flags.includes('0') && !flags.includes('-') && prec === undefined && text.length < width)
      return sign + digits.padStart(width - sign.length, '0');
  }
  if (text.length >= width) return text;
  return flags.includes('-') ? text.padEnd(width) : text.padStart(width);
}

/** Expand a format for one file. Unknown directives print as `?`, as GNU stat does. */
export function expandFormat(format: string, s: StatSubject): string {
  let out = '';
  let i = 0;
  const re = /%([-#0 +']*)(\d*)(?:\.(\d*))?([HL][dr]|[a-zA-Z%])?/y;
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    re.lastIndex = pct;
    const m = re.exec(format)!;
    i = re.lastIndex;
    const conv = m[4];
    if (conv === undefined) {
      out += m[0]; // a lone % at the end stays as typed
      continue;
    }
    if (conv === '%') {
      out += '%';
      continue;
    }
    const v = value(conv, s);
    out +=
      v === undefined
        ? '?'
        : pad(v, m[1]!, Number(m[2] || 0), m[3] === undefined ? undefined : Number(m[3] || 0));
  }
  return out;
}

/** --printf's backslash escapes: \n \t \\ \" \a \b \f \r \v, \ooo octal and \xHH hex. */
export function unescape(s: string): string {
  const named: Readonly<Record<string, string>> = {
    n: '\n',
    t: '\t',
    '\\': '\\',
    '"': '"',
    a: '\x07',
    b: '\b',
    f: '\f',
    r: '\r',
    v: '\v',
  };
  return s.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (all, e: string) => {
    if (e[0] === 'x' && e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8) & 0xff);
    return named[e] ?? all;
  });
}
