// text/template's parse tree, and how its nodes print in execution errors (`at <.State.Nope>`).

import type { GoValue } from './go-values.ts';

export type Arg =
  | { readonly k: 'field'; readonly pos: number; readonly idents: readonly string[] }
  | { readonly k: 'var'; readonly pos: number; readonly idents: readonly string[] }
  | { readonly k: 'dot'; readonly pos: number }
  | { readonly k: 'nil'; readonly pos: number }
  | { readonly k: 'bool'; readonly pos: number; readonly v: boolean }
  | { readonly k: 'number'; readonly pos: number; readonly text: string; readonly v: GoValue }
  | { readonly k: 'string'; readonly pos: number; readonly text: string; readonly v: string }
  | { readonly k: 'ident'; readonly pos: number; readonly name: string }
  | { readonly k: 'chain'; readonly pos: number; readonly node: Arg; readonly fields: readonly string[] }
  | { readonly k: 'pipe'; readonly pos: number; readonly pipe: Pipeline };

export interface Command {
  readonly pos: number;
  readonly args: readonly Arg[];
}
export interface Pipeline {
  readonly pos: number;
  readonly decl: readonly string[];
  readonly assign: boolean;
  readonly cmds: readonly Command[];
}
export interface ControlNode {
  readonly k: 'if' | 'range' | 'with';
  readonly pos: number;
  readonly pipe: Pipeline;
  readonly list: readonly Node[];
  readonly elseList: readonly Node[] | null;
}
export type Node =
  | { readonly k: 'text'; readonly text: string }
  | { readonly k: 'action'; readonly pos: number; readonly pipe: Pipeline }
  | ControlNode
  | { readonly k: 'template'; readonly pos: number; readonly name: string; readonly pipe: Pipeline | null }
  | { readonly k: 'break' | 'continue'; readonly pos: number };

export function argString(a: Arg): string {
  switch (a.k) {
    case 'field':
      return '.' + a.idents.join('.');
    case 'var':
      return a.idents.join('.');
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return String(a.v);
    case 'number':
    case 'string':
      return a.text;
    case 'ident':
      return a.name;
    case 'chain':
      return `${a.node.k === 'pipe' ? `(${pipeString(a.node.pipe)})` : argString(a.node)}.${a.fields.join('.')}`;
    case 'pipe':
      return `(${pipeString(a.pipe)})`;
  }
}
export const cmdString = (c: Command): string => c.args.map(argString).join(' ');
export function pipeString(p: Pipeline): string {
  const decl = p.decl.length > 0 ? `${p.decl.join(', ')} ${p.assign ? '=' : ':='} ` : '';
  return decl + p.cmds.map(cmdString).join(' | ');
}

export interface Template {
  readonly src: string;
  readonly root: readonly Node[];
  readonly defines: ReadonlyMap<string, readonly Node[]>;
}
