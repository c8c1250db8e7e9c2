import type { Stat } from '../../engine/fs.ts';
import { modeString } from './read-lsformat.ts';

/** What -printf can ask about one file. */
export interface PrintfSubject {
  /** %p: the path as find prints it. */
  readonly path: string;
  /** %P: the path below the starting point ('' for the starting point itself). */
  readonly rel: string;
  /** %f: the last component. */
  readonly base: string;
  readonly depth: number;
  /** lstat of the file (undefined if it vanished). */
  st(): Stat | undefined;
  /** stat following a symlink, for %Y. */
  target(): Stat | undefined;
}

const TYPE_LETTER: Readonly<Record<Stat['kind'], string>> = {
  file: 'f',
  dir: 'd',
  symlink: 'l',
  chardev: 'c',
};
const ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '0': '\0',
};

const account = (id: number): string => (id === 0 ? 'root' : String(id));
const two = (n: number): string => String(n).padStart(2, '0');

/** %Tk: a few of strftime's letters, UTC; `@` is seconds since the epoch with a fraction. */
function timePart(k: string, t: number): string | undefined {
  const d = new Date(t * 1000);
  switch (k) {
    case '@':
      return `${t}.0000000000`;
    case 'Y':
      return String(d.getUTCFullYear());
    case 'm':
      return two(d.getUTCMonth() + 1);
    case 'd':
      return two(d.getUTCDate());
    case 'H':
      return two(d.getUTCHours());
    case 'M':
      return two(d.getUTCMinutes());
    case 'S':
      return `${two(d.getUTCSeconds())}.0000000000`;
    case 'F':
      return d.toISOString().slice(0, 10);
    case 'T':
      return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.0000000000`;
    case '+':
      return `${d.toISOString().slice(0, 10)}+${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.0000000000`;
    default:
      return undefined;
  }
}

/** ctime(3)-like `Mon Jan 22 11:00:00.0000000000 2024`, what %t prints. */
function ctimeOf(t: number): string {
  const d = new Date(t * 1000);
  const [wd, mon, day, year] = d.toUTCString().split(' ').filter(Boolean) as [string, string, string, string];
  const hms = d.toISOString().slice(11, 19);
  return `${wd.replace(',', '')} ${mon} ${day.padStart(2)} ${hms}.0000000000 ${year}`;
}

function directive(c: string, s: PrintfSubject): string | undefined {
  const st = s.st();
  switch (c) {
    case 'p':
      return s.path;
    case 'P':
      return s.rel;
    case 'f':
      return s.base;
    case 'h': {
      const slash = s.path.lastIndexOf('/');
      return slash < 0 ? '.' : s.path.slice(0, slash);
    }
    case 'd':
      return String(s.depth);
    case 'y':
      return st ? TYPE_LETTER[st.kind] : 'U';
    case 'Y': {
      if (!st || st.kind !== 'symlink') return st ? TYPE_LETTER[st.kind] : 'U';
      const t = s.target();
      return t ? TYPE_LETTER[t.kind] : 'N';
    }
    case 's':
      return String(st?.size ?? 0);
    case 'm':
      return ((st?.mode ?? 0) & 0o7777).toString(8);
    case 'M':
      return st ? modeString(st.kind, st.mode) : '?';
    case 'u':
      return account(st?.uid ?? 0);
    case 'U':
      return String(st?.uid ?? 0);
    case 'g':
      return account(st?.gid ?? 0);
    case 'G':
      return String(st?.gid ?? 0);
    case 'n':
      return String(st?.nlink ?? 0);
    case 'i':
      return String(st?.ino ?? 0);
    case 'l':
      return st?.kind === 'symlink' ? (st.target ?? '') : '';
    case 't':
      return ctimeOf(st?.mtime ?? 0);
    case '%':
      return '%';
    default:
      return undefined;
  }
}

/**
 * Expand a -printf format for one file. Unknown directives are printed as typed and reported through
 * `warn` (GNU warns once at parse time; here once per run is the caller's business).
 */
export function findPrintf(format: string, s: PrintfSubject, warn: (msg: string) => void): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '\\' && i + 1 < format.length) {
      const e = format[++i]!;
      if (e === 'c') return out;
      if (/[0-7]/.test(e) && /^[0-7]{3}/.test(format.slice(i))) {
        out += String.fromCharCode(parseInt(format.slice(i, i + 3), 8));
        i += 2;
      } else if (ESCAPES[e] !== undefined) out += ESCAPES[e];
      else {
        warn(`warning: unrecognized escape \`\\${e}'`);
        out += '\\' + e;
      }
      continue;
    }
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const m = /^([-+ #0]*)(\d*)(?:\.(\d+))?([a-zA-Z%]?)/.exec(format.slice(i + 1))!;
    i += m[0].length;
    const [, flags = '', width = '', prec, conv = ''] = m;
    let text: string | undefined;
    if ((conv === 'T' || conv === 'A' || conv === 'C') && i + 1 < format.length) {
      text = timePart(format[++i]!, s.st()?.mtime ?? 0);
    } else text = conv === '' ? undefined : directive(conv, s);
    if (text === undefined) {
      warn(`warning: unrecognized format directive \`%${conv}'`);
      text = '%' + conv;
    }
    if (prec !== undefined) text = text.slice(0, Number(prec));
    const w = Number(width || 0);
    if (text.length < w) text = flags.includes('-') ? text.padEnd(w) : text.padStart(w);
    out += text;
  }
  return out;
}
