// jq's terms (parser.y's Term, Pattern, ObjVal): literals, strings with interpolation, paths and
// their postfixes, arrays, objects, destructuring patterns and the keyword forms (if, try, reduce,
// foreach, label, break). The operators between terms are parser.ts's, reached through the abstract
// methods.

import type { Ast, Pattern } from './ast.ts';
import type { Tok } from './lexer.ts';
import { lineOf, startsTerm, TokenCursor } from './parse-cursor.ts';

export abstract class TermParser extends TokenCursor {
  protected abstract pipe(): Ast;
  protected abstract def(): Ast;
  protected abstract alt(): Ast;
  protected abstract unary(): Ast;

  protected bracket(target: Ast): Ast {
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

  protected pattern(): Pattern {
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
  protected stringTerm(): Ast {
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

  protected primary(): Ast {
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
