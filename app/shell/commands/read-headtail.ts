import type { CommandContext, ParseResult } from '../types.ts';
import { complain, parseArgs, strerr } from './common.ts';
import { Inputs, byteLen, byteSlice, isOpenError } from './read-input.ts';
import { localeQuote, quoteAlways } from './read-quote.ts';

// What head and tail share: options, GNU's count syntax, headers and messages.

export interface EndsOptions {
  readonly unit: 'lines' | 'bytes';
  /** The count as typed: a sign ('+' from a position, '-' all but / the last) and a number. */
  readonly sign: '' | '+' | '-';
  readonly count: number;
  readonly headers: 'auto' | 'always' | 'never';
  readonly operands: readonly string[];
  /** A count that did not parse: reported by run, which knows the locale's quotes. */
  readonly invalid?: string;
}

const MULTIPLIERS: Readonly<Record<string, number>> = {
  '': 1,
  b: 512,
  kB: 1000,
  K: 1024,
  KiB: 1024,
  MB: 1000 ** 2,
  M: 1024 ** 2,
  MiB: 1024 ** 2,
  GB: 1000 ** 3,
  G: 1024 ** 3,
  GiB: 1024 ** 3,
  TB: 1000 ** 4,
  T: 1024 ** 4,
  TiB: 1024 ** 4,
};

/** `10`, `+5`, `-3`, `2K`: the count and its sign, or undefined when invalid. */
function parseCount(arg: string): { sign: '' | '+' | '-'; count: number } | undefined {
  const m = /^\s*([+-]?)(\d+)([a-zA-Z]*)$/.exec(arg);
  if (!m) return undefined;
  const mult = MULTIPLIERS[m[3]!];
  if (mult === undefined) return undefined;
  const count = Number(m[2]) * mult;
  return Number.isFinite(count) ? { sign: m[1] as '' | '+' | '-', count } : undefined;
}

/** Parse head's or tail's options; `-N` as the first argument is the obsolete form of `-n N`. */
export function parseEnds(cmd: 'head' | 'tail', args: readonly string[]): ParseResult<EndsOptions> {
  const list = [...args];
  if (list[0] !== undefined && /^-\d+$/.test(list[0])) list.splice(0, 1, '-n', list[0].slice(1));
  const p = parseArgs(cmd, list, {
    flags: 'qv',
    withArg: 'nc',
    long: { lines: 'n', bytes: 'c', quiet: 'q', silent: 'q', verbose: 'v' },
    longWithArg: ['lines', 'bytes'],
  });
  if (!p.ok) return p;
  const { flags, values, operands } = p.opts;
  const unit = values.has('c') && !values.has('n') ? 'bytes' : 'lines';
  const raw = values.get(unit === 'bytes' ? 'c' : 'n');
  const c = raw === undefined ? { sign: '' as const, count: 10 } : parseCount(raw);
  const headers = flags.has('v') ? 'always' : flags.has('q') ? 'never' : 'auto';
  const opts = { unit, sign: c?.sign ?? '', count: c?.count ?? 0, headers, operands } as const;
  return { ok: true, opts: c ? opts : { ...opts, invalid: raw ?? '' } };
}

/** Lines [from, to) of a text, keeping their newlines; negative bounds count from the end. */
export function pickLines(text: string, from: number, to: number): string {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1))
    starts.push(i + 1);
  const n = text === '' ? 0 : starts.length;
  const lo = Math.max(0, Math.min(n, from < 0 ? n + from : from));
  const hi = Math.max(lo, Math.min(n, to < 0 ? n + to : to));
  if (lo >= hi) return '';
  return text.slice(starts[lo], hi < n ? starts[hi] : text.length);
}

/** Bytes [from, to) of a text as UTF-8; negative bounds count from the end. */
export function pickBytes(text: string, from: number, to: number): string {
  const n = byteLen(text);
  const lo = Math.max(0, Math.min(n, from < 0 ? n + from : from));
  const hi = Math.max(lo, Math.min(n, to < 0 ? n + to : to));
  return lo >= hi ? '' : byteSlice(text, lo, hi);
}

/**
 * Run head or tail over the operands: a header before each file when there are several (or -v), a
 * blank line between files, `standard input` for `-`.
 */
export function runEnds(
  cmd: 'head' | 'tail',
  o: EndsOptions,
  ctx: CommandContext,
  pick: (text: string) => string,
): number {
  if (o.invalid !== undefined) {
    // quote(), not quoteaf(): curly quotes under the host's UTF-8 locale.
    complain(ctx, cmd, `invalid number of ${o.unit}: ${localeQuote(o.invalid, ctx.where)}`);
    return 1;
  }
  const inputs = new Inputs(ctx);
  const operands = o.operands.length > 0 ? o.operands : ['-'];
  const headers = o.headers === 'always' || (o.headers === 'auto' && operands.length > 1);
  let first = true;
  let status = 0;
  for (const op of operands) {
    const name = op === '-' ? 'standard input' : op;
    const text = inputs.read(op);
    if (!text.ok && isOpenError(text.errno)) {
      complain(ctx, cmd, `cannot open ${quoteAlways(op, ctx.where)} for reading: ${strerr(text.errno)}`);
      status = 1;
      continue;
    }
    if (headers) ctx.stdout(`${first ? '' : '\n'}==> ${name} <==\n`);
    first = false;
    if (!text.ok) {
      complain(ctx, cmd, `error reading ${quoteAlways(op, ctx.where)}: ${strerr(text.errno)}`);
      status = 1;
      continue;
    }
    const out = pick(text.value);
    if (out !== '') ctx.stdout(out);
  }
  return status;
}
