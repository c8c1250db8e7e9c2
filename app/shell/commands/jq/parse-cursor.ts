// What the jq parser's layers share: the token cursor, how a syntax error is raised, and the
// `if` bodies still open when it is (for "Possibly unterminated 'if'").

import type { Tok, TokType } from './lexer.ts';

export class SyntaxErr {
  constructor(
    readonly tok: Tok,
    readonly expecting: string | null,
  ) {}
}

/** Starting tokens of a Term (what may follow an operator). */
export function startsTerm(t: Tok): boolean {
  if (t.t === 'FIELD' || t.t === 'IDENT' || t.t === 'LITERAL' || t.t === 'FORMAT' || t.t === 'QQSTRING_START')
    return true;
  if (t.t === 'OP') return t.v === '..';
  if (t.t === 'KEYWORD') return ['if', 'try', 'reduce', 'foreach', 'label', 'def', 'break'].includes(t.v);
  return t.t === 'CHAR' && '.([{$-'.includes(t.v);
}

export function lineOf(src: string, pos: number): number {
  let n = 1;
  for (let i = 0; i < pos && i < src.length; i++) if (src[i] === '\n') n++;
  return n;
}

/** The tokens and the position in them; raising a syntax error at the current token. */
export class TokenCursor {
  private i = 0;
  /** Open `if … then` bodies: a syntax error inside one adds "Possibly unterminated 'if'". */
  protected openIfs: Tok[] = [];
  unterminated: Tok | null = null;

  constructor(
    private readonly toks: readonly Tok[],
    protected readonly src: string,
  ) {}

  protected get tok(): Tok {
    return this.toks[this.i]!;
  }
  protected next(): Tok {
    return this.toks[this.i++]!;
  }
  protected is(t: TokType, v?: string): boolean {
    return this.tok.t === t && (v === undefined || this.tok.v === v);
  }
  protected fail(expecting: string | null = null): never {
    if (this.openIfs.length > 0) this.unterminated = this.openIfs[this.openIfs.length - 1]!;
    throw new SyntaxErr(this.tok, expecting);
  }
  protected expect(t: TokType, v: string, expecting: string | null): Tok {
    if (!this.is(t, v)) this.fail(expecting);
    return this.next();
  }

  protected optional(): boolean {
    if (!this.is('CHAR', '?')) return false;
    this.next();
    return true;
  }
}
