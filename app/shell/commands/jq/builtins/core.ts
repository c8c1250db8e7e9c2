// The constants, empty, error and the halts.

import { run } from '../evaluate.ts';
import { JqError, JqHalt } from '../runtime.ts';
import type { Register } from './native.ts';
import { cartesian, simple } from './native.ts';

export function addCore(add: Register): void {
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
}

export function addHalt(add: Register): void {
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
}
