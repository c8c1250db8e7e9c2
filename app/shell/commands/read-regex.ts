import { Backtracker, BudgetExceeded } from './read-regex-backtrack.ts';
import type { Re } from './read-regex-parse.ts';
import { RegexError, literal, parseRegex } from './read-regex-parse.ts';
import type { Span } from './read-regex-vm.ts';
import { Nfa } from './read-regex-vm.ts';

/**
 * grep's matching: its patterns (BRE, ERE or fixed strings, one per line of PATTERNS), -i, -w, -x.
 * Patterns run on the linear-time NFA; only a pattern with a back-reference, which no automaton can
 * match, goes to the budgeted backtracker. Never a JavaScript RegExp: its backtracking can take
 * exponential time on a pattern a user types, and it cannot be interrupted.
 */

export interface MatchOptions {
  readonly syntax: 'basic' | 'extended' | 'fixed';
  readonly icase: boolean;
  /** -w: the match must be a whole word. */
  readonly word: boolean;
  /** -x: the match must be the whole line. */
  readonly line: boolean;
  /** The host's UTF-8 locale: non-ASCII letters are word characters and classes are Unicode. */
  readonly utf8: boolean;
}

export interface Matcher {
  /** Does the line hold a match? */
  test(line: string): boolean;
  /** The leftmost-longest match starting at or after `from`. */
  search(line: string, from: number): Span | undefined;
}

export { BudgetExceeded, RegexError };

function wrap(re: Re, o: MatchOptions): Re {
  if (o.line) return { t: 'cat', items: [{ t: 'assert', kind: 'bol' }, re, { t: 'assert', kind: 'eol' }] };
  if (o.word)
    return {
      t: 'cat',
      items: [{ t: 'assert', kind: 'noWordBefore' }, re, { t: 'assert', kind: 'noWordAfter' }],
    };
  return re;
}

const isLiteral = (re: Re): string | undefined => {
  if (re.t === 'char') return re.c;
  if (re.t !== 'cat' || !re.items.every((i) => i.t === 'char')) return undefined;
  return re.items.map((i) => (i.t === 'char' ? i.c : '')).join('');
};

/** Compile grep's patterns. Throws RegexError with GNU's message for a bad pattern. */
export function compileGrep(
  patterns: readonly string[],
  o: MatchOptions,
  warn: (m: string) => void,
): Matcher {
  try {
    return compile(patterns, o, warn);
  } catch (e) {
    // Thousands of nested groups exhaust the parser's stack: glibc refuses such patterns too.
    if (e instanceof RangeError) throw new RegexError('Regular expression too big');
    throw e;
  }
}

function compile(patterns: readonly string[], o: MatchOptions, warn: (m: string) => void): Matcher {
  const plain: Re[] = [];
  const withRefs: Matcher[] = [];
  for (const p of patterns) {
    const parsed =
      o.syntax === 'fixed'
        ? { re: literal(p), backrefs: false }
        : parseRegex(p, o.syntax === 'extended', warn);
    if (parsed.backrefs) withRefs.push(backtrackMatcher(wrap(parsed.re, o), o));
    else plain.push(parsed.re);
  }
  const matchers = [...withRefs];
  if (plain.length > 0) {
    const lits = plain.map(isLiteral);
    if (!o.word && !o.line && lits.every((l) => l !== undefined && l !== ''))
      matchers.push(literalMatcher(lits as string[], o.icase));
    else {
      const re: Re = plain.length === 1 ? plain[0]! : { t: 'alt', items: plain };
      const nfa = new Nfa(wrap(re, o), o.icase, o.utf8);
      const need = mustContain(re, o.icase);
      const hay = (l: string): string => (o.icase ? l.toLowerCase() : l);
      matchers.push({
        test: (l) => (need === undefined || hay(l).includes(need)) && nfa.search(l, 0, true) !== undefined,
        search: (l, from) => nfa.search(l, from),
      });
    }
  }
  if (matchers.length === 1) return matchers[0]!;
  return {
    test: (l) => matchers.some((m) => m.test(l)),
    search: (l, from) => {
      let best: Span | undefined;
      for (const m of matchers) {
        const s = m.search(l, from);
        if (s && (!best || s.start < best.start || (s.start === best.start && s.end > best.end))) best = s;
      }
      return best;
    },
  };
}

/**
 * The longest run of plain characters every match must contain (`words` in `[0-9]+ words.*`): a
 * line without it cannot match, and indexOf is far cheaper than the automaton.
 */
function mustContain(re: Re, icase: boolean): string | undefined {
  const flat: Re[] = [];
  const walk = (r: Re): void => {
    if (r.t === 'cat') r.items.forEach(walk);
    else if (r.t === 'group') walk(r.re);
    else flat.push(r);
  };
  walk(re);
  let best = '';
  let run = '';
  for (const r of flat) {
    if (r.t === 'char') run += r.c;
    else if (r.t !== 'assert') run = '';
    if (run.length > best.length) best = run;
  }
  if (best.length < 2) return undefined;
  const needle = icase ? best.toLowerCase() : best;
  return icase && needle.length !== best.length ? undefined : needle;
}

/** Fixed strings need no automaton: indexOf, on lowercased text for -i when lowercasing keeps lengths. */
function literalMatcher(lits: readonly string[], icase: boolean): Matcher {
  const needles = icase ? lits.map((l) => l.toLowerCase()) : lits;
  const lower = (s: string): string => {
    if (!icase) return s;
    const l = s.toLowerCase();
    return l.length === s.length ? l : s;
  };
  const search = (line: string, from: number): Span | undefined => {
    const hay = lower(line);
    let best: Span | undefined;
    for (const n of needles) {
      const at = hay.indexOf(n, from);
      if (at >= 0 && (!best || at < best.start || (at === best.start && at + n.length > best.end)))
        best = { start: at, end: at + n.length };
    }
    return best;
  };
  return { test: (l) => search(l, 0) !== undefined, search };
}

/** Back-references: the budgeted backtracker. */
function backtrackMatcher(re: Re, o: MatchOptions): Matcher {
  const b = new Backtracker(re, o.icase, o.utf8);
  return { test: (l) => b.search(l, 0, true) !== undefined, search: (l, from) => b.search(l, from) };
}
