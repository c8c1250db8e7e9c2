import type { ShellName } from '../ast.ts';
import { ok } from './builtin.ts';
import type { Builtin } from './builtin.ts';

type ExitOpts =
  | { readonly kind: 'exit'; readonly code: number | null } // null: the last command's status
  | { readonly kind: 'not-numeric'; readonly arg: string }
  | { readonly kind: 'too-many' };

/**
 * exit leaves the shell through the session. An interactive bash says "exit" on stderr first and leaves
 * even when the argument is not a number (with status 2); dash refuses a bad number and stays.
 */
export const exit = (shell: ShellName): Builtin<ExitOpts> => ({
  name: 'exit',
  usage: 'exit [n]',
  where: ['container', 'host'],
  parse(args) {
    const [arg, ...more] = args[0] === '--' ? args.slice(1) : args;
    if (arg === undefined) return ok({ kind: 'exit', code: null });
    const numeric = shell === 'bash' ? /^\s*[-+]?[0-9]+\s*$/ : /^[0-9]+$/;
    if (!numeric.test(arg)) return ok({ kind: 'not-numeric', arg });
    if (more.length > 0 && shell === 'bash') return ok({ kind: 'too-many' });
    return ok({ kind: 'exit', code: Number((BigInt(arg.trim()) & 255n).toString()) });
  },
  run(opts, ctx) {
    if (shell === 'bash') ctx.stderr('exit\n');
    switch (opts.kind) {
      case 'too-many':
        ctx.shell.error('exit: too many arguments');
        return 1;
      case 'not-numeric':
        if (shell === 'sh') {
          ctx.shell.error(`exit: Illegal number: ${opts.arg}`);
          return 2;
        }
        ctx.shell.error(`exit: ${opts.arg}: numeric argument required`);
        ctx.session.exitShell(2);
        return 2;
      case 'exit': {
        const code = opts.code ?? ctx.shell.lastStatus;
        ctx.session.exitShell(code);
        return code;
      }
    }
  },
});
