// Executing a parsed template: text and actions written out, if/with/range/template walked, with
// bounds on output size and template recursion (the step budget is template-eval.ts's), so a typed
// template cannot hang the page.

import { goSprint } from './go-fmt.ts';
import type { GoValue } from './go-values.ts';
import { INVALID, indirect, isInvalid, sortedKeys } from './go-values.ts';
import type { ControlNode, Node, Template } from './template-ast.ts';
import { pipeString } from './template-ast.ts';
import type { ExecOptions } from './template-eval.ts';
import { Evaluator } from './template-eval.ts';
import { truth } from './template-funcs.ts';
import { TemplateError } from './template-lex.ts';

export type { ExecOptions } from './template-eval.ts';

const MAX_OUTPUT = 4 << 20;
const MAX_TEMPLATE_DEPTH = 200;

class BreakSignal {}
class ContinueSignal {}

class Exec extends Evaluator {
  private out = '';
  private depth = 0;

  run(dot: GoValue): string {
    this.vars = [{ name: '$', value: dot }];
    this.walkList(dot, this.t.root);
    return this.out;
  }

  private write(s: string): void {
    this.out += s;
    if (this.out.length > MAX_OUTPUT) this.fail('template output is too large');
  }

  private walkList(dot: GoValue, nodes: readonly Node[]): void {
    for (const n of nodes) this.walk(dot, n);
  }

  private walk(dot: GoValue, n: Node): void {
    this.step();
    switch (n.k) {
      case 'text':
        this.write(n.text);
        return;
      case 'action': {
        // Variables declared in an action live to the end of the enclosing block.
        const v = this.pipeline(dot, n.pipe);
        if (n.pipe.decl.length === 0) this.write(this.printable(v));
        return;
      }
      case 'if':
      case 'with': {
        const mark = this.vars.length;
        const v = this.pipeline(dot, n.pipe);
        if (truth(v)) this.walkList(n.k === 'with' ? v : dot, n.list);
        else if (n.elseList) this.walkList(dot, n.elseList);
        this.vars.length = mark;
        return;
      }
      case 'range':
        this.walkRange(dot, n);
        return;
      case 'template': {
        const body = this.t.defines.get(n.name);
        if (!body) {
          this.setAt(
            n.pos,
            `{{template ${JSON.stringify(n.name)}${n.pipe ? ' ' + pipeString(n.pipe) : ''}}}`,
          );
          this.fail(`template ${JSON.stringify(n.name)} not defined`);
        }
        const newDot = n.pipe ? this.pipeline(dot, n.pipe) : INVALID;
        if (++this.depth > MAX_TEMPLATE_DEPTH)
          this.fail(`exceeded maximum template depth (${MAX_TEMPLATE_DEPTH})`);
        const saved = this.vars;
        this.vars = [{ name: '$', value: newDot }];
        this.walkList(newDot, body);
        this.vars = saved;
        this.depth--;
        return;
      }
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
    }
  }

  private walkRange(dot: GoValue, n: ControlNode): void {
    const mark = this.vars.length;
    const val = indirect(this.pipeline(dot, n.pipe)).v;
    const inner = this.vars.length;
    const decl = n.pipe.decl;
    const one = (index: GoValue, elem: GoValue): boolean => {
      this.step();
      if (decl.length > 0) {
        if (n.pipe.assign) {
          this.assign(decl[decl.length - 1]!, elem);
          if (decl.length > 1) this.assign(decl[0]!, index);
        } else {
          this.vars[inner - 1]!.value = elem;
          if (decl.length > 1) this.vars[inner - 2]!.value = index;
        }
      }
      try {
        this.walkList(elem, n.list);
      } catch (e) {
        if (e instanceof BreakSignal) return false;
        if (!(e instanceof ContinueSignal)) throw e;
      } finally {
        this.vars.length = inner;
      }
      return true;
    };
    let ran = false;
    if (typeof val === 'number') {
      if (decl.length > 1) this.fail(`can't use ${val} to iterate over more than one variable`);
      for (let i = 0; i < val; i++) {
        ran = true;
        if (!one(i, i)) break;
      }
    } else if (typeof val === 'object' && val.t === 'slice') {
      const items = val.items ?? [];
      for (let i = 0; i < items.length; i++) {
        ran = true;
        if (!one(i, items[i]!)) break;
      }
    } else if (typeof val === 'object' && val.t === 'map') {
      const m = val.entries ?? new Map<string, GoValue>();
      for (const k of sortedKeys(m)) {
        ran = true;
        if (!one(k, m.get(k)!)) break;
      }
    } else if (!(typeof val === 'object' && (val.t === 'invalid' || val.t === 'nil' || val.t === 'ptr'))) {
      this.fail(`range can't iterate over ${goSprint(val)}`);
    }
    if (!ran && n.elseList) this.walkList(dot, n.elseList);
    this.vars.length = mark;
  }

  /** What `{{pipeline}}` prints: <no value> for nothing, pointers followed once, then fmt's %v. */
  private printable(v: GoValue): string {
    if (isInvalid(v)) return '<no value>';
    const { v: d, isNil } = indirect(v);
    if (isNil) return '<nil>';
    return goSprint(d);
  }
}

/** Run a parsed template on a value; an execution error comes back as `template: :L:C: executing …`. */
export function executeTemplate(
  t: Template,
  dot: GoValue,
  o: ExecOptions,
): { ok: true; out: string } | { ok: false; error: string } {
  try {
    return { ok: true, out: new Exec(t, o).run(dot) };
  } catch (e) {
    if (e instanceof TemplateError) return { ok: false, error: e.message };
    if (e instanceof BreakSignal || e instanceof ContinueSignal) return { ok: true, out: '' };
    return {
      ok: false,
      error: `template: :1:0: executing "" at <>: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}
