import { CLASSES } from './read-glob.ts';
import type { Assertion, Re, SetSpec } from './read-regex-parse.ts';
import { RegexError } from './read-regex-parse.ts';

/**
 * A Thompson-NFA matcher (Pike VM) for regular expressions without back-references: time linear in
 * the line times the program size, whatever the pattern, so `(a|aa)*c` on a long line of a's costs
 * what any other pattern does. It finds POSIX's leftmost-longest match, as grep -o prints it.
 */

type Inst =
  | { readonly op: 'char'; readonly c: number }
  | { readonly op: 'set'; readonly test: (c: number) => boolean }
  | { readonly op: 'any' }
  | { op: 'split'; x: number; y: number }
  | { op: 'jmp'; x: number }
  | { readonly op: 'assert'; readonly kind: Assertion }
  | { readonly op: 'match' };

/** Past this many instructions a pattern is refused, as glibc refuses huge ones. */
const MAX_PROGRAM = 200_000;

export const fold = (c: number): number => {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  const lower = String.fromCharCode(c).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
};

const ASCII_WORD = /^[A-Za-z0-9_]$/;
const UNICODE_WORD = /^[\p{L}\p{N}_]$/u;

/** Word constituents for \b, \<, \> and -w: letters, digits and '_' (non-ASCII ones under UTF-8). */
export function wordTest(utf8: boolean): (c: number) => boolean {
  const word = utf8 ? UNICODE_WORD : ASCII_WORD;
  return (c) => c >= 0 && word.test(String.fromCharCode(c));
}

/** Does a zero-width assertion hold between s[pos-1] and s[pos]? */
export function assertionHolds(
  kind: Assertion,
  s: string,
  pos: number,
  isWord: (c: number) => boolean,
): boolean {
  const before = pos > 0 && isWord(s.charCodeAt(pos - 1));
  const after = pos < s.length && isWord(s.charCodeAt(pos));
  switch (kind) {
    case 'bol':
      return pos === 0;
    case 'eol':
      return pos === s.length;
    case 'wordb':
      return before !== after;
    case 'nwordb':
      return before === after;
    case 'wbeg':
      return !before && after;
    case 'wend':
      return before && !after;
    case 'noWordBefore':
      return !before;
    case 'noWordAfter':
      return !after;
  }
}

export function setTest(set: SetSpec, icase: boolean, utf8: boolean): (c: number) => boolean {
  const classes = set.classes.map((n) => CLASSES[n]!);
  const one = (ch: string): boolean => {
    if (set.chars.includes(ch)) return true;
    for (const [lo, hi] of set.ranges) if (ch >= lo && ch <= hi) return true;
    if (!utf8 && ch.charCodeAt(0) >= 128) return false;
    return classes.some((f) => f(ch));
  };
  const hit = (c: number): boolean => {
    const ch = String.fromCharCode(c);
    if (one(ch)) return true;
    if (!icase) return false;
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    return (lo.length === 1 && one(lo)) || (up.length === 1 && one(up));
  };
  const cache = new Map<number, boolean>();
  return (c) => {
    let v = cache.get(c);
    if (v === undefined) {
      v = hit(c) !== set.neg;
      cache.set(c, v);
    }
    return v;
  };
}

function compile(re: Re, icase: boolean, utf8: boolean): Inst[] {
  const prog: Inst[] = [];
  const push = (i: Inst): number => {
    if (prog.length >= MAX_PROGRAM) throw new RegexError('Regular expression too big');
    prog.push(i);
    return prog.length - 1;
  };
  const emit = (r: Re): void => {
    switch (r.t) {
      case 'char': {
        const c = r.c.charCodeAt(0);
        push({ op: 'char', c: icase ? fold(c) : c });
        return;
      }
      case 'any':
        push({ op: 'any' });
        return;
      case 'set':
        push({ op: 'set', test: setTest(r.set, icase, utf8) });
        return;
      case 'cat':
        for (const item of r.items) emit(item);
        return;
      case 'group':
        emit(r.re);
        return;
      case 'assert':
        push({ op: 'assert', kind: r.kind });
        return;
      case 'backref':
        throw new RegexError('back-references need the backtracking matcher');
      case 'alt': {
        const jumps: { op: 'jmp'; x: number }[] = [];
        r.items.forEach((item, k) => {
          if (k < r.items.length - 1) {
            const split = { op: 'split' as const, x: 0, y: 0 };
            push(split);
            split.x = prog.length;
            emit(item);
            const j = { op: 'jmp' as const, x: 0 };
            push(j);
            jumps.push(j);
            split.y = prog.length;
          } else emit(item);
        });
        for (const j of jumps) j.x = prog.length;
        return;
      }
      case 'rep': {
        for (let k = 0; k < r.min; k++) emit(r.re);
        if (r.max === Infinity) {
          const split = { op: 'split' as const, x: 0, y: 0 };
          const loop = push(split);
          split.x = prog.length;
          emit(r.re);
          push({ op: 'jmp', x: loop });
          split.y = prog.length;
          return;
        }
        const splits: { op: 'split'; x: number; y: number }[] = [];
        for (let k = r.min; k < r.max; k++) {
          const split = { op: 'split' as const, x: 0, y: 0 };
          push(split);
          split.x = prog.length;
          splits.push(split);
          emit(r.re);
        }
        for (const s of splits) s.y = prog.length;
        return;
      }
    }
  };
  emit(re);
  push({ op: 'match' });
  return prog;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A compiled pattern: `search(line, from)` gives the leftmost-longest match at or after `from`. */
export class Nfa {
  private readonly prog: Inst[];
  private readonly mark: Int32Array;
  private gen = 0;
  private readonly stack: Int32Array;
  private readonly lists: [ThreadList, ThreadList];
  private readonly isWord: (c: number) => boolean;

  constructor(
    re: Re,
    private readonly icase: boolean,
    utf8: boolean,
  ) {
    this.prog = compile(re, icase, utf8);
    const size = this.prog.length;
    this.mark = new Int32Array(size);
    this.stack = new Int32Array(2 * size + 1);
    const list = (): ThreadList => ({ pcs: new Int32Array(size), starts: new Int32Array(size), n: 0 });
    this.lists = [list(), list()];
    this.isWord = wordTest(utf8);
  }

  /** Add a thread and everything it reaches without reading a character (ε-closure). */
  private add(list: ThreadList, pc0: number, start: number, s: string, pos: number): void {
    const stack = this.stack;
    let top = 0;
    stack[top++] = pc0;
    while (top > 0) {
      const pc = stack[--top]!;
      if (this.mark[pc] === this.gen) continue;
      this.mark[pc] = this.gen;
      const inst = this.prog[pc]!;
      if (inst.op === 'jmp') stack[top++] = inst.x;
      else if (inst.op === 'split') {
        stack[top++] = inst.y;
        stack[top++] = inst.x;
      } else if (inst.op === 'assert') {
        if (assertionHolds(inst.kind, s, pos, this.isWord)) stack[top++] = pc + 1;
      } else {
        list.pcs[list.n] = pc;
        list.starts[list.n++] = start;
      }
    }
  }

  search(s: string, from = 0, firstOnly = false): Span | undefined {
    let cur = this.lists[0];
    let next = this.lists[1];
    cur.n = 0;
    let best: Span | undefined;
    this.gen++;
    this.add(cur, 0, from, s, from);
    for (let pos = from; ; pos++) {
      next.n = 0;
      this.gen++;
      const c = pos < s.length ? s.charCodeAt(pos) : -1;
      const fc = this.icase && c >= 0 ? fold(c) : c;
      for (let k = 0; k < cur.n; k++) {
        const start = cur.starts[k]!;
        if (best && start > best.start) break; // threads are in order of start: the rest cannot win
        const pc = cur.pcs[k]!;
        const inst = this.prog[pc]!;
        if (inst.op === 'match') {
          if (!best || start < best.start || pos > best.end) best = { start, end: pos };
          if (firstOnly) return best;
          continue;
        }
        if (c < 0) continue;
        const ok =
          inst.op === 'any' || (inst.op === 'char' ? inst.c === fc : inst.op === 'set' && inst.test(c));
        if (ok) this.add(next, pc + 1, start, s, pos + 1);
      }
      if (c < 0) return best;
      if (!best) this.add(next, 0, pos + 1, s, pos + 1);
      if (next.n === 0 && best) return best;
      [cur, next] = [next, cur];
    }
  }
}

/** Threads at one position, in order of their start (earliest first): program counters and starts. */
interface ThreadList {
  readonly pcs: Int32Array;
  readonly starts: Int32Array;
  n: number;
}
