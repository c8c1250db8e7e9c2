import type { ShellCommand } from '../types.ts';
import { parseArgs } from './common.ts';
import type { Parsed } from './common.ts';

/** `sleep N`: the simulation has no wall clock, so it checks its operand and returns at once. */
const sleep: ShellCommand<Parsed> = {
  name: 'sleep',
  usage: 'Usage: sleep NUMBER[SUFFIX]...',
  where: ['container', 'host'],
  parse: (args) => parseArgs('sleep', args, {}),
  run(o, ctx) {
    if (o.operands.length === 0) {
      ctx.stderr("sleep: missing operand\nTry 'sleep --help' for more information.\n");
      return 1;
    }
    for (const a of o.operands) {
      if (a !== 'infinity' && !/^\d+(\.\d+)?[smhd]?$/.test(a)) {
        ctx.stderr(`sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`);
        return 1;
      }
    }
    return 0;
  },
};

const hostname: ShellCommand<Parsed> = {
  name: 'hostname',
  usage: 'Usage: hostname [-s]',
  where: ['container', 'host'],
  parse: (args) => parseArgs('hostname', args, { flags: 's' }),
  run(_o, ctx) {
    const r = ctx.fs.readFile('/etc/hostname' as never);
    ctx.stdout(r.ok ? r.value : 'localhost\n');
    return 0;
  },
};

export const misc: readonly ShellCommand<Parsed>[] = [sleep, hostname];
