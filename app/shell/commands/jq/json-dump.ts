// jq's printer (jv_dump: 2-space indent, 17-digit numbers, -S, -a) and the truncated form its error
// messages quote values in.

import type { JqValue } from './value.ts';
import { byCodepoint } from './value.ts';

/** jvp_dtoa_fmt: the shortest round-trip digits; exponent form below 1e-4 or past 17 digits. */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'null';
  if (!Number.isFinite(n)) n = n > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE;
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mant, expText] = Math.abs(n).toExponential().split('e') as [string, string];
  const digits = mant.replace('.', '');
  const decpt = Number(expText) + 1;
  const sign = n < 0 ? '-' : '';
  if (decpt <= -4 || decpt > digits.length + 15) {
    const e = decpt - 1;
    const frac = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${frac}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return sign + digits + '0'.repeat(decpt - digits.length);
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

/** jvp_dump_string: jq escapes quotes, backslashes and control characters (and non-ASCII with -a). */
export function dumpString(s: string, ascii = false): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
    }
    if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else if (c >= 0xd800 && c <= 0xdfff) out += ascii ? '\\ufffd' : '\ufffd';
    else if (ascii && c > 0x7f) {
      if (c < 0x10000) out += `\\u${c.toString(16).padStart(4, '0')}`;
      else {
        const v = c - 0x10000;
        out += `\\u${(0xd800 + (v >> 10)).toString(16)}\\u${(0xdc00 + (v & 0x3ff)).toString(16)}`;
      }
    } else out += ch;
  }
  return out + '"';
}

export interface DumpOptions {
  /** null: compact (-c); otherwise the indent unit ('  ', '\t', …). */
  readonly indent: string | null;
  readonly sortKeys: boolean;
  readonly ascii: boolean;
}

/** jv_dump_term. */
export function dump(v: JqValue, o: DumpOptions, depth = 0): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return dumpString(v, o.ascii);
  const nl = o.indent === null ? '' : '\n' + o.indent.repeat(depth + 1);
  const end = o.indent === null ? '' : '\n' + o.indent.repeat(depth);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${v.map((x) => nl + dump(x, o, depth + 1)).join(',')}${end}]`;
  }
  if (v.size === 0) return '{}';
  const keys = o.sortKeys ? [...v.keys()].sort(byCodepoint) : [...v.keys()];
  const colon = o.indent === null ? ':' : ': ';
  return `{${keys.map((k) => `${nl}${dumpString(k, o.ascii)}${colon}${dump(v.get(k)!, o, depth + 1)}`).join(',')}${end}}`;
}

export const compact = (v: JqValue): string => dump(v, { indent: null, sortKeys: false, ascii: false });

/** jv_dump_string_trunc: what fits a C buffer of `size` bytes, its last three "..." when cut. */
export function truncated(v: JqValue, size = 15): string {
  const s = compact(v);
  const bytes = new TextEncoder().encode(s);
  if (bytes.length <= size - 1) return s;
  return new TextDecoder().decode(bytes.subarray(0, size - 4)) + '...';
}
