// text/template's parser: actions, pipelines, variables in scope and the control structures
// (if/with/range/else, define/template, break/continue), with the parse errors Go reports.

import type { GoValue } from './go-values.ts';
import type { Arg, Command, Node, Pipeline, Template } from './template-ast.ts';
import { argString } from './template-ast.ts';
import type { Tok } from './template-lex.ts';
import { lex, parseErr, TemplateError } from './template-lex.ts';

const FUNCS = new Set([
  'and',
  'call',
  'html',
  'index',
  'slice',
  'js',
  'len',
  'not',
  'or',
  'print',
  'printf',
  'println',
  'urlquery',
  'eq',
  'ge',
  'gt',
  'le',
  'lt',
  'ne',
  'json',
  'split',
  'join',
  'title',
  'lower',
  'upper',
  'pad',
  'truncate',
]);

/** Go string, raw string and character literals. */
function unquote(text: string): string {
  if (text.startsWith('`')) return text.slice(1, -1);
  const body = text.slice(1, -1);
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_, e: string) => {
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      a: '\x07',
      b: '\b',
      f: '\f',
      v: '\v',
      '\\': '\\',
      '"': '"',
      "'": "'",
    };
    if (e.length === 1) return simple[e] ?? e;
    if (/^[0-7]{3}$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return String.fromCodePoint(parseInt(e.slice(1), 16));
  });
}

function numberValue(text: string): GoValue {
  const t = text.replace(/_/g, '');
  if (/^[+-]?0[xX]/.test(t)) return parseInt(t, 16);
  if (/^[+-]?0[bB]/.test(t)) return (t.startsWith('-') ? -1 : 1) * parseInt(t.replace(/^[+-]?0[bB]/, ''), 2);
  if (/^[+-]?0[oO]/.test(t)) return (t.startsWith('-') ? -1 : 1) * parseInt(t.replace(/^[+-]?0[oO]/, ''), 8);
  if (/[.eE]/.test(t)) return { t: 'float', v: Number(t) };
  if (/^[+-]?0[0-7]+$/.test(t)) return parseInt(t, 8);
  return Number(t);
}

class Parser {
  private i = 0;
  private vars: string[][] = [['$']];
  private rangeDepth = 0;
  readonly defines = new Map<string, Node[]>();

  constructor(private readonly toks: readonly Tok[]) {}

  private peek(): Tok {
    return this.toks[this.i]!;
  }
  private next(): Tok {
    return this.toks[this.i++]!;
  }
  private nextNonSpace(): Tok {
    let t = this.next();
    while (t.kind === 'space') t = this.next();
    return t;
  }
  private peekNonSpace(): Tok {
    const save = this.i;
    const t = this.nextNonSpace();
    this.i = save;
    return t;
  }
  private fail(msg: string, t: Tok = this.toks[Math.max(0, this.i - 1)]!): never {
    throw parseErr(t.line, msg);
  }

  parseTop(): Node[] {
    const [list, end] = this.list();
    if (end !== 'eof') this.fail(`unexpected {{${end}}}`);
    return list;
  }

  /** Nodes up to {{end}}, {{else …}} or EOF; returns which ended it. */
  private list(): [Node[], 'end' | 'else' | 'eof'] {
    const out: Node[] = [];
    for (;;) {
      const t = this.next();
      if (t.kind === 'eof') return [out, 'eof'];
      if (t.kind === 'text') {
        out.push({ k: 'text', text: t.text });
        continue;
      }
      // t is '{{'
      const kw = this.peekNonSpace();
      if (kw.kind === 'ident') {
        switch (kw.text) {
          case 'end':
            this.nextNonSpace();
            this.expectClose('end');
            return [out, 'end'];
          case 'else':
            this.nextNonSpace();
            return [out, 'else'];
          case 'if':
          case 'range':
          case 'with':
            this.nextNonSpace();
            out.push(this.control(kw.text, kw));
            continue;
          case 'template':
            this.nextNonSpace();
            out.push(this.templateCall());
            continue;
          case 'define':
            this.nextNonSpace();
            this.define();
            continue;
          case 'break':
          case 'continue':
            this.nextNonSpace();
            if (this.rangeDepth === 0) this.fail(`{{${kw.text}}} outside {{range}}`);
            this.expectClose(kw.text);
            out.push({ k: kw.text, pos: kw.pos });
            continue;
          case 'block':
            this.fail('{{block}} is not supported here');
        }
      }
      const pipe = this.pipeline('command');
      out.push({ k: 'action', pos: pipe.pos, pipe });
    }
  }

  private expectClose(context: string): void {
    const t = this.nextNonSpace();
    if (t.kind !== 'close') this.fail(`unexpected ${describe(t)} in ${context}`, t);
  }

  private control(kind: 'if' | 'range' | 'with', kw: Tok): Node {
    this.vars.push([]);
    const pipe = this.pipeline(kind);
    if (kind === 'range') this.rangeDepth++;
    const [list, firstEnd] = this.list();
    let end = firstEnd;
    if (kind === 'range') this.rangeDepth--;
    let elseList: Node[] | null = null;
    if (end === 'else') {
      // {{else if …}} / {{else with …}} chain into a nested node.
      const nxt = this.peekNonSpace();
      if (
        (kind === 'if' && nxt.kind === 'ident' && nxt.text === 'if') ||
        (kind === 'with' && nxt.kind === 'ident' && nxt.text === 'with')
      ) {
        this.nextNonSpace();
        elseList = [this.control(kind, nxt)];
        this.vars.pop();
        return { k: kind, pos: kw.pos, pipe, list, elseList };
      }
      this.expectClose('else');
      [elseList, end] = this.list();
    }
    if (end === 'eof') this.fail('unexpected EOF', this.toks[this.toks.length - 1]);
    if (end === 'else') this.fail('unexpected {{else}}');
    this.vars.pop();
    return { k: kind, pos: kw.pos, pipe, list, elseList };
  }

  private templateCall(): Node {
    const t = this.nextNonSpace();
    if (t.kind !== 'string') this.fail(`unexpected ${describe(t)} in template clause`, t);
    const name = unquote(t.text);
    let pipe: Pipeline | null = null;
    if (this.peekNonSpace().kind !== 'close') pipe = this.pipeline('template');
    else this.nextNonSpace();
    return { k: 'template', pos: t.pos, name, pipe };
  }

  private define(): void {
    const t = this.nextNonSpace();
    if (t.kind !== 'string') this.fail(`unexpected ${describe(t)} in define clause`, t);
    this.expectClose('define clause');
    const saved = this.vars;
    this.vars = [['$']];
    const [list, end] = this.list();
    this.vars = saved;
    if (end !== 'end') this.fail(end === 'eof' ? 'unexpected EOF' : 'unexpected {{else}}');
    this.defines.set(unquote(t.text), list);
  }

  private pipeline(context: string): Pipeline {
    const start = this.peekNonSpace();
    const decl: string[] = [];
    let assign = false;
    // $x := … / $x = … / $i, $e := …
    const save = this.i;
    const v = this.nextNonSpace();
    if (v.kind === 'var') {
      const after = this.peekNonSpace();
      if (after.kind === 'declare' || after.kind === 'assign') {
        this.nextNonSpace();
        decl.push(v.text);
        assign = after.kind === 'assign';
      } else if (after.kind === 'comma' && context === 'range') {
        this.nextNonSpace();
        const v2 = this.nextNonSpace();
        const op = this.nextNonSpace();
        if (v2.kind !== 'var' || (op.kind !== 'declare' && op.kind !== 'assign'))
          this.fail('too many declarations in range', op);
        decl.push(v.text, v2.text);
        assign = op.kind === 'assign';
      } else this.i = save;
    } else this.i = save;
    const cmds: Command[] = [];
    for (;;) {
      const t = this.peekNonSpace();
      if (t.kind === 'close' || t.kind === 'rparen') {
        this.nextNonSpace();
        if (t.kind === 'rparen' && context !== 'paren') this.fail('unexpected right paren', t);
        if (t.kind === 'close' && context === 'paren') this.fail('unclosed left paren', t);
        if (cmds.length === 0) this.fail(`missing value for ${context}`, t);
        break;
      }
      if (t.kind === 'pipe') {
        if (cmds.length === 0) this.fail(`unexpected "|" in command`, t);
        this.nextNonSpace();
        continue;
      }
      cmds.push(this.command());
    }
    if (!assign) for (const d of decl) this.vars[this.vars.length - 1]!.push(d);
    return { pos: decl.length > 0 ? start.pos : (cmds[0]?.pos ?? start.pos), decl, assign, cmds };
  }

  private command(): Command {
    const args: Arg[] = [];
    const pos = this.peekNonSpace().pos;
    for (;;) {
      const t = this.peekNonSpace();
      if (t.kind === 'close' || t.kind === 'rparen' || t.kind === 'pipe') break;
      args.push(this.operand());
      const after = this.peek();
      if (
        after.kind !== 'space' &&
        after.kind !== 'close' &&
        after.kind !== 'rparen' &&
        after.kind !== 'pipe'
      )
        this.fail(`unexpected ${describe(after)} in operand`, after);
    }
    if (args.length === 0) this.fail('empty command');
    return { pos, args };
  }

  private operand(): Arg {
    const node = this.term();
    if (this.peek().kind !== 'field') return node;
    const fields: string[] = [];
    const pos = this.peek().pos;
    while (this.peek().kind === 'field') fields.push(this.next().text.slice(1));
    if (node.k === 'field') return { k: 'field', pos, idents: [...node.idents, ...fields] };
    if (node.k === 'var') return { k: 'var', pos, idents: [...node.idents, ...fields] };
    if (
      node.k === 'bool' ||
      node.k === 'string' ||
      node.k === 'number' ||
      node.k === 'nil' ||
      node.k === 'dot'
    )
      this.fail(`unexpected . after term "${argString(node)}"`);
    return { k: 'chain', pos, node, fields };
  }

  private term(): Arg {
    const t = this.nextNonSpace();
    switch (t.kind) {
      case 'ident':
        if (t.text === 'true' || t.text === 'false') return { k: 'bool', pos: t.pos, v: t.text === 'true' };
        if (t.text === 'nil') return { k: 'nil', pos: t.pos };
        if (!FUNCS.has(t.text)) this.fail(`function "${t.text}" not defined`, t);
        return { k: 'ident', pos: t.pos, name: t.text };
      case 'dot':
        return { k: 'dot', pos: t.pos };
      case 'field':
        if (t.text === '.') this.fail('unexpected <.> in operand', t);
        return { k: 'field', pos: t.pos, idents: [t.text.slice(1)] };
      case 'var': {
        if (!this.vars.some((scope) => scope.includes(t.text)))
          this.fail(`undefined variable "${t.text}"`, t);
        return { k: 'var', pos: t.pos, idents: [t.text] };
      }
      case 'string':
        return { k: 'string', pos: t.pos, text: t.text, v: unquote(t.text) };
      case 'char':
        return {
          k: 'number',
          pos: t.pos,
          text: t.text,
          v: unquote(t.text.replace(/^'|'$/g, '"')).codePointAt(0) ?? 0,
        };
      case 'number':
        return { k: 'number', pos: t.pos, text: t.text, v: numberValue(t.text) };
      case 'lparen': {
        const pipe = this.pipeline('paren');
        return { k: 'pipe', pos: t.pos, pipe };
      }
      default:
        return this.fail(`unexpected ${describe(t)} in operand`, t);
    }
  }
}

const KEYWORDS = new Set([
  'block',
  'break',
  'continue',
  'define',
  'else',
  'end',
  'if',
  'range',
  'nil',
  'template',
  'with',
]);

/** How Go's lexer items print in parse errors: keywords and dot as <x>, the rest quoted. */
function describe(t: Tok): string {
  if (t.kind === 'eof') return 'EOF';
  if (t.kind === 'dot' || (t.kind === 'ident' && KEYWORDS.has(t.text))) return `<${t.text}>`;
  const text = t.kind === 'close' ? '}}' : t.text;
  return text.length > 10 ? `${JSON.stringify(text.slice(0, 10))}...` : JSON.stringify(text);
}

/** Parse a template; a syntax error comes back as `template: :LINE: …` (never thrown). */
export function parseTemplate(src: string): { ok: true; template: Template } | { ok: false; error: string } {
  try {
    const p = new Parser(lex(src));
    const root = p.parseTop();
    return { ok: true, template: { src, root, defines: p.defines } };
  } catch (e) {
    if (e instanceof TemplateError) return { ok: false, error: e.message };
    return { ok: false, error: `template: :1: ${e instanceof Error ? e.message : String(e)}` };
  }
}
