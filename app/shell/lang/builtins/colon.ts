import { ok } from './builtin.ts';
import type { Builtin } from './builtin.ts';

/** `:` does nothing and succeeds; its use is its redirections (`: >> f` opens f for writing). */
export const colon: Builtin<null> = {
  name: ':',
  usage: ': [arguments]',
  where: ['container', 'host'],
  parse: () => ok(null),
  run: () => 0,
};
