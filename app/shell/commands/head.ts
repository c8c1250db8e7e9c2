import type { ShellCommand } from '../types.ts';
import { complain } from './common.ts';
import type { EndsOptions } from './read-headtail.ts';
import { parseEnds, pickBytes, pickLines, runEnds } from './read-headtail.ts';

export const head: ShellCommand<EndsOptions> = {
  name: 'head',
  usage: 'Usage: head [OPTION]... [FILE]...',
  where: ['container', 'host'],
  parse: (args) => parseEnds('head', args),
  run(o, ctx) {
    // -n N: the first N lines; -n -N: all but the last N (likewise for -c and bytes).
    const pick = o.unit === 'lines' ? pickLines : pickBytes;
    const n = o.count;
    try {
      return runEnds('head', o, ctx, (text) =>
        o.sign === '-' ? (n === 0 ? text : pick(text, 0, -n)) : pick(text, 0, n),
      );
    } catch (e) {
      complain(ctx, 'head', String(e));
      return 1;
    }
  },
};
