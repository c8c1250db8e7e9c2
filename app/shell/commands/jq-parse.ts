// The jq language: lexer (lexer.l's tokens, with its bracket matching) and a recursive-descent parser
// following parser.y's precedences. Syntax errors read like bison's in jq 1.6: "syntax error,
// unexpected X[, expecting Y] (Unix shell quoting issues?)" at the offending token.

import type { JqValue } from './jq-json.ts';

type TokType =
  | 'FIELD'
  | 'IDENT'
  | 'KEYWORD'
  | 'LITERAL'
  | 'FORMAT'
  | 'QQSTRING_START'
  | 'QQSTRING_TEXT'
  | 'QQSTRING_INTERP_START'
  | 'QQSTRING_INTERP_END'
  | 'QQSTRING_END'
  | 'OP'
  | 'CHAR'
  | 'INVALID'
  | 'EOF';

export interface Tok {
  readonly t: TokType;
  readonly v: string;
  readonly start: number;
}

const KEYWORDS = new Set([
  'as',
  'def',
  'if',
  'then',
  'elif',
  'else',
  'end',
  'reduce',
  'foreach',
  'and',
  'or',
  'try',
  'catch',
  'label',
  'break',
  'import',
  'include',
  'module',
  '__loc__',
]);
const OPS = ['?//=', '?//', '//=', '|=', '+=', '-=', '*=', '/=', '%=', '==', '!=', '<=', '>=', '//', '..'];

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  // Open brackets: '(' '[' '{' and 'interp' for a string's \( … ).
  const stack: string[] = [];
  let i = 0;
  let last = 0; // start of the previous token: $end is reported there (bison keeps yylloc)
  const push = (t: TokType, v: string, start: number): void => {
    toks.push({ t, v, start });
    last = start;
  };
  const lexString = (): boolean => {
    // Inside a string: text, \( or the closing quote. Returns false at EOF.
    let text = '';
    let textStart = i;
    while (i < src.length) {
      const c = src[i]!;
      if (c === '"') {
        if (text) push('QQSTRING_TEXT', text, textStart);
        push('QQSTRING_END', '"', i);
        i++;
        return true;
      }
      if (c === '\\' && src[i + 1] === '(') {
        if (text) push('QQSTRING_TEXT', text, textStart);
        push('QQSTRING_INTERP_START', '\\(', i);
        stack.push('interp');
        i += 2;
        return true;
      }
      if (c === '\\') {
        text += src.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (!text) textStart = i;
      text += c;
      i++;
    }
    if (text) push('QQSTRING_TEXT', text, textStart);
    return false;
  };
  let inString = false;
  while (i < src.length) {
    if (inString) {
      inString = false;
      if (!lexString()) break;
      if (toks[toks.length - 1]!.t === 'QQSTRING_INTERP_START') continue;
      continue;
    }
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const start = i;
    if (c === '"') {
      push('QQSTRING_START', '"', start);
      i++;
      inString = true;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) {
      push('OP', op, start);
      i += op.length;
      continue;
    }
    let m = /^\.[a-zA-Z_][a-zA-Z_0-9]*/.exec(src.slice(i));
    if (m) {
      push('FIELD', m[0], start);
      i += m[0].length;
      continue;
    }
    m = /^([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?/.exec(src.slice(i));
    if (m) {
      push('LITERAL', m[0], start);
      i += m[0].length;
      continue;
    }
    m = /^@[a-zA-Z0-9_]+/.exec(src.slice(i));
    if (m) {
      push('FORMAT', m[0], start);
      i += m[0].length;
      continue;
    }
    m = /^([a-zA-Z_][a-zA-Z_0-9]*::)*[a-zA-Z_][a-zA-Z_0-9]*/.exec(src.slice(i));
    if (m) {
      push(KEYWORDS.has(m[0]) ? 'KEYWORD' : 'IDENT', m[0], start);
      i += m[0].length;
      continue;
    }
    if ('([{'.includes(c)) {
      stack.push(c);
      push('CHAR', c, start);
      i++;
      continue;
    }
    if (')]}'.includes(c)) {
      const want = { ')': '(', ']': '[', '}': '{' }[c]!;
      const top = stack[stack.length - 1];
      if (c === ')' && top === 'interp') {
        stack.pop();
        push('QQSTRING_INTERP_END', ')', start);
        i++;
        inString = true;
        continue;
      }
      if (top !== want) {
        push('INVALID', c, start);
        i++;
        continue;
      }
      stack.pop();
      push('CHAR', c, start);
      i++;
      continue;
    }
    if ('.?=;,:|+-*/%$<>'.includes(c)) {
      push('CHAR', c, start);
      i++;
      continue;
    }
    push('INVALID', c, start);
    i++;
  }
  toks.push({ t: 'EOF', v: '', start: last });
  return toks;
}

// ---- AST

export type Pattern =
  | { readonly k: 'var'; readonly name: string }
  | { readonly k: 'array'; readonly items: readonly Pattern[] }
  | {
      readonly k: 'object';
      readonly entries: readonly {
        readonly key: Ast | string;
        readonly bind: string | null;
        readonly value: Pattern | null;
      }[];
    };

export type Ast =
  | { readonly k: 'identity' }
  | { readonly k: 'recurse' }
  | { readonly k: 'index'; readonly target: Ast; readonly index: Ast; readonly opt: boolean }
  | {
      readonly k: 'slice';
      readonly target: Ast;
      readonly from: Ast | null;
      readonly to: Ast | null;
      readonly opt: boolean;
    }
  | { readonly k: 'iterate'; readonly target: Ast; readonly opt: boolean }
  | { readonly k: 'literal'; readonly value: JqValue }
  | { readonly k: 'string'; readonly parts: readonly (string | Ast)[]; readonly format: string | null }
  | { readonly k: 'format'; readonly name: string }
  | { readonly k: 'array'; readonly body: Ast | null }
  | { readonly k: 'object'; readonly entries: readonly { readonly key: Ast; readonly value: Ast }[] }
  | { readonly k: 'pipe' | 'comma' | 'and' | 'or' | 'alt'; readonly left: Ast; readonly right: Ast }
  | { readonly k: 'binop'; readonly op: string; readonly left: Ast; readonly right: Ast }
  | { readonly k: 'assign'; readonly op: string; readonly left: Ast; readonly right: Ast }
  | { readonly k: 'neg'; readonly body: Ast }
  | { readonly k: 'if'; readonly cond: Ast; readonly then: Ast; readonly else: Ast }
  | { readonly k: 'try'; readonly body: Ast; readonly catch: Ast | null }
  | {
      readonly k: 'reduce';
      readonly source: Ast;
      readonly pattern: Pattern;
      readonly init: Ast;
      readonly update: Ast;
    }
  | {
      readonly k: 'foreach';
      readonly source: Ast;
      readonly pattern: Pattern;
      readonly init: Ast;
      readonly update: Ast;
      readonly extract: Ast | null;
    }
  | { readonly k: 'as'; readonly source: Ast; readonly pattern: Pattern; readonly body: Ast }
  | { readonly k: 'label'; readonly name: string; readonly body: Ast }
  | { readonly k: 'break'; readonly name: string; readonly pos: number }
  | { readonly k: 'var'; readonly name: string; readonly pos: number }
  | { readonly k: 'call'; readonly name: string; readonly args: readonly Ast[]; readonly pos: number }
  | {
      readonly k: 'def';
      readonly name: string;
      readonly params: readonly string[];
      readonly body: Ast;
      readonly rest: Ast;
    }
  | { readonly k: 'loc'; readonly line: number };

export interface CompileError {
  readonly message: string;
  readonly pos: number;
}

class SyntaxErr {
  constructor(
    readonly tok: Tok,
    readonly expecting: string | null,
  ) {}
}

function display(t: Tok): string {
  switch (t.t) {
    case 'EOF':
      return '$end';
    case 'INVALID':
      return 'INVALID_CHARACTER';
    case 'CHAR':
      return `'${t.v}'`;
    case 'OP':
    case 'KEYWORD':
      return t.v;
    default:
      return t.t;
  }
}

/** Starting tokens of a Term (what may follow an operator). */
function startsTerm(t: Tok): boolean {
  if (t.t === 'FIELD' || t.t === 'IDENT' || t.t === 'LITERAL' || t.t === 'FORMAT' || t.t === 'QQSTRING_START')
    return true;
  if (t.t === 'OP') return t.v === '..';
  if (t.t === 'KEYWORD') return ['if', 'try', 'reduce', 'foreach', 'label', 'def', 'break'].includes(t.v);
  return t.t === 'CHAR' && '.([{$-'.includes(t.v);
}

class Parser {
  private i = 0;
  /** Open `if … then` bodies: a syntax error inside one adds "Possibly unterminated 'if'". */
  private openIfs: Tok[] = [];
  unterminated: Tok | null = null;

  constructor(
    private readonly toks: readonly Tok[],
    private readonly src: string,
  ) {}

  private get tok(): Tok {
    return this.toks[this.i]!;
  }
  private next(): Tok {
    return this.toks[this.i++]!;
  }
  private is(t: TokType, v?: string): boolean {
    return this.tok.t === t && (v === undefined || this.tok.v === v);
  }
  private fail(expecting: string | null = null): never {
    if (this.openIfs.length > 0) this.unterminated = this.openIfs[this.openIfs.length - 1]!;
    throw new SyntaxErr(this.tok, expecting);
  }
  private expect(t: TokType, v: string, expecting: string | null): Tok {
    if (!this.is(t, v)) this.fail(expecting);
    return this.next();
  }

  program(): Ast {
    if (!startsTerm(this.tok)) {
      if (this.is('EOF')) return { k: 'identity' };
      this.fail('$end');
    }
    const ast = this.pipe();
    if (!this.is('EOF')) this.fail('$end');
    return ast;
  }

  private pipe(): Ast {
    if (this.is('KEYWORD', 'def')) return this.def();
    const left = this.comma();
    if (this.is('CHAR', '|')) {
      this.next();
      return { k: 'pipe', left, right: this.pipe() };
    }
    return left;
  }

  private def(): Ast {
    this.next();
    const name = this.expect('IDENT', this.tok.v, 'IDENT').v;
    const params: string[] = [];
    if (this.is('CHAR', '(')) {
      this.next();
      for (;;) {
        if (this.is('CHAR', '$')) {
          this.next();
          params.push('$' + this.expect('IDENT', this.tok.v, 'IDENT').v);
        } else params.push(this.expect('IDENT', this.tok.v, "IDENT or '$'").v);
        if (this.is('CHAR', ';')) {
          this.next();
          continue;
        }
        this.expect('CHAR', ')', "';' or ')'");
        break;
      }
    }
    this.expect('CHAR', ':', "':'");
    const body = this.pipe();
    this.expect('CHAR', ';', "';'");
    return { k: 'def', name, params, body, rest: this.pipe() };
  }

  private comma(): Ast {
    let left = this.alt();
    while (this.is('CHAR', ',')) {
      this.next();
      left = { k: 'comma', left, right: this.alt() };
    }
    return left;
  }

  private alt(): Ast {
    const left = this.assign();
    if (this.is('OP', '//')) {
      this.next();
      return { k: 'alt', left, right: this.alt() };
    }
    return left;
  }

  private assign(): Ast {
    const left = this.or();
    const t = this.tok;
    if (
      (t.t === 'CHAR' && t.v === '=') ||
      (t.t === 'OP' && ['|=', '+=', '-=', '*=', '/=', '%=', '//='].includes(t.v))
    ) {
      this.next();
      return { k: 'assign', op: t.v, left, right: this.alt() };
    }
    return left;
  }

  private or(): Ast {
    let left = this.and();
    while (this.is('KEYWORD', 'or')) {
      this.next();
      left = { k: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Ast {
    let left = this.compare();
    while (this.is('KEYWORD', 'and')) {
      this.next();
      left = { k: 'and', left, right: this.compare() };
    }
    return left;
  }

  private compare(): Ast {
    const left = this.additive();
    const t = this.tok;
    if (
      (t.t === 'OP' && ['==', '!=', '<=', '>='].includes(t.v)) ||
      (t.t === 'CHAR' && (t.v === '<' || t.v === '>'))
    ) {
      this.next();
      return { k: 'binop', op: t.v, left, right: this.additive() };
    }
    return left;
  }

  private additive(): Ast {
    let left = this.multiplicative();
    while (this.is('CHAR', '+') || this.is('CHAR', '-')) {
      const op = this.next().v;
      left = { k: 'binop', op, left, right: this.multiplicative() };
    }
    return left;
  }

  private multiplicative(): Ast {
    let left = this.unary();
    while (this.is('CHAR', '*') || this.is('CHAR', '/') || this.is('CHAR', '%')) {
      const op = this.next().v;
      left = { k: 'binop', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Ast {
    if (this.is('CHAR', '-')) {
      this.next();
      return { k: 'neg', body: this.multiplicative() };
    }
    return this.postfix();
  }

  private postfix(): Ast {
    let t = this.primary();
    for (;;) {
      if (this.is('FIELD')) {
        const name = this.next().v.slice(1);
        t = { k: 'index', target: t, index: { k: 'literal', value: name }, opt: this.optional() };
      } else if (this.is('CHAR', '.')) {
        this.next();
        if (!this.is('QQSTRING_START') && !this.is('FORMAT')) this.fail('FORMAT or QQSTRING_START');
        const key = this.stringTerm();
        t = { k: 'index', target: t, index: key, opt: this.optional() };
      } else if (this.is('CHAR', '[')) t = this.bracket(t);
      else if (this.is('CHAR', '?')) {
        this.next();
        t = { k: 'try', body: t, catch: null };
      } else break;
    }
    if (this.is('KEYWORD', 'as')) {
      this.next();
      const pattern = this.pattern();
      this.expect('CHAR', '|', "'|'");
      return { k: 'as', source: t, pattern, body: this.pipe() };
    }
    return t;
  }

  private optional(): boolean {
    if (!this.is('CHAR', '?')) return false;
    this.next();
    return true;
  }

  private bracket(target: Ast): Ast {
    this.next();
    if (this.is('CHAR', ']')) {
      this.next();
      return { k: 'iterate', target, opt: this.optional() };
    }
    if (this.is('CHAR', ':')) {
      this.next();
      const to = this.pipe();
      this.expect('CHAR', ']', null);
      return { k: 'slice', target, from: null, to, opt: this.optional() };
    }
    const index = this.operand();
    if (this.is('CHAR', ':')) {
      this.next();
      if (this.is('CHAR', ']')) {
        this.next();
        return { k: 'slice', target, from: index, to: null, opt: this.optional() };
      }
      const to = this.pipe();
      this.expect('CHAR', ']', null);
      return { k: 'slice', target, from: index, to, opt: this.optional() };
    }
    this.expect('CHAR', ']', null);
    return { k: 'index', target, index, opt: this.optional() };
  }

  /** An expression where one is required: a missing operand is "unexpected X". */
  private operand(): Ast {
    if (!startsTerm(this.tok)) this.fail(null);
    return this.pipe();
  }

  private pattern(): Pattern {
    if (this.is('CHAR', '$')) {
      this.next();
      return { k: 'var', name: '$' + this.expect('IDENT', this.tok.v, 'IDENT').v };
    }
    if (this.is('CHAR', '[')) {
      this.next();
      const items: Pattern[] = [this.pattern()];
      while (this.is('CHAR', ',')) {
        this.next();
        items.push(this.pattern());
      }
      this.expect('CHAR', ']', "',' or ']'");
      return { k: 'array', items };
    }
    if (this.is('CHAR', '{')) {
      this.next();
      const entries: { key: Ast | string; bind: string | null; value: Pattern | null }[] = [];
      for (;;) {
        if (this.is('CHAR', '$')) {
          this.next();
          const name = this.expect('IDENT', this.tok.v, 'IDENT').v;
          let value: Pattern | null = null;
          if (this.is('CHAR', ':')) {
            this.next();
            value = this.pattern();
          }
          entries.push({ key: name, bind: '$' + name, value });
        } else {
          let key: Ast | string;
          if (this.is('IDENT') || this.is('KEYWORD')) key = this.next().v;
          else if (this.is('QQSTRING_START')) key = this.stringTerm();
          else if (this.is('CHAR', '(')) {
            this.next();
            key = this.pipe();
            this.expect('CHAR', ')', null);
          } else this.fail(null);
          this.expect('CHAR', ':', "':'");
          entries.push({ key, bind: null, value: this.pattern() });
        }
        if (this.is('CHAR', ',')) {
          this.next();
          continue;
        }
        this.expect('CHAR', '}', "'}'");
        return { k: 'object', entries };
      }
    }
    return this.fail("'$' or '[' or '{'");
  }

  /** "…", possibly with \( … ) parts, or @format "…". */
  private stringTerm(): Ast {
    let format: string | null = null;
    if (this.is('FORMAT')) {
      format = this.next().v.slice(1);
      if (!this.is('QQSTRING_START')) return { k: 'format', name: format };
    }
    this.next();
    const parts: (string | Ast)[] = [];
    for (;;) {
      if (this.is('QQSTRING_TEXT')) {
        const t = this.next();
        parts.push(unescape(t.v, t.start, this.src));
      } else if (this.is('QQSTRING_INTERP_START')) {
        this.next();
        const e = this.operand();
        if (!this.is('QQSTRING_INTERP_END')) this.fail(null);
        this.next();
        parts.push(e);
      } else if (this.is('QQSTRING_END')) {
        this.next();
        break;
      } else this.fail('QQSTRING_TEXT or QQSTRING_INTERP_START or QQSTRING_END');
    }
    if (format === null && parts.every((p) => typeof p === 'string'))
      return { k: 'literal', value: parts.join('') };
    return { k: 'string', parts, format };
  }

  private primary(): Ast {
    const t = this.tok;
    switch (t.t) {
      case 'FIELD':
        this.next();
        return {
          k: 'index',
          target: { k: 'identity' },
          index: { k: 'literal', value: t.v.slice(1) },
          opt: this.optional(),
        };
      case 'LITERAL':
        this.next();
        return { k: 'literal', value: Number(t.v) };
      case 'QQSTRING_START':
      case 'FORMAT':
        return this.stringTerm();
      case 'IDENT': {
        this.next();
        const args: Ast[] = [];
        if (this.is('CHAR', '(')) {
          this.next();
          for (;;) {
            args.push(this.operand());
            if (this.is('CHAR', ';')) {
              this.next();
              continue;
            }
            this.expect('CHAR', ')', "';' or ')'");
            break;
          }
        }
        return { k: 'call', name: t.v, args, pos: t.start };
      }
      case 'OP':
        if (t.v === '..') {
          this.next();
          return { k: 'recurse' };
        }
        break;
      case 'KEYWORD':
        return this.keyword(t);
      case 'CHAR':
        switch (t.v) {
          case '.':
            this.next();
            if (this.is('QQSTRING_START')) {
              const key = this.stringTerm();
              return { k: 'index', target: { k: 'identity' }, index: key, opt: this.optional() };
            }
            return { k: 'identity' };
          case '$': {
            this.next();
            if (this.is('KEYWORD', '__loc__')) {
              this.next();
              return { k: 'loc', line: lineOf(this.src, t.start) };
            }
            const name = this.expect('IDENT', this.tok.v, 'IDENT or __loc__').v;
            return { k: 'var', name: '$' + name, pos: t.start };
          }
          case '(': {
            this.next();
            const e = this.operand();
            this.expect('CHAR', ')', null);
            return e;
          }
          case '[': {
            this.next();
            if (this.is('CHAR', ']')) {
              this.next();
              return { k: 'array', body: null };
            }
            const body = this.operand();
            this.expect('CHAR', ']', null);
            return { k: 'array', body };
          }
          case '{':
            return this.object();
          case '-':
            return this.unary();
        }
        break;
      default:
        break;
    }
    return this.fail(null);
  }

  private keyword(t: Tok): Ast {
    switch (t.v) {
      case 'if': {
        this.next();
        const cond = this.operand();
        this.expect('KEYWORD', 'then', 'then');
        this.openIfs.push(t);
        const then = this.operand();
        let els: Ast;
        if (this.is('KEYWORD', 'elif')) {
          els = this.keyword({ ...this.tok, v: 'if' });
          this.openIfs.pop();
          return { k: 'if', cond, then, else: els };
        }
        if (!this.is('KEYWORD', 'else')) this.fail(null);
        this.next();
        els = this.operand();
        if (!this.is('KEYWORD', 'end')) this.fail(null);
        this.next();
        this.openIfs.pop();
        return { k: 'if', cond, then, else: els };
      }
      case 'try': {
        this.next();
        const body = this.postfixOnly();
        if (this.is('KEYWORD', 'catch')) {
          this.next();
          return { k: 'try', body, catch: this.postfixOnly() };
        }
        return { k: 'try', body, catch: null };
      }
      case 'reduce':
      case 'foreach': {
        this.next();
        const source = this.postfixOnly();
        this.expect('KEYWORD', 'as', 'as');
        const pattern = this.pattern();
        this.expect('CHAR', '(', "'('");
        const init = this.operand();
        this.expect('CHAR', ';', "';'");
        const update = this.operand();
        let extract: Ast | null = null;
        if (t.v === 'foreach' && this.is('CHAR', ';')) {
          this.next();
          extract = this.operand();
        }
        this.expect('CHAR', ')', t.v === 'foreach' ? "';' or ')'" : "')'");
        return t.v === 'reduce'
          ? { k: 'reduce', source, pattern, init, update }
          : { k: 'foreach', source, pattern, init, update, extract };
      }
      case 'label': {
        this.next();
        this.expect('CHAR', '$', "'$'");
        const name = this.expect('IDENT', this.tok.v, 'IDENT').v;
        this.expect('CHAR', '|', "'|'");
        return { k: 'label', name, body: this.pipe() };
      }
      case 'def':
        return this.def();
      case 'break': {
        this.next();
        const dollar = this.expect('CHAR', '$', "'$'");
        const name = this.expect('IDENT', this.tok.v, 'IDENT').v;
        return { k: 'break', name, pos: dollar.start };
      }
      default:
        return this.fail(null);
    }
  }

  /** A term with its postfixes but no `as` (the operand of try, reduce, foreach). */
  private postfixOnly(): Ast {
    let t = this.primary();
    for (;;) {
      if (this.is('FIELD'))
        t = {
          k: 'index',
          target: t,
          index: { k: 'literal', value: this.next().v.slice(1) },
          opt: this.optional(),
        };
      else if (this.is('CHAR', '[')) t = this.bracket(t);
      else if (this.is('CHAR', '?')) {
        this.next();
        t = { k: 'try', body: t, catch: null };
      } else if (this.is('CHAR', '.')) {
        this.next();
        if (!this.is('QQSTRING_START') && !this.is('FORMAT')) this.fail('FORMAT or QQSTRING_START');
        t = { k: 'index', target: t, index: this.stringTerm(), opt: this.optional() };
      } else return t;
    }
  }

  private object(): Ast {
    this.next();
    const entries: { key: Ast; value: Ast }[] = [];
    if (this.is('CHAR', '}')) {
      this.next();
      return { k: 'object', entries };
    }
    for (;;) {
      const t = this.tok;
      let key: Ast;
      let value: Ast | null = null;
      if (t.t === 'CHAR' && t.v === '$') {
        this.next();
        const name = this.expect('IDENT', this.tok.v, 'IDENT').v;
        key = { k: 'literal', value: name };
        value = { k: 'var', name: '$' + name, pos: t.start };
      } else if (t.t === 'IDENT' || t.t === 'KEYWORD') {
        this.next();
        key = { k: 'literal', value: t.v };
      } else if (t.t === 'QQSTRING_START' || t.t === 'FORMAT') key = this.stringTerm();
      else if (t.t === 'LITERAL') {
        this.next();
        key = { k: 'literal', value: Number(t.v) };
      } else if (t.t === 'CHAR' && t.v === '(') {
        this.next();
        key = this.operand();
        this.expect('CHAR', ')', null);
      } else return this.fail(null);
      if (value === null) {
        if (this.is('CHAR', ':')) {
          this.next();
          value = this.objectValue();
        } else value = { k: 'index', target: { k: 'identity' }, index: key, opt: false };
      }
      entries.push({ key, value });
      if (this.is('CHAR', ',')) {
        this.next();
        continue;
      }
      this.expect('CHAR', '}', "'}'");
      return { k: 'object', entries };
    }
  }

  /** ObjVal: a term, or terms joined by '|' (no ',' at this level). */
  private objectValue(): Ast {
    if (!startsTerm(this.tok)) this.fail(null);
    let left = this.alt();
    while (this.is('CHAR', '|')) {
      this.next();
      left = { k: 'pipe', left, right: this.alt() };
    }
    return left;
  }
}

function lineOf(src: string, pos: number): number {
  let n = 1;
  for (let i = 0; i < pos && i < src.length; i++) if (src[i] === '\n') n++;
  return n;
}

/** A string literal's escapes (jv_parse's rules). */
function unescape(text: string, start: number, src: string): string {
  void start;
  void src;
  return text.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    const simple: Record<string, string> = {
      '\\': '\\',
      '"': '"',
      '/': '/',
      b: '\b',
      f: '\f',
      t: '\t',
      n: '\n',
      r: '\r',
    };
    if (e.length === 1) return simple[e] ?? `\\${e}`;
    return String.fromCharCode(parseInt(e.slice(1), 16));
  });
}

/** The error text jq prints for a position: the line, then spaces up to the column. */
export function locate(src: string, pos: number): { line: number; text: string } {
  const lineStart = src.lastIndexOf('\n', pos - 1) + 1;
  let lineEnd = src.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = src.length;
  const col = new TextEncoder().encode(src.slice(lineStart, pos)).length;
  return { line: lineOf(src, pos), text: src.slice(lineStart, lineEnd) + ' '.repeat(col) };
}

export type ParseOutcome = { ok: true; ast: Ast } | { ok: false; errors: CompileError[] };

/** Parse a jq program; syntax errors as jq 1.6 words them. */
export function parseJq(src: string): ParseOutcome {
  const p = new Parser(lex(src), src);
  try {
    return { ok: true, ast: p.program() };
  } catch (e) {
    if (!(e instanceof SyntaxErr)) throw e;
    const errors: CompileError[] = [
      {
        message: `syntax error, unexpected ${display(e.tok)}${e.expecting ? `, expecting ${e.expecting}` : ''} (Unix shell quoting issues?)`,
        pos: e.tok.start,
      },
    ];
    if (p.unterminated)
      errors.push({ message: "Possibly unterminated 'if' statement", pos: p.unterminated.start });
    return { ok: false, errors };
  }
}
