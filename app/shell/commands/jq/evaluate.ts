// Evaluating a jq program: every filter is a generator of outputs, as in jq itself. Path mode
// (path(f), assignments, del) is eval-paths.ts; calls and pattern bindings are eval-calls.ts.

import { delpaths, getpath, index, iterate, setpath, slice } from './access.ts';
import type { Ast } from './ast.ts';
import { bindPattern, callFunction } from './eval-calls.ts';
import { evalPaths } from './eval-paths.ts';
import { compact, truncated } from './json-dump.ts';
import { binop, truthy } from './operators.ts';
import type { Closure, Env, EvalCtx, FuncDef, Path } from './runtime.ts';
import { BreakSignal, fail, funcKey, JqError, lookupLabel, lookupVar } from './runtime.ts';
import type { JqObject, JqValue } from './value.ts';
import { kindOf } from './value.ts';

/** Run a closure (a builtin's argument). */
export function* run(c: Closure, input: JqValue, ctx: EvalCtx): Generator<JqValue> {
  yield* evaluate(c.ast, input, c.env, ctx);
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
