import type {
  AndOr,
  Assignment,
  LineItem,
  Pipeline,
  Program,
  Redirect,
  SimpleCommand,
  SyntaxProblem,
  Token,
  Word,
} from './ast.ts';

/**
 * Tokens to a Program: one item per input line, each either a list to run or the syntax error that stops
 * that line (an interactive shell reports it and goes on with the next line). The grammar is flat — list,
 * and-or, pipeline, simple command — so the parser loops instead of recursing and a paste of 100 000
 * commands cannot overflow the stack.
 */
export function parse(tokens: readonly Token[]): Program {
  return new Parser(tokens).program();
}

/** Unwinds out of the line being parsed; caught per line, never escapes `parse`. */
class SyntaxFailure {
  constructor(
    readonly problem: SyntaxProblem,
    readonly line: number,
  ) {}
}

/** Reserved words that open a compound command: their grammar is not implemented here. */
const OPENERS = new Set(['if', 'case', 'for', 'select', 'while', 'until', 'function', '{', '[[', 'coproc']);
/** Reserved words that only make sense inside one: bash rejects them where a command starts. */
const CLOSERS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

const UNSUPPORTED: Readonly<Record<string, string>> = {
  '&': 'background jobs (&)',
  '(': 'subshells ( … )',
  '<<': 'here-documents (<<)',
  '<<<': 'here-strings (<<<)',
  '<>': 'read-write redirection (<>)',
  '<(': 'process substitution <(…)',
  '>(': 'process substitution >(…)',
};

class Parser {
  private at = 0;
  private commandCount = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  program(): Program {
    const items: LineItem[] = [];
    for (;;) {
      const t = this.peek();
      if (t === undefined) break;
      if (t.kind === 'op' && t.op === '\n') {
        this.at++;
        continue;
      }
      try {
        items.push({ kind: 'list', list: this.line() });
      } catch (e) {
        if (!(e instanceof SyntaxFailure)) throw e;
        items.push({ kind: 'error', problem: e.problem, line: e.line });
        this.skipLine();
      }
    }
    return { items, commandCount: this.commandCount };
  }

  private line(): AndOr[] {
    const list: AndOr[] = [];
    for (;;) {
      list.push(this.andOr());
      const t = this.peek();
      if (t === undefined || (t.kind === 'op' && t.op === '\n')) return list;
      if (t.kind === 'op' && t.op === ';') {
        this.at++;
        const after = this.peek();
        if (after === undefined || (after.kind === 'op' && after.op === '\n')) return list;
        continue;
      }
      throw this.unexpected(t);
    }
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: { op: '&&' | '||'; pipeline: Pipeline }[] = [];
    for (let t = this.peek(); t?.kind === 'op' && (t.op === '&&' || t.op === '||'); t = this.peek()) {
      this.at++;
      this.continuation(t.line);
      rest.push({ op: t.op, pipeline: this.pipeline() });
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    let negated = false;
    while (isPlainWord(this.peek(), '!')) {
      this.at++;
      negated = !negated;
    }
    const commands = [this.simple()];
    for (let t = this.peek(); t?.kind === 'op' && (t.op === '|' || t.op === '|&'); t = this.peek()) {
      this.at++;
      // `a |& b` is bash's shorthand for `a 2>&1 | b`, applied after a's own redirections.
      if (t.op === '|&') commands[commands.length - 1] = withStderrToStdout(commands.at(-1) as SimpleCommand);
      this.continuation(t.line);
      commands.push(this.simple());
    }
    return { negated, commands };
  }

  private simple(): SimpleCommand {
    const first = this.peek();
    const line = first?.line ?? 0;
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (let t = this.peek(); t !== undefined; t = this.peek()) {
      const empty = words.length === 0 && assignments.length === 0 && redirects.length === 0;
      if (t.kind === 'word') {
        const reserved = empty ? plainText(t.word) : null;
        if (reserved !== null && OPENERS.has(reserved))
          throw this.fail({ kind: 'unsupported', feature: `compound commands (${reserved})` }, t.line);
        if (reserved !== null && CLOSERS.has(reserved))
          throw this.fail({ kind: 'unexpected', token: reserved }, t.line);
        this.at++;
        const assignment = words.length === 0 ? asAssignment(t.word) : null;
        if (assignment !== null) assignments.push(assignment);
        else words.push(t.word);
      } else if (t.kind === 'redir') {
        this.at++;
        const target = this.peek();
        if (target?.kind !== 'word') throw this.unexpected(target);
        this.at++;
        redirects.push({ fd: t.fd, op: t.op, target: target.word });
      } else if (t.kind === 'error') {
        throw this.fail(t.problem, t.line);
      } else if (t.kind === 'bad') {
        const feature = UNSUPPORTED[t.text];
        if (feature !== undefined && (t.text !== '(' || empty))
          throw this.fail({ kind: 'unsupported', feature }, t.line);
        throw this.unexpected(t);
      } else break;
    }
    if (words.length === 0 && assignments.length === 0 && redirects.length === 0)
      throw this.unexpected(this.peek());
    this.commandCount++;
    return { assignments, words, redirects, line };
  }

  /** After `|`, `&&`, `||` a newline continues the command; the input ending there is an error. */
  private continuation(line: number): void {
    for (let t = this.peek(); t?.kind === 'op' && t.op === '\n'; t = this.peek()) this.at++;
    if (this.peek() === undefined) throw this.fail({ kind: 'eof' }, line);
  }

  private unexpected(t: Token | undefined): SyntaxFailure {
    if (t === undefined)
      return this.fail({ kind: 'unexpected', token: 'newline' }, this.tokens.at(-1)?.line ?? 0);
    switch (t.kind) {
      case 'op':
        return this.fail({ kind: 'unexpected', token: t.op === '\n' ? 'newline' : t.op }, t.line);
      case 'redir':
        return this.fail({ kind: 'unexpected', token: (t.fd ?? '') + t.op }, t.line);
      case 'bad':
        return this.fail({ kind: 'unexpected', token: t.text }, t.line);
      case 'word':
        return this.fail({ kind: 'unexpected', token: t.word.raw }, t.line);
      case 'error':
        return this.fail(t.problem, t.line);
    }
  }

  private fail(problem: SyntaxProblem, line: number): SyntaxFailure {
    return new SyntaxFailure(problem, line);
  }

  private skipLine(): void {
    while (this.at < this.tokens.length) {
      const t = this.tokens[this.at] as Token;
      if (t.kind === 'op' && t.op === '\n') return;
      this.at++;
    }
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }
}

/** The text of a word with no quoting or expansion at all (reserved words must be written plainly). */
function plainText(w: Word): string | null {
  const only = w.parts.length === 1 ? w.parts[0] : undefined;
  return only?.kind === 'text' && !only.quoted ? only.text : null;
}

function isPlainWord(t: Token | undefined, text: string): boolean {
  return t?.kind === 'word' && plainText(t.word) === text;
}

/** `NAME=value` where NAME and `=` are unquoted: the rest of the word is the value. */
function asAssignment(w: Word): Assignment | null {
  const head = w.parts[0];
  if (head?.kind !== 'text' || head.quoted) return null;
  const m = ASSIGNMENT.exec(head.text);
  if (m === null) return null;
  const name = m[0].slice(0, -1);
  const rest = head.text.slice(m[0].length);
  const parts = rest === '' ? w.parts.slice(1) : [{ ...head, text: rest }, ...w.parts.slice(1)];
  return { name, value: { parts, raw: w.raw.slice(m[0].length) } };
}

function withStderrToStdout(cmd: SimpleCommand): SimpleCommand {
  const one: Word = { parts: [{ kind: 'text', text: '1', quoted: false }], raw: '1' };
  return { ...cmd, redirects: [...cmd.redirects, { fd: 2, op: '>&', target: one }] };
}
