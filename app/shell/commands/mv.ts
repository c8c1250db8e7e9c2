import type { Errno } from '../../engine/errors.ts';
import type { ShellCommand } from '../types.ts';
import { absPath, parseArgs } from './common.ts';
import type { CopyOptions, CopyRun } from './write-copy.ts';
import { copyInternal, renameNoReplace } from './write-copy.ts';
import type { Name } from './write-names.ts';
import { fileNameConcat, lastComponent, nameOf, stripTrailingSlashes } from './write-names.ts';
import { removeOperand } from './write-remove.ts';
import { targetOperands } from './write-target.ts';

// mv: rename(2); when the overlay answers EXDEV (a lower or merged directory, C8) copy the tree with
// everything preserved, like cp -a, then remove the source like rm -r: the upper gets a plain new tree
// and a whiteout at the old name (T9).

export interface MvOptions {
  readonly noClobber: boolean;
  readonly verbose: boolean;
  readonly stripSlashes: boolean;
  readonly targetDir: string | undefined;
  readonly noTargetDir: boolean;
  readonly files: readonly string[];
}

export const mv: ShellCommand<MvOptions> = {
  name: 'mv',
  usage: 'Usage: mv [OPTION]... [-T] SOURCE DEST',
  where: ['container', 'host'],
  parse(args) {
    const p = parseArgs('mv', args, {
      flags: 'fnTv',
      withArg: 't',
      long: {
        force: 'f',
        'no-clobber': 'n',
        'no-target-directory': 'T',
        'target-directory': 't',
        verbose: 'v',
        'strip-trailing-slashes': 'strip-trailing-slashes',
      },
      longWithArg: ['target-directory'],
    });
    if (!p.ok) return p;
    const f = p.opts.flags;
    // The last of -f and -n wins.
    const lastN = lastFlagIndex(args, 'n', '--no-clobber');
    const lastF = lastFlagIndex(args, 'f', '--force');
    return {
      ok: true,
      opts: {
        noClobber: f.has('n') && lastN > lastF,
        verbose: f.has('v'),
        stripSlashes: f.has('strip-trailing-slashes'),
        targetDir: p.opts.values.get('t'),
        noTargetDir: f.has('T'),
        files: p.opts.operands,
      },
    };
  },
  run(o, ctx) {
    const files = o.stripSlashes ? o.files.map(stripTrailingSlashes) : o.files;
    const rename = (from: string, to: string): Errno | 0 =>
      renameNoReplace(ctx, absPath(ctx, from), absPath(ctx, to));
    const t = targetOperands(ctx, 'mv', files, o.targetDir, o.noTargetDir, rename);
    if (typeof t === 'number') return t;
    const copy: CopyOptions = {
      cmd: 'mv',
      move: true,
      recursive: true,
      dereference: 'never',
      preserveMode: true,
      preserveOwnership: true,
      preserveTimestamps: true,
      preserveLinks: true,
      noClobber: o.noClobber,
      force: false,
      hardLink: false,
      symbolicLink: false,
      verbose: o.verbose,
      renameErrno: t.renameErrno,
    };
    const copied = new Map<string, Name>();
    const move = (srcArg: string, dstShow: string): boolean => {
      const run: CopyRun = { topSrc: srcArg, topDst: dstShow, firstDirCreated: null, copied };
      const r = copyInternal(ctx, nameOf(ctx, srcArg), nameOf(ctx, dstShow), 0, copy, true, run);
      if (!r.ok || r.intoSelf) return false;
      if (r.renamed) return true;
      return removeOperand(ctx, srcArg, {
        cmd: 'mv',
        recursive: true,
        emptyDirs: true,
        ignoreMissing: false,
        verbose: o.verbose,
        preserveRoot: true,
      });
    };
    if (t.targetDir === undefined) return move(t.sources[0]!, t.sources[1]!) ? 0 : 1;
    let ok = true;
    for (const src of t.sources) {
      const dst = stripTrailingSlashes(fileNameConcat(t.targetDir, lastComponent(src)));
      ok = move(src, dst) && ok;
    }
    return ok ? 0 : 1;
  },
};

function lastFlagIndex(args: readonly string[], letter: string, long: string): number {
  let at = -1;
  args.forEach((a, i) => {
    if (a === long || (/^-[^-]/.test(a) && a.includes(letter))) at = i;
  });
  return at;
}
