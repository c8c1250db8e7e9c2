import type { Fs } from '../../engine/fs.ts';
import type { AbsPath } from '../../engine/ids.ts';
import { joinPath, normalize } from '../../engine/path.ts';
import { byteOrder } from './byte-order.ts';
import { MAX_GLOB_MATCHES } from './limits.ts';

/**
 * Pathname expansion. Patterns arrive with quoted characters backslash-escaped (the expander does that),
 * so `"*"x*` is the pattern `\*x*`. Matching is the classic one-star-backtrack loop: linear in practice and
 * never exponential, whatever the pattern.
 */

type Tok =
  | { readonly kind: 'char'; readonly c: string }
  | { readonly kind: 'star' }
  | { readonly kind: 'one' }
  | { readonly kind: 'set'; readonly negate: boolean; readonly test: (c: string) => boolean };

export interface Compiled {
  readonly toks: readonly Tok[];
  /** Whether any wildcard is present; if not, `literal` is the component with escapes removed. */
  readonly magic: boolean;
  readonly literal: string;
}

const CLASSES: Readonly<Record<string, RegExp>> = {
  alpha: /[A-Za-z]/,
  digit: /[0-9]/,
  alnum: /[A-Za-z0-9]/,
  upper: /[A-Z]/,
  lower: /[a-z]/,
  space: /[ \t\n\r\f\v]/,
  blank: /[ \t]/,
  punct: /[!-/:-@[-`{-~]/,
  xdigit: /[0-9A-Fa-f]/,
};

export function compile(pattern: string): Compiled {
  const chars = Array.from(pattern);
  const toks: Tok[] = [];
  let literal = '';
  let magic = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === '\\' && i + 1 < chars.length) {
      const next = chars[++i] as string;
      toks.push({ kind: 'char', c: next });
      literal += next;
    } else if (c === '*') {
      if (toks.at(-1)?.kind !== 'star') toks.push({ kind: 'star' });
      magic = true;
    } else if (c === '?') {
      toks.push({ kind: 'one' });
      magic = true;
    } else if (c === '[' && bracket(chars, i) !== null) {
      const { tok, end } = bracket(chars, i) as { tok: Tok; end: number };
      toks.push(tok);
      magic = true;
      i = end;
    } else {
      toks.push({ kind: 'char', c });
      literal += c;
    }
  }
  return { toks, magic, literal };
}

/** `[…]` starting at `start`: the set and the index of its `]`, or null when unclosed (then `[` is literal). */
function bracket(chars: readonly string[], start: number): { tok: Tok; end: number } | null {
  let i = start + 1;
  const negate = chars[i] === '!' || chars[i] === '^';
  if (negate) i++;
  const tests: ((c: string) => boolean)[] = [];
  for (let first = true; i < chars.length; first = false) {
    const c = chars[i] as string;
    if (c === ']' && !first) {
      const test = (x: string): boolean => tests.some((t) => t(x));
      return { tok: { kind: 'set', negate, test }, end: i };
    }
    if (c === '[' && chars[i + 1] === ':') {
      const close = chars.indexOf(':', i + 2);
      const name = close > 0 && chars[close + 1] === ']' ? chars.slice(i + 2, close).join('') : null;
      const re = name !== null ? CLASSES[name] : undefined;
      if (re !== undefined) {
        tests.push((x) => re.test(x));
        i = close + 2;
        continue;
      }
    }
    let lo = c;
    if (c === '\\' && i + 1 < chars.length) lo = chars[++i] as string;
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined && chars[i + 2] !== ']') {
      let hi = chars[i + 2] as string;
      i += 2;
      if (hi === '\\' && i + 1 < chars.length) hi = chars[++i] as string;
      const [a, b] = [lo.codePointAt(0) as number, hi.codePointAt(0) as number];
      tests.push((x) => (x.codePointAt(0) as number) >= a && (x.codePointAt(0) as number) <= b);
    } else tests.push((x) => x === lo);
    i++;
  }
  return null;
}

export function matches(p: Compiled, name: string): boolean {
  const s = Array.from(name);
  const { toks } = p;
  let ti = 0;
  let si = 0;
  let starT = -1;
  let starS = 0;
  while (si < s.length) {
    const t = toks[ti];
    if (t?.kind === 'star') {
      starT = ti++;
      starS = si;
      continue;
    }
    if (t !== undefined && one(t, s[si] as string)) {
      ti++;
      si++;
    } else if (starT >= 0) {
      ti = starT + 1;
      si = ++starS;
    } else return false;
  }
  while (toks[ti]?.kind === 'star') ti++;
  return ti === toks.length;
}

function one(t: Exclude<Tok, { kind: 'star' }>, c: string): boolean {
  switch (t.kind) {
    case 'char':
      return t.c === c;
    case 'one':
      return true;
    case 'set':
      return t.test(c) !== t.negate;
  }
}

export interface GlobContext {
  readonly fs: Fs;
  readonly cwd: AbsPath;
  /** dash lets `.*` match `.` and `..`; bash 5.2 (globskipdots) does not. */
  readonly dotDirs: boolean;
  /** Directory reads left for this input line; shared by every pattern in it. */
  readonly budget: { reads: number };
}

export type GlobResult = { readonly ok: true; readonly paths: string[] } | { readonly ok: false };

/** Paths matching `pattern`, sorted in byte order (C locale); [] when nothing matches. */
export function expandPathname(pattern: string, ctx: GlobContext): GlobResult {
  const absolute = pattern.startsWith('/');
  const comps = (absolute ? pattern.slice(1) : pattern).split('/');
  let found: { shown: string; abs: AbsPath }[] = [{ shown: '', abs: absolute ? ('/' as AbsPath) : ctx.cwd }];
  // Each component after the first (or every one, for an absolute pattern) is shown after a '/', so
  // `/etc//*` keeps its double slash as bash prints it.
  const show = (shown: string, i: number, comp: string): string =>
    i === 0 && !absolute ? comp : `${shown}/${comp}`;
  let unchecked = false; // the last component was literal: its existence is still to be checked
  for (const [i, comp] of comps.entries()) {
    const p = compile(comp);
    const next: typeof found = [];
    for (const f of found) {
      if (!p.magic) {
        next.push({
          shown: show(f.shown, i, p.literal),
          abs: normalize(p.literal === '' ? '.' : p.literal, f.abs),
        });
        continue;
      }
      if (ctx.budget.reads-- <= 0) return { ok: false };
      const listing = ctx.fs.readdir(f.abs);
      if (!listing.ok) continue;
      const names = listing.value.map((e) => e.name);
      const dotsAllowed = startsWithDot(p);
      if (dotsAllowed && ctx.dotDirs) names.unshift('.', '..');
      for (const name of names) {
        if (name.startsWith('.') && !dotsAllowed) continue;
        if (matches(p, name)) next.push({ shown: show(f.shown, i, name), abs: joinPath(f.abs, name) });
      }
      if (next.length > MAX_GLOB_MATCHES) return { ok: false };
    }
    unchecked = !p.magic;
    found = next;
  }
  if (unchecked) found = found.filter((f) => exists(ctx.fs, f.abs, f.shown.endsWith('/')));
  return { ok: true, paths: found.map((f) => f.shown).sort(byteOrder) };
}

/** A leading dot must be matched by a literal dot (bash without dotglob). */
const startsWithDot = (p: Compiled): boolean => {
  const t = p.toks[0];
  return t?.kind === 'char' && t.c === '.';
};

function exists(fs: Fs, abs: AbsPath, mustBeDir: boolean): boolean {
  if (mustBeDir) {
    const st = fs.stat(abs);
    return st.ok && st.value.kind === 'dir';
  }
  return fs.lstat(abs).ok;
}
