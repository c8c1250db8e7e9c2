/**
 * fnmatch(3) without flags, as find's -name and -path use it: `*` and `?` match any character ('/'
 * and a leading '.' included), `[...]` sets with `!`/`^`, ranges and [:classes:], `\` quotes. The
 * matcher is the linear wildcard algorithm (one backtrack point, the last `*`), never a RegExp, so a
 * pattern like `*a*a*a*b` on a long path cannot take exponential (or polynomial) time.
 */

type Atom =
  | { readonly k: 'char'; readonly c: string }
  | { readonly k: 'any' }
  | { readonly k: 'star' }
  | { readonly k: 'set'; readonly negate: boolean; readonly test: (c: string) => boolean };

export const CLASSES: Readonly<Record<string, (c: string) => boolean>> = {
  alpha: (c) => /\p{L}/u.test(c),
  digit: (c) => c >= '0' && c <= '9',
  alnum: (c) => /[\p{L}\p{N}]/u.test(c),
  upper: (c) => /\p{Lu}/u.test(c),
  lower: (c) => /\p{Ll}/u.test(c),
  space: (c) => /^[ \t\n\v\f\r]$/.test(c),
  blank: (c) => c === ' ' || c === '\t',
  punct: (c) => /^[!-/:-@[-`{-~]$/.test(c),
  print: (c) => c >= ' ' && c !== '\x7f',
  graph: (c) => c > ' ' && c !== '\x7f',
  cntrl: (c) => c < ' ' || c === '\x7f',
  xdigit: (c) => /^[0-9A-Fa-f]$/.test(c),
};

/**
 * Parse a bracket expression starting after '['. Returns the set and the index after ']', or
 * undefined when there is no closing ']' (then '[' is an ordinary character).
 */
function parseSet(p: string, start: number, fold: boolean): [Atom, number] | undefined {
  let i = start;
  let negate = false;
  if (p[i] === '!' || p[i] === '^') {
    negate = true;
    i++;
  }
  const tests: ((c: string) => boolean)[] = [];
  let first = true;
  for (;;) {
    if (i >= p.length) return undefined;
    let ch = p[i]!;
    if (ch === ']' && !first) break;
    first = false;
    if (ch === '[' && p[i + 1] === ':') {
      const end = p.indexOf(':]', i + 2);
      const fn = end < 0 ? undefined : CLASSES[p.slice(i + 2, end)];
      if (fn) {
        tests.push(fn);
        i = end + 2;
        continue;
      }
    }
    if (ch === '\\' && i + 1 < p.length) ch = p[++i]!;
    i++;
    if (p[i] === '-' && p[i + 1] !== undefined && p[i + 1] !== ']') {
      let hi = p[i + 1]!;
      i += 2;
      if (hi === '\\' && i < p.length) hi = p[i++]!;
      const lo = ch;
      tests.push((c) => c >= lo && c <= hi);
    } else {
      const lit = ch;
      tests.push((c) => c === lit);
    }
  }
  const any = (c: string): boolean => tests.some((t) => t(c));
  const test = fold ? (c: string) => any(c) || any(c.toLowerCase()) || any(c.toUpperCase()) : any;
  return [{ k: 'set', negate, test }, i + 1];
}

function compile(p: string, fold: boolean): Atom[] {
  const atoms: Atom[] = [];
  for (let i = 0; i < p.length;) {
    const ch = p[i]!;
    if (ch === '*') {
      if (atoms.at(-1)?.k !== 'star') atoms.push({ k: 'star' });
      i++;
    } else if (ch === '?') {
      atoms.push({ k: 'any' });
      i++;
    } else if (ch === '[') {
      const set = parseSet(p, i + 1, fold);
      if (set) {
        atoms.push(set[0]);
        i = set[1];
      } else {
        atoms.push({ k: 'char', c: '[' });
        i++;
      }
    } else if (ch === '\\' && i + 1 < p.length) {
      atoms.push({ k: 'char', c: p[i + 1]! });
      i += 2;
    } else {
      atoms.push({ k: 'char', c: ch });
      i++;
    }
  }
  return atoms;
}

function one(a: Atom, c: string, fold: boolean): boolean {
  switch (a.k) {
    case 'any':
      return true;
    case 'char':
      return a.c === c || (fold && a.c.toLowerCase() === c.toLowerCase());
    case 'set':
      return a.test(c) !== a.negate;
    case 'star':
      return false;
  }
}

/** A compiled pattern: `glob('*.txt')('a.txt')`. `fold` is -iname's FNM_CASEFOLD. */
export function glob(pattern: string, fold = false): (s: string) => boolean {
  const atoms = compile(pattern, fold);
  return (s) => {
    const text = [...s];
    let ti = 0;
    let pi = 0;
    let starP = -1;
    let starT = 0;
    while (ti < text.length) {
      const a = atoms[pi];
      if (a !== undefined && a.k === 'star') {
        starP = pi++;
        starT = ti;
      } else if (a !== undefined && one(a, text[ti]!, fold)) {
        pi++;
        ti++;
      } else if (starP >= 0) {
        pi = starP + 1;
        ti = ++starT;
      } else return false;
    }
    while (atoms[pi]?.k === 'star') pi++;
    return pi === atoms.length;
  };
}
