// POSIX regular expressions as GNU sed reads them (BRE by default, ERE with -E), translated into the
// source of a JS RegExp. Invalid input gives glibc regcomp's message, never a thrown error. JS picks
// the leftmost-first alternative where POSIX wants the leftmost-longest: `a\|ab` on "ab" differs.

export type RegexResult =
  | { readonly ok: true; readonly source: string; readonly groups: number }
  | { readonly ok: false; readonly message: string };

const CLASSES: Readonly<Record<string, string>> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: '0-9A-Za-z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f',
};

const ERR = {
  backslash: 'Trailing backslash',
  backref: 'Invalid back reference',
  bracket: 'Unmatched [, [^, [:, [., or [=',
  paren: 'Unmatched ( or \\(',
  rparen: 'Unmatched ) or \\)',
  brace: 'Unmatched \\{',
  badBrace: 'Invalid content of \\{\\}',
  range: 'Invalid range end',
  preceding: 'Invalid preceding regular expression',
  className: 'Invalid character class name',
  collate: 'Invalid collation character',
  big: 'Regular expression too big',
} as const;

class RegexError extends Error {}

const literal = (c: string): string => (/[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c);
const classChar = (c: string): string => (/[\\\]^[-]/.test(c) ? `\\${c}` : c);
const hex = (c: string): string => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
const code = (c: string): string => (c.charCodeAt(0) < 0x20 || c === '\x7f' ? hex(c) : c);

/** sed's \n, \t, \dNNN, \oNNN, \xHH, \cX: the character meant, or undefined for other escapes. */
export function escapeChar(s: string, i: number): { ch: string; next: number } | undefined {
  const simple: Record<string, string> = { a: '\x07', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
  const c = s[i];
  if (c === undefined) return undefined;
  if (c in simple) return { ch: simple[c]!, next: i + 1 };
  const bases: Record<string, [number, RegExp, number]> = {
    d: [10, /[0-9]/, 3],
    o: [8, /[0-7]/, 3],
    x: [16, /[0-9A-Fa-f]/, 2],
  };
  const b = bases[c];
  if (b) {
    let j = i + 1;
    let digits = '';
    while (j < s.length && digits.length < b[2] && b[1].test(s[j]!)) digits += s[j++]!;
    if (digits === '') return undefined;
    return { ch: String.fromCharCode(parseInt(digits, b[0]) & 0xff), next: j };
  }
  if (c === 'c' && i + 1 < s.length)
    return { ch: String.fromCharCode(s[i + 1]!.toUpperCase().charCodeAt(0) ^ 0x40), next: i + 2 };
  return undefined;
}

export function translateRegex(re: string, extended: boolean): RegexResult {
  try {
    return { ok: true, ...new Translator(re, extended).run() };
  } catch (e) {
    return { ok: false, message: e instanceof RegexError ? e.message : 'Invalid regular expression' };
  }
}

class Translator {
  private out = '';
  private i = 0;
  private groups = 0;
  /** Open groups: their number and where they start in `out`. */
  private readonly open: [number, number][] = [];
  private readonly closed = new Set<number>();
  /** Where the last atom starts in `out`, or -1 when a quantifier has nothing to apply to. */
  private atom = -1;
  private quantified = false;

  constructor(
    private readonly re: string,
    private readonly ere: boolean,
  ) {}

  run(): { source: string; groups: number } {
    while (this.i < this.re.length) this.step();
    if (this.open.length > 0) throw new RegexError(ERR.paren);
    return { source: this.out, groups: this.groups };
  }

  private emitAtom(js: string): void {
    this.atom = this.out.length;
    this.quantified = false;
    this.out += js;
  }

  private emitContext(js: string): void {
    this.out += js;
    this.atom = -1;
  }

  private quantify(q: string, literalChar: string): void {
    if (this.atom < 0) {
      if (this.ere) throw new RegexError(ERR.preceding);
      this.emitAtom(literal(literalChar));
      return;
    }
    if (this.quantified) this.out = `${this.out.slice(0, this.atom)}(?:${this.out.slice(this.atom)})`;
    this.out += q;
    this.quantified = true;
  }

  /** Is `^` here an anchor in a BRE: at the start, or after \( or \|. */
  private atStart(): boolean {
    return this.out === '' || this.out.endsWith('(') || this.out.endsWith('|');
  }

  /** Is `$` at position i an anchor in a BRE: at the end, or before \) or \|. */
  private atEnd(i: number): boolean {
    const rest = this.re.slice(i + 1);
    return rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|');
  }

  private step(): void {
    const c = this.re[this.i]!;
    if (c === '\\') return this.escape();
    this.i++;
    if (c === '[') return this.bracket();
    if (c === '.') return this.emitAtom('.');
    if (c === '*') return this.quantify('*', '*');
    if (c === '^') {
      if (this.ere || this.atStart()) return this.emitContext('^');
      return this.emitAtom('\\^');
    }
    if (c === '$') {
      if (this.ere || this.atEnd(this.i - 1)) return this.emitContext('$');
      return this.emitAtom('\\$');
    }
    if (this.ere) {
      if (c === '(') return this.openGroup();
      if (c === ')') return this.closeGroup();
      if (c === '|') return this.emitContext('|');
      if (c === '+' || c === '?') return this.quantify(c, c);
      if (c === '{') return this.interval('}');
    }
    this.emitAtom(code(literal(c)));
  }

  private escape(): void {
    const n = this.re[this.i + 1];
    if (n === undefined) throw new RegexError(ERR.backslash);
    this.i += 2;
    if (!this.ere) {
      if (n === '(') return this.openGroup();
      if (n === ')') return this.closeGroup();
      if (n === '|') return this.emitContext('|');
      if (n === '{') return this.interval('\\}');
      if (n === '+' || n === '?') return this.quantify(n, n);
    }
    if (/[1-9]/.test(n)) {
      if (!this.closed.has(Number(n))) throw new RegexError(ERR.backref);
      return this.emitAtom(`\\${n}`);
    }
    const named: Record<string, string> = {
      w: '[0-9A-Za-z_]',
      W: '[^0-9A-Za-z_]',
      s: '[ \\t\\n\\r\\f\\v]',
      S: '[^ \\t\\n\\r\\f\\v]',
    };
    if (n in named) return this.emitAtom(named[n]!);
    const anchors: Record<string, string> = {
      b: '\\b',
      B: '\\B',
      '<': '\\b(?=\\w)',
      '>': '\\b(?<=\\w)',
      '`': '(?<![\\s\\S])',
      "'": '(?![\\s\\S])',
    };
    if (n in anchors) return this.emitContext(anchors[n]!);
    const e = escapeChar(this.re, this.i - 1);
    if (e) {
      this.i = e.next;
      return this.emitAtom(code(literal(e.ch)));
    }
    this.emitAtom(code(literal(n)));
  }

  private openGroup(): void {
    this.open.push([++this.groups, this.out.length]);
    this.emitContext('(');
  }

  private closeGroup(): void {
    const g = this.open.pop();
    if (g === undefined) throw new RegexError(ERR.rparen);
    this.closed.add(g[0]);
    this.out += ')';
    // The whole group is the atom a following quantifier applies to.
    this.atom = g[1];
    this.quantified = false;
  }

  private interval(close: string): void {
    const end = this.re.indexOf(close, this.i);
    if (end < 0) throw new RegexError(ERR.brace);
    const body = this.re.slice(this.i, end);
    const m = /^(\d*)(,(\d*))?$/.exec(body);
    if (!m || (m[1] === '' && m[2] === undefined)) throw new RegexError(ERR.badBrace);
    const lo = m[1] === '' ? 0 : Number(m[1]);
    const hi = m[2] === undefined ? lo : m[3] === '' ? Infinity : Number(m[3]);
    if (hi < lo) throw new RegexError(ERR.badBrace);
    if (lo > 32767 || (hi !== Infinity && hi > 32767)) throw new RegexError(ERR.big);
    this.i = end + close.length;
    if (this.atom < 0) throw new RegexError(ERR.preceding);
    this.quantify(
      `{${lo}${m[2] === undefined ? '' : ','}${hi === Infinity || m[2] === undefined ? '' : hi}}`,
      '{',
    );
  }

  private bracket(): void {
    const s = this.re;
    let j = this.i;
    let negate = false;
    if (s[j] === '^') {
      negate = true;
      j++;
    }
    let body = '';
    let first = true;
    for (;;) {
      if (j >= s.length) throw new RegexError(ERR.bracket);
      let c = s[j]!;
      if (c === ']' && !first) break;
      first = false;
      if (c === '[' && /[:.=]/.test(s[j + 1] ?? '')) {
        const kind = s[j + 1]!;
        const close = s.indexOf(`${kind}]`, j + 2);
        if (close < 0) throw new RegexError(ERR.bracket);
        const name = s.slice(j + 2, close);
        j = close + 2;
        if (kind === ':') {
          const cls = CLASSES[name];
          if (cls === undefined) throw new RegexError(ERR.className);
          body += cls;
          continue;
        }
        if ([...name].length !== 1) throw new RegexError(ERR.collate);
        c = name;
      } else if (c === '\\' && escapeChar(s, j + 1)) {
        const e = escapeChar(s, j + 1)!;
        c = e.ch;
        j = e.next;
      } else j++;
      if (s[j] === '-' && s[j + 1] !== ']' && j + 1 < s.length) {
        let hiCh = s[j + 1]!;
        j += 2;
        if (hiCh === '[' && s[j] === '.') {
          const close = s.indexOf('.]', j + 1);
          if (close < 0) throw new RegexError(ERR.bracket);
          hiCh = s.slice(j + 1, close);
          j = close + 2;
        }
        if (hiCh.codePointAt(0)! < c.codePointAt(0)!) throw new RegexError(ERR.range);
        body += `${code(classChar(c))}-${code(classChar(hiCh))}`;
      } else body += code(classChar(c));
    }
    this.i = j + 1;
    this.emitAtom(`[${negate ? '^' : ''}${body}]`);
  }
}
