import type { ShellName } from '../ast.ts';
import { isName, ok } from './builtin.ts';
import type { Builtin } from './builtin.ts';

type UnsetOpts =
  | { readonly kind: 'unset'; readonly names: readonly string[] }
  | { readonly kind: 'bad-option'; readonly option: string };

/** unset NAME…: -v (variables) is the default; functions (-f) do not exist in this shell. */
export const unset = (shell: ShellName): Builtin<UnsetOpts> => ({
  name: 'unset',
  usage: 'unset [-f] [-v] [-n] [name ...]',
  where: ['container', 'host'],
  parse(args) {
    let rest = args;
    while (rest[0]?.startsWith('-') === true && rest[0] !== '-') {
      const opt = rest[0];
      rest = rest.slice(1);
      if (opt === '--') break;
      const bad = [...opt.slice(1)].find((c) => !'fvn'.includes(c));
      if (bad !== undefined) return ok({ kind: 'bad-option', option: `-${bad}` });
    }
    return ok({ kind: 'unset', names: rest });
  },
  run(opts, ctx) {
    if (opts.kind === 'bad-option') {
      if (shell === 'bash') {
        ctx.shell.error(`unset: ${opts.option}: invalid option`);
        ctx.stderr('unset: usage: unset [-f] [-v] [-n] [name ...]\n');
      } else ctx.shell.error(`unset: Illegal option ${opts.option}`);
      return 2;
    }
    for (const name of opts.names) {
      if (isName(name)) ctx.shell.unset(name);
      else if (shell === 'sh') {
        ctx.shell.error(`unset: ${name}: bad variable name`);
        return 2;
      }
      // bash 5.2 (not in POSIX mode) passes over an invalid name silently.
    }
    return 0;
  },
});
