import type { ShellName, Word, WordPart } from './ast.ts';
import { expandBraces } from './braces.ts';
import type { BraceBudget } from './braces.ts';
import { badSubstitutionText } from './diag.ts';
import { compile, expandPathname } from './glob.ts';
import type { GlobContext } from './glob.ts';

/**
 * Word expansion in bash's order: tilde, parameters, field splitting of unquoted results, pathname
 * expansion of unquoted wildcards, quote removal. Command substitution and arithmetic are not part of
 * this shell (the tokenizer rejects them).
 */

export interface ExpandContext {
  readonly shell: ShellName;
  /** A variable's value, special parameters ($?, $0 …) included; undefined when unset. */
  lookup(name: string): string | undefined;
  /** A user's home directory, for `~user`. */
  homeOf(user: string): string | undefined;
  /** ${NAME=word} assigns. */
  assign(name: string, value: string): void;
  readonly glob: GlobContext;
  /** Characters (and brace-expanded words) expansion may still produce on this input line. */
  readonly budget: BraceBudget;
}

export type Expanded<T> =
  | { readonly ok: true; readonly value: T }
  /** An expansion error: bash reports it and abandons the rest of the input line. */
  | { readonly ok: false; readonly message: string };

/** A run of characters on its way to becoming (part of) a field. */
interface Piece {
  readonly text: string;
  /** Quoted characters are never split and never act as wildcards. */
  readonly quoted: boolean;
  /** Unquoted expansion results are split on blanks; literal text in the word is not. */
  readonly split: boolean;
}

class ExpansionError {
  constructor(readonly message: string) {}
}

const IFS_WHITESPACE = /[ \t\n]+/;
const WILDCARD_OR_ESCAPE = /[*?[\]\\]/g;

/** Words to argv: every field of every word. */
export function expandWords(words: readonly Word[], ctx: ExpandContext): Expanded<string[]> {
  return guard(() => words.flatMap((w) => braces(w, ctx)).flatMap((w) => fieldsOf(w, ctx, true)));
}

function braces(word: Word, ctx: ExpandContext): Word[] {
  if (ctx.shell === 'sh') return [word];
  const words = expandBraces(word, ctx.budget);
  if (words === null) throw new ExpansionError('brace expansion too large for this simulator');
  return words;
}

/** A redirection target: bash splits and globs it and wants exactly one word; dash does neither. */
export function expandTarget(word: Word, ctx: ExpandContext): Expanded<string | null> {
  return guard(() => {
    if (ctx.shell === 'sh') return single(word, ctx, false);
    const fields = braces(word, ctx).flatMap((w) => fieldsOf(w, ctx, true));
    return fields.length === 1 ? (fields[0] as string) : null;
  });
}

/** An assignment's value: one string, tilde expanded, no splitting or globbing. */
export function expandValue(word: Word, ctx: ExpandContext): Expanded<string> {
  return guard(() => single(word, ctx, true));
}

function guard<T>(run: () => T): Expanded<T> {
  try {
    return { ok: true, value: run() };
  } catch (e) {
    if (e instanceof ExpansionError) return { ok: false, message: e.message };
    throw e;
  }
}

function single(word: Word, ctx: ExpandContext, tilde: boolean): string {
  return pieces(word.parts, ctx, tilde)
    .map((p) => p.text)
    .join('');
}

function fieldsOf(word: Word, ctx: ExpandContext, tilde: boolean): string[] {
  const out: string[] = [];
  for (const field of splitFields(pieces(word.parts, ctx, tilde))) {
    const value = field.map((p) => p.text).join('');
    const pattern = field
      .map((p) => (p.quoted ? p.text.replace(WILDCARD_OR_ESCAPE, '\\$&') : p.text))
      .join('');
    if (!/[*?[]/.test(pattern) || !pattern.split('/').some((c) => compile(c).magic)) {
      out.push(value);
      continue;
    }
    const found = expandPathname(pattern, ctx.glob);
    if (!found.ok) throw new ExpansionError('pathname expansion: too many files or directories');
    // No match leaves the word as typed (minus quotes), as bash does without nullglob.
    if (found.paths.length === 0) out.push(value);
    else for (const p of found.paths) out.push(p);
  }
  return out;
}

/**
 * Field splitting. A field exists once anything quoted (even "") or any non-blank character lands in it;
 * an unquoted expansion that is empty or all blanks adds nothing, so `$EMPTY` vanishes but "" stays.
 */
function splitFields(ps: readonly Piece[]): Piece[][] {
  const fields: Piece[][] = [];
  let cur: Piece[] | null = null;
  for (const p of ps) {
    if (!p.split) {
      (cur ??= []).push(p);
      continue;
    }
    const runs = p.text.split(IFS_WHITESPACE);
    runs.forEach((run, i) => {
      if (i > 0 && cur !== null) {
        fields.push(cur);
        cur = null;
      }
      if (run !== '') (cur ??= []).push({ text: run, quoted: false, split: true });
    });
  }
  if (cur !== null) fields.push(cur);
  return fields;
}

function pieces(parts: readonly WordPart[], ctx: ExpandContext, tilde: boolean): Piece[] {
  const out: Piece[] = [];
  parts.forEach((part, i) => {
    if (part.kind === 'param') {
      out.push(...param(part, ctx));
      return;
    }
    const t = i === 0 && tilde ? tildePrefix(part, parts.length, ctx) : null;
    if (t === null) out.push({ text: part.text, quoted: part.quoted, split: false });
    else {
      // The home directory is not split or globbed; what follows it is ordinary text.
      out.push({ text: t.home, quoted: true, split: false });
      if (t.rest !== '') out.push({ text: t.rest, quoted: false, split: false });
    }
  });
  // `$X$X$X…` over a megabyte-long X would join into gigabytes: stop before joining.
  for (const p of out) ctx.budget.chars -= p.text.length;
  if (ctx.budget.chars < 0) throw new ExpansionError('expansion too large for this simulator');
  return out;
}

/**
 * `~` or `~user` up to the first slash, unquoted, at the start of the word: $HOME or the user's home from
 * /etc/passwd. Anything quoted inside the prefix, or an unknown user, leaves the word alone.
 */
function tildePrefix(
  part: Extract<WordPart, { kind: 'text' }>,
  partCount: number,
  ctx: ExpandContext,
): { home: string; rest: string } | null {
  if (part.quoted || !part.text.startsWith('~')) return null;
  const slash = part.text.indexOf('/');
  if (slash < 0 && partCount > 1) return null;
  const user = part.text.slice(1, slash < 0 ? undefined : slash);
  const home = user === '' ? ctx.lookup('HOME') : ctx.homeOf(user);
  return home === undefined ? null : { home, rest: slash < 0 ? '' : part.text.slice(slash) };
}

function param(part: Extract<WordPart, { kind: 'param' }>, ctx: ExpandContext): Piece[] {
  const { op, quoted, name } = part;
  // "$@" and "$*" with no positional parameters: nothing at all, not even an empty field.
  const value = name === '@' || name === '*' ? undefined : ctx.lookup(name);
  const result = (text: string): Piece[] =>
    name === '@' && text === '' ? [] : [{ text, quoted, split: !quoted }];
  if (op === null) return result(value ?? '');
  switch (op.kind) {
    case 'length':
      return result(String(Array.from(value ?? '').length));
    case 'bad':
      throw new ExpansionError(badSubstitutionText(ctx.shell, part.raw));
    case 'alt': {
      const set = value !== undefined && (!op.colon || value !== '');
      const word = (): Piece[] =>
        pieces(op.word, ctx, false).map((p) => ({
          ...p,
          quoted: p.quoted || quoted,
          split: !p.quoted && !quoted,
        }));
      switch (op.test) {
        case '-':
          return set ? result(value) : word();
        case '+':
          return set ? word() : [];
        case '=': {
          if (set) return result(value);
          if (!/^[A-Za-z_]/.test(name)) throw new ExpansionError(`$${name}: cannot assign in this way`);
          const assigned = word()
            .map((p) => p.text)
            .join('');
          ctx.assign(name, assigned);
          return result(assigned);
        }
        case '?': {
          if (set) return result(value);
          const text = word()
            .map((p) => p.text)
            .join('');
          throw new ExpansionError(
            `${name}: ${text !== '' ? text : op.colon ? 'parameter null or not set' : 'parameter not set'}`,
          );
        }
      }
    }
  }
}
