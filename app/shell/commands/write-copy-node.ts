import type { Stat } from '../../engine/fs.ts';
import { dirname } from '../../engine/path.ts';
import type { CommandContext } from '../types.ts';
import { complain, quote, quoteIfNeeded, strerr } from './common.ts';
import type { CopyOptions, CopyResult, CopyRun } from './write-copy.ts';
import { UMASK } from './write-mode.ts';
import type { Name } from './write-names.ts';
import { canonicalEntry, childName } from './write-names.ts';
import { forceMake } from './write-tempname.ts';

// The second half of copy.c's copy_internal: make the destination object (mkdir, open O_CREAT|O_EXCL,
// symlink, link), copy a directory's entries, then restore times, owner and mode — in that order,
// because chown may clear set-id bits and a directory must stay writable until it is filled.

type Recurse = (
  ctx: CommandContext,
  src: Name,
  dst: Name,
  nonexistentDst: number,
  o: CopyOptions,
  commandLine: boolean,
  run: CopyRun,
) => CopyResult;

interface NodeResult {
  readonly ok: boolean;
  readonly intoSelf: boolean;
}

export function copyNode(
  ctx: CommandContext,
  src: Name,
  srcSt: Stat,
  dst: Name,
  dstSt: Stat | undefined,
  newDst: boolean,
  o: CopyOptions,
  run: CopyRun,
  recurse: Recurse,
): NodeResult {
  const { fs } = ctx;
  const fail = (m: string): NodeResult => (complain(ctx, o.cmd, m), { ok: false, intoSelf: false });
  const dstModeBits = srcSt.mode & 0o7777;
  let omitted = dstModeBits & (o.preserveOwnership ? 0o077 : srcSt.kind === 'dir' ? 0o022 : 0);
  let restoreMode = false;
  let dstMode = 0;
  let okSoFar = true;
  let intoSelf = false;
  let isSymlink = false;

  if (srcSt.kind === 'dir') {
    if (newDst || dstSt?.kind !== 'dir') {
      const m = fs.mkdir(dst.abs, dstModeBits & ~omitted);
      if (!m.ok) return fail(`cannot create directory ${quote(dst.show)}: ${strerr(m.errno)}`);
      const made = fs.lstat(dst.abs);
      if (!made.ok) return fail(`cannot stat ${quote(dst.show)}: ${strerr(made.errno)}`);
      if ((made.value.mode & 0o700) !== 0o700) {
        dstMode = made.value.mode;
        restoreMode = true;
        const c = fs.chmod(dst.abs, dstMode | 0o700);
        if (!c.ok) return fail(`setting permissions for ${quote(dst.show)}: ${strerr(c.errno)}`);
      }
      run.firstDirCreated ??= canonicalEntry(fs, dst.abs);
      if (o.verbose)
        ctx.stdout(
          o.move ? `created directory ${quote(dst.show)}\n` : `${quote(src.show)} -> ${quote(dst.show)}\n`,
        );
    } else omitted = 0;
    const entries = fs.readdir(src.abs);
    if (!entries.ok) {
      complain(ctx, o.cmd, `cannot access ${quote(src.show)}: ${strerr(entries.errno)}`);
      okSoFar = false;
    } else {
      for (const e of entries.value) {
        const r = recurse(ctx, childName(src, e.name), childName(dst, e.name), newDst ? 1 : 0, o, false, run);
        okSoFar = r.ok && okSoFar;
        if (r.intoSelf) {
          intoSelf = true;
          break;
        }
      }
    }
  } else if (o.symbolicLink) {
    isSymlink = true;
    if (!src.show.startsWith('/') && !inCurrentDir(ctx, dst))
      return fail(`${quoteIfNeeded(dst.show)}: can make relative symbolic links only in current directory`);
    const r = forceMake(fs, dst.abs, o.force, (at) => fs.symlink(src.show, at));
    if (r !== 0 && r !== 'replaced')
      return fail(`cannot create symbolic link ${quote(dst.show)} to ${quote(src.show)}: ${strerr(r)}`);
  } else if (o.hardLink && !(srcSt.kind === 'symlink' && o.dereference === 'never')) {
    const r = hardLinkTo(ctx, src, dst, o.force, o);
    return { ok: r.ok, intoSelf: false };
  } else if (srcSt.kind === 'file') {
    return { ok: copyRegular(ctx, src, srcSt, dst, dstSt, newDst, omitted, o), intoSelf: false };
  } else if (srcSt.kind === 'symlink') {
    isSymlink = true;
    const target = fs.readlink(src.abs);
    if (!target.ok) return fail(`cannot read symbolic link ${quote(src.show)}: ${strerr(target.errno)}`);
    const r = forceMake(fs, dst.abs, o.force, (at) => fs.symlink(target.value, at));
    if (r !== 0 && r !== 'replaced')
      return fail(`cannot create symbolic link ${quote(dst.show)}: ${strerr(r)}`);
    // lchown and utimensat(AT_SYMLINK_NOFOLLOW) would follow here: the Fs has no l-variants.
    return { ok: true, intoSelf: false };
  } else {
    // mknod is not a call the Fs offers.
    return fail(`cannot create special file ${quote(dst.show)}: ${strerr('EPERM')}`);
  }

  if (isSymlink) return { ok: okSoFar, intoSelf };
  if (o.preserveTimestamps) {
    const t = fs.utimes(dst.abs, srcSt.mtime);
    if (!t.ok) complain(ctx, o.cmd, `preserving times for ${quote(dst.show)}: ${strerr(t.errno)}`);
  }
  if (o.preserveOwnership && (newDst || dstSt?.uid !== srcSt.uid || dstSt.gid !== srcSt.gid)) {
    const c = fs.chown(dst.abs, srcSt.uid, srcSt.gid);
    if (!c.ok)
      complain(ctx, o.cmd, `failed to preserve ownership for ${quote(dst.show)}: ${strerr(c.errno)}`);
  }
  if (o.preserveMode || o.move) {
    const c = fs.chmod(dst.abs, srcSt.mode);
    if (!c.ok) complain(ctx, o.cmd, `preserving permissions for ${quote(dst.show)}: ${strerr(c.errno)}`);
  } else {
    omitted &= ~UMASK;
    if (omitted && !restoreMode) {
      const now = newDst ? fs.lstat(dst.abs) : undefined;
      dstMode = now?.ok ? now.value.mode : (dstSt?.mode ?? 0);
      if (omitted & ~dstMode) restoreMode = true;
    }
    if (restoreMode) fs.chmod(dst.abs, dstMode | omitted);
  }
  return { ok: okSoFar, intoSelf };
}

/** copy_reg: read the source, open the destination (O_TRUNC, or O_CREAT|O_EXCL if new), write it. */
function copyRegular(
  ctx: CommandContext,
  src: Name,
  srcSt: Stat,
  dst: Name,
  dstSt: Stat | undefined,
  newDst: boolean,
  omitted: number,
  o: CopyOptions,
): boolean {
  const { fs } = ctx;
  const fail = (m: string): boolean => (complain(ctx, o.cmd, m), false);
  // The exact data where the file system has it: a binary copied keeps its bytes, not its text.
  const data = fs.readFileContent ? fs.readFileContent(src.abs) : fs.readFile(src.abs);
  if (!data.ok) return fail(`cannot open ${quote(src.show)} for reading: ${strerr(data.errno)}`);
  const dstModeBits = srcSt.mode & 0o777;
  let created = newDst;
  if (!newDst) {
    const w = fs.writeFile(dst.abs, data.value, { append: false });
    if (!w.ok) {
      if (!o.force || w.errno === 'ENOENT')
        return fail(`cannot create regular file ${quote(dst.show)}: ${strerr(w.errno)}`);
      const u = fs.unlink(dst.abs);
      if (!u.ok && u.errno !== 'ENOENT') return fail(`cannot remove ${quote(dst.show)}: ${strerr(u.errno)}`);
      if (o.verbose) ctx.stdout(`removed ${quote(dst.show)}\n`);
      created = true;
    } else omitted = 0;
  }
  if (created) {
    const w = fs.writeFile(dst.abs, data.value, {
      append: false,
      exclusive: true,
      mode: dstModeBits & ~omitted,
    });
    if (!w.ok) {
      if (w.errno === 'EEXIST' && !o.move && fs.readlink(dst.abs).ok)
        return fail(`not writing through dangling symlink ${quote(dst.show)}`);
      return fail(`cannot create regular file ${quote(dst.show)}: ${strerr(w.errno)}`);
    }
  }
  if (o.preserveTimestamps) {
    const t = fs.utimes(dst.abs, srcSt.mtime);
    if (!t.ok) complain(ctx, o.cmd, `preserving times for ${quote(dst.show)}: ${strerr(t.errno)}`);
  }
  // A new file belongs to root (the only user here); an existing one keeps its owner until chown.
  const owner = created ? { uid: 0, gid: 0 } : { uid: dstSt?.uid ?? 0, gid: dstSt?.gid ?? 0 };
  if (o.preserveOwnership && (owner.uid !== srcSt.uid || owner.gid !== srcSt.gid))
    fs.chown(dst.abs, srcSt.uid, srcSt.gid);
  if (o.preserveMode || o.move) {
    const c = fs.chmod(dst.abs, srcSt.mode);
    if (!c.ok) return fail(`preserving permissions for ${quote(dst.show)}: ${strerr(c.errno)}`);
  } else if (omitted & ~UMASK) {
    fs.chmod(dst.abs, dstModeBits & ~UMASK);
  }
  return true;
}

/** cp -s with a relative source: the link must be made in the current directory. */
function inCurrentDir(ctx: CommandContext, dst: Name): boolean {
  if (!dst.show.includes('/')) return true;
  const here = ctx.fs.realpath(ctx.cwd);
  const there = ctx.fs.realpath(dirname(dst.abs));
  return !here.ok || !there.ok || here.value === there.value;
}

/** create_hard_link: link(2), replacing an existing name when asked. */
export function hardLinkTo(
  ctx: CommandContext,
  existing: Name,
  dst: Name,
  replace: boolean,
  o: Pick<CopyOptions, 'cmd' | 'verbose'>,
): CopyResult {
  const r = forceMake(ctx.fs, dst.abs, replace, (at) => ctx.fs.link(existing.abs, at));
  if (r !== 0 && r !== 'replaced') {
    complain(
      ctx,
      o.cmd,
      `cannot create hard link ${quote(dst.show)} to ${quote(existing.show)}: ${strerr(r)}`,
    );
    return { ok: false, intoSelf: false, renamed: false };
  }
  if (r === 'replaced' && o.verbose) ctx.stdout(`removed ${quote(dst.show)}\n`);
  return { ok: true, intoSelf: false, renamed: false };
}
