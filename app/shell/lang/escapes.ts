/**
 * Backslash escapes, decoded the way each bash feature does it. They differ in small ways that people do
 * notice (`echo -e '\101'` prints `\101` but `printf '\101'` prints `A`), so the mode names the feature:
 * - 'echo':      bash `echo -e` — octal only as \0nnn, \c stops all output.
 * - 'percent-b': printf %b and dash's echo — \0nnn and \nnn, \c stops all output.
 * - 'format':    a printf format — \nnn, \" \' \?; \c is not special.
 * - 'ansi':      bash $'…' — \nnn, \" \' \?, \cX is a control character.
 */
export type EscapeMode = 'echo' | 'percent-b' | 'format' | 'ansi';

export interface Decoded {
  readonly text: string;
  /** `\c` was met: the caller prints nothing more at all (not even a trailing newline). */
  readonly stop: boolean;
}

const SIMPLE: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

const isOctal = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '7';
const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9a-fA-F]$/.test(c);

export function decodeEscapes(s: string, mode: EscapeMode): Decoded {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const slash = s.indexOf('\\', i);
    if (slash < 0 || slash === s.length - 1) return { text: out + s.slice(i), stop: false };
    out += s.slice(i, slash);
    const c = s[slash + 1] as string;
    i = slash + 2;
    const simple = SIMPLE[c];
    if (simple !== undefined) {
      out += simple;
    } else if (c === 'c' && mode === 'ansi') {
      const x = s[i];
      if (x === undefined) out += '\\c';
      else {
        out += String.fromCharCode(x.charCodeAt(0) & 0x1f);
        i++;
      }
    } else if (c === 'c' && mode !== 'format') {
      return { text: out, stop: true };
    } else if (isOctal(c) && (c === '0' || mode !== 'echo')) {
      // \0nnn in echo and %b takes up to three digits after the 0; elsewhere the 0 counts as one of three.
      const start = c === '0' && (mode === 'echo' || mode === 'percent-b') ? i : i - 1;
      let end = start;
      while (end < start + 3 && isOctal(s[end])) end++;
      out += String.fromCharCode((end > start ? parseInt(s.slice(start, end), 8) : 0) & 0xff);
      i = end;
    } else if (c === 'x' || c === 'u' || c === 'U') {
      const max = c === 'x' ? 2 : c === 'u' ? 4 : 8;
      let end = i;
      while (end < i + max && isHex(s[end])) end++;
      if (end === i) out += '\\' + c;
      else {
        const n = parseInt(s.slice(i, end), 16);
        out += c === 'x' ? String.fromCharCode(n) : n <= 0x10ffff ? String.fromCodePoint(n) : '';
        i = end;
      }
    } else if ((c === '"' || c === "'" || c === '?') && (mode === 'format' || mode === 'ansi')) {
      out += c;
    } else {
      out += '\\' + c;
    }
  }
  return { text: out, stop: false };
}
