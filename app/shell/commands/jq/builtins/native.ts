// Helpers for writing native builtins: a builtin's arguments are filters, and most want each value
// of each one.

import { run } from '../evaluate.ts';
import type { Closure, EvalCtx, Native } from '../runtime.ts';
import type { JqValue } from '../value.ts';

/** Adds a native builtin under its name/arity. */
export type Register = (key: string, n: Native) => void;

/** Each value of each argument, the last argument varying fastest (jq's order for $params). */
export function* cartesian(args: readonly Closure[], input: JqValue, ctx: EvalCtx): Generator<JqValue[]> {
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
export function simple(arity: number, fn: (input: JqValue, ...args: JqValue[]) => JqValue): Native {
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
