import type { Word, WordPart } from './ast.ts';

/**
 * bash's brace expansion (dash has none): `a{b,c}d` → `abd acd`, `f{1..3}` → `f1 f2 f3`, nested groups,
 * zero-padded and stepped sequences. It runs first, on the word as typed: only unquoted braces and commas
 * count, and a group without a top-level comma (or a valid sequence) stays literal, like `{}` for find.
 * Matching is computed in one pass and nesting is bounded, so a hostile word stays linear.
 */

const MAX_DEPTH = 32;

/** A character of unquoted text (braces and commas live here) or a part passed through untouched. */
type Unit = { readonly c: string } | { readonly part: WordPart };

export interface BraceBudget {
  /** Words brace expansion may still produce on this line, and characters in them. */
  words: number;
  chars: number;
}

/** The words `word` expands to, or null when the result would pass the budget. */
export function expandBraces(word: Word, budget: BraceBudget): Word[] | null {
  if (!word.parts.some((p) => p.kind === 'text' && !p.quoted && p.text.includes('{'))) return [word];
  const units = word.parts.flatMap((p): Unit[] =>
    p.kind === 'text' && !p.quoted ? Array.from(p.text, (c) => ({ c })) : [{ part: p }],
  );
  const groups = scan(units);
  const out = expand(units, groups, 0, units.length, 0, budget);
  return out === null ? null : out.map((u) => ({ parts: toParts(u), raw: word.raw }));
}

interface Group {
  readonly close: number;
  readonly commas: readonly number[];
}

/** For each `{` with a matching `}`: where it closes and its top-level commas. */
function scan(units: readonly Unit[]): Map<number, Group> {
  const groups = new Map<number, Group>();
  const open: { at: number; commas: number[] }[] = [];
  units.forEach((u, i) => {
    if (!('c' in u)) return;
    if (u.c === '{') open.push({ at: i, commas: [] });
    else if (u.c === ',') open.at(-1)?.commas.push(i);
    else if (u.c === '}') {
      const g = open.pop();
      if (g !== undefined) groups.set(g.at, { close: i, commas: g.commas });
    }
  });
  return groups;
}

function expand(
  units: readonly Unit[],
  groups: Map<number, Group>,
  from: number,
  to: number,
  depth: number,
  budget: BraceBudget,
): Unit[][] | null {
  let out: Unit[][] = [[]];
  let literal: Unit[] = [];
  for (let i = from; i < to; i++) {
    const g = depth < MAX_DEPTH ? groups.get(i) : undefined;
    const alts = g !== undefined && g.close < to ? alternatives(units, groups, i, g, depth, budget) : null;
    if (alts === undefined) return null;
    if (alts === null || g === undefined) {
      literal.push(units[i] as Unit);
      continue;
    }
    const next: Unit[][] = [];
    for (const head of out) {
      for (const alt of alts) {
        const w = [...head, ...literal, ...alt];
        budget.chars -= w.length;
        if (--budget.words < 0 || budget.chars < 0) return null;
        next.push(w);
      }
    }
    out = next;
    literal = [];
    i = g.close;
  }
  return out.map((w) => [...w, ...literal]);
}

/** The group's alternatives; null when it is no brace expression (stays literal), undefined when too big. */
function alternatives(
  units: readonly Unit[],
  groups: Map<number, Group>,
  at: number,
  g: Group,
  depth: number,
  budget: BraceBudget,
): Unit[][] | null | undefined {
  if (g.commas.length === 0) {
    const inner = units.slice(at + 1, g.close);
    const text = inner.every((u) => 'c' in u) ? inner.map((u) => (u as { c: string }).c).join('') : '';
    const seq = sequence(text, budget.words);
    return seq === null || seq === undefined ? seq : seq.map((s) => Array.from(s, (c) => ({ c })));
  }
  const bounds = [at, ...g.commas, g.close];
  const result: Unit[][] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const part = expand(units, groups, (bounds[k] as number) + 1, bounds[k + 1] as number, depth + 1, budget);
    if (part === null) return undefined;
    result.push(...part);
  }
  return result;
}

const NUMERIC = /^([-+]?\d+)\.\.([-+]?\d+)(?:\.\.([-+]?\d+))?$/;
const LETTERS = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.([-+]?\d+))?$/;

/** `1..5`, `05..10..2`, `e..a`: null when the text is no sequence, undefined when longer than `max`. */
function sequence(text: string, max: number): string[] | null | undefined {
  const numeric = NUMERIC.exec(text);
  const m = numeric ?? LETTERS.exec(text);
  if (m === null) return null;
  const [first, last] = [m[1] as string, m[2] as string];
  const [a, b] = numeric !== null ? [Number(first), Number(last)] : [first.charCodeAt(0), last.charCodeAt(0)];
  const step = Math.abs(Number(m[3] ?? 1)) || 1;
  const count = Math.floor(Math.abs(b - a) / step) + 1;
  if (!Number.isSafeInteger(count) || count > max) return undefined;
  // A leading zero on either end pads every number to the wider end, as bash does.
  const width =
    numeric !== null && [first, last].some((e) => /^[-+]?0\d/.test(e))
      ? Math.max(first.length, last.length)
      : 0;
  const out: string[] = [];
  for (let k = 0, v = a; k < count; k++, v += a <= b ? step : -step) {
    if (numeric === null) out.push(String.fromCharCode(v));
    else out.push(v < 0 ? '-' + String(-v).padStart(width - 1, '0') : String(v).padStart(width, '0'));
  }
  return out;
}

function toParts(units: readonly Unit[]): WordPart[] {
  const parts: WordPart[] = [];
  let text = '';
  for (const u of units) {
    if ('c' in u) text += u.c;
    else {
      if (text !== '') parts.push({ kind: 'text', text, quoted: false });
      text = '';
      parts.push(u.part);
    }
  }
  if (text !== '') parts.push({ kind: 'text', text, quoted: false });
  return parts;
}
