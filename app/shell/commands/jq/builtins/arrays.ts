// Sorting, grouping and deduplicating by a filter, and range.

import { run } from '../evaluate.ts';
import { truncated } from '../json-dump.ts';
import type { Closure, EvalCtx } from '../runtime.ts';
import { fail } from '../runtime.ts';
import type { JqValue } from '../value.ts';
import { compare, equal, kindOf } from '../value.ts';
import type { Register } from './native.ts';
import { cartesian, simple } from './native.ts';

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

export function addArrays(add: Register): void {
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
}
