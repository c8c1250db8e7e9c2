import type { ShellCommand } from '../types.ts';
import { missingOperand, parseArgs } from './common.ts';
import { removeOperand } from './write-remove.ts';

// rm: unlink(2) each file; with -r, the depth-first walk of coreutils remove.c (see write-remove.ts).

export interface RmOptions {
  readonly force: boolean;
  readonly recursive: boolean;
  readonly emptyDirs: boolean;
  readonly verbose: boolean;
  readonly preserveRoot: boolean;
  readonly files: readonly string[];
}

export const rm: ShellCommand<RmOptions> = {
  name: 'rm',
  usage: 'Usage: rm [OPTION]... [FILE]...',
  where: ['container', 'host'],
  parse(args) {
    const abbreviated = args.find(
      (a) => a.length > 5 && '--no-preserve-root'.startsWith(a) && a !== '--no-preserve-root',
    );
    if (abbreviated !== undefined && args.indexOf('--') < 0)
      return {
        ok: false,
        message: 'rm: you may not abbreviate the --no-preserve-root option\n',
        exitCode: 1,
      };
    const p = parseArgs('rm', args, {
      flags: 'dfrRv',
      long: {
        force: 'f',
        recursive: 'r',
        dir: 'd',
        verbose: 'v',
        'no-preserve-root': 'no-preserve-root',
        'preserve-root': 'preserve-root',
      },
    });
    if (!p.ok) return p;
    const f = p.opts.flags;
    const force = f.has('f');
    const files = p.opts.operands;
    if (files.length === 0 && !force) return { ok: false, message: missingOperand('rm'), exitCode: 1 };
    return {
      ok: true,
      opts: {
        force,
        recursive: f.has('r') || f.has('R'),
        emptyDirs: f.has('d'),
        verbose: f.has('v'),
        preserveRoot: !f.has('no-preserve-root'),
        files,
      },
    };
  },
  run(o, ctx) {
    let ok = true;
    for (const file of o.files) {
      ok =
        removeOperand(ctx, file, {
          cmd: 'rm',
          recursive: o.recursive,
          emptyDirs: o.emptyDirs,
          ignoreMissing: o.force,
          verbose: o.verbose,
          preserveRoot: o.preserveRoot,
        }) && ok;
    }
    return ok ? 0 : 1;
  },
};
