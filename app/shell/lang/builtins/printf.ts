import type { ShellName } from '../ast.ts';
import { ok } from './builtin.ts';
import type { Builtin } from './builtin.ts';
import { formatPrintf } from './printf-format.ts';

type PrintfOpts =
  | {
      readonly kind: 'print';
      readonly format: string;
      readonly args: readonly string[];
      readonly assignTo: string | null;
    }
  | { readonly kind: 'usage' };

/** printf FORMAT [ARG]…; bash also takes `-v NAME` to store the result in a variable. */
export const printf = (shell: ShellName): Builtin<PrintfOpts> => ({
  name: 'printf',
  usage: shell === 'bash' ? 'printf [-v var] format [arguments]' : 'printf format [arg ...]',
  where: ['container', 'host'],
  parse(args) {
    let rest = args;
    let assignTo: string | null = null;
    if (shell === 'bash' && rest[0] === '-v' && rest[1] !== undefined) {
      assignTo = rest[1];
      rest = rest.slice(2);
    }
    if (rest[0] === '--') rest = rest.slice(1);
    const [format, ...more] = rest;
    return ok(format === undefined ? { kind: 'usage' } : { kind: 'print', format, args: more, assignTo });
  },
  run(opts, ctx) {
    if (opts.kind === 'usage') {
      // bash prints its usage line bare; dash prefixes it like any other message.
      if (shell === 'bash') ctx.stderr('printf: usage: printf [-v var] format [arguments]\n');
      else ctx.shell.error('printf: usage: printf format [arg ...]');
      return 2;
    }
    const out = formatPrintf(opts.format, opts.args, shell);
    // The shells report conversion errors as they go but flush their output at the end: errors first.
    for (const e of out.errors) ctx.shell.error(e);
    if (opts.assignTo !== null) ctx.session.setEnv(opts.assignTo, out.text);
    else ctx.stdout(out.text);
    return out.status;
  },
});
