import type { CommandContext, ShellCommand, Where } from '../types.ts';
import { complain, parseArgs, strerr } from './common.ts';
import type { CollationKey } from './read-collate.ts';
import { collation } from './read-collate.ts';
import { Inputs, isOpenError, splitLines } from './read-input.ts';
import { quoteFile } from './read-quote.ts';

export interface SortOptions {
  readonly reverse: boolean;
  readonly numeric: boolean;
  readonly unique: boolean;
  /** -f: compare as if lowercase letters were uppercase. */
  readonly fold: boolean;
  /** -b: ignore leading blanks. */
  readonly blanks: boolean;
  readonly operands: readonly string[];
}

export const sort: ShellCommand<SortOptions> = {
  name: 'sort',
  usage: 'Usage: sort [OPTION]... [FILE]...',
  where: ['container', 'host'],
  parse(args) {
    const p = parseArgs('sort', args, {
      flags: 'rnufb',
      long: {
        reverse: 'r',
        'numeric-sort': 'n',
        unique: 'u',
        'ignore-case': 'f',
        'ignore-leading-blanks': 'b',
      },
      usageExit: 2,
    });
    if (!p.ok) return p;
    const f = p.opts.flags;
    return {
      ok: true,
      opts: {
        reverse: f.has('r'),
        numeric: f.has('n'),
        unique: f.has('u'),
        fold: f.has('f'),
        blanks: f.has('b'),
        operands: p.opts.operands,
      },
    };
  },
  run(o, ctx) {
    try {
      return runSort(o, ctx);
    } catch (e) {
      complain(ctx, 'sort', String(e));
      return 2;
    }
  },
};

/** A number as sort -n reads it: sign, integer digits without leading zeros, fraction without trailing ones. */
interface Num {
  readonly neg: boolean;
  readonly int: string;
  readonly frac: string;
}

/** Leading blanks, '-', digits (with the locale's thousands separator), '.', digits; the rest is ignored. */
function parseNum(s: string, where: Where): Num {
  // en_US groups thousands with ','; the C locale has no thousands separator.
  const sep = where === 'host' ? ',' : undefined;
  const digit = (i: number): boolean => s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;
  let i = 0;
  while (s[i] === ' ' || s[i] === '\t') i++;
  const neg = s[i] === '-';
  if (neg) i++;
  let int = '';
  for (; i < s.length; i++) {
    if (digit(i)) int += s[i];
    else if (!(s[i] === sep && int !== '' && digit(i + 1))) break;
  }
  let frac = '';
  if (s[i] === '.') for (i++; digit(i); i++) frac += s[i];
  int = int.replace(/^0+/, '');
  frac = frac.replace(/0+$/, '');
  return { neg: neg && (int !== '' || frac !== ''), int, frac };
}

/** toupper(3) per character: ASCII only in the C locale; a character whose capital is longer stays. */
function upper(s: string, where: Where): string {
  if (where === 'container') return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
  let out = '';
  for (const ch of s) {
    const u = ch.toUpperCase();
    out += u.length === ch.length ? u : ch;
  }
  return out;
}

function compareNum(a: Num, b: Num): number {
  if (a.neg !== b.neg) return a.neg ? -1 : 1;
  const mag =
    a.int.length - b.int.length ||
    (a.int < b.int ? -1 : a.int > b.int ? 1 : 0) ||
    (a.frac < b.frac ? -1 : a.frac > b.frac ? 1 : 0);
  return a.neg ? -mag : mag;
}

interface Line {
  readonly text: string;
  readonly key: CollationKey | undefined;
  readonly num: Num | undefined;
  readonly whole: CollationKey;
}

function runSort(o: SortOptions, ctx: CommandContext): number {
  const inputs = new Inputs(ctx);
  const operands = o.operands.length > 0 ? o.operands : ['-'];
  // GNU checks that every file can be read before sorting anything.
  for (const op of operands) {
    if (op === '-') continue;
    const st = inputs.read(op);
    if (!st.ok && isOpenError(st.errno)) {
      complain(ctx, 'sort', `cannot read: ${quoteFile(op, ctx.where)}: ${strerr(st.errno)}`);
      return 2;
    }
  }
  const texts: string[] = [];
  for (const op of operands) {
    const t = inputs.read(op);
    if (!t.ok) {
      complain(ctx, 'sort', `read failed: ${quoteFile(op, ctx.where)}: ${strerr(t.errno)}`);
      return 2;
    }
    texts.push(...splitLines(t.value).lines);
  }
  const coll = collation(ctx.where);
  const strip = (s: string): string => (o.blanks ? s.replace(/^[ \t]+/, '') : s);
  const lines: Line[] = texts.map((text) => ({
    text,
    key: o.numeric
      ? undefined
      : o.fold || o.blanks
        ? coll.key(strip(o.fold ? upper(text, ctx.where) : text))
        : undefined,
    num: o.numeric ? parseNum(strip(text), ctx.where) : undefined,
    whole: coll.key(text),
  }));
  /** The comparison of the sort key alone; 0 means equal for -u. */
  const primary = (a: Line, b: Line): number =>
    a.num && b.num
      ? compareNum(a.num, b.num)
      : a.key && b.key
        ? coll.compare(a.key, b.key)
        : coll.compare(a.whole, b.whole);
  const sign = o.reverse ? -1 : 1;
  lines.sort((a, b) => sign * (primary(a, b) || (o.unique ? 0 : coll.compare(a.whole, b.whole))));
  const out: string[] = [];
  let prev: Line | undefined;
  for (const l of lines) {
    if (o.unique && prev && primary(prev, l) === 0) continue;
    out.push(l.text);
    prev = l;
  }
  if (out.length > 0) ctx.stdout(out.join('\n') + '\n');
  return 0;
}
