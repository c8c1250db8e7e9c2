// Numbers: infinities and NaN, pow, log and the one-argument math functions, min and max.

import { truncated } from '../json-dump.ts';
import type { Native } from '../runtime.ts';
import { fail } from '../runtime.ts';
import { compare, kindOf } from '../value.ts';
import type { Register } from './native.ts';
import { simple } from './native.ts';

const math1 = (name: string, fn: (x: number) => number): [string, Native] => [
  `${name}/0`,
  simple(0, (v) => (typeof v === 'number' ? fn(v) : fail(`${kindOf(v)} (${truncated(v)}) number required`))),
];

export function addMath(add: Register): void {
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
    add(...math1(n, fn));
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
}
