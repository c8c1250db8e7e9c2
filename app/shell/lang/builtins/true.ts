import { ok } from './builtin.ts';
import type { Builtin } from './builtin.ts';

/** Ignores its arguments and succeeds. */
export const trueBuiltin: Builtin<null> = {
  name: 'true',
  usage: 'true',
  where: ['container', 'host'],
  parse: () => ok(null),
  run: () => 0,
};
