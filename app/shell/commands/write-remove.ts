import type { Errno } from '../../engine/errors.ts';
import type { CommandContext } from '../types.ts';
import { complain, quote, strerr } from './common.ts';
import type { Name } from './write-names.ts';
import { childName, isDotOrDotdot, lstatOperand, nameOf } from './write-names.ts';

// The removal walk of coreutils' remove.c (rm_fts), shared by rm and by mv after a cross-device copy.
// fts visits a directory before its entries (pre-order: checks), then after them (post-order: rmdir),
// so children are unlinked before their parents: the overlay then leaves one whiteout at the top (C6).

export interface RemoveOptions {
  /** Program name in messages: 'rm', or 'mv' when it removes a source it copied. */
  readonly cmd: string;
  readonly recursive: boolean;
  /** -d: remove empty directories. */
  readonly emptyDirs: boolean;
  /** -f: a missing file is not an error. */
  readonly ignoreMissing: boolean;
  readonly verbose: boolean;
  readonly preserveRoot: boolean;
}

/** Remove one command-line operand (and everything under it with -r). True when all of it went. */
export function removeOperand(ctx: CommandContext, operand: string, o: RemoveOptions): boolean {
  const name = nameOf(ctx, operand);
  const st = lstatOperand(ctx.fs, name);
  if (!st.ok) return failed(ctx, name, st.errno, o);
  if (st.value.kind !== 'dir') return excise(ctx, name, false, o);

  if (!o.recursive) {
    const empty = o.emptyDirs && isEmptyDir(ctx, name);
    if (!empty) return failed(ctx, name, o.emptyDirs ? 'ENOTEMPTY' : 'EISDIR', o);
  }
  if (isDotOrDotdot(operand)) {
    complain(
      ctx,
      o.cmd,
      `refusing to remove ${quote('.')} or ${quote('..')} directory: skipping ${quote(operand)}`,
    );
    return false;
  }
  if (o.preserveRoot && resolvesToRoot(ctx, name)) {
    complain(
      ctx,
      o.cmd,
      operand === '/'
        ? `it is dangerous to operate recursively on ${quote('/')}`
        : `it is dangerous to operate recursively on ${quote(operand)} (same as ${quote('/')})`,
    );
    complain(ctx, o.cmd, 'use --no-preserve-root to override this failsafe');
    return false;
  }
  return removeDir(ctx, name, o);
}

/** A directory: read it, remove every entry (depth first), then the directory itself. */
function removeDir(ctx: CommandContext, dir: Name, o: RemoveOptions): boolean {
  const entries = ctx.fs.readdir(dir.abs);
  if (!entries.ok) return failed(ctx, dir, entries.errno, o);
  let ok = true;
  for (const e of entries.value) {
    const child = childName(dir, e.name);
    ok = (e.kind === 'dir' ? removeDir(ctx, child, o) : excise(ctx, child, false, o)) && ok;
  }
  // A directory whose entries could not all be removed is left alone, silently (fts_number).
  return ok && excise(ctx, dir, true, o);
}

function excise(ctx: CommandContext, name: Name, isDir: boolean, o: RemoveOptions): boolean {
  const r = isDir ? ctx.fs.rmdir(name.abs) : ctx.fs.unlink(name.abs);
  if (r.ok) {
    if (o.verbose)
      ctx.stdout(isDir ? `removed directory ${quote(name.show)}\n` : `removed ${quote(name.show)}\n`);
    return true;
  }
  return failed(ctx, name, r.errno, o);
}

function failed(ctx: CommandContext, name: Name, errno: Errno, o: RemoveOptions): boolean {
  if (errno === 'ENOENT' && o.ignoreMissing) return true;
  complain(ctx, o.cmd, `cannot remove ${quote(name.show)}: ${strerr(errno)}`);
  return false;
}

function isEmptyDir(ctx: CommandContext, name: Name): boolean {
  const r = ctx.fs.readdir(name.abs);
  return r.ok && r.value.length === 0;
}

/** ROOT_DEV_INO_CHECK: the operand is the root directory itself (e.g. '/', '/..', '//'). */
function resolvesToRoot(ctx: CommandContext, name: Name): boolean {
  const r = ctx.fs.realpath(name.abs);
  return r.ok && r.value === '/';
}
