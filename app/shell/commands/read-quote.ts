import type { Where } from '../types.ts';

/**
 * File names in output and messages, quoted the way gnulib's quotearg does it for the styles the
 * read-side tools use. common.ts's quote/quoteIfNeeded cover the everyday cases; these add what a
 * listing needs: control characters as $'\n', and the locale's say in what is printable (in a
 * container no locale is set, so every byte above 0x7f is unprintable and shown as an octal escape;
 * on the host's UTF-8 locale it is printed as is).
 */

/** Shell metacharacters that make the shell-escape style quote a name. */
const SPECIAL = new Set(' !"$&()*;<=>?[\\^`|\''.split(''));

export interface QuoteOptions {
  /** Quote even names that need no quoting (shell-escape-always: ls's and stat's messages). */
  readonly always?: boolean;
  /** Quote a name holding ':' as well (quotef: "cat: 'a:b': …"). */
  readonly colon?: boolean;
  /** The locale is UTF-8 (the host); otherwise C, where non-ASCII bytes are unprintable. */
  readonly utf8: boolean;
}

const printable = (code: number, utf8: boolean): boolean =>
  code >= 0x20 && code !== 0x7f && (code < 0x80 ? true : utf8 && !(code >= 0x80 && code < 0xa0));

function needsQuoting(name: string, o: QuoteOptions): boolean {
  if (name === '') return true;
  if (name === '{' || name === '}') return true;
  if (name[0] === '#' || name[0] === '~') return true;
  for (const ch of name) {
    if (SPECIAL.has(ch) || (o.colon === true && ch === ':')) return true;
    if (!printable(ch.codePointAt(0)!, o.utf8)) return true;
  }
  return false;
}

const NAMED: Readonly<Record<string, string>> = {
  '\x07': 'a',
  '\b': 'b',
  '\f': 'f',
  '\n': 'n',
  '\r': 'r',
  '\t': 't',
  '\v': 'v',
};

const encoder = new TextEncoder();

/** One unprintable character as the escapes inside $'…'. */
function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named !== undefined) return '\\' + named;
  let out = '';
  for (const byte of encoder.encode(ch)) out += '\\' + byte.toString(8).padStart(3, '0');
  return out;
}

/** The shell-escape quoting style of GNU ls (on a terminal) and of coreutils' messages. */
export function shellQuote(name: string, o: QuoteOptions): string {
  if (o.always !== true && !needsQuoting(name, o)) return name;
  let unprintable = false;
  for (const ch of name) if (!printable(ch.codePointAt(0)!, o.utf8)) unprintable = true;
  if (!unprintable) {
    if (!name.includes("'")) return `'${name}'`;
    // A single quote: gnulib switches to double quotes when nothing inside needs escaping there.
    if (!/["$`\\]/.test(name)) return `"${name}"`;
    return `'${name.replace(/'/g, "'\\''")}'`;
  }
  // Printable runs in '…', unprintable ones in $'…', glued together: 'a'$'\n''b'.
  let out = "'";
  let escaping = false;
  for (const ch of name) {
    if (!printable(ch.codePointAt(0)!, o.utf8)) {
      if (!escaping) out += "'$'";
      escaping = true;
      out += escapeChar(ch);
      continue;
    }
    if (escaping) out += "''";
    escaping = false;
    out += ch === "'" ? "'\\''" : ch;
  }
  return out + "'";
}

const utf8Of = (where: Where): boolean => where === 'host';

/** quoteaf: always quoted ("ls: cannot access '/x'", "stat: cannot statx '/x'"). */
export const quoteAlways = (name: string, where: Where): string =>
  shellQuote(name, { always: true, utf8: utf8Of(where) });

/** quotef: quoted only when needed, ':' included ("cat: /x: No such file or directory"). */
export const quoteFile = (name: string, where: Where): string =>
  shellQuote(name, { colon: true, utf8: utf8Of(where) });

/**
 * The locale quoting style (findutils' messages, coreutils' quote()): 'x' in the C locale, ‘x’ under
 * a UTF-8 locale, with a backslash before '\' and before the closing quote character.
 */
export function localeQuote(name: string, where: Where): string {
  if (where === 'host') return `\u2018${name.replace(/\\/g, '\\\\')}\u2019`;
  return `'${name.replace(/([\\'])/g, '\\$1')}'`;
}

/** Display width of text on a terminal: wide East Asian characters take two cells. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return w;
}

const isWide = (c: number): boolean =>
  c >= 0x1100 &&
  (c <= 0x115f ||
    (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1f64f) ||
    (c >= 0x1f900 && c <= 0x1f9ff) ||
    (c >= 0x20000 && c <= 0x3fffd));
