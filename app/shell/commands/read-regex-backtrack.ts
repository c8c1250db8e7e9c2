import type { Re } from './read-regex-parse.ts';
import type { Span } from './read-regex-vm.ts';
import { assertionHolds, fold, setTest, wordTest } from './read-regex-vm.ts';

/**
 * The matcher for patterns with back-references (`\(a*\)\1`), which no automaton can run. It
 * backtracks over the tree with a step budget: when a line would take longer than the budget,
 * search() throws BudgetExceeded and grep stops with glibc's "memory exhausted", as GNU grep does
 * when its own backtracking blows up, instead of freezing the page.
 */

export class BudgetExceeded extends Error {}

const BUDGET = 2_000_000;

type Caps = readonly (readonly [number, number] | undefined)[];
type K = (pos: number, caps: Caps) => boolean;

export class Backtracker {
  private steps = 0;
  private readonly isWord: (c: number) => boolean;
  private readonly sets = new Map<Re, (c: number) => boolean>();

  constructor(
    private readonly re: Re,
    private readonly icase: boolean,
    private readonly utf8: boolean,
  ) {
    this.isWord = wordTest(utf8);
  }

  private tick(): void {
    if (++this.steps > BUDGET) throw new BudgetExceeded('memory exhausted');
  }

  /** Match `r` at `pos`, then the continuation; true as soon as a continuation accepts. */
  private m(r: Re, s: string, pos: number, caps: Caps, k: K): boolean {
    this.tick();
    switch (r.t) {
      case 'char': {
        if (pos >= s.length) return false;
        const c = s.charCodeAt(pos);
        const want = r.c.charCodeAt(0);
        const hit = this.icase ? fold(c) === fold(want) : c === want;
        return hit && k(pos + 1, caps);
      }
      case 'any':
        return pos < s.length && k(pos + 1, caps);
      case 'set': {
        let test = this.sets.get(r);
        if (!test) this.sets.set(r, (test = setTest(r.set, this.icase, this.utf8)));
        return pos < s.length && test(s.charCodeAt(pos)) && k(pos + 1, caps);
      }
      case 'assert':
        return assertionHolds(r.kind, s, pos, this.isWord) && k(pos, caps);
      case 'cat': {
        const step = (i: number, p: number, c: Caps): boolean =>
          i === r.items.length ? k(p, c) : this.m(r.items[i]!, s, p, c, (p2, c2) => step(i + 1, p2, c2));
        return step(0, pos, caps);
      }
      case 'alt':
        return r.items.some((item) => this.m(item, s, pos, caps, k));
      case 'group':
        return this.m(r.re, s, pos, caps, (p2, c2) => {
          const next = c2.slice();
          next[r.n] = [pos, p2];
          return k(p2, next);
        });
      case 'backref': {
        const cap = caps[r.n];
        if (!cap) return false;
        const len = cap[1] - cap[0];
        if (pos + len > s.length) return false;
        for (let i = 0; i < len; i++) {
          const a = s.charCodeAt(cap[0] + i);
          const b = s.charCodeAt(pos + i);
          if (this.icase ? fold(a) !== fold(b) : a !== b) return false;
        }
        return k(pos + len, caps);
      }
      case 'rep': {
        // Greedy; an iteration that matched nothing ends the loop (it could only repeat forever).
        const loop = (count: number, p: number, c: Caps): boolean =>
          (count < r.max &&
            this.m(r.re, s, p, c, (p2, c2) =>
              p2 === p && count >= r.min ? false : loop(count + 1, p2, c2),
            )) ||
          (count >= r.min && k(p, c));
        return loop(0, pos, caps);
      }
    }
  }

  /** The leftmost match at or after `from`, as long as any match from that start (POSIX). */
  search(s: string, from = 0, firstOnly = false): Span | undefined {
    this.steps = 0;
    for (let start = from; start <= s.length; start++) {
      let end = -1;
      try {
        this.m(this.re, s, start, [], (p) => {
          end = Math.max(end, p);
          return firstOnly;
        });
      } catch (e) {
        // A line long enough to exhaust the stack is the same trouble as exhausting the budget.
        if (e instanceof RangeError) throw new BudgetExceeded('memory exhausted');
        throw e;
      }
      if (end >= 0) return { start, end };
    }
    return undefined;
  }
}
