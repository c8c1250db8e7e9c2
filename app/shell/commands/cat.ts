import type { CommandContext, ShellCommand } from '../types.ts';
import { complain, parseArgs, strerr } from './common.ts';
import { Inputs } from './read-input.ts';
import { quoteFile } from './read-quote.ts';

export interface CatOptions {
  /** -n numbers every line, -b only non-blank ones. */
  readonly number: 'none' | 'all' | 'nonblank';
  /** -s: squeeze runs of blank lines into one. */
  readonly squeeze: boolean;
  /** -E: `$` at each line's end. */
  readonly ends: boolean;
  /** -T: tabs as `^I`. */
  readonly tabs: boolean;
  /** -v: other control characters as `^X` and `M-` notation. */
  readonly nonprinting: boolean;
  readonly operands: readonly string[];
}

export const cat: ShellCommand<CatOptions> = {
  name: 'cat',
  usage: 'Usage: cat [OPTION]... [FILE]...',
  where: ['container', 'host'],
  parse(args) {
    const p = parseArgs('cat', args, {
      flags: 'AbeEnstTuv',
      long: {
        'show-all': 'A',
        'number-nonblank': 'b',
        'show-ends': 'E',
        number: 'n',
        'squeeze-blank': 's',
        'show-tabs': 'T',
        'show-nonprinting': 'v',
      },
    });
    if (!p.ok) return p;
    const f = p.opts.flags;
    const all = f.has('A');
    return {
      ok: true,
      opts: {
        number: f.has('b') ? 'nonblank' : f.has('n') ? 'all' : 'none',
        squeeze: f.has('s'),
        ends: all || f.has('e') || f.has('E'),
        tabs: all || f.has('t') || f.has('T'),
        nonprinting: all || f.has('e') || f.has('t') || f.has('v'),
        operands: p.opts.operands,
      },
    };
  },
  run(o, ctx) {
    try {
      return runCat(o, ctx);
    } catch (e) {
      complain(ctx, 'cat', String(e));
      return 1;
    }
  },
};

function runCat(o: CatOptions, ctx: CommandContext): number {
  const inputs = new Inputs(ctx);
  const plain = o.number === 'none' && !o.squeeze && !o.ends && !o.tabs && !o.nonprinting;
  const shaper = new Shaper(o);
  let status = 0;
  for (const op of o.operands.length > 0 ? o.operands : ['-']) {
    const text = inputs.read(op);
    if (!text.ok) {
      complain(ctx, 'cat', `${quoteFile(op, ctx.where)}: ${strerr(text.errno)}`);
      status = 1;
      continue;
    }
    const out = plain ? text.value : shaper.feed(text.value);
    if (out !== '') ctx.stdout(out);
  }
  return status;
}

/**
 * cat's line options. The state (line number, whether the last byte was a newline, blank-line runs)
 * carries over from one file to the next, as GNU cat numbers the concatenation, not each file.
 */
class Shaper {
  private lineNo = 0;
  private atLineStart = true;
  private blanks = 0;

  constructor(private readonly o: CatOptions) {}

  feed(text: string): string {
    const out: string[] = [];
    let i = 0;
    while (i < text.length) {
      const nl = text.indexOf('\n', i);
      const end = nl < 0 ? text.length : nl;
      const body = text.slice(i, end);
      const blank = this.atLineStart && body === '' && nl >= 0;
      if (blank) {
        this.blanks++;
        if (this.o.squeeze && this.blanks > 1) {
          i = nl + 1;
          continue;
        }
      } else this.blanks = 0;
      if (this.atLineStart && (this.o.number === 'all' || (this.o.number === 'nonblank' && !blank)))
        out.push(`${String(++this.lineNo).padStart(6)}\t`);
      out.push(this.visible(body));
      if (nl < 0) {
        this.atLineStart = false;
        break;
      }
      out.push(this.o.ends ? '$\n' : '\n');
      this.atLineStart = true;
      i = nl + 1;
    }
    return out.join('');
  }

  private visible(s: string): string {
    if (!this.o.nonprinting && !this.o.tabs) return s;
    let out = '';
    for (const ch of s) {
      const c = ch.charCodeAt(0);
      if (ch === '\t') out += this.o.tabs ? '^I' : ch;
      else if (!this.o.nonprinting) out += ch;
      else if (c < 0x80) out += caret(c);
      else for (const byte of encoder.encode(ch)) out += 'M-' + caret(byte - 0x80);
    }
    return out;
  }
}

const encoder = new TextEncoder();

/** A 7-bit byte in cat -v's notation: `^X` for controls, `^?` for DEL, else itself. */
const caret = (c: number): string =>
  c < 0x20 ? '^' + String.fromCharCode(c + 64) : c === 0x7f ? '^?' : String.fromCharCode(c);
