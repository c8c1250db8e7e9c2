// The syntax tree of the bash subset Layerlab runs, shared by the tokenizer, parser, expander and executor.

export type ShellName = 'bash' | 'sh';

/**
 * A piece of a word. `quoted` records whether the characters came from quotes or a backslash: only
 * unquoted parts take part in field splitting and pathname expansion, as in bash.
 */
export type WordPart =
  | { readonly kind: 'text'; readonly text: string; readonly quoted: boolean }
  | {
      readonly kind: 'param';
      readonly name: string;
      readonly quoted: boolean;
      readonly op: ParamOp | null;
      /** The source text (`$HOME`, `${x/y}`), for "bad substitution" messages. */
      readonly raw: string;
    };

export type ParamOp =
  | { readonly kind: 'length' } // ${#NAME}
  /** ${NAME-word} ${NAME:-word} ${NAME+word} ${NAME=word} ${NAME?word} and their colon forms. */
  | {
      readonly kind: 'alt';
      readonly test: '-' | '+' | '=' | '?';
      readonly colon: boolean;
      readonly word: readonly WordPart[];
    }
  | { readonly kind: 'bad' }; // a form this shell does not implement: "bad substitution" when expanded

export interface Word {
  readonly parts: readonly WordPart[];
  /** The word as typed, for messages such as "ambiguous redirect". */
  readonly raw: string;
}

export type ControlOp = '&&' | '||' | ';' | '|' | '|&' | '\n';

/** `>&` / `<&` duplicate or close a descriptor; `&>` / `&>>` send stdout and stderr to one file. */
export type RedirOp = '>' | '>>' | '>|' | '<' | '>&' | '<&' | '&>' | '&>>';

/** Why a line could not be parsed; the dialect decides how the message reads. */
export type SyntaxProblem =
  | { readonly kind: 'unexpected'; readonly token: string }
  | { readonly kind: 'eof' }
  | { readonly kind: 'eof-in-quote'; readonly quote: string }
  | { readonly kind: 'unsupported'; readonly feature: string };

export type Token =
  | { readonly kind: 'word'; readonly word: Word; readonly line: number }
  | { readonly kind: 'op'; readonly op: ControlOp; readonly line: number }
  | { readonly kind: 'redir'; readonly op: RedirOp; readonly fd: number | null; readonly line: number }
  /** Something the tokenizer recognised but the parser must reject (`;;`, `&`, `(` …). */
  | { readonly kind: 'bad'; readonly text: string; readonly line: number }
  | { readonly kind: 'error'; readonly problem: SyntaxProblem; readonly line: number };

export interface Assignment {
  readonly name: string;
  readonly value: Word;
}

export interface Redirect {
  /** The descriptor written before the operator (`2>`), or null for the operator's default. */
  readonly fd: number | null;
  readonly op: RedirOp;
  readonly target: Word;
}

export interface SimpleCommand {
  readonly assignments: readonly Assignment[];
  readonly words: readonly Word[];
  /** In source order: bash applies them left to right (`> f 2>&1` differs from `2>&1 > f`). */
  readonly redirects: readonly Redirect[];
  /** Newlines before this command in the input, for dash's "sh: LINE:" prefix. */
  readonly line: number;
}

export interface Pipeline {
  readonly negated: boolean;
  readonly commands: readonly SimpleCommand[];
}

export interface AndOr {
  readonly first: Pipeline;
  readonly rest: readonly { readonly op: '&&' | '||'; readonly pipeline: Pipeline }[];
}

/** One input line as the interactive shell reads it: it is parsed whole before any of it runs. */
export type LineItem =
  | { readonly kind: 'list'; readonly list: readonly AndOr[] }
  | { readonly kind: 'error'; readonly problem: SyntaxProblem; readonly line: number };

export interface Program {
  readonly items: readonly LineItem[];
  /** Simple commands in the whole input, so a huge paste can be refused before anything runs. */
  readonly commandCount: number;
}
