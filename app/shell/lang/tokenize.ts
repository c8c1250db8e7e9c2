import type { ControlOp, RedirOp, ShellName, SyntaxProblem, Token, WordPart } from './ast.ts';
import { decodeEscapes } from './escapes.ts';
import { MAX_BRACE_DEPTH } from './limits.ts';
import {
  matchingBrace,
  NAME_RUN,
  NAME_START,
  nextSpecial,
  Parts,
  readName,
  SPECIAL,
} from './word-builder.ts';

/**
 * Splits a line into words and operators in one left-to-right pass (linear in the input: a pasted megabyte
 * must not freeze the tab). Quoting is kept per part so that expansion knows what it may split and glob.
 * Problems (an unterminated quote, `$(…)`) become `error` tokens rather than exceptions, so the lines
 * before them still run, as in an interactive shell.
 */
export function tokenize(src: string, shell: ShellName): Token[] {
  return new Lexer(src, shell).run();
}

/** Thrown inside the lexer only, to unwind out of a half-read word; `run` turns it into a token. */
class LexFailure {
  constructor(readonly problem: SyntaxProblem) {}
}

const BLANK = /[ \t]/;
const META = /[ \t\n&|;<>()]/;
const PLAIN_RUN = /[^ \t\n&|;<>()\\'"$`]+/y;

class Lexer {
  private i = 0;
  private line = 0;
  private readonly tokens: Token[] = [];

  constructor(
    private readonly src: string,
    private readonly shell: ShellName,
  ) {}

  run(): Token[] {
    const { src } = this;
    while (this.i < src.length) {
      const c = src[this.i] as string;
      if (BLANK.test(c)) this.i++;
      else if (c === '\n') this.control('\n', 1);
      else if (c === '#') this.skipTo('\n');
      else if (c === '\\' && src[this.i + 1] === '\n') this.continuation();
      else if (META.test(c)) this.operator(null);
      else {
        const start = this.i;
        const line = this.line;
        try {
          this.word(start, line);
        } catch (e) {
          if (!(e instanceof LexFailure)) throw e;
          this.tokens.push({ kind: 'error', problem: e.problem, line });
          // An unterminated quote swallowed the rest; anything else only spoils its own line.
          if (e.problem.kind === 'eof-in-quote') this.i = src.length;
          else this.skipTo('\n');
        }
      }
    }
    return this.tokens;
  }

  private word(start: number, line: number): void {
    const { src } = this;
    const parts = new Parts();
    while (this.i < src.length) {
      const c = src[this.i] as string;
      if (META.test(c)) {
        const fd = c === '<' || c === '>' ? parts.ioNumber() : null;
        if (fd !== null) return this.operator(fd);
        break;
      }
      if (c === '\\') this.backslash(parts, false);
      else if (c === "'") this.single(parts, false);
      else if (c === '"') this.double(parts, 0);
      else if (c === '$') this.dollar(parts, false, 0);
      else if (c === '`') throw new LexFailure({ kind: 'unsupported', feature: 'command substitution `…`' });
      else {
        PLAIN_RUN.lastIndex = this.i;
        PLAIN_RUN.test(src);
        parts.text(src.slice(this.i, PLAIN_RUN.lastIndex), false);
        this.i = PLAIN_RUN.lastIndex;
      }
    }
    // Every character read adds a part, except line continuations: a word of only those is no word.
    const wordParts = parts.done();
    if (wordParts.length === 0) return;
    this.tokens.push({ kind: 'word', word: { parts: wordParts, raw: src.slice(start, this.i) }, line });
  }

  private backslash(parts: Parts, inDouble: boolean): void {
    const next = this.src[this.i + 1];
    if (next === undefined) {
      parts.text('\\', true); // a trailing backslash stays, as bash -c keeps it
      this.i++;
    } else if (next === '\n') {
      this.continuation();
    } else if (inDouble && !'$`"\\'.includes(next)) {
      parts.text('\\', true); // inside "…" a backslash only escapes $ ` " \ and newline
      this.i++;
    } else {
      parts.text(next, true);
      this.i += 2;
    }
  }

  private single(parts: Parts, literalQuote: boolean): void {
    if (literalQuote) {
      parts.text("'", true);
      this.i++;
      return;
    }
    const end = this.src.indexOf("'", this.i + 1);
    if (end < 0) throw new LexFailure({ kind: 'eof-in-quote', quote: "'" });
    const text = this.src.slice(this.i + 1, end);
    if (text === '') parts.emptyQuoted();
    else parts.text(text, true);
    this.countLines(text);
    this.i = end + 1;
  }

  /** `"…"`: only `$` and a few backslash escapes stay special. `depth` is ${…} nesting, bounded. */
  private double(parts: Parts, depth: number): void {
    const { src } = this;
    this.i++;
    const before = parts.count;
    for (;;) {
      const c = src[this.i];
      if (c === undefined) throw new LexFailure({ kind: 'eof-in-quote', quote: '"' });
      if (c === '"') break;
      if (c === '\\') this.backslash(parts, true);
      else if (c === '$') this.dollar(parts, true, depth);
      else if (c === '`') throw new LexFailure({ kind: 'unsupported', feature: 'command substitution `…`' });
      else {
        const stop = nextSpecial(src, this.i, '"\\$`');
        const text = src.slice(this.i, stop);
        parts.text(text, true);
        this.countLines(text);
        this.i = stop;
      }
    }
    this.i++;
    if (parts.count === before) parts.emptyQuoted();
  }

  private dollar(parts: Parts, quoted: boolean, depth: number): void {
    const { src } = this;
    const start = this.i;
    const next = src[start + 1];
    if (next === '{') return this.braced(parts, quoted, depth);
    if (next === '(') {
      const feature = src[start + 2] === '(' ? 'arithmetic expansion $((…))' : 'command substitution $(…)';
      throw new LexFailure({ kind: 'unsupported', feature });
    }
    if (next === "'" && !quoted && this.shell === 'bash') return this.ansiC(parts);
    if (next === '"' && !quoted && this.shell === 'bash') {
      this.i++; // $"…" is a translatable string; with no catalogue it is just "…"
      return;
    }
    if (next !== undefined && NAME_START.test(next)) {
      NAME_RUN.lastIndex = start + 2;
      NAME_RUN.test(src);
      this.i = NAME_RUN.lastIndex;
      return parts.param(src.slice(start + 1, this.i), quoted, null, src.slice(start, this.i));
    }
    if (next !== undefined && SPECIAL.test(next)) {
      this.i = start + 2;
      return parts.param(next, quoted, null, src.slice(start, this.i));
    }
    parts.text('$', quoted);
    this.i++;
  }

  /** `${NAME}`, `${#NAME}`, `${NAME:-word}` and kin; any other form is kept for "bad substitution". */
  private braced(parts: Parts, quoted: boolean, depth: number): void {
    const { src } = this;
    const start = this.i;
    let j = start + 2;
    const length = src[j] === '#' && src[j + 1] !== '}';
    if (length) j++;
    const name = readName(src, j);
    j += name.length;
    const c = src[j];
    if (name !== '' && c === '}') {
      this.i = j + 1;
      return parts.param(name, quoted, length ? { kind: 'length' } : null, src.slice(start, this.i));
    }
    const colon = c === ':';
    const test = src[colon ? j + 1 : j];
    if (name !== '' && !length && (test === '-' || test === '+' || test === '=' || test === '?')) {
      if (depth >= MAX_BRACE_DEPTH)
        throw new LexFailure({ kind: 'unsupported', feature: 'deeply nested ${…}' });
      this.i = j + (colon ? 2 : 1);
      const word = this.inner(quoted, depth + 1);
      return parts.param(name, quoted, { kind: 'alt', test, colon, word }, src.slice(start, this.i));
    }
    this.i = matchingBrace(src, start + 2);
    if (this.i < 0) throw new LexFailure({ kind: 'eof-in-quote', quote: '}' });
    parts.param(name, quoted, { kind: 'bad' }, src.slice(start, this.i));
  }

  /** The word inside `${NAME:-word}`, up to the closing brace; blanks and operators are literal here. */
  private inner(quoted: boolean, depth: number): WordPart[] {
    const { src } = this;
    const parts = new Parts();
    for (;;) {
      const c = src[this.i];
      if (c === undefined) throw new LexFailure({ kind: 'eof-in-quote', quote: '}' });
      if (c === '}') break;
      if (c === '\\') this.backslash(parts, quoted);
      else if (c === "'") this.single(parts, quoted);
      else if (c === '"') this.double(parts, depth);
      else if (c === '$') this.dollar(parts, quoted, depth);
      else if (c === '`') throw new LexFailure({ kind: 'unsupported', feature: 'command substitution `…`' });
      else {
        const stop = nextSpecial(src, this.i, '}\\\'"$`');
        const text = src.slice(this.i, stop);
        parts.text(text, quoted);
        this.countLines(text);
        this.i = stop;
      }
    }
    this.i++;
    return parts.done();
  }

  /** bash's $'…': C-style escapes, the result fully quoted. */
  private ansiC(parts: Parts): void {
    const { src } = this;
    let j = this.i + 2;
    while (j < src.length && src[j] !== "'") j += src[j] === '\\' ? 2 : 1;
    if (j >= src.length) throw new LexFailure({ kind: 'eof-in-quote', quote: "'" });
    const body = src.slice(this.i + 2, j);
    const text = decodeEscapes(body, 'ansi').text;
    if (text === '') parts.emptyQuoted();
    else parts.text(text, true);
    this.countLines(body);
    this.i = j + 1;
  }

  private operator(fd: number | null): void {
    const { src } = this;
    const two = src.slice(this.i, this.i + 2);
    const three = src.slice(this.i, this.i + 3);
    const bash = this.shell === 'bash';
    if (three === '<<<') return this.bad('<<<'); // here-strings and here-documents are not implemented
    if (two === '<<') return this.bad('<<');
    if (bash && three === '&>>' && fd === null) return this.redir('&>>', null, 3);
    if (bash && two === '&>' && fd === null) return this.redir('&>', null, 2);
    if (two === '&&' || two === '||') return this.control(two, 2);
    if (bash && two === '|&') return this.control('|&', 2);
    if (two === ';;' || two === ';&' || two === '<>' || two === '<(' || two === '>(') return this.bad(two);
    if (two === '>>' || two === '>&' || two === '>|' || two === '<&') return this.redir(two, fd, 2);
    const c = src[this.i] as string;
    if (c === '<' || c === '>') return this.redir(c, fd, 1);
    if (c === ';' || c === '|') return this.control(c, 1);
    this.bad(c); // & ( )
  }

  private control(op: ControlOp, width: number): void {
    this.tokens.push({ kind: 'op', op, line: this.line });
    this.i += width;
    if (op === '\n') this.line++;
  }

  private redir(op: RedirOp, fd: number | null, width: number): void {
    this.tokens.push({ kind: 'redir', op, fd, line: this.line });
    this.i += width;
  }

  private bad(text: string): void {
    this.tokens.push({ kind: 'bad', text, line: this.line });
    this.i += text.length;
  }

  private continuation(): void {
    this.i += 2;
    this.line++;
  }

  private skipTo(c: string): void {
    const at = this.src.indexOf(c, this.i);
    this.i = at < 0 ? this.src.length : at;
  }

  private countLines(text: string): void {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.line++;
  }
}
