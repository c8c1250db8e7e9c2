import { CLASSES } from './read-glob.ts';

/**
 * POSIX basic and extended regular expressions with GNU's extensions, parsed the way GNU grep reads
 * them (glibc regcomp for syntax and messages, dfa.c for grep 3.8's warnings). The result is a tree
 * that read-regex-vm.ts runs without backtracking.
 */

export interface SetSpec {
  readonly neg: boolean;
  readonly chars: string;
  readonly ranges: readonly (readonly [string, string])[];
  readonly classes: readonly string[];
}

export type Assertion = 'bol' | 'eol' | 'wordb' | 'nwordb' | 'wbeg' | 'wend' | 'noWordBefore' | 'noWordAfter';

export type Re =
  | { readonly t: 'char'; readonly c: string }
  | { readonly t: 'any' }
  | { readonly t: 'set'; readonly set: SetSpec }
  | { readonly t: 'cat'; readonly items: readonly Re[] }
  | { readonly t: 'alt'; readonly items: readonly Re[] }
  | { readonly t: 'rep'; readonly re: Re; readonly min: number; readonly max: number }
  | { readonly t: 'group'; readonly re: Re; readonly n: number }
  | { readonly t: 'assert'; readonly kind: Assertion }
  | { readonly t: 'backref'; readonly n: number };

/** A pattern GNU grep rejects; `message` is glibc's or dfa's text. */
export class RegexError extends Error {}

const DUP_MAX = 32767;
const EMPTY: Re = { t: 'cat', items: [] };
const WORD: SetSpec = { neg: false, chars: '_', ranges: [], classes: ['alnum'] };
const SPACE: SetSpec = { neg: false, chars: '', ranges: [], classes: ['space'] };

export interface ParsedRegex {
  readonly re: Re;
  readonly backrefs: boolean;
}

export function parseRegex(src: string, extended: boolean, warn: (m: string) => void): ParsedRegex {
  const p = new Parser(src, extended, warn);
  const re = p.alternation(0);
  if (p.i < src.length) throw new RegexError('Unmatched ) or \\)');
  return { re, backrefs: p.backrefs };
}

class Parser {
  i = 0;
  backrefs = false;
  private groups = 0;
  private readonly closed = new Set<number>();

  constructor(
    private readonly s: string,
    private readonly ere: boolean,
    private readonly warn: (m: string) => void,
  ) {}

  /** At `|` (ERE) or `\|` (BRE)? */
  private atBar(): boolean {
    return this.ere ? this.s[this.i] === '|' : this.s.startsWith('\\|', this.i);
  }

  private atClose(depth: number): boolean {
    if (depth === 0) return false;
    return this.ere ? this.s[this.i] === ')' : this.s.startsWith('\\)', this.i);
  }

  alternation(depth: number): Re {
    const items = [this.branch(depth)];
    while (this.atBar()) {
      this.i += this.ere ? 1 : 2;
      items.push(this.branch(depth));
    }
    return items.length === 1 ? items[0]! : { t: 'alt', items };
  }

  private branch(depth: number): Re {
    const items: Re[] = [];
    let start = true;
    while (this.i < this.s.length && !this.atBar() && !this.atClose(depth)) {
      const atom = this.atom(depth, start);
      if (atom === undefined) continue;
      start = atom.t === 'assert' && atom.kind === 'bol';
      items.push(this.dups(atom));
    }
    return items.length === 1 ? items[0]! : { t: 'cat', items };
  }

  /** The repetition operators after an atom: *, + and ?, and intervals. */
  private dups(atom: Re): Re {
    let re = atom;
    for (;;) {
      const c = this.s[this.i];
      if (c === '*') {
        this.i++;
        re = { t: 'rep', re, min: 0, max: Infinity };
      } else if (this.ere ? c === '+' : this.s.startsWith('\\+', this.i)) {
        this.i += this.ere ? 1 : 2;
        re = { t: 'rep', re, min: 1, max: Infinity };
      } else if (this.ere ? c === '?' : this.s.startsWith('\\?', this.i)) {
        this.i += this.ere ? 1 : 2;
        re = { t: 'rep', re, min: 0, max: 1 };
      } else if (this.ere ? c === '{' : this.s.startsWith('\\{', this.i)) {
        const interval = this.interval();
        if (interval === undefined) return re; // ERE: not an interval, so '{' is an ordinary character
        re = { t: 'rep', re, ...interval };
      } else return re;
    }
  }

  /** `{m}`, `{m,}`, `{,n}`, `{m,n}` (with backslashes in BRE). Undefined: an ERE '{' that is literal. */
  private interval(): { min: number; max: number } | undefined {
    const open = this.ere ? 1 : 2;
    const close = this.ere ? '}' : '\\}';
    const end = this.s.indexOf(close, this.i + open);
    const body = end < 0 ? undefined : this.s.slice(this.i + open, end);
    const m = body === undefined ? null : /^(\d*)(,(\d*))?$/.exec(body);
    if (!m || (m[1] === '' && m[2] === undefined)) {
      if (this.ere) return undefined;
      throw new RegexError(end < 0 ? 'Unmatched \\{' : 'Invalid content of \\{\\}');
    }
    const min = m[1] === '' ? 0 : Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    if (min > max) throw new RegexError('Invalid content of \\{\\}');
    if (min > DUP_MAX || (max !== Infinity && max > DUP_MAX))
      throw new RegexError('Regular expression too big');
    this.i = end + close.length;
    return { min, max };
  }

  /** One atom; undefined when the text read was a no-op (ERE repetition at the start). */
  private atom(depth: number, start: boolean): Re | undefined {
    const c = this.s[this.i]!;
    this.i++;
    if (start && this.ere && (c === '*' || c === '+' || c === '?' || c === '{')) {
      // dfa.c applies the operator to an empty expression, which matches the empty string.
      if (c === '{') {
        this.i--;
        if (this.interval() === undefined) {
          this.i++;
          return { t: 'char', c };
        }
      }
      this.warn(`${c === '{' ? '{...}' : c} at start of expression`);
      return undefined;
    }
    if (start && c === '*') return { t: 'char', c };
    switch (c) {
      case '.':
        return { t: 'any' };
      case '[':
        return { t: 'set', set: this.bracket() };
      case '^':
        return this.ere || start ? { t: 'assert', kind: 'bol' } : { t: 'char', c };
      case '$':
        return this.ere || this.i === this.s.length || this.atBar() || this.atClose(depth)
          ? { t: 'assert', kind: 'eol' }
          : { t: 'char', c };
      case '\\':
        return this.escape(depth);
    }
    if (this.ere && c === '(') return this.group(depth);
    if (this.ere && c === ')' && depth === 0) return { t: 'char', c }; // unmatched ')' is ordinary in ERE
    return { t: 'char', c };
  }

  private group(depth: number): Re {
    const n = ++this.groups;
    const re = this.alternation(depth + 1);
    if (!this.atClose(depth + 1)) throw new RegexError('Unmatched ( or \\(');
    this.i += this.ere ? 1 : 2;
    this.closed.add(n);
    return { t: 'group', re, n };
  }

  private escape(depth: number): Re {
    if (this.i >= this.s.length) throw new RegexError('Trailing backslash');
    const c = this.s[this.i++]!;
    if (c >= '1' && c <= '9') {
      const n = Number(c);
      if (!this.closed.has(n)) throw new RegexError('Invalid back reference');
      this.backrefs = true;
      return { t: 'backref', n };
    }
    switch (c) {
      case 'w':
      case 'W':
        return { t: 'set', set: { ...WORD, neg: c === 'W' } };
      case 's':
      case 'S':
        return { t: 'set', set: { ...SPACE, neg: c === 'S' } };
      case 'b':
        return { t: 'assert', kind: 'wordb' };
      case 'B':
        return { t: 'assert', kind: 'nwordb' };
      case '<':
        return { t: 'assert', kind: 'wbeg' };
      case '>':
        return { t: 'assert', kind: 'wend' };
      case '`':
        return { t: 'assert', kind: 'bol' };
      case "'":
        return { t: 'assert', kind: 'eol' };
    }
    if (!this.ere && c === '(') return this.group(depth);
    if (!this.ere && c === ')') throw new RegexError('Unmatched ) or \\)');
    if (!this.ere && c === '{') return { t: 'char', c }; // an interval with nothing before it
    if (!'.*[]^$\\(){}|+?'.includes(c) || c === ']' || c === '}') this.warnStray(c);
    return { t: 'char', c };
  }

  private warnStray(c: string): void {
    const code = c.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) this.warn('stray \\ before unprintable character');
    else if (/\s/.test(c)) this.warn('stray \\ before white space');
    else this.warn(`stray \\ before ${c}`);
  }

  /** A bracket expression, after its '['. */
  private bracket(): SetSpec {
    const s = this.s;
    const open = this.i;
    let neg = false;
    if (s[this.i] === '^') {
      neg = true;
      this.i++;
    }
    let chars = '';
    const ranges: [string, string][] = [];
    const classes: string[] = [];
    let first = true;
    const unmatched = (): RegexError => new RegexError('Unmatched [, [^, [:, [., or [=');
    for (;;) {
      if (this.i >= s.length) throw unmatched();
      const c = s[this.i]!;
      if (c === ']' && !first) break;
      first = false;
      if (c === '[' && s[this.i + 1] === ':') {
        const end = s.indexOf(':]', this.i + 2);
        if (end < 0) throw unmatched();
        const name = s.slice(this.i + 2, end);
        if (CLASSES[name] === undefined) throw new RegexError('Invalid character class name');
        classes.push(name);
        this.i = end + 2;
        continue;
      }
      const lo = this.element();
      if (s[this.i] === '-' && s[this.i + 1] !== ']' && this.i + 1 < s.length) {
        this.i++;
        const hi = this.element();
        if (hi < lo) throw new RegexError('Invalid range end');
        ranges.push([lo, hi]);
      } else chars += lo;
    }
    this.i++;
    const body = s.slice(open, this.i - 1);
    if (/^:.*[^:].*:$/.test(body))
      throw new RegexError(`character class syntax is [[${body}]], not [${body}]`);
    return { neg, chars, ranges, classes };
  }

  /** One character of a bracket: itself, or `[.c.]` / `[=c=]` for a single character. */
  private element(): string {
    const s = this.s;
    const c = s[this.i]!;
    if (c === '[' && (s[this.i + 1] === '.' || s[this.i + 1] === '=')) {
      const kind = s[this.i + 1]!;
      const end = s.indexOf(kind + ']', this.i + 2);
      if (end < 0) throw new RegexError('Unmatched [, [^, [:, [., or [=');
      const inner = s.slice(this.i + 2, end);
      if ([...inner].length !== 1) throw new RegexError('Invalid collation character');
      this.i = end + 2;
      return inner;
    }
    this.i++;
    return c;
  }
}

/** A fixed string (grep -F) as a tree. */
export const literal = (text: string): Re =>
  text === '' ? EMPTY : { t: 'cat', items: [...text].map((c): Re => ({ t: 'char', c })) };
