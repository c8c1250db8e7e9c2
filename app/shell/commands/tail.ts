import type { ShellCommand } from '../types.ts';
import { complain } from './common.ts';
import type { EndsOptions } from './read-headtail.ts';
import { parseEnds, pickBytes, pickLines, runEnds } from './read-headtail.ts';

export const tail: ShellCommand<EndsOptions> = {
  name: 'tail',
  usage: 'Usage: tail [OPTION]... [FILE]...',
  where: ['container', 'host'],
  parse: (args) => parseEnds('tail', args),
  run(o, ctx) {
    // -n N: the last N lines; -n +N: from line N on (likewise for -c and bytes).
    const pick = o.unit === 'lines' ? pickLines : pickBytes;
    const n = o.count;
    try {
      return runEnds('tail', o, ctx, (text) =>
        o.sign === '+' ? pick(text, Math.max(0, n - 1), Infinity) : n === 0 ? '' : pick(text, -n, Infinity),
      );
    } catch (e) {
      complain(ctx, 'tail', String(e));
      return 1;
    }
  },
};
