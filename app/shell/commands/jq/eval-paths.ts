// Path mode: the nodes that can stand in a path expression (path(f), the left side of assignments,
// del) yield [path from the root, value there] instead of values.

import { index, iterate, slice } from './access.ts';
import type { Ast } from './ast.ts';
import { bindPattern, callFunction } from './eval-calls.ts';
import { evaluate } from './evaluate.ts';
import { truncated } from './json-dump.ts';
import { truthy } from './operators.ts';
import type { Closure, Env, EvalCtx, FuncDef, Path } from './runtime.ts';
import { BreakSignal, fail, funcKey, JqError } from './runtime.ts';
import type { JqObject, JqValue } from './value.ts';

/** Run a closure (a builtin's argument) in path mode. */
export function* runPaths(c: Closure, input: JqValue, path: Path, ctx: EvalCtx): Generator<[Path, JqValue]> {
  yield* evalPaths(c.ast, input, path, c.env, ctx);
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
