// Evaluating text/template pipelines: commands, field chains, variables and function calls, with
// arguments checked against the parameters' Go types. Errors name the node being evaluated, at
// its line and byte column, as the CLI prints them.

import type { GoValue } from './go-values.ts';
import { INVALID, indirect, isInvalid, NIL, slice, typeName } from './go-values.ts';
import type { Arg, Command, Pipeline, Template } from './template-ast.ts';
import { argString, cmdString } from './template-ast.ts';
import type { Param } from './template-funcs.ts';
import { BUILTINS, truth } from './template-funcs.ts';
import { TemplateError } from './template-lex.ts';

export interface ExecOptions {
  /** missingkey=error, as the CLI's second try on the raw JSON sets it. */
  readonly missingKeyError: boolean;
  /** The data is raw JSON held in interface{}: errors name the static type `interface {}`. */
  readonly raw: boolean;
}

const MAX_STEPS = 2_000_000;
export const MISSING = Symbol('missing');
type Final = GoValue | typeof MISSING;

interface Var {
  readonly name: string;
  value: GoValue;
}

function findField(s: Extract<GoValue, { t: 'struct' }>, name: string, depth = 0): GoValue | undefined {
  for (const f of s.fields) if (!f.embedded && f.name === name) return f.value;
  if (depth > 8) return undefined;
  for (const f of s.fields) {
    if (!f.embedded) continue;
    const inner = indirect(f.value).v;
    if (typeof inner === 'object' && inner.t === 'struct') {
      const found = findField(inner, name, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The state a pipeline sees: variables in scope, the step budget, the node errors point at. */
export class Evaluator {
  private steps = 0;
  protected vars: Var[] = [];
  private at: { pos: number; text: string } = { pos: 0, text: '' };

  constructor(
    protected readonly t: Template,
    private readonly o: ExecOptions,
  ) {}

  protected fail(msg: string): never {
    const prefix = new TextEncoder().encode(this.t.src.slice(0, this.at.pos));
    let nl = -1;
    let line = 1;
    for (let i = 0; i < prefix.length; i++)
      if (prefix[i] === 10) {
        nl = i;
        line++;
      }
    const col = nl < 0 ? prefix.length : prefix.length - (nl + 1);
    throw new TemplateError(`template: :${line}:${col}: executing "" at <${this.at.text}>: ${msg}`);
  }

  protected setAt(pos: number, text: string): void {
    this.at = { pos, text };
  }

  protected step(): void {
    if (++this.steps > MAX_STEPS) this.fail('template execution is too long');
  }

  protected assign(name: string, v: GoValue): void {
    for (let i = this.vars.length - 1; i >= 0; i--)
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = v;
        return;
      }
    this.fail(`undefined variable: ${name}`);
  }

  private varValue(name: string): GoValue {
    for (let i = this.vars.length - 1; i >= 0; i--)
      if (this.vars[i]!.name === name) return this.vars[i]!.value;
    return this.fail(`undefined variable: ${name}`);
  }

  protected pipeline(dot: GoValue, p: Pipeline): GoValue {
    let value: Final = MISSING;
    for (const cmd of p.cmds) {
      value = this.command(dot, cmd, value);
      // An interface{} holding nil becomes "no value".
      if (typeof value === 'object' && value.t === 'nil') value = INVALID;
    }
    const v: GoValue = value === MISSING ? INVALID : value;
    for (const name of p.decl) {
      if (p.assign) this.assign(name, v);
      else this.vars.push({ name, value: v });
    }
    return v;
  }

  private command(dot: GoValue, cmd: Command, final: Final): GoValue {
    this.step();
    const first = cmd.args[0]!;
    switch (first.k) {
      case 'field':
        this.setAt(first.pos, argString(first));
        return this.fieldChain(dot, first.idents, cmd.args, final);
      case 'chain': {
        const base = this.arg(dot, 'any', first.node);
        this.setAt(first.pos, argString(first));
        return this.fieldChain(base, first.fields, cmd.args, final);
      }
      case 'ident':
        return this.call(dot, first, cmd, cmd.args.slice(1), final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.pipeline(dot, first.pipe);
      case 'var': {
        this.setAt(first.pos, argString(first));
        const v = this.varValue(first.idents[0]!);
        if (first.idents.length === 1) {
          this.notAFunction(cmd.args, final);
          return v;
        }
        return this.fieldChain(v, first.idents.slice(1), cmd.args, final);
      }
      default:
        this.setAt(first.pos, argString(first));
        this.notAFunction(cmd.args, final);
        switch (first.k) {
          case 'bool':
            return first.v;
          case 'dot':
            return dot;
          case 'nil':
            return this.fail('nil is not a command');
          case 'number':
            return first.v;
          case 'string':
            return first.v;
        }
    }
  }

  private notAFunction(args: readonly Arg[], final: Final): void {
    if (args.length > 1 || final !== MISSING)
      this.fail(`can't give argument to non-function ${argString(args[0]!)}`);
  }

  private fieldChain(
    receiver: GoValue,
    idents: readonly string[],
    args: readonly Arg[],
    final: Final,
  ): GoValue {
    let r = receiver;
    for (let i = 0; i < idents.length; i++) {
      const last = i === idents.length - 1;
      r = this.field(idents[i]!, last ? args : [], last ? final : MISSING, r);
    }
    return r;
  }

  private field(name: string, args: readonly Arg[], final: Final, receiver: GoValue): GoValue {
    if (isInvalid(receiver)) {
      if (this.o.missingKeyError) this.fail(`nil data; no entry for key ${JSON.stringify(name)}`);
      return INVALID;
    }
    const typ = this.o.raw ? 'interface {}' : typeName(receiver);
    const { v, isNil } = indirect(receiver);
    if (typeof v === 'object' && v.t === 'nil') this.fail(`nil pointer evaluating ${typ}.${name}`);
    const hasArgs = args.length > 1 || final !== MISSING;
    if (typeof v === 'object' && v.t === 'struct') {
      const f = findField(v, name);
      if (f !== undefined) {
        if (hasArgs) this.fail(`${name} has arguments but cannot be invoked as function`);
        return f;
      }
    } else if (typeof v === 'object' && v.t === 'map') {
      if (hasArgs) this.fail(`${name} is not a method but has arguments`);
      const got = v.entries?.get(name);
      if (got !== undefined) return got;
      if (this.o.missingKeyError) this.fail(`map has no entry for key ${JSON.stringify(name)}`);
      return INVALID;
    } else if (isNil && typeof v === 'object' && v.t === 'ptr') {
      this.fail(`nil pointer evaluating ${typ}.${name}`);
    }
    return this.fail(`can't evaluate field ${name} in type ${typ}`);
  }

  /** An argument of a function call, checked against the parameter's Go type. */
  private arg(dot: GoValue, want: Param, a: Arg): GoValue {
    this.setAt(a.pos, argString(a));
    let v: GoValue;
    switch (a.k) {
      case 'dot':
        v = dot;
        break;
      case 'nil':
        if (want === 'string' || want === 'int') this.fail(`cannot assign nil to ${want}`);
        return NIL;
      case 'field':
        v = this.fieldChain(dot, a.idents, [a], MISSING);
        break;
      case 'var': {
        const base = this.varValue(a.idents[0]!);
        v = a.idents.length === 1 ? base : this.fieldChain(base, a.idents.slice(1), [a], MISSING);
        break;
      }
      case 'pipe':
        v = this.pipeline(dot, a.pipe);
        break;
      case 'chain': {
        const base = this.arg(dot, 'any', a.node);
        this.setAt(a.pos, argString(a));
        v = this.fieldChain(base, a.fields, [a], MISSING);
        break;
      }
      case 'ident':
        v = this.call(dot, a, { pos: a.pos, args: [a] }, [], MISSING);
        break;
      case 'bool':
      case 'number':
      case 'string': {
        const lit = a.v;
        if (want === 'string' && typeof lit !== 'string')
          this.fail(`expected string; found ${a.k === 'bool' ? String(a.v) : a.text}`);
        if (want === 'int' && typeof lit !== 'number')
          this.fail(`expected integer; found ${a.k === 'bool' ? String(a.v) : a.text}`);
        if (want === '[]string') this.fail(`can't handle ${argString(a)} for arg of type []string`);
        return lit;
      }
    }
    this.setAt(a.pos, argString(a));
    return this.validate(v, want);
  }

  private validate(v: GoValue, want: Param): GoValue {
    if (isInvalid(v)) {
      if (want === 'value') return v;
      if (want === 'any' || want === '[]string') return want === 'any' ? NIL : slice(null);
      this.fail(`invalid value; expected ${want}`);
    }
    const ok =
      want === 'any' ||
      want === 'value' ||
      (want === 'string' && typeof v === 'string') ||
      (want === 'int' && typeof v === 'number') ||
      (want === '[]string' && typeof v === 'object' && v.t === 'slice' && v.elem === 'string');
    if (!ok) this.fail(`wrong type for value; expected ${want}; got ${typeName(v)}`);
    return v;
  }

  private call(
    dot: GoValue,
    ident: Extract<Arg, { k: 'ident' }>,
    cmd: Command,
    args: readonly Arg[],
    final: Final,
  ): GoValue {
    this.setAt(ident.pos, ident.name);
    const name = ident.name;
    const n = args.length + (final === MISSING ? 0 : 1);
    if (name === 'and' || name === 'or') {
      if (n < 1) this.fail(`wrong number of args for ${name}: want at least 1 got 0`);
      let v: GoValue = INVALID;
      for (let i = 0; i < n; i++) {
        v = i < args.length ? this.arg(dot, 'value', args[i]!) : (final as GoValue);
        if (truth(v) !== (name === 'and')) return v;
      }
      return v;
    }
    const b = BUILTINS[name];
    if (!b) return this.fail(`"${name}" is not a defined function`);
    if (b.variadic === undefined ? n !== b.params.length : n < b.params.length)
      this.fail(
        `wrong number of args for ${name}: want ${b.variadic === undefined ? '' : 'at least '}${b.params.length} got ${n}`,
      );
    const values: GoValue[] = [];
    for (let i = 0; i < args.length; i++) values.push(this.arg(dot, b.params[i] ?? b.variadic!, args[i]!));
    if (final !== MISSING) {
      this.setAt(ident.pos, ident.name);
      values.push(this.validate(final, b.params[n - 1] ?? b.variadic!));
    }
    const r = b.fn(values);
    if (typeof r === 'object' && 'error' in r) {
      this.setAt(cmd.pos, cmdString(cmd));
      return this.fail(`error calling ${name}: ${r.error}`);
    }
    return r;
  }
}
