// Compile-time checks: undefined functions, variables and labels are errors before any input is read,
// as jq 1.6 reports them.

import type { Ast, CompileError, Pattern } from './ast.ts';

type Scope = { readonly parent: Scope; readonly name: string } | null;
const inScope = (s: Scope, name: string): boolean => {
  for (let e = s; e; e = e.parent) if (e.name === name) return true;
  return false;
};

export function checkProgram(ast: Ast, known: ReadonlySet<string>, vars: readonly string[]): CompileError[] {
  const errors: CompileError[] = [];
  let base: Scope = null;
  for (const v of [...vars, '$ENV', '$__prog_args']) base = { parent: base, name: v };
  const bindPattern = (p: Pattern, s: Scope, fs: Scope): Scope => {
    switch (p.k) {
      case 'var':
        return { parent: s, name: p.name };
      case 'array':
        return p.items.reduce((acc, it) => bindPattern(it, acc, fs), s);
      case 'object':
        return p.entries.reduce((acc: Scope, e) => {
          if (typeof e.key !== 'string') walk(e.key, acc, fs);
          const withBind: Scope = e.bind ? { parent: acc, name: e.bind } : acc;
          return e.value ? bindPattern(e.value, withBind, fs) : withBind;
        }, s);
    }
  };
  const walk = (a: Ast, vs: Scope, fs: Scope): void => {
    switch (a.k) {
      case 'identity':
      case 'recurse':
      case 'literal':
      case 'format':
      case 'loc':
        return;
      case 'index':
        walk(a.target, vs, fs);
        walk(a.index, vs, fs);
        return;
      case 'slice':
        walk(a.target, vs, fs);
        if (a.from) walk(a.from, vs, fs);
        if (a.to) walk(a.to, vs, fs);
        return;
      case 'iterate':
        walk(a.target, vs, fs);
        return;
      case 'string':
        for (const p of a.parts) if (typeof p !== 'string') walk(p, vs, fs);
        return;
      case 'array':
        if (a.body) walk(a.body, vs, fs);
        return;
      case 'object':
        for (const e of a.entries) {
          walk(e.key, vs, fs);
          walk(e.value, vs, fs);
        }
        return;
      case 'pipe':
      case 'comma':
      case 'and':
      case 'or':
      case 'alt':
      case 'binop':
      case 'assign':
        walk(a.left, vs, fs);
        walk(a.right, vs, fs);
        return;
      case 'neg':
        walk(a.body, vs, fs);
        return;
      case 'if':
        walk(a.cond, vs, fs);
        walk(a.then, vs, fs);
        walk(a.else, vs, fs);
        return;
      case 'try':
        walk(a.body, vs, fs);
        if (a.catch) walk(a.catch, vs, fs);
        return;
      case 'reduce':
      case 'foreach': {
        walk(a.source, vs, fs);
        walk(a.init, vs, fs);
        const inner = bindPattern(a.pattern, vs, fs);
        walk(a.update, inner, fs);
        if (a.k === 'foreach' && a.extract) walk(a.extract, inner, fs);
        return;
      }
      case 'as':
        walk(a.source, vs, fs);
        walk(a.body, bindPattern(a.pattern, vs, fs), fs);
        return;
      case 'label':
        walk(a.body, { parent: vs, name: `*label-${a.name}` }, fs);
        return;
      case 'break':
        if (!inScope(vs, `*label-${a.name}`))
          errors.push({ message: `$*label-${a.name} is not defined`, pos: a.pos });
        return;
      case 'var':
        if (!inScope(vs, a.name)) errors.push({ message: `${a.name} is not defined`, pos: a.pos });
        return;
      case 'call': {
        const key = `${a.name}/${a.args.length}`;
        if (!inScope(fs, key) && !known.has(key))
          errors.push({ message: `${key} is not defined`, pos: a.pos });
        for (const arg of a.args) walk(arg, vs, fs);
        return;
      }
      case 'def': {
        const self: Scope = { parent: fs, name: `${a.name}/${a.params.length}` };
        let bodyFs: Scope = self;
        let bodyVs: Scope = vs;
        for (const p of a.params) {
          bodyFs = { parent: bodyFs, name: `${p.replace(/^\$/, '')}/0` };
          if (p.startsWith('$')) bodyVs = { parent: bodyVs, name: p };
        }
        walk(a.body, bodyVs, bodyFs);
        walk(a.rest, vs, self);
        return;
      }
    }
  };
  walk(ast, base, null);
  return errors;
}
