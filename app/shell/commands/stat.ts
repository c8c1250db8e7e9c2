import type { ShellCommand } from '../types.ts';
import { absPath, complain, missingOperand, parseArgs, strerr } from './common.ts';
import { quoteAlways } from './read-quote.ts';
import { DEFAULT_FORMAT, TERSE_FORMAT, expandFormat, unescape } from './read-statfmt.ts';

export interface StatOptions {
  /** -L: report on what a symlink points to (stat(2)); by default the link itself (lstat(2)). */
  readonly follow: boolean;
  /** -c FORMAT (a newline after each file), --printf FORMAT (escapes, no newline), or the default. */
  readonly format: { readonly text: string; readonly printf: boolean } | 'default' | 'terse';
  readonly operands: readonly string[];
}

export const stat: ShellCommand<StatOptions> = {
  name: 'stat',
  usage: 'Usage: stat [OPTION]... FILE...',
  where: ['container', 'host'],
  parse(args) {
    const p = parseArgs('stat', args, {
      flags: 'Lt',
      withArg: 'c',
      long: { dereference: 'L', terse: 't', format: 'c', printf: 'printf' },
      longWithArg: ['format', 'printf'],
    });
    if (!p.ok) return p;
    const { flags, values, operands } = p.opts;
    if (operands.length === 0) return { ok: false, message: missingOperand('stat'), exitCode: 1 };
    const printf = values.get('printf');
    const c = values.get('c');
    const format: StatOptions['format'] =
      printf !== undefined
        ? { text: printf, printf: true }
        : c !== undefined
          ? { text: c, printf: false }
          : flags.has('t')
            ? 'terse'
            : 'default';
    return { ok: true, opts: { follow: flags.has('L'), format, operands } };
  },
  run(o, ctx) {
    let status = 0;
    for (const name of o.operands) {
      try {
        const path = absPath(ctx, name);
        const st = o.follow ? ctx.fs.stat(path) : ctx.fs.lstat(path);
        if (!st.ok) {
          complain(ctx, 'stat', `cannot statx ${quoteAlways(name, ctx.where)}: ${strerr(st.errno)}`);
          status = 1;
          continue;
        }
        const subject = { name, st: st.value, where: ctx.where };
        const f = o.format;
        if (f === 'default')
          ctx.stdout(expandFormat(DEFAULT_FORMAT(st.value.kind === 'chardev'), subject) + '\n');
        else if (f === 'terse') ctx.stdout(expandFormat(TERSE_FORMAT, subject) + '\n');
        else if (f.printf) ctx.stdout(expandFormat(unescape(f.text), subject));
        else ctx.stdout(expandFormat(f.text, subject) + '\n');
      } catch (e) {
        complain(ctx, 'stat', String(e));
        status = 1;
      }
    }
    return status;
  },
};
