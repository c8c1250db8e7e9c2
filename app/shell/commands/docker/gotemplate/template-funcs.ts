// text/template's predefined functions, plus the docker CLI's (json, split, join, title, lower,
// upper, pad, truncate). `and` and `or` short-circuit, so the executor runs them itself.

import { goSprint, goSprintf } from './go-fmt.ts';
import { goJson } from './go-json.ts';
import type { GoValue } from './go-values.ts';
import { indirect, isInvalid, slice, typeName } from './go-values.ts';

export type Param = 'any' | 'value' | 'string' | 'int' | '[]string';
export interface Builtin {
  readonly params: readonly Param[];
  readonly variadic?: Param;
  fn(args: GoValue[]): GoValue | { error: string };
}

/** text/template's truth: the zero value, nil and empty collections are false. */
export function truth(v: GoValue): boolean {
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'boolean') return v;
  switch (v.t) {
    case 'num':
      return v.text.length > 0;
    case 'float':
      return v.v !== 0;
    case 'nil':
    case 'invalid':
      return false;
    case 'slice':
      return (v.items?.length ?? 0) > 0;
    case 'map':
      return (v.entries?.size ?? 0) > 0;
    case 'ptr':
      return v.to !== null;
    default:
      return true;
  }
}

/** Length in bytes, as Go's len of a string counts. */
const byteLength = (s: string): number => new TextEncoder().encode(s).length;

type Kind = 'bool' | 'int' | 'float' | 'string' | 'other';
function basicKind(v: GoValue): Kind {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'int';
  if (typeof v === 'boolean') return 'bool';
  if (v.t === 'num') return 'string';
  if (v.t === 'float') return 'float';
  return 'other';
}
const basicValue = (v: GoValue): string | number | boolean =>
  typeof v === 'object' ? (v.t === 'num' ? v.text : v.t === 'float' ? v.v : NaN) : v;

function eq(args: GoValue[]): GoValue | { error: string } {
  const a = args[0]!;
  if (args.length < 2) return { error: 'missing argument for comparison' };
  const ka = basicKind(a);
  for (const b of args.slice(1)) {
    const kb = basicKind(b);
    if (ka !== kb || ka === 'other') {
      if (ka === 'other' && kb === 'other') {
        const nilA =
          isInvalid(a) ||
          indirect(a).isNil ||
          (typeof a === 'object' &&
            (a.t === 'slice' ? a.items === null : a.t === 'map' ? a.entries === null : false));
        const nilB = isInvalid(b) || indirect(b).isNil;
        if (nilA && nilB) return true;
        if (!isInvalid(a) && !isInvalid(b)) return { error: 'incompatible types for comparison' };
        continue;
      }
      if (!isInvalid(a) && !isInvalid(b)) return { error: 'incompatible types for comparison' };
      continue;
    }
    if (basicValue(a) === basicValue(b)) return true;
  }
  return false;
}

function lt(args: GoValue[]): boolean | { error: string } {
  const [a, b] = args as [GoValue, GoValue];
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === 'other' || kb === 'other' || ka === 'bool' || kb === 'bool')
    return { error: 'invalid type for comparison' };
  if (ka !== kb) return { error: 'incompatible types for comparison' };
  return basicValue(a) < basicValue(b);
}

function lengthOf(v: GoValue): GoValue | { error: string } {
  const { v: d, isNil } = indirect(v);
  if (isInvalid(d)) return { error: 'len of untyped nil' };
  if (isNil) return { error: 'len of nil pointer' };
  if (typeof d === 'string') return byteLength(d);
  if (typeof d === 'object' && d.t === 'num') return byteLength(d.text);
  if (typeof d === 'object' && d.t === 'slice') return d.items?.length ?? 0;
  if (typeof d === 'object' && d.t === 'map') return d.entries?.size ?? 0;
  return { error: `len of type ${typeName(d)}` };
}

function indexArg(i: GoValue, len: number): number | { error: string } {
  if (isInvalid(i) || (typeof i === 'object' && i.t === 'nil'))
    return { error: 'cannot index slice/array with nil' };
  if (typeof i !== 'number') return { error: `cannot index slice/array with type ${typeName(i)}` };
  if (i < 0 || i >= len) return { error: `index out of range: ${i}` };
  return i;
}

function index(args: GoValue[]): GoValue | { error: string } {
  let item = indirect(args[0]!).v;
  if (isInvalid(item) || (typeof item === 'object' && item.t === 'nil'))
    return { error: 'index of untyped nil' };
  for (const idx of args.slice(1)) {
    const { v, isNil } = indirect(item);
    if (isNil) return { error: 'index of nil pointer' };
    if (typeof v === 'string' || (typeof v === 'object' && v.t === 'num')) {
      const bytes = new TextEncoder().encode(typeof v === 'string' ? v : v.text);
      const x = indexArg(idx, bytes.length);
      if (typeof x !== 'number') return x;
      item = bytes[x]!;
    } else if (typeof v === 'object' && v.t === 'slice') {
      const items = v.items ?? [];
      const x = indexArg(idx, items.length);
      if (typeof x !== 'number') return x;
      item = items[x]!;
    } else if (typeof v === 'object' && v.t === 'map') {
      if (typeof idx !== 'string') return { error: `value has type ${typeName(idx)}; should be string` };
      item = v.entries?.get(idx) ?? v.zero;
    } else return { error: `can't index item of type ${typeName(v)}` };
  }
  return item;
}

function sliceOf(args: GoValue[]): GoValue | { error: string } {
  const { v } = indirect(args[0]!);
  const idx = args.slice(1);
  if (idx.length > 3) return { error: `too many slice indexes: ${idx.length}` };
  const isStr = typeof v === 'string';
  if (!isStr && !(typeof v === 'object' && v.t === 'slice'))
    return { error: `can't slice item of type ${typeName(v)}` };
  const len = isStr ? v.length : (v.items ?? []).length;
  if (isStr && idx.length === 3) return { error: 'cannot 3-index slice a string' };
  const bounds: number[] = [0, len];
  for (let i = 0; i < Math.min(idx.length, 2); i++) {
    const x = idx[i]!;
    if (typeof x !== 'number') return { error: `cannot index slice/array with type ${typeName(x)}` };
    if (x < 0 || x > len) return { error: `index out of range: ${x}` };
    bounds[i] = x;
  }
  if (bounds[0]! > bounds[1]!) return { error: `invalid slice index: ${bounds[0]!} > ${bounds[1]!}` };
  if (isStr) return v.slice(bounds[0], bounds[1]);
  return slice((v.items ?? []).slice(bounds[0], bounds[1]), v.elem);
}

const isStringKind = (v: GoValue): boolean =>
  typeof v === 'string' || (typeof v === 'object' && v.t === 'num');

/** fmt.Sprint: a space between operands when neither is a string. */
function sprint(args: GoValue[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && !isStringKind(a) && !isStringKind(args[i - 1]!)) out += ' ';
    out += goSprint(a);
  });
  return out;
}

export const BUILTINS: Readonly<Record<string, Builtin>> = {
  json: {
    params: ['any'],
    fn: ([v]) => goJson(v!, { escapeHTML: false, shortBF: true }),
  },
  split: { params: ['string', 'string'], fn: ([s, sep]) => slice(goSplit(s as string, sep as string)) },
  join: {
    params: ['[]string', 'string'],
    fn: ([a, sep]) =>
      ((a as Extract<GoValue, { t: 'slice' }>).items ?? []).map((x) => goSprint(x)).join(sep as string),
  },
  title: {
    params: ['string'],
    fn: ([s]) =>
      (s as string).replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase()),
  },
  lower: { params: ['string'], fn: ([s]) => (s as string).toLowerCase() },
  upper: { params: ['string'], fn: ([s]) => (s as string).toUpperCase() },
  pad: {
    params: ['string', 'int', 'int'],
    fn: ([s, a, b]) =>
      ' '.repeat(Math.max(0, Math.min(a as number, 4096))) +
      (s as string) +
      ' '.repeat(Math.max(0, Math.min(b as number, 4096))),
  },
  truncate: {
    params: ['string', 'int'],
    fn: ([s, n]) =>
      (s as string).length < (n as number) ? (s as string) : (s as string).slice(0, Math.max(0, n as number)),
  },
  len: { params: ['value'], fn: ([v]) => lengthOf(v!) },
  index: { params: ['value'], variadic: 'value', fn: index },
  slice: { params: ['value'], variadic: 'value', fn: sliceOf },
  not: { params: ['value'], fn: ([v]) => !truth(v!) },
  eq: { params: ['value'], variadic: 'value', fn: eq },
  ne: {
    params: ['value', 'value'],
    fn: (a) => {
      const r = eq(a);
      return typeof r === 'boolean' ? !r : r;
    },
  },
  lt: { params: ['value', 'value'], fn: lt },
  le: {
    params: ['value', 'value'],
    fn: (a) => {
      const r = lt(a);
      if (typeof r !== 'boolean') return r;
      return r || (eq(a) as boolean);
    },
  },
  gt: {
    params: ['value', 'value'],
    fn: (a) => {
      const r = lt(a);
      if (typeof r !== 'boolean') return r;
      return !(r || (eq(a) as boolean));
    },
  },
  ge: {
    params: ['value', 'value'],
    fn: (a) => {
      const r = lt(a);
      return typeof r === 'boolean' ? !r : r;
    },
  },
  print: { params: [], variadic: 'any', fn: sprint },
  println: { params: [], variadic: 'any', fn: (a) => a.map((x) => goSprint(x)).join(' ') + '\n' },
  printf: { params: ['string'], variadic: 'any', fn: ([f, ...a]) => goSprintf(f as string, a) },
  html: {
    params: [],
    variadic: 'any',
    fn: (a) =>
      sprint(a).replace(
        /[<>&'"\0]/g,
        (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&#34;', '\0': '\uFFFD' })[c]!,
      ),
  },
  js: {
    params: [],
    variadic: 'any',
    fn: (a) =>
      [...sprint(a)]
        .map((c) => {
          if (c === '\\' || c === "'" || c === '"') return `\\${c}`;
          const code = c.charCodeAt(0);
          if (code < 0x20 || '<>&='.includes(c))
            return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
          return c;
        })
        .join(''),
  },
  urlquery: {
    params: [],
    variadic: 'any',
    fn: (a) =>
      encodeURIComponent(sprint(a))
        .replace(/%20/g, '+')
        .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  },
  call: {
    params: ['value'],
    variadic: 'value',
    fn: ([f]) => ({ error: `non-function ${goSprint(f!)} of type ${typeName(f!)}` }),
  },
};

/** strings.Split: "" splits into characters. */
function goSplit(s: string, sep: string): GoValue[] {
  if (sep === '') return [...s];
  return s.split(sep);
}
