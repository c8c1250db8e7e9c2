// The jq language's parser: a recursive descent following parser.y's precedences (pipe, def, comma,
// alternative, assignment, or, and, comparison, + -, * / %, unary minus, postfix). Syntax errors read
// like bison's in jq 1.6: "syntax error, unexpected X[, expecting Y] (Unix shell quoting issues?)" at
// the offending token.

import type { Ast, CompileError } from './ast.ts';
import type { Tok } from './lexer.ts';
import { lex } from './lexer.ts';
import { lineOf, startsTerm, SyntaxErr } from './parse-cursor.ts';
import { TermParser } from './parse-terms.ts';

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

class Parser extends TermParser {
  program(): Ast {
    if (!startsTerm(this.tok)) {
      if (this.is('EOF')) return { k: 'identity' };
      this.fail('$end');
    }
    const ast = this.pipe();
    if (!this.is('EOF')) this.fail('$end');
    return ast;
  }

  protected override pipe(): Ast {
    if (this.is('KEYWORD', 'def')) return this.def();
    const left = this.comma();
    if (this.is('CHAR', '|')) {
      this.next();
      return { k: 'pipe', left, right: this.pipe() };
    }
    return left;
  }

  protected override def(): Ast {
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

  protected override alt(): Ast {
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

  protected override unary(): Ast {
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
