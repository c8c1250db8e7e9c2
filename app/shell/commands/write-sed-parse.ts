import type { Addr, Command, Regex } from './write-sed-program.ts';
import { replacementPieces, unescapeText } from './write-sed-program.ts';
import { translateRegex } from './write-sed-regex.ts';

// The sed script compiler, after GNU sed's compile.c: the same reading of addresses, commands and
// `s` flags, and the same messages with the same "char N" (characters read so far when it gave up).
// Supported: s, y, d, p, =, q, Q, {…}, !, #comments; addresses N, first~step, $, /RE/, \cREc, ranges.

export class SedError extends Error {}

const EOF = '';

/** Compiles -e expressions one after another into one program (a `{` may close in a later one). */
export class SedCompiler {
  readonly program: Command[] = [];
  private readonly blocks: number[] = [];
  private text = '';
  private pos = 0;
  expressions = 0;

  constructor(private readonly extended: boolean) {}

  /** Throws SedError with GNU's whole message line (without "sed: "). */
  add(script: string): void {
    this.text = script;
    this.pos = 0;
    this.expressions++;
    this.compile();
  }

  finish(): Command[] {
    if (this.blocks.length > 0) this.bad("unmatched `{'");
    return this.program;
  }

  bad(why: string): never {
    throw new SedError(`-e expression #${this.expressions}, char ${this.pos}: ${why}`);
  }

  private inchar(): string {
    if (this.pos >= this.text.length) return EOF;
    return this.text[this.pos++]!;
  }

  private savchar(ch: string): void {
    if (ch !== EOF) this.pos--;
  }

  private nonblank(): string {
    let ch: string;
    do ch = this.inchar();
    while (ch === ' ' || ch === '\t');
    return ch;
  }

  private integer(first: string): number {
    let n = 0;
    let ch = first;
    while (/[0-9]/.test(ch) && ch !== EOF) {
      n = n * 10 + Number(ch);
      ch = this.inchar();
    }
    this.savchar(ch);
    return n;
  }

  private endOfCommand(): void {
    const ch = this.nonblank();
    if (ch === '}' || ch === '#') this.savchar(ch);
    else if (ch !== EOF && ch !== '\n' && ch !== ';') this.bad('extra characters after command');
  }

  private compile(): void {
    for (;;) {
      let ch = this.inchar();
      while (ch === ';' || /\s/.test(ch)) ch = this.inchar();
      if (ch === EOF) return;
      let a1: Addr | undefined;
      let a2: Addr | undefined;
      const first = this.address(ch);
      if (first) {
        if (first.kind === 'plus' || first.kind === 'mult')
          this.bad('invalid usage of +N or ~N as first address');
        a1 = first;
        ch = this.nonblank();
        if (ch === ',') {
          a2 = this.address(this.nonblank()) ?? this.bad("unexpected `,'");
          ch = this.nonblank();
        }
        if (a1.kind === 'line' && a1.n === 0 && (!a2 || a2.kind !== 'regex'))
          this.bad('invalid usage of line address 0');
      }
      let bang = false;
      if (ch === '!') {
        bang = true;
        ch = this.nonblank();
        if (ch === '!') this.bad("multiple `!'s");
      }
      const at = { ...(a1 ? { a1 } : {}), ...(a2 ? { a2 } : {}), bang };
      switch (ch) {
        case '#':
          if (a1) this.bad("comments don't accept any addresses");
          while (ch !== EOF && ch !== '\n') ch = this.inchar();
          continue;
        case '{':
          this.blocks.push(this.program.length);
          this.program.push({ ...at, name: '{', end: -1 });
          continue;
        case '}': {
          const open = this.blocks.pop();
          if (open === undefined) this.bad("unexpected `}'");
          if (a1) this.bad("`}' doesn't want any addresses");
          this.endOfCommand();
          const start = this.program[open];
          if (start?.name === '{') start.end = this.program.length;
          this.program.push({ ...at, name: '}' });
          continue;
        }
        case 'q':
        case 'Q': {
          if (a2) this.bad('command only uses one address');
          const c = this.nonblank();
          const exit = /[0-9]/.test(c) && c !== EOF ? this.integer(c) : (this.savchar(c), 0);
          this.endOfCommand();
          this.program.push({ ...at, name: ch, exit });
          continue;
        }
        case '=':
        case 'd':
        case 'p':
          this.endOfCommand();
          this.program.push({ ...at, name: ch });
          continue;
        case 's':
          this.program.push({ ...this.substitute(), ...at });
          continue;
        case 'y':
          this.program.push({ ...at, name: 'y', map: this.transliterate() });
          continue;
        case EOF:
          this.bad('missing command');
          break;
        default:
          this.bad(`unknown command: \`${ch}'`);
      }
    }
  }

  private address(ch: string): Addr | undefined {
    if (ch === '/' || ch === '\\') {
      const delim = ch === '\\' ? this.inchar() : ch;
      const body = this.matchSlash(delim, true) ?? this.bad('unterminated address regex');
      let flags = '';
      for (;;) {
        const f = this.nonblank();
        if (f === 'I') flags += 'i';
        else if (f === 'M') flags += 'm';
        else {
          this.savchar(f);
          return { kind: 'regex', re: this.regex(body, flags) };
        }
      }
    }
    if (/[0-9]/.test(ch) && ch !== EOF) {
      const n = this.integer(ch);
      const c = this.nonblank();
      if (c !== '~') {
        this.savchar(c);
        return { kind: 'line', n };
      }
      const step = this.integer(this.nonblank());
      return step > 0 ? { kind: 'step', first: n, step } : { kind: 'line', n };
    }
    if (ch === '+' || ch === '~') {
      const n = this.integer(this.nonblank());
      return { kind: ch === '+' ? 'plus' : 'mult', n };
    }
    if (ch === '$') return { kind: 'last' };
    return undefined;
  }

  /** compile.c match_slash: text up to the delimiter; `\delim` stands for the delimiter itself. */
  private matchSlash(delim: string, regex: boolean): string | null {
    let b = '';
    let ch: string;
    while ((ch = this.inchar()) !== EOF && ch !== '\n') {
      if (ch === delim) return b;
      if (ch === '\\') {
        ch = this.inchar();
        if (ch === EOF) break;
        if (ch !== '\n' && (ch !== delim || (!regex && ch === '&'))) b += '\\';
      } else if (ch === '[' && regex) {
        b += ch;
        const r = this.charClass();
        b += r.text;
        ch = r.end;
        if (ch !== ']') break;
      }
      b += ch;
    }
    if (ch === '\n') this.savchar(ch);
    return null;
  }

  /** compile.c snarf_char_class: a bracket expression, in which the delimiter does not count. */
  private charClass(): { text: string; end: string } {
    let text = '';
    let ch = this.inchar();
    const add = (c: string): string => ((text += c), this.inchar());
    if (ch === '^') ch = add(ch);
    if (ch === ']') ch = add(ch);
    let state = 0;
    let delim = '';
    for (; ; ch = add(ch)) {
      if (ch === EOF || ch === '\n') return { text, end: ch };
      if (ch === '.' || ch === ':' || ch === '=') {
        if (state === 1) {
          delim = ch;
          state = 2;
          continue;
        }
        if (state === 2 && ch === delim) {
          state = 3;
          continue;
        }
      } else if (ch === '[') {
        if (state === 0) state = 1;
        continue;
      } else if (ch === ']') {
        if (state === 0 || state === 1) return { text, end: ch };
        if (state === 3) state = 0;
      }
      state &= ~1;
    }
  }

  private regex(body: string, flags: string): Regex | null {
    if (body === '') {
      if (flags !== '') this.bad('cannot specify modifiers on empty regexp');
      return null;
    }
    const t = translateRegex(body, this.extended);
    if (!t.ok) this.bad(t.message);
    const multiline = flags.includes('m');
    try {
      const re = new RegExp(t.source, `g${flags.includes('i') ? 'i' : ''}${multiline ? 'm' : 's'}`);
      return { re, groups: t.groups };
    } catch {
      return this.bad('Invalid regular expression');
    }
  }

  private substitute(): Command & { name: 's' } {
    const delim = this.inchar();
    const pattern = this.matchSlash(delim, true) ?? this.bad("unterminated `s' command");
    const replacement = this.matchSlash(delim, false) ?? this.bad("unterminated `s' command");
    const pieces = replacementPieces(replacement);
    let flags = '';
    let global = false;
    let print = false;
    let nth = 0;
    for (let done = false; !done;) {
      const ch = this.nonblank();
      if (ch === 'i' || ch === 'I') flags += 'i';
      else if (ch === 'm' || ch === 'M') flags += 'm';
      else if (ch === 'p') {
        if (print) this.bad("multiple `p' options to `s' command");
        print = true;
      } else if (ch === 'g') {
        if (global) this.bad("multiple `g' options to `s' command");
        global = true;
      } else if (/[0-9]/.test(ch) && ch !== EOF) {
        if (nth) this.bad("multiple number options to `s' command");
        nth = this.integer(ch);
        if (!nth) this.bad("number option to `s' command may not be zero");
      } else if (ch === '}' || ch === '#') {
        this.savchar(ch);
        done = true;
      } else if (ch === EOF || ch === '\n' || ch === ';') done = true;
      else this.bad("unknown option to `s'");
    }
    const re = this.regex(pattern, flags);
    const maxRef = Math.max(0, ...pieces.map((p) => ('ref' in p ? p.ref : 0)));
    if (re && maxRef > re.groups) this.bad(`invalid reference \\${maxRef} on \`s' command's RHS`);
    return { bang: false, name: 's', re, pieces, global, print, nth: nth || 1 };
  }

  private transliterate(): ReadonlyMap<string, string> {
    const delim = this.inchar();
    const from = this.matchSlash(delim, false) ?? this.bad("unterminated `y' command");
    const to = this.matchSlash(delim, false) ?? this.bad("unterminated `y' command");
    const a = [...unescapeText(from)];
    const b = [...unescapeText(to)];
    if (a.length !== b.length) this.bad("strings for `y' command are different lengths");
    this.endOfCommand();
    return new Map(a.map((c, i) => [c, b[i]!]));
  }
}
