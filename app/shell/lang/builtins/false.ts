import { ok } from './builtin.ts';
import type { Builtin } from './builtin.ts';

/** Ignores its arguments and fails with status 1. */
export const falseBuiltin: Builtin<null> = {
  name: 'false',
  usage: 'false',
  where: ['container', 'host'],
  parse: () => ok(null),
  run: () => 1,
};
