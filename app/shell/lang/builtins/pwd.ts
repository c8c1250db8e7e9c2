import type { ShellName } from '../ast.ts';
import { ok } from './builtin.ts';
import type { Builtin } from './builtin.ts';

type PwdOpts =
  | { readonly kind: 'print'; readonly physical: boolean }
  | { readonly kind: 'bad-option'; readonly option: string };

/** pwd prints the logical directory (symlinks as walked); -P resolves them. */
export const pwd = (shell: ShellName): Builtin<PwdOpts> => ({
  name: 'pwd',
  usage: 'pwd [-LP]',
  where: ['container', 'host'],
  parse(args) {
    let physical = false;
    for (const a of args) {
      if (a === '--') break;
      if (!a.startsWith('-') || a === '-') break;
      for (const c of a.slice(1)) {
        if (c === 'P') physical = true;
        else if (c === 'L') physical = false;
        else return ok({ kind: 'bad-option', option: `-${c}` });
      }
    }
    return ok({ kind: 'print', physical });
  },
  run(opts, ctx) {
    if (opts.kind === 'bad-option') {
      if (shell === 'bash') {
        ctx.shell.error(`pwd: ${opts.option}: invalid option`);
        ctx.stderr('pwd: usage: pwd [-LP]\n');
      } else ctx.shell.error(`pwd: Illegal option ${opts.option}`);
      return 2;
    }
    const real = opts.physical ? ctx.fs.realpath(ctx.cwd) : null;
    ctx.stdout(`${real?.ok === true ? real.value : ctx.cwd}\n`);
    return 0;
  },
});
