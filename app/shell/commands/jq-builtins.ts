// jq's builtins: the primitives in TypeScript, the rest written in jq as jq 1.6's builtin.jq does.

import type { JqObject, JqValue } from './jq-json.ts';
import { compact, compare, dump, equal, isObject, kindOf, parseOne, truncated } from './jq-json.ts';
import type { Closure, Env, EvalCtx, Native, Path } from './jq-eval.ts';
import {
  delpaths,
  evaluate,
  fail,
  getpath,
  index,
  indices,
  JqError,
  run,
  runPaths,
  setpath,
  splitString,
} from './jq-eval.ts';
import type { Ast } from './jq-parse.ts';
import { parseJq } from './jq-parse.ts';

const first = (c: Closure, input: JqValue, ctx: EvalCtx): JqValue | undefined => {
  for (const v of run(c, input, ctx)) return v;
  return undefined;
};

/** Each value of each argument, the last argument varying fastest (jq's order for $params). */
function* cartesian(args: readonly Closure[], input: JqValue, ctx: EvalCtx): Generator<JqValue[]> {
  const rec = function* (i: number, acc: JqValue[]): Generator<JqValue[]> {
    if (i === args.length) {
      yield acc;
      return;
    }
    for (const v of run(args[i]!, input, ctx)) yield* rec(i + 1, [...acc, v]);
  };
  yield* rec(0, []);
}

/** A builtin of fixed-value arguments: fn(input, ...argValues) → one output. */
function simple(arity: number, fn: (input: JqValue, ...args: JqValue[]) => JqValue): Native {
  return {
    arity,
    *fn(input, args, ctx) {
      if (arity === 0) {
        yield fn(input);
        return;
      }
      for (const vals of cartesian(args, input, ctx)) yield fn(input, ...vals);
    },
  };
}

function length(v: JqValue): JqValue {
  if (v === null) return 0;
  if (typeof v === 'boolean') return fail(`boolean (${v}) has no length`);
  if (typeof v === 'number') return Math.abs(v);
  if (typeof v === 'string') return [...v].length;
  if (Array.isArray(v)) return v.length;
  return v.size;
}

function keys(v: JqValue, sorted: boolean): JqValue {
  if (isObject(v)) {
    const k = [...v.keys()];
    return sorted ? k.sort((a, b) => compare(a, b)) : k;
  }
  if (Array.isArray(v)) return v.map((_, i) => i);
  return fail(`${kindOf(v)} (${truncated(v)}) has no keys`);
}

function has(v: JqValue, k: JqValue): JqValue {
  if (isObject(v) && typeof k === 'string') return v.has(k);
  if (Array.isArray(v) && typeof k === 'number') return k >= 0 && k < v.length;
  return fail(`Cannot check whether ${kindOf(v)} has a ${kindOf(k)} key`);
}

function contains(a: JqValue, b: JqValue): boolean {
  if (isObject(a) && isObject(b)) return [...b].every(([k, v]) => a.has(k) && contains(a.get(k)!, v));
  if (Array.isArray(a) && Array.isArray(b)) return b.every((y) => a.some((x) => contains(x, y)));
  if (typeof a === 'string' && typeof b === 'string') return a.includes(b);
  if (kindOf(a) === kindOf(b)) return equal(a, b);
  return fail(
    `${kindOf(a)} (${truncated(a)}) and ${kindOf(b)} (${truncated(b)}) cannot have their containment checked`,
  );
}

const tostring = (v: JqValue): string => (typeof v === 'string' ? v : compact(v));

function sortByKeys(v: JqValue, keysOf: JqValue[]): [JqValue, JqValue][] {
  if (!Array.isArray(v)) return fail(`Cannot index ${kindOf(v)} with number`);
  return v.map((x, i): [JqValue, JqValue] => [keysOf[i]!, x]).sort((a, b) => compare(a[0], b[0]));
}

function byFilter(c: Closure, input: JqValue, ctx: EvalCtx): JqValue[] {
  if (!Array.isArray(input))
    return fail(
      `Cannot iterate over ${kindOf(input)}${input === null ? ' (null)' : ` (${truncated(input)})`}`,
    );
  return input.map((x) => [...run(c, x, ctx)]);
}

function explode(v: JqValue): number[] {
  if (typeof v !== 'string') return fail('explode input must be a string');
  return [...v].map((c) => c.codePointAt(0)!);
}

function implode(v: JqValue): string {
  if (!Array.isArray(v)) return fail('implode input must be an array');
  return v
    .map((c) => {
      if (typeof c !== 'number') return fail('Unicode codepoint must be numeric');
      return String.fromCodePoint(Math.min(Math.max(0, Math.trunc(c)), 0x10ffff));
    })
    .join('');
}

function toRegExp(re: JqValue, flags: JqValue, global = false): { rx: RegExp; global: boolean } {
  if (typeof re !== 'string')
    return fail(`${kindOf(re)} (${truncated(re)}) cannot be matched, as it is not a string`);
  let f = 'u';
  let g = global;
  if (flags !== null) {
    if (typeof flags !== 'string') return fail(`${kindOf(flags)} (${truncated(flags)}) is not a string`);
    for (const c of flags) {
      if (c === 'g') g = true;
      else if (c === 'i') f += 'i';
      else if (c === 'x' || c === 'n' || c === 'p' || c === 's' || c === 'l') {
        if (c === 's') f += 's';
      } else return fail(`${flags} is not a valid modifier string`);
    }
  }
  try {
    return { rx: new RegExp(re, f + 'g'), global: g };
  } catch {
    return fail(`${re} (at offset 0) is not a valid regex`);
  }
}

function matches(input: JqValue, re: JqValue, flags: JqValue, global = false): JqValue[] {
  if (typeof input !== 'string')
    return fail(`${kindOf(input)} (${truncated(input)}) cannot be matched, as it is not a string`);
  const { rx, global: g } = toRegExp(re, flags, global);
  const out: JqValue[] = [];
  const cpOffset = (i: number): number => [...input.slice(0, i)].length;
  for (const m of input.matchAll(rx)) {
    const captures: JqValue[] = [];
    const names = Object.entries(m.groups ?? {});
    for (let i = 1; i < m.length; i++) {
      const s = m[i];
      const name = names.find(([, v]) => v === s)?.[0] ?? null;
      captures.push(
        new Map<string, JqValue>([
          ['offset', s === undefined ? -1 : cpOffset(m.index + m[0].indexOf(s))],
          ['length', s === undefined ? 0 : [...s].length],
          ['string', s ?? null],
          ['name', name],
        ]),
      );
    }
    out.push(
      new Map<string, JqValue>([
        ['offset', cpOffset(m.index)],
        ['length', [...m[0]].length],
        ['string', m[0]],
        ['captures', captures],
      ]),
    );
    if (!g) break;
    if (out.length > 100000) break;
  }
  return out;
}

const base64 = (s: string): string => {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
};

function csvOrTsv(v: JqValue, kind: 'csv' | 'tsv'): string {
  if (!Array.isArray(v))
    return fail(`${kindOf(v)} (${truncated(v)}) cannot be ${kind}-formatted, only an array can be`);
  return v
    .map((x) => {
      if (typeof x === 'number') return compact(x);
      if (typeof x === 'boolean') return String(x);
      if (x === null) return '';
      if (typeof x === 'string')
        return kind === 'csv'
          ? `"${x.replace(/"/g, '""')}"`
          : x.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
      return fail(`${kindOf(x)} (${truncated(x)}) is not valid in a csv row`);
    })
    .join(kind === 'csv' ? ',' : '\t');
}

function shQuote(v: JqValue): string {
  const one = (x: JqValue): string => {
    if (typeof x === 'string') return `'${x.replace(/'/g, "'\\''")}'`;
    if (Array.isArray(x) || isObject(x))
      return fail(`${kindOf(x)} (${truncated(x)}) can not be escaped for shell`);
    return compact(x);
  };
  return Array.isArray(v) ? v.map(one).join(' ') : one(v);
}

function formats(): [string, Native][] {
  const f = (name: string, fn: (v: JqValue) => string): [string, Native] => [
    `@${name}`,
    simple(0, (v) => fn(v)),
  ];
  const text = (v: JqValue): string => tostring(v);
  return [
    f('text', text),
    f('json', (v) => compact(v)),
    f('html', (v) =>
      text(v).replace(
        /[<>&'"]/g,
        (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c]!,
      ),
    ),
    f('uri', (v) =>
      [...new TextEncoder().encode(text(v))]
        .map((b) =>
          /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
            ? String.fromCharCode(b)
            : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
        )
        .join(''),
    ),
    f('csv', (v) => csvOrTsv(v, 'csv')),
    f('tsv', (v) => csvOrTsv(v, 'tsv')),
    f('sh', shQuote),
    f('base64', (v) => base64(text(v))),
    f('base64d', (v) => {
      try {
        const bin = atob(text(v).replace(/=+$/, ''));
        return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
      } catch {
        return fail(`${kindOf(v)} (${truncated(v)}) is not valid base64 data`);
      }
    }),
  ];
}

const math1 = (name: string, fn: (x: number) => number): [string, Native] => [
  `${name}/0`,
  simple(0, (v) => (typeof v === 'number' ? fn(v) : fail(`${kindOf(v)} (${truncated(v)}) number required`))),
];

function natives(): Map<string, Native> {
  const m = new Map<string, Native>();
  const add = (key: string, n: Native): void => void m.set(key, n);
  add('empty/0', {
    arity: 0,
    *fn() {},
    *paths() {},
  });
  add(
    'true/0',
    simple(0, () => true),
  );
  add(
    'false/0',
    simple(0, () => false),
  );
  add(
    'null/0',
    simple(0, () => null),
  );
  add(
    'not/0',
    simple(0, (v) => v === null || v === false),
  );
  add('error/0', {
    arity: 0,
    fn: (v) => {
      throw new JqError(v);
    },
    paths: (v) => {
      throw new JqError(v);
    },
  });
  add('error/1', {
    arity: 1,
    fn(input, [c], ctx) {
      for (const v of run(c!, input, ctx)) throw new JqError(v);
      return [];
    },
  });
  add('length/0', simple(0, length));
  add(
    'utf8bytelength/0',
    simple(0, (v) =>
      typeof v === 'string'
        ? new TextEncoder().encode(v).length
        : fail(`${kindOf(v)} (${truncated(v)}) only strings have UTF-8 byte length`),
    ),
  );
  add(
    'keys/0',
    simple(0, (v) => keys(v, true)),
  );
  add(
    'keys_unsorted/0',
    simple(0, (v) => keys(v, false)),
  );
  add('has/1', simple(1, has));
  add('contains/1', simple(1, contains));
  add('type/0', simple(0, kindOf));
  add('tostring/0', simple(0, tostring));
  add('tojson/0', simple(0, compact));
  add(
    'fromjson/0',
    simple(0, (v) => {
      if (typeof v !== 'string') return fail(`${kindOf(v)} (${truncated(v)}) cannot be parsed as JSON`);
      const r = parseOne(v);
      return r.ok ? r.value : fail(r.error);
    }),
  );
  add(
    'tonumber/0',
    simple(0, (v) => {
      if (typeof v === 'number') return v;
      if (typeof v !== 'string') return fail(`${kindOf(v)} (${truncated(v)}) cannot be parsed as a number`);
      const r = parseOne(v);
      if (!r.ok) return fail(r.error);
      return typeof r.value === 'number'
        ? r.value
        : fail(`${kindOf(v)} (${truncated(v)}) cannot be parsed as a number`);
    }),
  );
  add(
    'ascii_downcase/0',
    simple(0, (v) => implode(explode(v).map((c) => (c >= 65 && c <= 90 ? c + 32 : c)))),
  );
  add(
    'ascii_upcase/0',
    simple(0, (v) => implode(explode(v).map((c) => (c >= 97 && c <= 122 ? c - 32 : c)))),
  );
  add('explode/0', simple(0, explode));
  add('implode/0', simple(0, implode));
  add(
    'ltrimstr/1',
    simple(1, (v, p) =>
      typeof v === 'string' && typeof p === 'string' && v.startsWith(p) ? v.slice(p.length) : v,
    ),
  );
  add(
    'rtrimstr/1',
    simple(1, (v, p) =>
      typeof v === 'string' && typeof p === 'string' && v.endsWith(p) && p !== ''
        ? v.slice(0, v.length - p.length)
        : v,
    ),
  );
  add(
    'startswith/1',
    simple(1, (v, p) =>
      typeof v === 'string' && typeof p === 'string'
        ? v.startsWith(p)
        : fail('startswith() requires string inputs'),
    ),
  );
  add(
    'endswith/1',
    simple(1, (v, p) =>
      typeof v === 'string' && typeof p === 'string'
        ? v.endsWith(p)
        : fail('endswith() requires string inputs'),
    ),
  );
  add(
    'split/1',
    simple(1, (v, sep) =>
      typeof v === 'string' && typeof sep === 'string'
        ? splitString(v, sep)
        : fail('split input and separator must be strings'),
    ),
  );
  add(
    'split/2',
    simple(2, (v, re, flags) => {
      if (typeof v !== 'string')
        return fail(`${kindOf(v)} (${truncated(v)}) cannot be matched, as it is not a string`);
      const out: JqValue[] = [];
      let prev = 0;
      for (const mm of matches(v, re, flags, true) as JqObject[]) {
        const off = mm.get('offset') as number;
        const cps = [...v];
        out.push(cps.slice(prev, off).join(''));
        prev = off + (mm.get('length') as number);
      }
      out.push([...v].slice(prev).join(''));
      return out;
    }),
  );
  add(
    'test/1',
    simple(1, (v, re) => matches(v, re, null).length > 0),
  );
  add(
    'test/2',
    simple(2, (v, re, fl) => matches(v, re, fl).length > 0),
  );
  add('match/1', {
    arity: 1,
    *fn(input, args, ctx) {
      for (const [re] of cartesian(args, input, ctx)) yield* matches(input, re!, null);
    },
  });
  add('match/2', {
    arity: 2,
    *fn(input, args, ctx) {
      for (const [re, fl] of cartesian(args, input, ctx)) yield* matches(input, re!, fl!);
    },
  });
  add(
    'sort/0',
    simple(0, (v) =>
      Array.isArray(v)
        ? [...v].sort(compare)
        : fail(`${kindOf(v)} (${truncated(v)}) cannot be sorted, as it is not an array`),
    ),
  );
  add('_sort_by/1', {
    arity: 1,
    *fn(input, [c], ctx) {
      yield sortByKeys(input, byFilter(c!, input, ctx)).map(([, x]) => x);
    },
  });
  add('_group_by/1', {
    arity: 1,
    *fn(input, [c], ctx) {
      const sorted = sortByKeys(input, byFilter(c!, input, ctx));
      const groups: JqValue[][] = [];
      let prev: JqValue | undefined;
      for (const [k, x] of sorted) {
        if (prev !== undefined && equal(prev, k)) groups[groups.length - 1]!.push(x);
        else groups.push([x]);
        prev = k;
      }
      yield groups;
    },
  });
  add('_unique_by/1', {
    arity: 1,
    *fn(input, [c], ctx) {
      const sorted = sortByKeys(input, byFilter(c!, input, ctx));
      const out: JqValue[] = [];
      let prev: JqValue | undefined;
      for (const [k, x] of sorted) {
        if (prev === undefined || !equal(prev, k)) out.push(x);
        prev = k;
      }
      yield out;
    },
  });
  add('_min_by/1', {
    arity: 1,
    *fn(input, [c], ctx) {
      const sorted = sortByKeys(input, byFilter(c!, input, ctx));
      yield sorted.length === 0 ? null : sorted[0]![1];
    },
  });
  add('_max_by/1', {
    arity: 1,
    *fn(input, [c], ctx) {
      const sorted = sortByKeys(input, byFilter(c!, input, ctx));
      // The last of equal maxima, as jq's stable sort leaves it.
      yield sorted.length === 0 ? null : sorted[sorted.length - 1]![1];
    },
  });
  add('range/2', {
    arity: 2,
    *fn(input, args, ctx) {
      for (const [from, upto] of cartesian(args, input, ctx)) {
        if (typeof from !== 'number' || typeof upto !== 'number') fail('Range bounds must be numeric');
        for (let i = from as number; i < (upto as number); i++) {
          ctx.budget.tick();
          yield i;
        }
      }
    },
  });
  add('range/3', {
    arity: 3,
    *fn(input, args, ctx) {
      for (const [from, upto, by] of cartesian(args, input, ctx)) {
        if (typeof from !== 'number' || typeof upto !== 'number' || typeof by !== 'number')
          fail('Range bounds must be numeric');
        const f = from as number;
        const u = upto as number;
        const b = by as number;
        for (let i = f; b > 0 ? i < u : b < 0 ? i > u : f < u; i += b) {
          ctx.budget.tick();
          yield i;
        }
      }
    },
  });
  add('path/1', {
    arity: 1,
    *fn(input, [c], ctx) {
      for (const [p] of runPaths(c!, input, [], ctx)) yield [...p];
    },
  });
  add('getpath/1', {
    arity: 1,
    *fn(input, args, ctx) {
      for (const [p] of cartesian(args, input, ctx)) {
        if (!Array.isArray(p)) fail('Path must be specified as an array');
        yield getpath(input, p as JqValue[]);
      }
    },
    *paths(input, path, args, ctx) {
      for (const [p] of cartesian(args, input, ctx)) {
        if (!Array.isArray(p)) fail('Path must be specified as an array');
        yield [[...path, ...(p as Path)], getpath(input, p as JqValue[])];
      }
    },
  });
  add(
    'setpath/2',
    simple(2, (v, p, x) =>
      Array.isArray(p) ? setpath(v, p, x) : fail('Path must be specified as an array'),
    ),
  );
  add(
    'delpaths/1',
    simple(1, (v, ps) => (Array.isArray(ps) ? delpaths(v, ps) : fail('Paths must be specified as an array'))),
  );
  add(
    '_indices/1',
    simple(1, (v, i) => {
      if (v === null) return null;
      if (typeof v === 'string' && typeof i === 'string') {
        if (i === '') return null;
        const out: number[] = [];
        const bytes = new TextEncoder().encode(v);
        const sub = new TextEncoder().encode(i);
        for (let k = 0; k + sub.length <= bytes.length; k++)
          if (sub.every((b, j) => bytes[k + j] === b)) out.push(k);
        return out;
      }
      if (Array.isArray(v)) return indices(v, Array.isArray(i) ? i : [i]);
      return index(v, i);
    }),
  );
  add('tostream/0', {
    arity: 0,
    *fn(input) {
      const rec = function* (v: JqValue, p: JqValue[]): Generator<JqValue> {
        const entries: [JqValue, JqValue][] = Array.isArray(v)
          ? v.map((x, i) => [i, x])
          : isObject(v)
            ? [...v]
            : [];
        if ((!Array.isArray(v) && !isObject(v)) || entries.length === 0) {
          yield [p, v];
        } else {
          for (const [k, x] of entries) yield* rec(x, [...p, k]);
          yield [[...p, entries[entries.length - 1]![0]]];
        }
      };
      yield* rec(input, []);
    },
  });
  add('input/0', {
    arity: 0,
    *fn(_input, _args, ctx) {
      const v = ctx.nextInput();
      if (v === undefined) fail('No more inputs');
      yield v as JqValue;
    },
  });
  add('debug/0', {
    arity: 0,
    *fn(input, _args, ctx) {
      ctx.stderr(`["DEBUG:",${compact(input)}]\n`);
      yield input;
    },
  });
  add('stderr/0', {
    arity: 0,
    *fn(input, _args, ctx) {
      ctx.stderr(compact(input));
      yield input;
    },
  });
  add('env/0', {
    arity: 0,
    *fn(_input, _args, ctx) {
      yield ctx.env;
    },
  });
  add('builtins/0', {
    arity: 0,
    *fn() {
      yield [...natives().keys()].filter((k) => !k.startsWith('_') && !k.startsWith('@'));
    },
  });
  add(
    'input_filename/0',
    simple(0, () => null),
  );
  add(
    'infinite/0',
    simple(0, () => Infinity),
  );
  add(
    'nan/0',
    simple(0, () => NaN),
  );
  add(
    'isinfinite/0',
    simple(0, (v) =>
      typeof v === 'number' ? !Number.isFinite(v) && !Number.isNaN(v) : fail('number required'),
    ),
  );
  add(
    'isnan/0',
    simple(0, (v) => (typeof v === 'number' ? Number.isNaN(v) : fail('number required'))),
  );
  add(
    'isnormal/0',
    simple(0, (v) => (typeof v === 'number' ? Number.isFinite(v) && v !== 0 : fail('number required'))),
  );
  add(
    'pow/2',
    simple(2, (_v, a, b) =>
      typeof a === 'number' && typeof b === 'number' ? a ** b : fail('pow requires numbers'),
    ),
  );
  add('log/0', math1('log', Math.log)[1]);
  for (const [n, fn] of [
    ['floor', Math.floor],
    ['ceil', Math.ceil],
    ['round', Math.round],
    ['sqrt', Math.sqrt],
    ['fabs', Math.abs],
    ['exp', Math.exp],
    ['exp10', (x: number) => 10 ** x],
    ['log10', Math.log10],
    ['log2', Math.log2],
    ['trunc', Math.trunc],
  ] as const)
    m.set(...math1(n, fn));
  add(
    'min/0',
    simple(0, (v) =>
      Array.isArray(v)
        ? v.length === 0
          ? null
          : [...v].sort(compare)[0]!
        : fail(`Cannot index ${kindOf(v)} with number`),
    ),
  );
  add(
    'max/0',
    simple(0, (v) =>
      Array.isArray(v)
        ? v.length === 0
          ? null
          : [...v].sort(compare)[v.length - 1]!
        : fail(`Cannot index ${kindOf(v)} with number`),
    ),
  );
  add('splits/1', {
    arity: 1,
    *fn(input, args, ctx) {
      for (const [re] of cartesian(args, input, ctx)) {
        const parts = m.get('split/2')!.fn(
          input,
          [
            { ast: { k: 'literal', value: re! }, env: null },
            { ast: { k: 'literal', value: null }, env: null },
          ],
          ctx,
        );
        for (const p of parts) if (Array.isArray(p)) yield* p;
      }
    },
  });
  add(
    'ascii/0',
    simple(0, (v) => (typeof v === 'number' ? String.fromCharCode(v) : fail('ascii requires a number'))),
  );
  add('tojson/0', simple(0, compact));
  add('halt/0', {
    arity: 0,
    fn() {
      throw new JqHalt(0, null);
    },
  });
  add('halt_error/0', {
    arity: 0,
    fn(input) {
      throw new JqHalt(5, input);
    },
  });
  add('halt_error/1', {
    arity: 1,
    fn(input, args, ctx) {
      for (const [code] of cartesian(args, input, ctx))
        throw new JqHalt(typeof code === 'number' ? code : 5, input);
      return [];
    },
  });
  for (const [k, n] of formats()) m.set(k, n);
  return m;
}

/** halt / halt_error: stop the whole program. */
export class JqHalt {
  constructor(
    readonly code: number,
    readonly value: JqValue,
  ) {}
}

/** The builtins written in jq (jq 1.6's builtin.jq, for what this simulator supports). */
const JQ_DEFS = `
def select(f): if f then . else empty end;
def recurse(f): def r: ., (f | r); r;
def recurse(f; cond): def r: ., (f | select(cond) | r); r;
def recurse: recurse(.[]?);
def recurse_down: recurse;
def map(f): [.[] | f];
def map_values(f): .[] |= f;
def values: select(. != null);
def nulls: select(. == null);
def booleans: select(type == "boolean");
def numbers: select(type == "number");
def strings: select(type == "string");
def arrays: select(type == "array");
def objects: select(type == "object");
def iterables: select(type|. == "array" or . == "object");
def scalars: select(type|. != "array" and . != "object");
def add: reduce .[] as $x (null; . + $x);
def any: reduce .[] as $x (false; . or $x);
def all: reduce .[] as $x (true; . and $x);
def any(f): reduce (.[] | f) as $x (false; . or $x);
def all(f): reduce (.[] | f) as $x (true; . and $x);
def any(g; cond): isempty(first(g | cond | select(.))) | not;
def all(g; cond): isempty(first(g | cond | select(. | not)));
def range($x): range(0; $x);
def to_entries: [keys_unsorted[] as $k | {key: $k, value: .[$k]}];
def from_entries: map({(.key // .k // .name // .Name // .K // .Key | if type == "string" then . else tojson end): (if has("value") then .value else .v end)}) | add + {} // {};
def with_entries(f): to_entries | map(f) | from_entries;
def first: .[0];
def last: .[-1];
def first(f): label $out | (f | ., break $out);
def last(f): reduce f as $x (null; $x);
def nth($n): .[$n];
def nth($n; f): if $n < 0 then error("Out of bounds negative array index") else last(limit($n + 1; f)) end;
def limit($n; f): if $n > 0 then label $out | foreach f as $item (0; . + 1; $item, if . >= $n then break $out else empty end) elif $n == 0 then empty else f end;
def isempty(g): first((g | false), true);
def in(xs): . as $x | xs | has($x);
def inside(xs): . as $x | xs | contains($x);
def repeat(f): def _repeat: f | (., _repeat); _repeat;
def while(cond; update): def _while: if cond then ., (update | _while) else empty end; _while;
def until(cond; update): def _until: if cond then . else (update | _until) end; _until;
def paths: path(..) | select(length > 0);
def paths(node_filter): . as $dot | paths | select(. as $p | $dot | getpath($p) | node_filter);
def leaf_paths: paths(scalars);
def del(f): delpaths([path(f)]);
def to_array: if type == "array" then . else [.] end;
def join($x): reduce .[] as $i (null; (if . == null then "" else . + $x end) + ($i | if . == null then "" elif type == "string" then . else tojson end)) // "";
def _flatten($x): reduce .[] as $i ([]; if $i | type == "array" and $x != 0 then . + ($i | _flatten($x - 1)) else . + [$i] end);
def flatten($x): if $x < 0 then error("flatten depth must not be negative") else _flatten($x) end;
def flatten: _flatten(-1);
def sort_by(f): _sort_by(f);
def group_by(f): _group_by(f);
def unique_by(f): _unique_by(f);
def unique: _unique_by(.);
def min_by(f): _min_by(f);
def max_by(f): _max_by(f);
def reverse: if type == "string" then explode | reverse | implode else [.[length - 1 - range(0; length)]] end;
def indices($i): _indices($i);
def index($i): indices($i) | .[0];
def rindex($i): indices($i) | .[-1:][0];
def walk(f): . as $in | if type == "object" then reduce keys[] as $key ({}; . + {($key): ($in[$key] | walk(f))}) | f elif type == "array" then map(walk(f)) | f else f end;
def capture(re): capture(re; null);
def capture(re; mods): match(re; mods) | reduce (.captures | .[] | select(.name != null) | {key: .name, value: .string}) as $pair ({}; . + {($pair.key): $pair.value});
def scan(re): scan(re; null);
def scan(re; $flags): match(re; "g" + ($flags // "")) | if (.captures | length > 0) then [.captures | .[] | .string] else .string end;
def sub(re; str): sub(re; str; "");
def sub(re; str; $flags): . as $in | [match(re; $flags)] | if length == 0 then $in else .[0] as $edit | ($edit | reduce (.captures | .[] | select(.name != null) | {key: .name, value: .string}) as $pair ({}; . + {($pair.key): $pair.value})) as $c | $in[0:$edit.offset] + ($c | str) + $in[$edit.offset + $edit.length:] end;
def gsub(re; str): gsub(re; str; "");
def gsub(re; str; $flags): . as $in | [match(re; "g" + $flags)] | if length == 0 then $in else reduce (reverse | .[]) as $edit ($in; ($edit | reduce (.captures | .[] | select(.name != null) | {key: .name, value: .string}) as $pair ({}; . + {($pair.key): $pair.value})) as $c | .[0:$edit.offset] + ($c | str) + .[$edit.offset + $edit.length:]) end;
def inputs: def r: (input, r); try r catch (if . == "No more inputs" then empty else error end);
def todate: error("todate is not supported in this simulator");
def now: error("now is not supported in this simulator");
def combinations: if length == 0 then [] else .[0][] as $x | (.[1:] | combinations) as $w | [$x] + $w end;
def combinations(n): . as $dot | [range(n)] | map($dot) | combinations;
def ascii_only: .;
def tojson_lines: .;
.
`;

export interface Builtins {
  readonly natives: ReadonlyMap<string, Native>;
  /** The scope holding the jq-defined builtins. */
  readonly env: Env;
  /** Every builtin name/arity, for the compile-time check. */
  readonly names: ReadonlySet<string>;
}

let cached: Builtins | null = null;

/** Built once: the natives and the jq-defined functions in one scope. */
export function builtins(): Builtins {
  if (cached) return cached;
  const n = natives();
  const parsed = parseJq(JQ_DEFS);
  if (!parsed.ok) throw new Error(`jq builtins do not parse: ${parsed.errors[0]?.message ?? ''}`);
  let env: Env = null;
  const names = new Set<string>([...n.keys()].filter((k) => !k.startsWith('@')));
  let ast: Ast = parsed.ast;
  const defs: { env: Env }[] = [];
  while (ast.k === 'def') {
    const def: { params: readonly string[]; body: Ast; env: Env } = {
      params: ast.params,
      body: ast.body,
      env,
    };
    defs.push(def);
    env = { parent: env, kind: 'func', key: `${ast.name}/${ast.params.length}`, def };
    names.add(`${ast.name}/${ast.params.length}`);
    ast = ast.rest;
  }
  // Every builtin sees all the others (jq's builtin.jq is one scope for the user's program).
  for (const d of defs) d.env = env;
  cached = { natives: n, env, names };
  return cached;
}

// Re-exported for jq.ts's printing of error values.
export { dump, evaluate, first };
