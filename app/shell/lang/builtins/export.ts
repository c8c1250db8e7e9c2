import type { ShellName } from '../ast.ts';
import { byteOrder } from '../byte-order.ts';
import { isName, ok } from './builtin.ts';
import type { Builtin } from './builtin.ts';

type ExportOpts =
  | { readonly kind: 'list' }
  | {
      readonly kind: 'set';
      readonly items: readonly { readonly name: string; readonly value?: string; readonly arg: string }[];
    }
  | { readonly kind: 'bad-option'; readonly option: string };

/**
 * `export` alone lists the environment as the shell would re-read it: bash `declare -x A="v"`, dash
 * `export A='v'`, sorted by name in byte order.
 */
export const exportBuiltin = (shell: ShellName): Builtin<ExportOpts> => ({
  name: 'export',
  usage: 'export [-fn] [name[=value] ...] or export -p',
  where: ['container', 'host'],
  parse(args) {
    let rest = args;
    while (rest[0]?.startsWith('-') === true && rest[0] !== '-') {
      const opt = rest[0];
      rest = rest.slice(1);
      if (opt === '--') break;
      if (opt !== '-p') return ok({ kind: 'bad-option', option: opt.slice(0, 2) });
    }
    if (rest.length === 0) return ok({ kind: 'list' });
    const items = rest.map((arg) => {
      const eq = arg.indexOf('=');
      return eq < 0 ? { name: arg, arg } : { name: arg.slice(0, eq), value: arg.slice(eq + 1), arg };
    });
    return ok({ kind: 'set', items });
  },
  run(opts, ctx) {
    switch (opts.kind) {
      case 'bad-option':
        if (shell === 'bash') {
          ctx.shell.error(`export: ${opts.option}: invalid option`);
          ctx.stderr('export: usage: export [-fn] [name[=value] ...] or export -p\n');
        } else ctx.shell.error(`export: Illegal option ${opts.option}`);
        return 2;
      case 'list': {
        const vars = ctx.shell.exported();
        const names = [...vars.keys()].sort(byteOrder);
        ctx.stdout(names.map((n) => listing(shell, n, vars.get(n) as string)).join(''));
        return 0;
      }
      case 'set': {
        let status = 0;
        for (const item of opts.items) {
          if (!isName(item.name)) {
            if (shell === 'sh') {
              ctx.shell.error(`export: ${item.name}: bad variable name`);
              return 2;
            }
            ctx.shell.error(`export: \`${item.arg}': not a valid identifier`);
            status = 1;
            continue;
          }
          ctx.shell.export(item.name, item.value);
        }
        return status;
      }
    }
  },
});

function listing(shell: ShellName, name: string, value: string): string {
  if (shell === 'bash') return `declare -x ${name}="${value.replace(/["\\$`]/g, '\\$&')}"\n`;
  return `export ${name}='${value.replace(/'/g, `'"'"'`)}'\n`;
}
