// Calling a jq function (a def, a closure passed as an argument, or a native builtin) in value or
// path mode, and binding a destructuring pattern (`. as [$a, {b: $c}]`).

import { index } from './access.ts';
import type { Ast, Pattern } from './ast.ts';
import { evalPaths } from './eval-paths.ts';
import { evaluate } from './evaluate.ts';
import { truncated } from './json-dump.ts';
import type { Closure, Env, EvalCtx, Path } from './runtime.ts';
import { fail, funcKey, LIMITS, lookupFunc } from './runtime.ts';
import type { JqValue } from './value.ts';
import { kindOf } from './value.ts';

export function* bindPattern(p: Pattern, v: JqValue, env: Env, ctx: EvalCtx): Generator<Env> {
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
export function* callFunction(
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
