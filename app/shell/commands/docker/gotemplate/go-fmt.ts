// fmt on Go values: %v as Print and templates show a value, and Sprintf for the verbs templates use.

import type { GoValue } from './go-values.ts';
import { isInvalid, NIL, sortedKeys, timeString, typeName } from './go-values.ts';

/** strconv.FormatFloat(f, 'g', -1, 64) with fmt's %v exponent threshold of 21. */
export function goFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant, expText] = f.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 21) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(f);
}

/** Stand-ins for the heap addresses fmt prints for nested pointers (random in Go; fixed here). */
class Addresses {
  private n = 0;
  next(): string {
    return `0xc000${(0x10000 + 0x40 * this.n++).toString(16).padStart(6, '0')}`;
  }
}

/** fmt's %v (plus: %+v with field names) of a value at the given depth. */
export function goSprint(v: GoValue, plus = false, depth = 0, addr = new Addresses()): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  switch (v.t) {
    case 'num':
      return v.text;
    case 'float':
      return goFloat(v.v);
    case 'nil':
      return '<nil>';
    case 'invalid':
      return '<invalid reflect.Value>';
    case 'time':
      return timeString(v.sec);
    case 'slice':
      return `[${(v.items ?? []).map((x) => goSprint(x, plus, depth + 1, addr)).join(' ')}]`;
    case 'map': {
      const m = v.entries ?? new Map<string, GoValue>();
      return `map[${sortedKeys(m)
        .map((k) => `${k}:${goSprint(m.get(k)!, plus, depth + 1, addr)}`)
        .join(' ')}]`;
    }
    case 'struct':
      return `{${v.fields
        .map((f) => (plus ? `${f.name}:` : '') + goSprint(f.value, plus, depth + 1, addr))
        .join(' ')}}`;
    case 'ptr':
      if (v.to === null) return '<nil>';
      if (
        depth === 0 &&
        typeof v.to === 'object' &&
        (v.to.t === 'struct' || v.to.t === 'slice' || v.to.t === 'map')
      )
        return '&' + goSprint(v.to, plus, depth + 1, addr);
      return addr.next();
  }
}

/** strconv.Quote: Go escapes, printable runes kept. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const named: Record<string, string> = {
      '\x07': '\\a',
      '\b': '\\b',
      '\f': '\\f',
      '\n': '\\n',
      '\r': '\\r',
      '\t': '\\t',
      '\v': '\\v',
      '\\': '\\\\',
      '"': '\\"',
    };
    if (named[ch]) out += named[ch];
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c >= 0x80 && c < 0xa0) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

interface Spec {
  readonly minus: boolean;
  readonly plus: boolean;
  readonly zero: boolean;
  readonly space: boolean;
  readonly sharp: boolean;
  readonly width: number | null;
  readonly prec: number | null;
}

function padTo(s: string, sp: Spec, numeric = false): string {
  if (sp.width === null || [...s].length >= sp.width) return s;
  const fill = sp.width - [...s].length;
  if (sp.minus) return s + ' '.repeat(fill);
  if (sp.zero && numeric) {
    const sign = /^[+-]/.test(s) ? s[0]! : '';
    return sign + '0'.repeat(fill) + s.slice(sign.length);
  }
  return ' '.repeat(fill) + s;
}

function badVerb(verb: string, v: GoValue): string {
  if (isInvalid(v) || (typeof v === 'object' && v.t === 'nil')) return `%!${verb}(<nil>)`;
  return `%!${verb}(${typeName(v)}=${goSprint(v, false, 1)})`;
}

function fmtValue(v: GoValue, verb: string, sp: Spec, depth: number): string {
  if (verb === 'v') return goSprint(v, sp.plus, depth);
  if (verb === 'T') return typeName(v);
  if (typeof v === 'object') {
    switch (v.t) {
      case 'slice':
        return `[${(v.items ?? []).map((x) => fmtValue(x, verb, sp, depth + 1)).join(' ')}]`;
      case 'map': {
        const m = v.entries ?? new Map<string, GoValue>();
        return `map[${sortedKeys(m)
          .map((k) => `${fmtValue(k, verb, sp, depth + 1)}:${fmtValue(m.get(k)!, verb, sp, depth + 1)}`)
          .join(' ')}]`;
      }
      case 'struct':
        return `{${v.fields.map((f) => (sp.plus ? `${f.name}:` : '') + fmtValue(f.value, verb, sp, depth + 1)).join(' ')}}`;
      case 'ptr':
        if (
          depth === 0 &&
          v.to !== null &&
          typeof v.to === 'object' &&
          (v.to.t === 'struct' || v.to.t === 'slice' || v.to.t === 'map')
        )
          return '&' + fmtValue(v.to, verb, sp, depth + 1);
        if (v.to === null) return badVerb(verb, v).replace(/=.*\)$/, '=<nil>)');
        return goSprint(v, false, 1);
      case 'time':
        return verb === 's' || verb === 'q'
          ? verb === 'q'
            ? goQuote(goSprint(v))
            : goSprint(v)
          : badVerb(verb, v);
      default:
        break;
    }
  }
  const str = typeof v === 'string' ? v : typeof v === 'object' && v.t === 'num' ? v.text : null;
  switch (verb) {
    case 's':
      if (str === null) return badVerb(verb, v);
      return sp.prec === null ? str : [...str].slice(0, sp.prec).join('');
    case 'q':
      if (str !== null) return goQuote(str);
      if (typeof v === 'number') return `'${String.fromCodePoint(v)}'`;
      return badVerb(verb, v);
    case 'd':
      if (typeof v !== 'number') return badVerb(verb, v);
      return (sp.plus && v >= 0 ? '+' : sp.space && v >= 0 ? ' ' : '') + String(v);
    case 'x':
    case 'X': {
      let s: string;
      if (str !== null)
        s = [...new TextEncoder().encode(str)].map((b) => b.toString(16).padStart(2, '0')).join('');
      else if (typeof v === 'number') s = (v < 0 ? '-' : '') + Math.abs(v).toString(16);
      else return badVerb(verb, v);
      if (sp.sharp) s = '0x' + s;
      return verb === 'X' ? s.toUpperCase() : s;
    }
    case 'o':
    case 'b':
      if (typeof v !== 'number') return badVerb(verb, v);
      return (sp.sharp && verb === 'o' ? '0' : '') + v.toString(verb === 'o' ? 8 : 2);
    case 'c':
      if (typeof v !== 'number') return badVerb(verb, v);
      return String.fromCodePoint(Math.max(0, Math.min(v, 0x10ffff)));
    case 't':
      if (typeof v !== 'boolean') return badVerb(verb, v);
      return String(v);
    case 'f':
    case 'F':
    case 'e':
    case 'g': {
      const f = typeof v === 'object' && v.t === 'float' ? v.v : null;
      if (f === null) return badVerb(verb, v);
      const s =
        verb === 'e'
          ? f.toExponential(sp.prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2')
          : verb === 'g'
            ? goFloat(f)
            : f.toFixed(sp.prec ?? 6);
      return (sp.plus && f >= 0 ? '+' : '') + s;
    }
    default:
      return badVerb(verb, v);
  }
}

/** fmt.Sprintf for the verbs templates use: %v %+v %s %q %d %x %X %o %b %c %t %f %e %g %T %%. */
export function goSprintf(format: string, args: readonly GoValue[]): string {
  let out = '';
  let ai = 0;
  let i = 0;
  while (i < format.length) {
    const c = format[i]!;
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    i++;
    const flags = { minus: false, plus: false, zero: false, space: false, sharp: false };
    for (; i < format.length; i++) {
      const f = format[i]!;
      if (f === '-') flags.minus = true;
      else if (f === '+') flags.plus = true;
      else if (f === '0') flags.zero = true;
      else if (f === ' ') flags.space = true;
      else if (f === '#') flags.sharp = true;
      else break;
    }
    let width: number | null = null;
    let prec: number | null = null;
    const w = /^\d+/.exec(format.slice(i));
    if (w) {
      width = Math.min(Number(w[0]), 4096);
      i += w[0].length;
    }
    if (format[i] === '.') {
      i++;
      const p = /^\d+/.exec(format.slice(i));
      prec = p ? Math.min(Number(p[0]), 4096) : 0;
      if (p) i += p[0].length;
    }
    const verb = format[i];
    if (verb === undefined) {
      out += '%!(NOVERB)';
      break;
    }
    i++;
    if (verb === '%') {
      out += '%';
      continue;
    }
    const sp: Spec = { ...flags, width, prec };
    if (ai >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const v = args[ai++]!;
    const isNum = typeof v === 'number' || (typeof v === 'object' && v.t === 'float');
    out += padTo(fmtValue(isInvalid(v) ? NIL : v, verb, sp, 0), sp, isNum);
  }
  if (ai < args.length)
    out += `%!(EXTRA ${args
      .slice(ai)
      .map((v) => `${typeName(v)}=${goSprint(v, false, 1)}`)
      .join(', ')})`;
  return out;
}
