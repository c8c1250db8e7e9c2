import { escapeChar } from './write-sed-regex.ts';

// A compiled sed program: addresses, commands, and the pieces of an `s` replacement.

export interface Regex {
  readonly re: RegExp;
  readonly groups: number;
}

export type Addr =
  | { readonly kind: 'line'; readonly n: number }
  | { readonly kind: 'step'; readonly first: number; readonly step: number }
  | { readonly kind: 'last' }
  /** `re` null: the empty regex, which means the last one used. */
  | { readonly kind: 'regex'; readonly re: Regex | null }
  /** addr2 only: `+N` (N more lines) and `~N` (up to a multiple of N). */
  | { readonly kind: 'plus' | 'mult'; readonly n: number };

export type Piece =
  { readonly lit: string } | { readonly ref: number } | { readonly fold: 'L' | 'U' | 'E' | 'l' | 'u' };

export type Command = {
  readonly a1?: Addr;
  readonly a2?: Addr;
  readonly bang: boolean;
} & (
  | { readonly name: 'd' | 'p' | '=' | '}' }
  | { readonly name: '{'; end: number }
  | { readonly name: 'q' | 'Q'; readonly exit: number }
  | { readonly name: 'y'; readonly map: ReadonlyMap<string, string> }
  | {
      readonly name: 's';
      readonly re: Regex | null;
      readonly pieces: readonly Piece[];
      readonly global: boolean;
      readonly print: boolean;
      readonly nth: number;
    }
);

/** \n, \t and friends, and \\ → \, for the y command's strings. */
export function unescapeText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\' || i + 1 >= s.length) {
      out += s[i];
      continue;
    }
    const e = escapeChar(s, i + 1);
    if (e) {
      out += e.ch;
      i = e.next - 1;
    } else out += s[++i];
  }
  return out;
}

/** compile.c setup_replacement: literal text, & and \1..\9, and the \L \U \E \l \u case changes. */
export function replacementPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  let lit = '';
  const flush = (): void => {
    if (lit !== '') pieces.push({ lit });
    lit = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '&') {
      flush();
      pieces.push({ ref: 0 });
    } else if (c !== '\\') lit += c;
    else if (i + 1 >= text.length) lit += '\\';
    else {
      const n = text[i + 1]!;
      const e = escapeChar(text, i + 1);
      if (/[0-9]/.test(n)) {
        flush();
        pieces.push({ ref: Number(n) });
        i++;
      } else if ('LUElu'.includes(n)) {
        flush();
        pieces.push({ fold: n as 'L' | 'U' | 'E' | 'l' | 'u' });
        i++;
      } else if (e) {
        lit += e.ch;
        i = e.next - 1;
      } else {
        lit += n;
        i++;
      }
    }
  }
  flush();
  return pieces;
}
