import type { ShellName } from '../ast.ts';
import { decodeEscapes } from '../escapes.ts';
import { MAX_PRINTF_OUTPUT, MAX_PRINTF_WIDTH } from '../limits.ts';

/**
 * printf's formatting, as bash's builtin does it: the format is reused while arguments remain, missing
 * arguments read as '' or 0, a bad number is reported but printing goes on with what could be read,
 * integers are 64-bit (BigInt here). Messages come back unprefixed ("printf: x: invalid number").
 */
export interface Formatted {
  readonly text: string;
  readonly errors: readonly string[];
  readonly status: number;
}

interface Spec {
  readonly flags: string;
  readonly width: number | null;
  readonly precision: number | null;
  readonly conv: string;
}

const SPEC = /%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?[hlLqjzt]*(.?)/y;
const U64 = 1n << 64n;
const I64_MAX = (1n << 63n) - 1n;

class Formatter {
  out = '';
  readonly errors: string[] = [];
  status = 0;
  private next = 0;

  constructor(
    private readonly args: readonly string[],
    readonly shell: ShellName,
  ) {}

  get consumed(): number {
    return this.next;
  }
  get exhausted(): boolean {
    return this.next >= this.args.length;
  }

  arg(): string | undefined {
    return this.args[this.next++];
  }

  int(text: string | undefined): bigint {
    if (text === undefined || text === '') return 0n;
    if (/^['"]/.test(text)) return BigInt(text.codePointAt(1) ?? 0);
    const m = /^\s*([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(text);
    const digits = m?.[2] ?? '0';
    // BigInt reads 0x… itself; a leading 0 means octal to printf, as in C.
    const magnitude = BigInt(/^0[0-7]+$/.test(digits) ? `0o${digits.slice(1)}` : digits);
    const value = m?.[1] === '-' ? -magnitude : magnitude;
    if (m === null || m[0].length !== text.length) {
      if (this.shell === 'bash') this.error(`printf: ${text}: invalid number`);
      else
        this.error(`printf: ${text}: ${m === null ? 'expected numeric value' : 'not completely converted'}`);
    }
    if (value > I64_MAX || value < -I64_MAX - 1n) {
      this.errors.push(`printf: warning: ${text}: Numerical result out of range`);
      return value > 0n ? I64_MAX : -I64_MAX - 1n;
    }
    return value;
  }

  float(text: string | undefined): number {
    if (text === undefined || text === '') return 0;
    if (/^['"]/.test(text)) return text.codePointAt(1) ?? 0;
    const n = Number(text.trim());
    if (Number.isNaN(n)) {
      this.error(`printf: ${text}: invalid number`);
      return parseFloat(text) || 0;
    }
    return n;
  }

  error(message: string): void {
    this.errors.push(message);
    this.status = 1;
  }
}

export function formatPrintf(format: string, args: readonly string[], shell: ShellName): Formatted {
  const f = new Formatter(args, shell);
  for (;;) {
    const before = f.consumed;
    const stop = onePass(format, f);
    if (stop || f.exhausted || f.consumed === before || f.out.length > MAX_PRINTF_OUTPUT) break;
  }
  if (f.out.length > MAX_PRINTF_OUTPUT) {
    f.error('printf: output too large for this simulator; cut short');
    f.out = f.out.slice(0, MAX_PRINTF_OUTPUT);
  }
  return { text: f.out, errors: f.errors, status: f.status };
}

/** One pass over the format; true when output must stop (\c in %b, or a bad directive). */
function onePass(format: string, f: Formatter): boolean {
  let i = 0;
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    const end = pct < 0 ? format.length : pct;
    f.out += decodeEscapes(format.slice(i, end), 'format').text;
    if (pct < 0) return false;
    SPEC.lastIndex = pct;
    const m = SPEC.exec(format) as RegExpExecArray;
    i = SPEC.lastIndex;
    const conv = m[4] as string;
    if (conv === '%' && m[0] === '%%') {
      f.out += '%';
      continue;
    }
    const width = m[2] === undefined ? null : m[2] === '*' ? Number(f.int(f.arg())) : Number(m[2]);
    const precision = m[3] === undefined ? null : m[3] === '*' ? Number(f.int(f.arg())) : Number(m[3] || '0');
    const spec: Spec = { flags: m[1] as string, width: clamp(width), precision: clamp(precision), conv };
    const piece = convert(spec, f);
    if (piece === null) {
      if (f.shell === 'bash') f.error(`printf: \`${conv === '' ? '%' : conv}': invalid format character`);
      else f.error(`printf: %${conv}: invalid directive`);
      return true;
    }
    f.out += piece.text;
    if (piece.stop) return true;
  }
  return false;
}

const clamp = (n: number | null): number | null =>
  n === null ? null : Math.max(-MAX_PRINTF_WIDTH, Math.min(MAX_PRINTF_WIDTH, n));

function convert(s: Spec, f: Formatter): { text: string; stop: boolean } | null {
  const done = (text: string, numeric = false): { text: string; stop: boolean } => ({
    text: pad(text, s, numeric),
    stop: false,
  });
  switch (s.conv) {
    case 's': {
      const text = f.arg() ?? '';
      return done(s.precision === null ? text : Array.from(text).slice(0, Math.max(0, s.precision)).join(''));
    }
    case 'b': {
      const d = decodeEscapes(f.arg() ?? '', 'percent-b');
      return { text: pad(d.text, s, false), stop: d.stop };
    }
    case 'c':
      return done(Array.from(f.arg() ?? '')[0] ?? '');
    case 'q':
      return done(shellQuote(f.arg() ?? ''));
    case 'd':
    case 'i':
      return done(integer(f.int(f.arg()), s, 10), true);
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
      const n = f.int(f.arg());
      const base = s.conv === 'u' ? 10 : s.conv === 'o' ? 8 : 16;
      return done(integer(n < 0n ? n + U64 : n, s, base), true);
    }
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G':
      return done(float(f.float(f.arg()), s), true);
    default:
      return null;
  }
}

function integer(n: bigint, s: Spec, base: number): string {
  const negative = n < 0n;
  let digits = (negative ? -n : n).toString(base);
  if (s.conv === 'X') digits = digits.toUpperCase();
  if (s.precision !== null) digits = s.precision === 0 && n === 0n ? '' : digits.padStart(s.precision, '0');
  if (s.flags.includes('#') && n !== 0n) {
    if (s.conv === 'o' && !digits.startsWith('0')) digits = '0' + digits;
    if (s.conv === 'x' || s.conv === 'X') digits = (s.conv === 'x' ? '0x' : '0X') + digits;
  }
  return sign(negative, s) + digits;
}

function float(n: number, s: Spec): string {
  const p = Math.min(s.precision ?? 6, 100);
  const abs = Math.abs(n);
  let body: string;
  if (!Number.isFinite(abs)) body = Number.isNaN(abs) ? 'nan' : 'inf';
  else if (s.conv === 'f' || s.conv === 'F') body = abs.toFixed(p);
  else if (s.conv === 'e' || s.conv === 'E') body = exponential(abs, p);
  else {
    // %g: %e or %f, whichever C would pick, trailing zeros removed unless '#'.
    const P = p === 0 ? 1 : p;
    const x = abs === 0 ? 0 : Math.floor(Math.log10(Number(abs.toExponential(P - 1))));
    body = P > x && x >= -4 ? abs.toFixed(P - 1 - x) : exponential(abs, P - 1);
    if (!s.flags.includes('#')) body = body.replace(/\.?0+(?=e|$)/, '');
  }
  if (s.conv === 'E' || s.conv === 'G' || s.conv === 'F') body = body.toUpperCase();
  return sign(n < 0 || Object.is(n, -0), s) + body;
}

/** C's %e: at least two exponent digits (1.5e+3 → 1.500000e+03). */
const exponential = (n: number, p: number): string => n.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2');

const sign = (negative: boolean, s: Spec): string =>
  negative ? '-' : s.flags.includes('+') ? '+' : s.flags.includes(' ') ? ' ' : '';

function pad(text: string, s: Spec, numeric: boolean): string {
  const width = s.width === null ? 0 : Math.abs(s.width);
  const left = s.flags.includes('-') || (s.width !== null && s.width < 0);
  const len = Array.from(text).length;
  if (len >= width) return text;
  const fill = width - len;
  if (left) return text + ' '.repeat(fill);
  if (numeric && s.flags.includes('0') && (s.precision === null || !/[diouxX]/.test(s.conv))) {
    const m = /^([-+ ]?(?:0[xX])?)(.*)$/.exec(text) as RegExpExecArray;
    return (m[1] as string) + '0'.repeat(fill) + (m[2] as string);
  }
  return ' '.repeat(fill) + text;
}

/** bash's %q: backslash-escape what the shell would treat specially. */
const shellQuote = (s: string): string => (s === '' ? "''" : s.replace(/[^A-Za-z0-9_./:=@%+,-]/g, '\\$&'));
