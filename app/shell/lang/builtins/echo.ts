import type { ShellName } from '../ast.ts';
import { decodeEscapes } from '../escapes.ts';
import { ok } from './builtin.ts';
import type { Builtin } from './builtin.ts';

interface EchoOpts {
  readonly newline: boolean;
  readonly escapes: boolean;
  readonly words: readonly string[];
}

/**
 * bash's echo reads leading -n/-e/-E (alone or combined, `-ne`) and interprets escapes only with -e;
 * dash's echo knows only a first `-n` and always interprets escapes (so `echo 'a\nb'` prints two lines
 * in a container's sh but not in bash).
 */
export const echo = (shell: ShellName): Builtin<EchoOpts> => ({
  name: 'echo',
  usage: 'echo [-neE] [arg ...]',
  where: ['container', 'host'],
  parse(args) {
    if (shell === 'sh') {
      const n = args[0] === '-n';
      return ok({ newline: !n, escapes: true, words: n ? args.slice(1) : args });
    }
    let newline = true;
    let escapes = false;
    let i = 0;
    for (; i < args.length && /^-[neE]+$/.test(args[i] as string); i++) {
      for (const flag of (args[i] as string).slice(1)) {
        if (flag === 'n') newline = false;
        else escapes = flag === 'e';
      }
    }
    return ok({ newline, escapes, words: args.slice(i) });
  },
  run(opts, ctx) {
    const text = opts.words.join(' ');
    if (!opts.escapes) {
      ctx.stdout(opts.newline ? text + '\n' : text);
      return 0;
    }
    const d = decodeEscapes(text, shell === 'sh' ? 'percent-b' : 'echo');
    ctx.stdout(d.stop || !opts.newline ? d.text : d.text + '\n');
    return 0;
  },
});
