import type { Errno } from '../../engine/errors.ts';
import type { CommandContext, ShellCommand } from '../types.ts';
import { absPath, complain, missingOperand, parseArgs, quote, strerr } from './common.ts';
import { stripTrailingSlashes } from './write-names.ts';

// rmdir: rmdir(2) on each operand, and with -p on each parent named in it (coreutils rmdir.c).

export interface RmdirOptions {
  readonly parents: boolean;
  readonly verbose: boolean;
  readonly ignoreNonEmpty: boolean;
  readonly dirs: readonly string[];
}

export const rmdir: ShellCommand<RmdirOptions> = {
  name: 'rmdir',
  usage: 'Usage: rmdir [OPTION]... DIRECTORY...',
  where: ['container', 'host'],
  parse(args) {
    const p = parseArgs('rmdir', args, {
      flags: 'pv',
      long: {
        parents: 'p',
        verbose: 'v',
        'ignore-fail-on-non-empty': 'ignore-fail-on-non-empty',
      },
    });
    if (!p.ok) return p;
    if (p.opts.operands.length === 0) return { ok: false, message: missingOperand('rmdir'), exitCode: 1 };
    return {
      ok: true,
      opts: {
        parents: p.opts.flags.has('p'),
        verbose: p.opts.flags.has('v'),
        ignoreNonEmpty: p.opts.flags.has('ignore-fail-on-non-empty'),
        dirs: p.opts.operands,
      },
    };
  },
  run(o, ctx) {
    const ignorable = (e: Errno): boolean => o.ignoreNonEmpty && (e === 'ENOTEMPTY' || e === 'EEXIST');
    let ok = true;
    for (const dir of o.dirs) {
      if (o.verbose) ctx.stdout(`rmdir: removing directory, ${quote(dir)}\n`);
      const r = ctx.fs.rmdir(absPath(ctx, dir));
      if (r.ok) {
        if (o.parents) ok = removeParents(ctx, dir, o, ignorable) && ok;
        continue;
      }
      if (ignorable(r.errno)) continue;
      if (r.errno === 'ENOTDIR' && symlinkWithSlash(ctx, dir))
        complain(ctx, 'rmdir', `failed to remove ${quote(dir)}: Symbolic link not followed`);
      else complain(ctx, 'rmdir', `failed to remove ${quote(dir)}: ${strerr(r.errno)}`);
      ok = false;
    }
    return ok ? 0 : 1;
  },
};

/** 'a/b/c' removed: now 'a/b', then 'a' (and '/' for an absolute name, which fails as in GNU). */
function removeParents(
  ctx: CommandContext,
  dir: string,
  o: RmdirOptions,
  ignorable: (e: Errno) => boolean,
): boolean {
  let d = stripTrailingSlashes(dir);
  for (;;) {
    const slash = d.lastIndexOf('/');
    if (slash < 0) return true;
    let cut = slash;
    while (cut > 0 && d[cut] === '/') cut--;
    d = d.slice(0, cut + 1);
    if (o.verbose) ctx.stdout(`rmdir: removing directory, ${quote(d)}\n`);
    const r = ctx.fs.rmdir(absPath(ctx, d));
    if (r.ok) continue;
    if (ignorable(r.errno)) return true;
    const what = r.errno === 'ENOTDIR' ? 'failed to remove' : 'failed to remove directory';
    complain(ctx, 'rmdir', `${what} ${quote(d)}: ${strerr(r.errno)}`);
    return false;
  }
}

/** rmdir('link/') on Linux does not follow the symlink: say so, as rmdir.c does. */
function symlinkWithSlash(ctx: CommandContext, dir: string): boolean {
  if (!dir.endsWith('/')) return false;
  const st = ctx.fs.stat(absPath(ctx, dir));
  if (!st.ok ? st.errno === 'ENOTDIR' : st.value.kind !== 'dir') return false;
  const l = ctx.fs.lstat(absPath(ctx, stripTrailingSlashes(dir)));
  return l.ok && l.value.kind === 'symlink';
}
