// Paths: path(f), getpath (which also works in path mode), setpath, delpaths, indices, tostream.

import { delpaths, getpath, index, indices, setpath } from '../access.ts';
import { runPaths } from '../eval-paths.ts';
import type { Path } from '../runtime.ts';
import { fail } from '../runtime.ts';
import type { JqValue } from '../value.ts';
import { isObject } from '../value.ts';
import type { Register } from './native.ts';
import { cartesian, simple } from './native.ts';

export function addPaths(add: Register): void {
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
}
