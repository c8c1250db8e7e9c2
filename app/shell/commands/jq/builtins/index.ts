// jq's builtins: the primitives in TypeScript (natives.ts, one file per family), the rest written in
// jq as jq 1.6's builtin.jq does (defs.ts).

import type { Ast } from '../ast.ts';
import { parseJq } from '../parser.ts';
import type { Env, Native } from '../runtime.ts';
import { JQ_DEFS } from './defs.ts';
import { natives } from './natives.ts';

export interface Builtins {
  readonly natives: ReadonlyMap<string, Native>;
  /** The scope holding the jq-defined builtins. */
  readonly env: Env;
  /** Every builtin name/arity, for the compile-time check. */
  readonly names: ReadonlySet<string>;
}

let cached: Builtins | null = null;

/** Built once: the natives and the jq-defined functions in one scope. */
export function builtins(): Builtins {
  if (cached) return cached;
  const n = natives();
  const parsed = parseJq(JQ_DEFS);
  if (!parsed.ok) throw new Error(`jq builtins do not parse: ${parsed.errors[0]?.message ?? ''}`);
  let env: Env = null;
  const names = new Set<string>([...n.keys()].filter((k) => !k.startsWith('@')));
  let ast: Ast = parsed.ast;
  const defs: { env: Env }[] = [];
  while (ast.k === 'def') {
    const def: { params: readonly string[]; body: Ast; env: Env } = {
      params: ast.params,
      body: ast.body,
      env,
    };
    defs.push(def);
    env = { parent: env, kind: 'func', key: `${ast.name}/${ast.params.length}`, def };
    names.add(`${ast.name}/${ast.params.length}`);
    ast = ast.rest;
  }
  // Every builtin sees all the others (jq's builtin.jq is one scope for the user's program).
  for (const d of defs) d.env = env;
  cached = { natives: n, env, names };
  return cached;
}
