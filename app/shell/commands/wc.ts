import type { CommandContext, ShellCommand } from '../types.ts';
import { absPath, complain, parseArgs, strerr } from './common.ts';
import { Inputs, byteLen, isOpenError } from './read-input.ts';
import { quoteFile } from './read-quote.ts';

export interface WcOptions {
  readonly lines: boolean;
  readonly words: boolean;
  readonly chars: boolean;
  readonly bytes: boolean;
  readonly maxLine: boolean;
  readonly operands: readonly string[];
}

export const wc: ShellCommand<WcOptions> = {
  name: 'wc',
  usage: 'Usage: wc [OPTION]... [FILE]...',
  where: ['container', 'host'],
  parse(args) {
    const p = parseArgs('wc', args, {
      flags: 'lwcmL',
      long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm', 'max-line-length': 'L' },
    });
    if (!p.ok) return p;
    const f = p.opts.flags;
    const none = !['l', 'w', 'c', 'm', 'L'].some((x) => f.has(x));
    return {
      ok: true,
      opts: {
        lines: none || f.has('l'),
        words: none || f.has('w'),
        chars: f.has('m'),
        bytes: none || f.has('c'),
        maxLine: f.has('L'),
        operands: p.opts.operands,
      },
    };
  },
  run(o, ctx) {
    try {
      return runWc(o, ctx);
    } catch (e) {
      complain(ctx, 'wc', String(e));
      return 1;
    }
  },
};

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  maxLine: number;
}

/** Words are runs of non-space characters; -m counts characters (bytes in the C locale). */
function count(text: string, utf8: boolean): Counts {
  let lines = 0;
  let words = 0;
  let inWord = false;
  let maxLine = 0;
  let col = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines++;
      maxLine = Math.max(maxLine, col);
      col = 0;
    } else if (c === 9) col += 8 - (col % 8);
    else if (c < 0xdc00 || c > 0xdfff) col++;
    const space = c === 32 || (c >= 9 && c <= 13);
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  maxLine = Math.max(maxLine, col);
  const bytes = byteLen(text);
  const chars = utf8 ? [...text].length : bytes;
  return { lines, words, chars, bytes, maxLine };
}

function runWc(o: WcOptions, ctx: CommandContext): number {
  const inputs = new Inputs(ctx);
  const named = o.operands.length > 0;
  const operands = named ? o.operands : ['-'];
  const results: { counts: Counts; name: string | undefined }[] = [];
  let status = 0;
  const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 };
  for (const op of operands) {
    const text = inputs.read(op);
    if (!text.ok && isOpenError(text.errno)) {
      complain(ctx, 'wc', `${quoteFile(op, ctx.where)}: ${strerr(text.errno)}`);
      status = 1;
      continue;
    }
    if (!text.ok) {
      // A directory opens but cannot be read: GNU reports it and still prints its zero counts.
      complain(ctx, 'wc', `${quoteFile(op, ctx.where)}: ${strerr(text.errno)}`);
      status = 1;
    }
    const c = count(text.ok ? text.value : '', ctx.where === 'host');
    for (const k of ['lines', 'words', 'chars', 'bytes'] as const) total[k] += c[k];
    total.maxLine = Math.max(total.maxLine, c.maxLine);
    results.push({ counts: c, name: named ? op : undefined });
  }
  const width = numberWidth(o, ctx, operands);
  const out = results.map((r) => line(o, r.counts, width, r.name, ctx));
  if (operands.length > 1) out.push(line(o, total, width, 'total', ctx));
  if (out.length > 0) ctx.stdout(out.join(''));
  return status;
}

/**
 * GNU wc's column width: one count of one file needs no padding; otherwise the digits of the total
 * size of the regular files, at least 7 when a pipe or anything else non-regular is among them.
 */
function numberWidth(o: WcOptions, ctx: CommandContext, operands: readonly string[]): number {
  const fields = [o.lines, o.words, o.chars, o.bytes, o.maxLine].filter(Boolean).length;
  if (operands.length === 1 && fields === 1) return 1;
  let min = 1;
  let regular = 0;
  for (const op of operands) {
    if (op === '-') {
      min = 7;
      continue;
    }
    const st = ctx.fs.stat(absPath(ctx, op));
    if (!st.ok) continue;
    if (st.value.kind === 'file') regular += st.value.size;
    else min = 7;
  }
  return Math.max(min, String(regular).length);
}

function line(o: WcOptions, c: Counts, width: number, name: string | undefined, ctx: CommandContext): string {
  const cols: number[] = [];
  if (o.lines) cols.push(c.lines);
  if (o.words) cols.push(c.words);
  if (o.chars) cols.push(c.chars);
  if (o.bytes) cols.push(c.bytes);
  if (o.maxLine) cols.push(c.maxLine);
  const text = cols.map((n) => String(n).padStart(width)).join(' ');
  return name === undefined
    ? `${text}\n`
    : `${text} ${name.includes('\n') ? quoteFile(name, ctx.where) : name}\n`;
}
