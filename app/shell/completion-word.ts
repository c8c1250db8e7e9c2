/**
 * The word the caret is in, read the way bash's readline splits a line for completion: enough of the
 * shell's syntax to know where the word starts, what it says once quotes and backslashes are taken
 * off, and which words of the same simple command come before it. It never fails: a line that would
 * not parse still has a last word to complete.
 */
export interface WordAtCaret {
  /** Offset in the line where the word begins (its opening quote included). */
  readonly start: number;
  /** The word typed so far, quotes and backslashes removed. */
  readonly value: string;
  /** The quote still open at the caret, or '' when none. */
  readonly quote: '' | "'" | '"';
  /** The earlier words of this simple command, unquoted: [] means the word is the command name. */
  readonly words: readonly string[];
  /** The word follows `>`, `<` or `>>`: it names a file whatever the command. */
  readonly redirect: boolean;
}

const COMMAND_BREAK = new Set(['|', ';', '&', '(', ')']);
const REDIRECT = new Set(['<', '>']);
// `NAME=value` before a command sets a variable; the command name comes after it.
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

export function wordAtCaret(prefix: string): WordAtCaret {
  let words: string[] = [];
  let value = '';
  let start = -1;
  let quote: '' | "'" | '"' = '';
  let redirect = false;

  const begin = (i: number): void => {
    if (start < 0) start = i;
  };
  const finish = (): void => {
    if (start < 0) return;
    // A redirection's target is not an argument of the command.
    if (redirect) redirect = false;
    else if (!(words.length === 0 && ASSIGNMENT.test(value))) words.push(value);
    value = '';
    start = -1;
  };

  for (let i = 0; i < prefix.length; i++) {
    const ch = prefix[i]!;
    if (quote !== '') {
      if (ch === quote) quote = '';
      else if (quote === '"' && ch === '\\' && i + 1 < prefix.length && /["\\$`]/.test(prefix[i + 1]!))
        value += prefix[++i]!;
      else value += ch;
    } else if (/\s/.test(ch)) finish();
    else if (ch === '\\') {
      begin(i);
      if (i + 1 < prefix.length) value += prefix[++i]!;
    } else if (ch === "'" || ch === '"') {
      begin(i);
      quote = ch;
    } else if (COMMAND_BREAK.has(ch)) {
      finish();
      words = [];
      redirect = false;
    } else if (REDIRECT.has(ch)) {
      finish();
      redirect = true;
    } else {
      begin(i);
      value += ch;
    }
  }
  return { start: start < 0 ? prefix.length : start, value, quote, words, redirect };
}

// Characters bash would read as syntax inside an unquoted word.
const SPECIAL = /[\s\\'"`$|&;()<>*?[\]{}!#]/g;

/** A completed word as it must be typed back: backslash-escaped, or inside the quote that was open. */
export function typeWord(text: string, quote: WordAtCaret['quote']): string {
  if (quote === "'") return `'${text.replace(/'/g, `'\\''`)}`;
  if (quote === '"') return `"${text.replace(/["\\$`]/g, '\\$&')}`;
  return text.replace(SPECIAL, '\\$&');
}
