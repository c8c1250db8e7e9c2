import type { ShellCommand } from '../types.ts';

const USAGE =
  'Usage: clear [options]\n\nOptions:\n  -T TERM     use this instead of $TERM\n  -V          print curses-version\n  -x          do not try to clear scrollback\n';

/**
 * ncurses' `clear`. The real one writes the terminal's clear-screen sequence; the page's terminal is a
 * transcript, not a character grid, so the page itself clears it when the line is `clear` (as for
 * Ctrl+L) and the command prints nothing.
 */
export const clear: ShellCommand<{ readonly version: boolean }> = {
  name: 'clear',
  usage: 'Usage: clear [options]',
  where: ['container', 'host'],
  parse(args) {
    let version = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-x') continue;
      else if (a === '-V') version = true;
      else if (a === '-T' && i + 1 < args.length) i++;
      else if (a.startsWith('-T') && a.length > 2) continue;
      else {
        const bad = /^-[^-]/.test(a) && a !== '-T' ? `clear: invalid option -- '${a[1]!}'\n` : '';
        return { ok: false, message: bad + USAGE, exitCode: 1 };
      }
    }
    return { ok: true, opts: { version } };
  },
  run(o, ctx) {
    if (o.version) ctx.stdout('ncurses 6.4.20221231\n');
    return 0;
  },
};
