/**
 * find's expression language, parsed the way findutils' parser.c does: primaries joined by implicit
 * or explicit -a, -o, ',', with !/-not and parentheses; global options (-maxdepth …) anywhere, with
 * GNU's warning when they come after a test. The tree is data; find.ts turns it into predicates.
 */

import type { Cmp, FindError, FindNode, FindPlan } from './read-findnode.ts';
import { parseMode } from './read-findnode.ts';

export type { FindError, FindNode, FindPlan };

const BINARY = new Set(['-o', '-or', '-a', '-and', ',']);
const NOOP_OPTIONS = new Set([
  '-xdev',
  '-mount',
  '-noleaf',
  '-ignore_readdir_race',
  '-noignore_readdir_race',
]);
const TYPES = 'fdlcbpsD';
const ACCOUNTS: Readonly<Record<string, number>> = { root: 0 };

class ParseError extends Error {
  constructor(readonly info: FindError) {
    super(info.message);
  }
}

const missing = (pred: string): ParseError => new ParseError({ message: `missing argument to \`${pred}'` });

/** `+N` (more than), `-N` (less than) or `N` (exactly). */
function numeric(pred: string, arg: string): { cmp: Cmp; n: number; rest: string } {
  const m = /^([+-]?)(\d+)(.*)$/.exec(arg);
  if (!m) throw new ParseError({ message: `invalid argument \`${arg}' to \`${pred}'` });
  return { cmp: m[1] === '+' ? 1 : m[1] === '-' ? -1 : 0, n: Number(m[2]), rest: m[3]! };
}

const SIZE_UNITS: Readonly<Record<string, number>> = {
  '': 512,
  b: 512,
  c: 1,
  w: 2,
  k: 1024,
  M: 1 << 20,
  G: 1 << 30,
};

class Parser {
  private i = 0;
  private maxdepth = Infinity;
  private mindepth = 0;
  private depthFirst = false;
  private sawNonOption = false;
  private lastPred = '';
  hasAction = false;
  readonly warnings: string[] = [];

  constructor(
    private readonly t: readonly string[],
    private readonly quote: (s: string) => string,
  ) {}

  plan(expr: FindNode): FindPlan {
    const { maxdepth, mindepth, depthFirst, warnings } = this;
    return { expr, maxdepth, mindepth, depthFirst, warnings };
  }

  private peek = (): string | undefined => this.t[this.i];

  private arg(pred: string): string {
    const a = this.t[++this.i];
    if (a === undefined) throw missing(pred);
    return a;
  }

  comma(): FindNode {
    let n = this.or();
    while (this.peek() === ',') {
      this.i++;
      n = { k: 'comma', a: n, b: this.or() };
    }
    return n;
  }

  private or(): FindNode {
    let n = this.and();
    while (this.peek() === '-o' || this.peek() === '-or') {
      const op = this.t[this.i++]!;
      const next = this.peek();
      if (next === undefined || next === ')' || BINARY.has(next))
        throw new ParseError({
          message: `invalid expression; you have used a binary operator '${op}' with nothing after it.`,
        });
      n = { k: 'or', a: n, b: this.and() };
    }
    return n;
  }

  private and(): FindNode {
    let n = this.unary();
    for (;;) {
      const next = this.peek();
      if (next === '-a' || next === '-and') {
        this.i++;
        const after = this.peek();
        if (after === undefined || after === ')' || BINARY.has(after))
          throw new ParseError({
            message: `invalid expression; you have used a binary operator '${next}' with nothing after it.`,
          });
      } else if (next === undefined || next === ')' || BINARY.has(next)) return n;
      n = { k: 'and', a: n, b: this.unary() };
    }
  }

  private unary(): FindNode {
    const tok = this.peek()!;
    if (tok === '!' || tok === '-not') {
      this.i++;
      const next = this.peek();
      if (next === undefined || next === ')' || BINARY.has(next))
        throw new ParseError({ message: `expected an expression after '${tok}'` });
      return { k: 'not', a: this.unary() };
    }
    if (tok === '(') {
      this.i++;
      if (this.peek() === ')')
        throw new ParseError({ message: 'invalid expression; empty parentheses are not allowed.' });
      if (this.peek() === undefined)
        throw new ParseError({
          message: "invalid expression; I was expecting to find a ')' somewhere but did not see one.",
        });
      const n = this.comma();
      if (this.peek() !== ')')
        throw new ParseError({
          message: "invalid expression; I was expecting to find a ')' somewhere but did not see one.",
        });
      this.i++;
      return n;
    }
    if (BINARY.has(tok))
      throw new ParseError({
        message: `invalid expression; you have used a binary operator '${tok}' with nothing before it.`,
      });
    const n = this.primary(tok);
    this.i++;
    return n;
  }

  private option(pred: string): void {
    if (this.sawNonOption)
      this.warnings.push(
        `warning: you have specified the global option ${pred} after the argument ${this.lastPred}, but global options are not positional, i.e., ${pred} affects tests specified before it as well as those specified after it.  Please specify global options before other arguments.`,
      );
  }

  private primary(tok: string): FindNode {
    if (!tok.startsWith('-') || tok === '-') {
      const hint = this.lastPred === '' ? {} : { hint: { file: tok, after: this.lastPred } };
      throw new ParseError({ message: `paths must precede expression: \`${tok}'`, ...hint });
    }
    const node = this.primaryNode(tok);
    if (node === undefined) return { k: 'const', value: true };
    this.sawNonOption = true;
    this.lastPred = tok;
    return node;
  }

  /** One primary; undefined for a global option (which is always true where it stands). */
  private primaryNode(tok: string): FindNode | undefined {
    switch (tok) {
      case '-maxdepth':
      case '-mindepth': {
        this.option(tok);
        const a = this.arg(tok);
        if (!/^\d+$/.test(a))
          throw new ParseError({
            message: `Expected a positive decimal integer argument to ${tok}, but got ${this.quote(a)}`,
          });
        if (tok === '-maxdepth') this.maxdepth = Number(a);
        else this.mindepth = Number(a);
        return undefined;
      }
      case '-depth':
      case '-d':
        this.option(tok);
        this.depthFirst = true;
        return undefined;
      case '-name':
      case '-iname':
      case '-path':
      case '-ipath':
      case '-wholename':
      case '-iwholename': {
        const pattern = this.arg(tok);
        const whole = !tok.endsWith('name') || tok.endsWith('wholename');
        if (!whole && pattern.includes('/') && pattern !== '/')
          this.warnings.push(
            `warning: ${this.quote(tok)} matches against basenames only, but the given pattern contains a directory separator (${this.quote('/')}), thus the expression will evaluate to false all the time.  Did you mean ${this.quote('-wholename')}?`,
          );
        return { k: 'name', pattern, fold: tok.startsWith('-i'), whole };
      }
      case '-type': {
        const a = this.arg(tok);
        const types = a.split(',');
        for (const ty of types)
          if (ty.length !== 1 || !TYPES.includes(ty))
            throw new ParseError({ message: `Unknown argument to -type: ${ty}` });
        return { k: 'type', types: types.join('') };
      }
      case '-empty':
        return { k: 'empty' };
      case '-true':
      case '-false':
        return { k: 'const', value: tok === '-true' };
      case '-newer':
        return { k: 'newer', ref: this.arg(tok) };
      case '-size': {
        const { cmp, n, rest } = numeric(tok, this.arg(tok));
        const unit = SIZE_UNITS[rest];
        if (unit === undefined) throw new ParseError({ message: `invalid -size type \`${rest}'` });
        return { k: 'size', cmp, n, unit };
      }
      case '-perm': {
        const a = this.arg(tok);
        const how = a[0] === '-' ? 'all' : a[0] === '/' ? 'any' : 'exact';
        const mode = parseMode(how === 'exact' ? a : a.slice(1));
        if (mode === undefined) throw new ParseError({ message: `invalid mode ${this.quote(a)}` });
        return { k: 'perm', mode, how };
      }
      case '-mtime':
      case '-mmin': {
        const { cmp, n, rest } = numeric(tok, this.arg(tok));
        if (rest !== '') throw new ParseError({ message: `invalid argument \`${rest}' to \`${tok}'` });
        return { k: 'age', cmp, n, unit: tok === '-mtime' ? 86400 : 60 };
      }
      case '-uid':
      case '-gid':
      case '-links':
      case '-inum': {
        const { cmp, n, rest } = numeric(tok, this.arg(tok));
        if (rest !== '') throw new ParseError({ message: `invalid argument \`${rest}' to \`${tok}'` });
        const field = tok === '-links' ? 'nlink' : tok === '-inum' ? 'ino' : tok === '-uid' ? 'uid' : 'gid';
        return { k: 'num', field, cmp, n };
      }
      case '-user':
      case '-group': {
        const a = this.arg(tok);
        const id = ACCOUNTS[a] ?? (/^\d+$/.test(a) ? Number(a) : undefined);
        if (id === undefined)
          throw new ParseError({
            message: `${this.quote(a)} is not the name of ${tok === '-user' ? 'a known user' : 'an existing group'}`,
          });
        return { k: 'num', field: tok === '-user' ? 'uid' : 'gid', cmp: 0, n: id };
      }
      case '-print':
      case '-print0':
        this.hasAction = true;
        return { k: 'print', end: tok === '-print' ? '\n' : '\0' };
      case '-printf':
        this.hasAction = true;
        return { k: 'printf', format: this.arg(tok) };
      case '-prune':
        return { k: 'prune' };
      case '-quit':
        return { k: 'quit' };
      default:
        if (NOOP_OPTIONS.has(tok)) {
          this.option(tok);
          return undefined;
        }
        throw new ParseError({ message: `unknown predicate \`${tok}'` });
    }
  }

  atEnd(): void {
    const rest = this.peek();
    if (rest === ')') throw new ParseError({ message: "invalid expression; you have too many ')'" });
    if (rest !== undefined) throw new ParseError({ message: `paths must precede expression: \`${rest}'` });
  }
}

/** Parse the expression part of a find command line. `quote` is the locale's quoting ('x' or ‘x’). */
export function parseFind(tokens: readonly string[], quote: (s: string) => string): FindPlan | FindError {
  const p = new Parser(tokens, quote);
  try {
    const body = tokens.length === 0 ? ({ k: 'const', value: true } as const) : p.comma();
    p.atEnd();
    const expr: FindNode = p.hasAction ? body : { k: 'and', a: body, b: { k: 'print', end: '\n' } };
    return p.plan(expr);
  } catch (e) {
    if (e instanceof ParseError) return e.info;
    throw e;
  }
}

/** The operands before the expression: up to the first word that looks like one (findutils). */
export function splitPaths(args: readonly string[]): [string[], string[]] {
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if ((a.startsWith('-') && a.length > 1) || a === '(' || a === '!') break;
  }
  return [args.slice(0, i), args.slice(i)];
}
