// What a running jq program holds: lexical scopes (variables, functions, closures, labels), the
// native builtins' interface, the step and depth budget, and the errors and signals that unwind it.

import type { Ast } from './ast.ts';
import type { JqObject, JqValue } from './value.ts';

/** A runtime error: `value` is what error/1 raised (a message string for jq's own errors). */
export class JqError {
  constructor(readonly value: JqValue) {}
}
export const fail = (msg: string): never => {
  throw new JqError(msg);
};

/** A break out of `label $name`. */
export class BreakSignal {
  constructor(readonly label: symbol) {}
}

/** Limits that keep a typed program from hanging the page. */
export const LIMITS = { steps: 2_000_000, depth: 1500 };

export class Budget {
  steps = 0;
  depth = 0;
  tick(): void {
    if (++this.steps > LIMITS.steps) throw new JqError('jq: program is too long-running for this terminal');
  }
}

export type Path = readonly (string | number | JqObject)[];

/** A native builtin: its arguments are closures (filters), evaluated as the builtin needs. */
export interface Native {
  readonly arity: number;
  /** Value mode. */
  fn(input: JqValue, args: readonly Closure[], ctx: EvalCtx): Iterable<JqValue>;
  /** Path mode, for the builtins that can appear in a path expression (getpath, empty, error …). */
  paths?(input: JqValue, path: Path, args: readonly Closure[], ctx: EvalCtx): Iterable<[Path, JqValue]>;
}

export interface Closure {
  readonly ast: Ast;
  readonly env: Env;
}

export type FuncDef = { readonly params: readonly string[]; readonly body: Ast; env: Env };

/** Lexical scope: variables, functions (by name/arity) and labels, innermost first. */
export type Env =
  | null
  | { readonly parent: Env; readonly kind: 'var'; readonly name: string; readonly value: JqValue }
  | { readonly parent: Env; readonly kind: 'func'; readonly key: string; readonly def: FuncDef }
  | { readonly parent: Env; readonly kind: 'closure'; readonly key: string; readonly closure: Closure }
  | { readonly parent: Env; readonly kind: 'label'; readonly name: string; readonly id: symbol };

export interface EvalCtx {
  readonly natives: ReadonlyMap<string, Native>;
  readonly budget: Budget;
  /** The next input for `input`/`inputs`, or undefined at the end. */
  readonly nextInput: () => JqValue | undefined;
  readonly env: JqObject;
  readonly stderr: (text: string) => void;
}

export function lookupVar(env: Env, name: string): JqValue | undefined {
  for (let e = env; e; e = e.parent) if (e.kind === 'var' && e.name === name) return e.value;
  return undefined;
}

export function funcKey(name: string, arity: number): string {
  return `${name}/${arity}`;
}

export function lookupFunc(env: Env, key: string): { def: FuncDef } | { closure: Closure } | undefined {
  for (let e = env; e; e = e.parent) {
    if (e.kind === 'func' && e.key === key) return { def: e.def };
    if (e.kind === 'closure' && e.key === key) return { closure: e.closure };
  }
  return undefined;
}

export function lookupLabel(env: Env, name: string): symbol | undefined {
  for (let e = env; e; e = e.parent) if (e.kind === 'label' && e.name === name) return e.id;
  return undefined;
}

/** halt / halt_error: stop the whole program. */
export class JqHalt {
  constructor(
    readonly code: number,
    readonly value: JqValue,
  ) {}
}
