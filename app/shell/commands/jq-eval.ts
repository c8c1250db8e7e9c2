// Evaluating a jq program: every filter is a generator of outputs, as in jq itself. Path mode
// (path(f), assignments, del) follows the same nodes and yields [path, value] pairs.

import type { JqObject, JqValue } from './jq-json.ts';
import { compact, compare, equal, isObject, kindOf, truncated } from './jq-json.ts';
import type { Ast, Pattern } from './jq-parse.ts';

/** A runtime error: `value` is what error/1 raised (a message string for jq's own errors). */
export class JqError {
  constructor(readonly value: JqValue) {}
}
export const fail = (msg: string): never => {
  throw new JqError(msg);
};

/** A break out of `label $name`. */
class BreakSignal {
  constructor(readonly label: symbol) {}
}

/** Limits that keep a typed program from hanging the page. */
export const LIMITS = { steps: 2_000_000, depth: 1500 };

export class Budget {
  steps = 0;
  depth = 0;
  tick(): void {
    if (++this.steps > LIMITS.steps) throw new JqError('jq: program is too long-running for this terminal');
  }
}

export type Path = readonly (string | number | JqObject)[];

/** A native builtin: its arguments are closures (filters), evaluated as the builtin needs. */
export interface Native {
  readonly arity: number;
  /** Value mode. */
  fn(input: JqValue, args: readonly Closure[], ctx: EvalCtx): Iterable<JqValue>;
  /** Path mode, for the builtins that can appear in a path expression (getpath, empty, error …). */
  paths?(input: JqValue, path: Path, args: readonly Closure[], ctx: EvalCtx): Iterable<[Path, JqValue]>;
}

export interface Closure {
  readonly ast: Ast;
  readonly env: Env;
}

type FuncDef = { readonly params: readonly string[]; readonly body: Ast; env: Env };

/** Lexical scope: variables, functions (by name/arity) and labels, innermost first. */
export type Env =
  | null
  | { readonly parent: Env; readonly kind: 'var'; readonly name: string; readonly value: JqValue }
  | { readonly parent: Env; readonly kind: 'func'; readonly key: string; readonly def: FuncDef }
  | { readonly parent: Env; readonly kind: 'closure'; readonly key: string; readonly closure: Closure }
  | { readonly parent: Env; readonly kind: 'label'; readonly name: string; readonly id: symbol };

export interface EvalCtx {
  readonly natives: ReadonlyMap<string, Native>;
  readonly budget: Budget;
  /** The next input for `input`/`inputs`, or undefined at the end. */
  readonly nextInput: () => JqValue | undefined;
  readonly env: JqObject;
  readonly stderr: (text: string) => void;
}

export function lookupVar(env: Env, name: string): JqValue | undefined {
  for (let e = env; e; e = e.parent) if (e.kind === 'var' && e.name === name) return e.value;
  return undefined;
}

// ---- indexing

function typeErr(v: JqValue): string {
  return kindOf(v);
}

export function index(v: JqValue, k: JqValue): JqValue {
  if (typeof k === 'string') {
    if (v === null) return null;
    if (isObject(v)) return v.get(k) ?? null;
    return fail(`Cannot index ${typeErr(v)} with string ${JSON.stringify(k)}`);
  }
  if (typeof k === 'number') {
    if (v === null) return null;
    if (Array.isArray(v)) {
      if (!Number.isInteger(k)) return null;
      const i = k < 0 ? v.length + k : k;
      return i >= 0 && i < v.length ? v[i]! : null;
    }
    return fail(`Cannot index ${typeErr(v)} with number`);
  }
  if (
    isObject(k) &&
    (v === null || Array.isArray(v) || typeof v === 'string') &&
    k.has('start') &&
    k.has('end')
  )
    return slice(v, k.get('start')!, k.get('end')!);
  if (Array.isArray(k) && Array.isArray(v)) return indices(v, k);
  if (v === null && isObject(k)) return null;
  return fail(`Cannot index ${typeErr(v)} with ${kindOf(k)}`);
}

export function indices(v: JqValue[], sub: JqValue[]): JqValue {
  const out: number[] = [];
  if (sub.length === 0) return null;
  for (let i = 0; i + sub.length <= v.length; i++) if (sub.every((x, j) => equal(x, v[i + j]!))) out.push(i);
  return out;
}

function sliceBounds(len: number, from: JqValue, to: JqValue): [number, number] {
  if ((from !== null && typeof from !== 'number') || (to !== null && typeof to !== 'number'))
    fail('Start and end indices of an array slice must be numbers');
  let s = from === null ? 0 : (from as number);
  let e = to === null ? len : (to as number);
  if (s < 0) s += len;
  if (e < 0) e += len;
  s = Math.min(Math.max(s, 0), len);
  e = Math.min(e, len);
  if (e < s) e = s;
  return [Math.floor(s), e > Math.floor(e) ? Math.floor(e) + 1 : e];
}

export function slice(v: JqValue, from: JqValue, to: JqValue): JqValue {
  if (v === null) return null;
  if (Array.isArray(v)) {
    const [s, e] = sliceBounds(v.length, from, to);
    return v.slice(s, e);
  }
  if (typeof v === 'string') {
    const cps = [...v];
    const [s, e] = sliceBounds(cps.length, from, to);
    return cps.slice(s, e).join('');
  }
  return fail(`Cannot index ${typeErr(v)} with object`);
}

function* iterate(v: JqValue): Generator<[JqValue, JqValue]> {
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield [i, v[i]!];
  else if (isObject(v)) for (const [k, x] of v) yield [k, x];
  else fail(`Cannot iterate over ${typeErr(v)}${v === null ? ' (null)' : ` (${truncated(v)})`}`);
}

// ---- paths

export function getpath(v: JqValue, path: readonly JqValue[]): JqValue {
  let cur = v;
  for (const k of path) {
    if (cur === null) return null;
    cur = index(cur, k);
  }
  return cur;
}

export function setpath(v: JqValue, path: readonly JqValue[], value: JqValue, at = 0): JqValue {
  if (at === path.length) return value;
  const k = path[at]!;
  if (typeof k === 'string') {
    if (v !== null && !isObject(v)) return fail(`Cannot index ${typeErr(v)} with ${JSON.stringify(k)}`);
    const obj = new Map(v ?? []);
    obj.set(k, setpath(obj.get(k) ?? null, path, value, at + 1));
    return obj;
  }
  if (typeof k === 'number') {
    if (v !== null && !Array.isArray(v)) return fail(`Cannot index ${typeErr(v)} with number`);
    const arr = [...(v ?? [])];
    let i = Math.trunc(k);
    if (i < 0) {
      i += arr.length;
      if (i < 0) return fail('Out of bounds negative array index');
    }
    if (i > 1 << 24) return fail('Array index too large');
    while (arr.length < i) arr.push(null);
    arr[i] = setpath(arr[i] ?? null, path, value, at + 1);
    return arr;
  }
  if (isObject(k)) {
    if (v !== null && !Array.isArray(v)) return fail(`Cannot update field at object index of ${typeErr(v)}`);
    const arr = v ?? [];
    const [s, e] = sliceBounds(arr.length, k.get('start') ?? null, k.get('end') ?? null);
    const repl = setpath(arr.slice(s, e), path, value, at + 1);
    if (!Array.isArray(repl)) return fail('A slice of an array can only be assigned another array');
    return [...arr.slice(0, s), ...repl, ...arr.slice(e)];
  }
  return fail(`Invalid path component`);
}

export function delpaths(v: JqValue, paths: JqValue[]): JqValue {
  const sorted = [...paths].sort((a, b) => compare(b, a));
  let out = v;
  for (const p of sorted) {
    if (!Array.isArray(p)) return fail('Path must be specified as an array');
    out = delpath(out, p);
  }
  return out;
}

function delpath(v: JqValue, path: readonly JqValue[]): JqValue {
  if (path.length === 0) return null;
  if (v === null) return null;
  const [k, ...rest] = path as [JqValue, ...JqValue[]];
  if (rest.length > 0) {
    const child = index(v, k);
    if (child === null) return v;
    return setpath(v, [k], delpath(child, rest));
  }
  if (typeof k === 'string') {
    if (!isObject(v)) return fail(`Cannot delete field at object index of ${typeErr(v)}`);
    const obj = new Map(v);
    obj.delete(k);
    return obj;
  }
  if (typeof k === 'number') {
    if (!Array.isArray(v)) return fail(`Cannot delete field at index of ${typeErr(v)}`);
    const i = k < 0 ? v.length + k : Math.trunc(k);
    if (i < 0 || i >= v.length) return v;
    return [...v.slice(0, i), ...v.slice(i + 1)];
  }
  if (isObject(k) && Array.isArray(v)) {
    const [s, e] = sliceBounds(v.length, k.get('start') ?? null, k.get('end') ?? null);
    return [...v.slice(0, s), ...v.slice(e)];
  }
  return fail(`Invalid path component`);
}

// ---- arithmetic

const both = (a: JqValue, b: JqValue): string =>
  `${kindOf(a)} (${truncated(a)}) and ${kindOf(b)} (${truncated(b)})`;

function deepMerge(a: JqObject, b: JqObject): JqObject {
  const out = new Map(a);
  for (const [k, v] of b) {
    const old = out.get(k);
    out.set(k, old !== undefined && isObject(old) && isObject(v) ? deepMerge(old, v) : v);
  }
  return out;
}

export function binop(op: string, a: JqValue, b: JqValue): JqValue {
  switch (op) {
    case '+':
      if (a === null) return b;
      if (b === null) return a;
      if (typeof a === 'number' && typeof b === 'number') return a + b;
      if (typeof a === 'string' && typeof b === 'string') return a + b;
      if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
      if (isObject(a) && isObject(b)) {
        const out = new Map(a);
        for (const [k, v] of b) out.set(k, v);
        return out;
      }
      return fail(`${both(a, b)} cannot be added`);
    case '-':
      if (typeof a === 'number' && typeof b === 'number') return a - b;
      if (Array.isArray(a) && Array.isArray(b)) return a.filter((x) => !b.some((y) => equal(x, y)));
      return fail(`${both(a, b)} cannot be subtracted`);
    case '*':
      if (typeof a === 'number' && typeof b === 'number') return a * b;
      if (
        (typeof a === 'string' && typeof b === 'number') ||
        (typeof a === 'number' && typeof b === 'string')
      ) {
        const s = typeof a === 'string' ? a : (b as string);
        const n = Math.trunc(typeof a === 'number' ? a : (b as number));
        if (n <= 0) return null;
        if (s.length * n > 64 << 20) return fail('Repeat string result too long');
        return s.repeat(n);
      }
      if (isObject(a) && isObject(b)) return deepMerge(a, b);
      return fail(`${both(a, b)} cannot be multiplied`);
    case '/':
      if (typeof a === 'number' && typeof b === 'number') {
        if (b === 0) return fail(`${both(a, b)} cannot be divided because the divisor is zero`);
        return a / b;
      }
      if (typeof a === 'string' && typeof b === 'string') return splitString(a, b);
      return fail(`${both(a, b)} cannot be divided`);
    case '%':
      if (typeof a === 'number' && typeof b === 'number') {
        const x = Math.trunc(a);
        const y = Math.trunc(b);
        if (y === 0) return fail(`${both(a, b)} cannot be divided (remainder) because the divisor is zero`);
        const r = x % y;
        return Object.is(r, -0) ? 0 : r;
      }
      return fail(`${both(a, b)} cannot be divided (remainder)`);
    case '==':
      return equal(a, b);
    case '!=':
      return !equal(a, b);
    case '<':
      return compare(a, b) < 0;
    case '<=':
      return compare(a, b) <= 0;
    case '>':
      return compare(a, b) > 0;
    case '>=':
      return compare(a, b) >= 0;
  }
  return fail(`unknown operator ${op}`);
}

export function splitString(s: string, sep: string): JqValue[] {
  if (s === '') return [];
  if (sep === '') return [...s];
  return s.split(sep);
}

export const truthy = (v: JqValue): boolean => v !== null && v !== false;

// ---- the evaluator

function funcKey(name: string, arity: number): string {
  return `${name}/${arity}`;
}

function lookupFunc(env: Env, key: string): { def: FuncDef } | { closure: Closure } | undefined {
  for (let e = env; e; e = e.parent) {
    if (e.kind === 'func' && e.key === key) return { def: e.def };
    if (e.kind === 'closure' && e.key === key) return { closure: e.closure };
  }
  return undefined;
}

function lookupLabel(env: Env, name: string): symbol | undefined {
  for (let e = env; e; e = e.parent) if (e.kind === 'label' && e.name === name) return e.id;
  return undefined;
}

function* bindPattern(p: Pattern, v: JqValue, env: Env, ctx: EvalCtx): Generator<Env> {
  switch (p.k) {
    case 'var':
      yield { parent: env, kind: 'var', name: p.name, value: v };
      return;
    case 'array': {
      if (v !== null && !Array.isArray(v)) fail(`Cannot index ${kindOf(v)} with number`);
      const rec = function* (i: number, e: Env): Generator<Env> {
        if (i === p.items.length) {
          yield e;
          return;
        }
        for (const e2 of bindPattern(p.items[i]!, index(v, i), e, ctx)) yield* rec(i + 1, e2);
      };
      yield* rec(0, env);
      return;
    }
    case 'object': {
      const rec = function* (i: number, e: Env): Generator<Env> {
        if (i === p.entries.length) {
          yield e;
          return;
        }
        const entry = p.entries[i]!;
        const keys =
          typeof entry.key === 'string' ? [entry.key as JqValue] : [...evaluate(entry.key, v, e, ctx)];
        for (const k of keys) {
          if (typeof k !== 'string') fail(`Cannot index ${kindOf(v)} with ${kindOf(k)}`);
          const val = index(v, k);
          let e2: Env = e;
          if (entry.bind) e2 = { parent: e2, kind: 'var', name: entry.bind, value: val };
          if (entry.value) for (const e3 of bindPattern(entry.value, val, e2, ctx)) yield* rec(i + 1, e3);
          else yield* rec(i + 1, e2);
        }
      };
      yield* rec(0, env);
      return;
    }
  }
}

/** Call a function or closure found by name/arity. */
function* callFunction(
  name: string,
  args: readonly Ast[],
  input: JqValue,
  env: Env,
  ctx: EvalCtx,
  path: Path | null,
): Generator<JqValue | [Path, JqValue]> {
  const key = funcKey(name, args.length);
  const found = lookupFunc(env, key);
  if (found && 'closure' in found) {
    const c = found.closure;
    if (path === null) yield* evaluate(c.ast, input, c.env, ctx);
    else yield* evalPaths(c.ast, input, path, c.env, ctx);
    return;
  }
  if (found) {
    const def = found.def;
    if (++ctx.budget.depth > LIMITS.depth) {
      ctx.budget.depth = 0;
      fail('jq: stack overflow: the program recurses too deeply');
    }
    try {
      // Filter parameters become closures; $params also bind each value of their argument.
      let fenv: Env = { parent: def.env, kind: 'func', key, def };
      const valueParams: [string, Closure][] = [];
      def.params.forEach((p, i) => {
        const closure: Closure = { ast: args[i]!, env };
        const pname = p.startsWith('$') ? p.slice(1) : p;
        fenv = { parent: fenv, kind: 'closure', key: funcKey(pname, 0), closure };
        if (p.startsWith('$')) valueParams.push([p, closure]);
      });
      const run = function* (i: number, e: Env): Generator<JqValue | [Path, JqValue]> {
        if (i === valueParams.length) {
          if (path === null) yield* evaluate(def.body, input, e, ctx);
          else yield* evalPaths(def.body, input, path, e, ctx);
          return;
        }
        const [pname, c] = valueParams[i]!;
        for (const v of evaluate(c.ast, input, c.env, ctx))
          yield* run(i + 1, { parent: e, kind: 'var', name: pname, value: v });
      };
      yield* run(0, fenv);
    } finally {
      ctx.budget.depth--;
    }
    return;
  }
  const native = ctx.natives.get(key);
  if (!native) return fail(`${key} is not defined`);
  const closures = args.map((ast) => ({ ast, env }));
  if (path === null) yield* native.fn(input, closures, ctx);
  else if (native.paths) yield* native.paths(input, path, closures, ctx);
  else
    fail(
      `Invalid path expression with result ${truncated([...native.fn(input, closures, ctx)][0] ?? null, 30)}`,
    );
}

/** Run a closure (a builtin's argument). */
export function* run(c: Closure, input: JqValue, ctx: EvalCtx): Generator<JqValue> {
  yield* evaluate(c.ast, input, c.env, ctx);
}
export function* runPaths(c: Closure, input: JqValue, path: Path, ctx: EvalCtx): Generator<[Path, JqValue]> {
  yield* evalPaths(c.ast, input, path, c.env, ctx);
}

/** Cartesian products: jq loops over the right operand outside the left. */
function* pairs(
  left: Ast,
  right: Ast,
  input: JqValue,
  env: Env,
  ctx: EvalCtx,
): Generator<[JqValue, JqValue]> {
  for (const b of evaluate(right, input, env, ctx))
    for (const a of evaluate(left, input, env, ctx)) yield [a, b];
}

function formatValue(name: string, v: JqValue, ctx: EvalCtx): JqValue {
  const native = ctx.natives.get(`@${name}`);
  if (!native) return fail(`${name} is not a valid format`);
  return [...native.fn(v, [], ctx)][0] ?? null;
}

export function* evaluate(ast: Ast, input: JqValue, env: Env, ctx: EvalCtx): Generator<JqValue> {
  ctx.budget.tick();
  switch (ast.k) {
    case 'identity':
      yield input;
      return;
    case 'recurse':
      yield* callFunction('recurse', [], input, env, ctx, null) as Generator<JqValue>;
      return;
    case 'literal':
      yield ast.value;
      return;
    case 'index':
      for (const t of evaluate(ast.target, input, env, ctx))
        for (const k of evaluate(ast.index, input, env, ctx)) {
          if (!ast.opt) yield index(t, k);
          else {
            try {
              const v = index(t, k);
              yield v;
            } catch (e) {
              if (!(e instanceof JqError)) throw e;
            }
          }
        }
      return;
    case 'slice':
      for (const t of evaluate(ast.target, input, env, ctx))
        for (const to of ast.to ? evaluate(ast.to, input, env, ctx) : [null])
          for (const from of ast.from ? evaluate(ast.from, input, env, ctx) : [null]) {
            try {
              yield slice(t, from, to);
            } catch (e) {
              if (!ast.opt || !(e instanceof JqError)) throw e;
            }
          }
      return;
    case 'iterate':
      for (const t of evaluate(ast.target, input, env, ctx)) {
        let items: [JqValue, JqValue][];
        try {
          items = [...iterate(t)];
        } catch (e) {
          if (!ast.opt || !(e instanceof JqError)) throw e;
          continue;
        }
        for (const [, v] of items) yield v;
      }
      return;
    case 'string': {
      const parts = ast.parts;
      const rec = function* (i: number, suffix: string): Generator<JqValue> {
        if (i < 0) {
          yield suffix;
          return;
        }
        const p = parts[i]!;
        if (typeof p === 'string') {
          yield* rec(i - 1, p + suffix);
          return;
        }
        for (const v of evaluate(p, input, env, ctx)) {
          const s = ast.format ? formatValue(ast.format, v, ctx) : typeof v === 'string' ? v : compact(v);
          yield* rec(i - 1, String(s) + suffix);
        }
      };
      // The last interpolation varies slowest, as in jq.
      yield* rec(parts.length - 1, '');
      return;
    }
    case 'format':
      yield formatValue(ast.name, input, ctx);
      return;
    case 'array': {
      yield ast.body ? [...evaluate(ast.body, input, env, ctx)] : [];
      return;
    }
    case 'object': {
      const entries = ast.entries;
      const rec = function* (i: number, acc: JqObject): Generator<JqValue> {
        if (i === entries.length) {
          yield acc;
          return;
        }
        const { key, value } = entries[i]!;
        for (const k of evaluate(key, input, env, ctx)) {
          if (typeof k !== 'string') fail(`Object keys must be strings`);
          for (const v of evaluate(value, input, env, ctx)) {
            const next = new Map(acc);
            next.set(k as string, v);
            yield* rec(i + 1, next);
          }
        }
      };
      yield* rec(0, new Map());
      return;
    }
    case 'pipe':
      for (const v of evaluate(ast.left, input, env, ctx)) yield* evaluate(ast.right, v, env, ctx);
      return;
    case 'comma':
      yield* evaluate(ast.left, input, env, ctx);
      yield* evaluate(ast.right, input, env, ctx);
      return;
    case 'neg':
      for (const v of evaluate(ast.body, input, env, ctx)) {
        if (typeof v !== 'number') fail(`${kindOf(v)} (${truncated(v)}) cannot be negated`);
        yield -(v as number);
      }
      return;
    case 'binop':
      for (const [a, b] of pairs(ast.left, ast.right, input, env, ctx)) yield binop(ast.op, a, b);
      return;
    case 'and':
    case 'or':
      for (const a of evaluate(ast.left, input, env, ctx)) {
        if (truthy(a) === (ast.k === 'or')) {
          yield ast.k === 'or';
          continue;
        }
        for (const b of evaluate(ast.right, input, env, ctx)) yield truthy(b);
      }
      return;
    case 'alt': {
      let any = false;
      try {
        for (const v of evaluate(ast.left, input, env, ctx))
          if (truthy(v)) {
            any = true;
            yield v;
          }
      } catch (e) {
        if (!(e instanceof JqError)) throw e;
      }
      if (!any) yield* evaluate(ast.right, input, env, ctx);
      return;
    }
    case 'if':
      for (const c of evaluate(ast.cond, input, env, ctx))
        yield* evaluate(truthy(c) ? ast.then : ast.else, input, env, ctx);
      return;
    case 'try': {
      const gen = evaluate(ast.body, input, env, ctx);
      for (;;) {
        let r: IteratorResult<JqValue>;
        try {
          r = gen.next();
        } catch (e) {
          if (!(e instanceof JqError)) throw e;
          // break/1's internal error is not catchable in jq either.
          if (ast.catch) yield* evaluate(ast.catch, e.value, env, ctx);
          return;
        }
        if (r.done) return;
        yield r.value;
      }
    }
    case 'reduce':
      for (const init of evaluate(ast.init, input, env, ctx)) {
        let acc: JqValue = init;
        for (const x of evaluate(ast.source, input, env, ctx))
          for (const e of bindPattern(ast.pattern, x, env, ctx)) {
            let last: JqValue = null;
            for (const v of evaluate(ast.update, acc, e, ctx)) last = v;
            acc = last;
          }
        yield acc;
      }
      return;
    case 'foreach':
      for (const init of evaluate(ast.init, input, env, ctx)) {
        let acc: JqValue = init;
        for (const x of evaluate(ast.source, input, env, ctx))
          for (const e of bindPattern(ast.pattern, x, env, ctx))
            for (const v of evaluate(ast.update, acc, e, ctx)) {
              acc = v;
              if (ast.extract) yield* evaluate(ast.extract, v, e, ctx);
              else yield v;
            }
      }
      return;
    case 'as':
      for (const v of evaluate(ast.source, input, env, ctx))
        for (const e of bindPattern(ast.pattern, v, env, ctx)) yield* evaluate(ast.body, input, e, ctx);
      return;
    case 'label': {
      const id = Symbol(ast.name);
      try {
        yield* evaluate(ast.body, input, { parent: env, kind: 'label', name: ast.name, id }, ctx);
      } catch (e) {
        if (!(e instanceof BreakSignal) || e.label !== id) throw e;
      }
      return;
    }
    case 'break': {
      const id = lookupLabel(env, ast.name);
      if (!id) return fail('$*label-' + ast.name + ' is not defined');
      throw new BreakSignal(id);
    }
    case 'var': {
      const v = lookupVar(env, ast.name);
      if (v === undefined) {
        if (ast.name === '$ENV') {
          yield ctx.env;
          return;
        }
        return fail(`${ast.name} is not defined`);
      }
      yield v;
      return;
    }
    case 'loc':
      yield new Map<string, JqValue>([
        ['file', '<top-level>'],
        ['line', ast.line],
      ]);
      return;
    case 'call':
      yield* callFunction(ast.name, ast.args, input, env, ctx, null) as Generator<JqValue>;
      return;
    case 'def': {
      const def: FuncDef = { params: ast.params, body: ast.body, env: null };
      const fenv: Env = { parent: env, kind: 'func', key: funcKey(ast.name, ast.params.length), def };
      def.env = env;
      yield* evaluate(ast.rest, input, fenv, ctx);
      return;
    }
    case 'assign':
      yield* assign(ast, input, env, ctx);
      return;
  }
}

function* assign(
  ast: Extract<Ast, { k: 'assign' }>,
  input: JqValue,
  env: Env,
  ctx: EvalCtx,
): Generator<JqValue> {
  const pathsOf = (): [Path, JqValue][] => [...evalPaths(ast.left, input, [], env, ctx)];
  if (ast.op === '=') {
    for (const v of evaluate(ast.right, input, env, ctx)) {
      let out = input;
      for (const [p] of pathsOf()) out = setpath(out, p as JqValue[], v);
      yield out;
    }
    return;
  }
  const update = (old: JqValue, rhs: JqValue | null): JqValue | undefined => {
    if (ast.op === '|=') {
      for (const v of evaluate(ast.right, old, env, ctx)) return v;
      return undefined;
    }
    if (ast.op === '//=') return truthy(old) ? old : rhs;
    return binop(ast.op.slice(0, -1), old, rhs);
  };
  const apply = (rhs: JqValue | null): JqValue => {
    let out = input;
    const dels: JqValue[] = [];
    for (const [p] of pathsOf()) {
      const nv = update(getpath(out, p as JqValue[]), rhs);
      if (nv === undefined) dels.push([...p]);
      else out = setpath(out, p as JqValue[], nv);
    }
    return dels.length > 0 ? delpaths(out, dels) : out;
  };
  if (ast.op === '|=') {
    yield apply(null);
    return;
  }
  for (const rhs of evaluate(ast.right, input, env, ctx)) yield apply(rhs);
}

/** Path mode: each output is [path from the root, value there]. */
export function* evalPaths(
  ast: Ast,
  input: JqValue,
  path: Path,
  env: Env,
  ctx: EvalCtx,
): Generator<[Path, JqValue]> {
  ctx.budget.tick();
  switch (ast.k) {
    case 'identity':
      yield [path, input];
      return;
    case 'recurse':
      yield* callFunction('recurse', [], input, env, ctx, path) as Generator<[Path, JqValue]>;
      return;
    case 'index':
      for (const [p, t] of evalPaths(ast.target, input, path, env, ctx))
        for (const k of evaluate(ast.index, input, env, ctx)) {
          try {
            const v = t === null ? null : index(t, k);
            yield [[...p, k as string | number | JqObject], v];
          } catch (e) {
            if (!ast.opt || !(e instanceof JqError)) throw e;
          }
        }
      return;
    case 'slice':
      for (const [p, t] of evalPaths(ast.target, input, path, env, ctx))
        for (const to of ast.to ? evaluate(ast.to, input, env, ctx) : [null])
          for (const from of ast.from ? evaluate(ast.from, input, env, ctx) : [null]) {
            const key = new Map<string, JqValue>([
              ['start', from],
              ['end', to],
            ]);
            yield [[...p, key], slice(t, from, to)];
          }
      return;
    case 'iterate':
      for (const [p, t] of evalPaths(ast.target, input, path, env, ctx)) {
        if (t === null) continue;
        let items: [JqValue, JqValue][];
        try {
          items = [...iterate(t)];
        } catch (e) {
          if (!ast.opt || !(e instanceof JqError)) throw e;
          continue;
        }
        for (const [k, v] of items) yield [[...p, k as string | number], v];
      }
      return;
    case 'pipe':
      for (const [p, v] of evalPaths(ast.left, input, path, env, ctx))
        yield* evalPaths(ast.right, v, p, env, ctx);
      return;
    case 'comma':
      yield* evalPaths(ast.left, input, path, env, ctx);
      yield* evalPaths(ast.right, input, path, env, ctx);
      return;
    case 'if':
      for (const c of evaluate(ast.cond, input, env, ctx))
        yield* evalPaths(truthy(c) ? ast.then : ast.else, input, path, env, ctx);
      return;
    case 'alt': {
      let any = false;
      try {
        for (const [p, v] of evalPaths(ast.left, input, path, env, ctx))
          if (truthy(v)) {
            any = true;
            yield [p, v];
          }
      } catch (e) {
        if (!(e instanceof JqError)) throw e;
      }
      if (!any) yield* evalPaths(ast.right, input, path, env, ctx);
      return;
    }
    case 'try': {
      const gen = evalPaths(ast.body, input, path, env, ctx);
      for (;;) {
        let r: IteratorResult<[Path, JqValue]>;
        try {
          r = gen.next();
        } catch (e) {
          if (!(e instanceof JqError)) throw e;
          if (ast.catch) yield* evalPaths(ast.catch, e.value, path, env, ctx);
          return;
        }
        if (r.done) return;
        yield r.value;
      }
    }
    case 'as':
      for (const v of evaluate(ast.source, input, env, ctx))
        for (const e of bindPattern(ast.pattern, v, env, ctx))
          yield* evalPaths(ast.body, input, path, e, ctx);
      return;
    case 'reduce':
    case 'foreach':
      break;
    case 'label': {
      const id = Symbol(ast.name);
      try {
        yield* evalPaths(ast.body, input, path, { parent: env, kind: 'label', name: ast.name, id }, ctx);
      } catch (e) {
        if (!(e instanceof BreakSignal) || e.label !== id) throw e;
      }
      return;
    }
    case 'break':
      yield* evaluate(ast, input, env, ctx) as Generator<never>;
      return;
    case 'call':
      yield* callFunction(ast.name, ast.args, input, env, ctx, path) as Generator<[Path, JqValue]>;
      return;
    case 'def': {
      const def: FuncDef = { params: ast.params, body: ast.body, env };
      yield* evalPaths(
        ast.rest,
        input,
        path,
        { parent: env, kind: 'func', key: funcKey(ast.name, ast.params.length), def },
        ctx,
      );
      return;
    }
    case 'literal':
      if (ast.value === null) {
        // `null` in a path expression (as in `if … then . else null end`) yields no path in jq 1.6's getpath use.
        yield [path, null];
        return;
      }
      break;
    default:
      break;
  }
  const first = [...evaluate(ast, input, env, ctx)][0] ?? null;
  fail(`Invalid path expression with result ${truncated(first, 30)}`);
}

/** A deterministic error location helper for messages that show a value. */
export const showValue = (v: JqValue): string => truncated(v);
