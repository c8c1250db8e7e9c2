// The jq syntax tree the parser builds, the checker walks and the evaluator runs.

import type { JqValue } from './value.ts';

export type Pattern =
  | { readonly k: 'var'; readonly name: string }
  | { readonly k: 'array'; readonly items: readonly Pattern[] }
  | {
      readonly k: 'object';
      readonly entries: readonly {
        readonly key: Ast | string;
        readonly bind: string | null;
        readonly value: Pattern | null;
      }[];
    };

export type Ast =
  | { readonly k: 'identity' }
  | { readonly k: 'recurse' }
  | { readonly k: 'index'; readonly target: Ast; readonly index: Ast; readonly opt: boolean }
  | {
      readonly k: 'slice';
      readonly target: Ast;
      readonly from: Ast | null;
      readonly to: Ast | null;
      readonly opt: boolean;
    }
  | { readonly k: 'iterate'; readonly target: Ast; readonly opt: boolean }
  | { readonly k: 'literal'; readonly value: JqValue }
  | { readonly k: 'string'; readonly parts: readonly (string | Ast)[]; readonly format: string | null }
  | { readonly k: 'format'; readonly name: string }
  | { readonly k: 'array'; readonly body: Ast | null }
  | { readonly k: 'object'; readonly entries: readonly { readonly key: Ast; readonly value: Ast }[] }
  | { readonly k: 'pipe' | 'comma' | 'and' | 'or' | 'alt'; readonly left: Ast; readonly right: Ast }
  | { readonly k: 'binop'; readonly op: string; readonly left: Ast; readonly right: Ast }
  | { readonly k: 'assign'; readonly op: string; readonly left: Ast; readonly right: Ast }
  | { readonly k: 'neg'; readonly body: Ast }
  | { readonly k: 'if'; readonly cond: Ast; readonly then: Ast; readonly else: Ast }
  | { readonly k: 'try'; readonly body: Ast; readonly catch: Ast | null }
  | {
      readonly k: 'reduce';
      readonly source: Ast;
      readonly pattern: Pattern;
      readonly init: Ast;
      readonly update: Ast;
    }
  | {
      readonly k: 'foreach';
      readonly source: Ast;
      readonly pattern: Pattern;
      readonly init: Ast;
      readonly update: Ast;
      readonly extract: Ast | null;
    }
  | { readonly k: 'as'; readonly source: Ast; readonly pattern: Pattern; readonly body: Ast }
  | { readonly k: 'label'; readonly name: string; readonly body: Ast }
  | { readonly k: 'break'; readonly name: string; readonly pos: number }
  | { readonly k: 'var'; readonly name: string; readonly pos: number }
  | { readonly k: 'call'; readonly name: string; readonly args: readonly Ast[]; readonly pos: number }
  | {
      readonly k: 'def';
      readonly name: string;
      readonly params: readonly string[];
      readonly body: Ast;
      readonly rest: Ast;
    }
  | { readonly k: 'loc'; readonly line: number };

export interface CompileError {
  readonly message: string;
  readonly pos: number;
}
