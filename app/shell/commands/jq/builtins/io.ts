// What a program sees of the outside: further inputs, stderr, the environment, the builtins' names.

import { compact } from '../json-dump.ts';
import { fail } from '../runtime.ts';
import type { JqValue } from '../value.ts';
import type { Register } from './native.ts';
import { simple } from './native.ts';

/** `names` lists every native builtin, for builtins/0. */
export function addIo(add: Register, names: () => Iterable<string>): void {
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
      yield [...names()].filter((k) => !k.startsWith('_') && !k.startsWith('@'));
    },
  });
  add(
    'input_filename/0',
    simple(0, () => null),
  );
}
