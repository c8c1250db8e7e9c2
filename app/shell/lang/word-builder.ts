import type { ParamOp, WordPart } from './ast.ts';

// Pieces the tokenizer builds words from: the part collector and small scanners over the source.

export const NAME_START = /[A-Za-z_]/;
export const NAME_RUN = /[A-Za-z0-9_]*/y;
export const SPECIAL = /[?$#@*!\-0-9]/;

/** Collects a word's parts, merging neighbouring characters with the same quoting. */
export class Parts {
  readonly parts: WordPart[] = [];
  /** How many pieces were added, so "…" can tell whether it held anything. */
  count = 0;
  private buf = '';
  private bufQuoted = false;

  text(s: string, quoted: boolean): void {
    this.count++;
    if (quoted !== this.bufQuoted) this.flush();
    this.bufQuoted = quoted;
    this.buf += s;
  }
  /** Quotes with nothing inside still make a word exist: `''` is an empty argument. */
  emptyQuoted(): void {
    this.count++;
    this.flush();
    this.parts.push({ kind: 'text', text: '', quoted: true });
  }
  param(name: string, quoted: boolean, op: ParamOp | null, raw: string): void {
    this.count++;
    this.flush();
    this.parts.push({ kind: 'param', name, quoted, op, raw });
  }
  /** The word so far is an unquoted number: `2>` makes it a descriptor, not an argument. */
  ioNumber(): number | null {
    return this.parts.length === 0 && !this.bufQuoted && /^[0-9]+$/.test(this.buf) ? Number(this.buf) : null;
  }
  get empty(): boolean {
    return this.parts.length === 0 && this.buf === '';
  }
  done(): WordPart[] {
    this.flush();
    return this.parts;
  }
  private flush(): void {
    if (this.buf !== '') this.parts.push({ kind: 'text', text: this.buf, quoted: this.bufQuoted });
    this.buf = '';
  }
}

export function readName(src: string, at: number): string {
  const c = src[at];
  if (c === undefined) return '';
  if (NAME_START.test(c)) {
    NAME_RUN.lastIndex = at + 1;
    NAME_RUN.test(src);
    return src.slice(at, NAME_RUN.lastIndex);
  }
  if (/[0-9]/.test(c)) return /^[0-9]+/.exec(src.slice(at, at + 12))?.[0] ?? c;
  return SPECIAL.test(c) ? c : '';
}

/** Index of the `}` closing a `${`, counting nested braces; -1 if the input ends first. */
export function matchingBrace(src: string, from: number): number {
  let depth = 1;
  for (let j = from; j < src.length; j++) {
    if (src[j] === '{') depth++;
    else if (src[j] === '}' && --depth === 0) return j + 1;
  }
  return -1;
}

export function nextSpecial(src: string, from: number, specials: string): number {
  for (let j = from; j < src.length; j++) if (specials.includes(src[j] as string)) return j;
  return src.length;
}
