// The data find's parser produces: the expression tree and the plan of the walk.

export type Cmp = -1 | 0 | 1;

export type FindNode =
  | { readonly k: 'and' | 'or' | 'comma'; readonly a: FindNode; readonly b: FindNode }
  | { readonly k: 'not'; readonly a: FindNode }
  | { readonly k: 'const'; readonly value: boolean }
  | { readonly k: 'name'; readonly pattern: string; readonly fold: boolean; readonly whole: boolean }
  | { readonly k: 'type'; readonly types: string }
  | { readonly k: 'empty' }
  | { readonly k: 'newer'; readonly ref: string }
  | { readonly k: 'size'; readonly cmp: Cmp; readonly n: number; readonly unit: number }
  | { readonly k: 'perm'; readonly mode: number; readonly how: 'exact' | 'all' | 'any' }
  | { readonly k: 'age'; readonly cmp: Cmp; readonly n: number; readonly unit: number }
  | {
      readonly k: 'num';
      readonly field: 'uid' | 'gid' | 'nlink' | 'ino';
      readonly cmp: Cmp;
      readonly n: number;
    }
  | { readonly k: 'print'; readonly end: string }
  | { readonly k: 'printf'; readonly format: string }
  | { readonly k: 'prune' }
  | { readonly k: 'quit' };

export interface FindPlan {
  readonly expr: FindNode;
  readonly maxdepth: number;
  readonly mindepth: number;
  /** -depth: a directory's contents before the directory. */
  readonly depthFirst: boolean;
  readonly warnings: readonly string[];
}

/** A parse error: the message, and for a stray operand, the hint GNU adds if that file exists. */
export interface FindError {
  readonly message: string;
  readonly hint?: { readonly file: string; readonly after: string };
}

export /** -perm's MODE: octal, or symbolic like u+x,g-w (applied to 0, as find does). */
function parseMode(arg: string): number | undefined {
  if (/^[0-7]+$/.test(arg)) return parseInt(arg, 8) & 0o7777;
  let mode = 0;
  for (const clause of arg.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxst]*)$/.exec(clause);
    if (!m) return undefined;
    const who = m[1] === '' || m[1]!.includes('a') ? 'ugo' : m[1]!;
    let bits = 0;
    for (const w of who) {
      const shift = w === 'u' ? 6 : w === 'g' ? 3 : 0;
      for (const p of m[3]!) {
        if (p === 'r') bits |= 4 << shift;
        else if (p === 'w') bits |= 2 << shift;
        else if (p === 'x') bits |= 1 << shift;
        else if (p === 's') bits |= w === 'u' ? 0o4000 : w === 'g' ? 0o2000 : 0;
        else if (p === 't') bits |= 0o1000;
      }
    }
    if (m[2] === '+') mode |= bits;
    else if (m[2] === '-') mode &= ~bits;
    else mode = bits;
  }
  return mode;
}
