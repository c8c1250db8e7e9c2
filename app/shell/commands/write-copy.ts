import type { Errno } from '../../engine/errors.ts';
import type { Stat } from '../../engine/fs.ts';
import type { AbsPath } from '../../engine/ids.ts';
import type { CommandContext } from '../types.ts';
import { complain, quote, strerr } from './common.ts';
import { copyNode, hardLinkTo } from './write-copy-node.ts';
import type { Name } from './write-names.ts';
import { canonicalEntry, identity } from './write-names.ts';

// copy_internal of coreutils copy.c, shared by cp and by mv: stat the source, look at the
// destination, and in move mode try rename(2) first. When rename fails with EXDEV (a lower or merged
// directory of the overlay, C8) the tree is copied with everything preserved, and mv then removes
// the source. The same calls in the same order as GNU, because the overlay's result depends on them.

export interface CopyOptions {
  /** Program name in messages. */
  readonly cmd: 'cp' | 'mv';
  readonly move: boolean;
  readonly recursive: boolean;
  /** Follow symlinks: never (-P, -a, -r), on the command line only (-H), or always (-L). */
  readonly dereference: 'never' | 'cmdline' | 'always';
  readonly preserveMode: boolean;
  readonly preserveOwnership: boolean;
  readonly preserveTimestamps: boolean;
  readonly preserveLinks: boolean;
  readonly noClobber: boolean;
  /** cp -f: unlink a destination that cannot be opened, then try again. */
  readonly force: boolean;
  readonly hardLink: boolean;
  readonly symbolicLink: boolean;
  readonly verbose: boolean;
  /** mv: what rename(2) already answered for this pair; null when it has not been tried (-1). */
  readonly renameErrno: Errno | 0 | null;
}

/** What one command-line operand's copy remembers (copy.c's hash tables). */
export interface CopyRun {
  readonly topSrc: string;
  readonly topDst: string;
  /** The first directory created for this operand: finding it as a source means copying into itself. */
  firstDirCreated: AbsPath | null;
  /** Source inode → first destination name, to keep hard links linked (--preserve=links). */
  readonly copied: Map<string, Name>;
}

export interface CopyResult {
  readonly ok: boolean;
  readonly intoSelf: boolean;
  /** mv: the source is gone already (renamed), or must not be removed (skipped). */
  readonly renamed: boolean;
}

export const result = (ok: boolean, renamed = false, intoSelf = false): CopyResult => ({
  ok,
  renamed,
  intoSelf,
});

/**
 * Copy (or move) SRC to DST. `nonexistentDst`: 1 the destination cannot exist (its parent was just
 * made), -1 it was seen missing (cp DEST), 0 unknown.
 */
export function copyInternal(
  ctx: CommandContext,
  src: Name,
  dst: Name,
  nonexistentDst: number,
  o: CopyOptions,
  commandLine: boolean,
  run: CopyRun,
): CopyResult {
  const { fs } = ctx;
  const say = (m: string): CopyResult => (complain(ctx, o.cmd, m), result(false));
  let renameErrno = o.renameErrno;
  let newDst = nonexistentDst > 0;
  if (o.move) {
    if (renameErrno === null) renameErrno = renameNoReplace(ctx, src.abs, dst.abs);
    newDst = renameErrno === 0;
    nonexistentDst = newDst ? 1 : 0;
    if (renameErrno === 0) {
      if (o.verbose) ctx.stdout(`renamed ${quote(src.show)} -> ${quote(dst.show)}\n`);
      return result(true, true);
    }
  }
  if (o.move && renameErrno === 'EEXIST' && o.noClobber) return result(true, true);

  const follow = o.dereference === 'always' || (o.dereference === 'cmdline' && commandLine);
  const s = follow ? fs.stat(src.abs) : fs.lstat(src.abs);
  if (!s.ok) return say(`cannot stat ${quote(src.show)}: ${strerr(s.errno)}`);
  const srcSt = s.value;
  const srcIsDir = srcSt.kind === 'dir';
  if (srcIsDir && !o.recursive) return say(`-r not specified; omitting directory ${quote(src.show)}`);

  let dstSt: Stat | undefined;
  if (nonexistentDst <= 0) {
    const useLstat = srcSt.kind !== 'file' || o.move || o.symbolicLink || o.hardLink;
    if (!useLstat && nonexistentDst < 0) newDst = true;
    else {
      const d = useLstat ? fs.lstat(dst.abs) : fs.stat(dst.abs);
      if (d.ok) {
        dstSt = d.value;
        renameErrno = 'EEXIST';
      } else if (d.errno !== 'ENOENT') {
        return say(`cannot stat ${quote(dst.show)}: ${strerr(d.errno)}`);
      } else newDst = true;
    }
    if (dstSt) {
      const verdict = existingDestination(ctx, { src, srcSt, dst, dstSt, follow, useLstat }, o);
      if (verdict !== 'go') return verdict;
      if (dstSt.kind !== 'dir' && !o.move && !o.hardLink && needsUnlink(srcSt, dstSt, o)) {
        const u = fs.unlink(dst.abs);
        if (!u.ok && u.errno !== 'ENOENT') return say(`cannot remove ${quote(dst.show)}: ${strerr(u.errno)}`);
        newDst = true;
        if (o.verbose) ctx.stdout(`removed ${quote(dst.show)}\n`);
      }
    }
  }

  if (o.verbose && !o.move && !srcIsDir) ctx.stdout(`${quote(src.show)} -> ${quote(dst.show)}\n`);

  // Hard links inside what is copied stay hard links; a directory met again is the copy itself.
  if (srcIsDir && !commandLine) {
    if (run.firstDirCreated !== null && canonicalEntry(fs, src.abs) === run.firstDirCreated) {
      complain(
        ctx,
        o.cmd,
        `cannot copy a directory, ${quote(run.topSrc)}, into itself, ${quote(run.topDst)}`,
      );
      return result(false, false, true);
    }
  } else if (!srcIsDir && o.preserveLinks && !o.hardLink && srcSt.nlink > 1) {
    const id = identity(fs, src.abs, srcSt, follow);
    const earlier = run.copied.get(id);
    if (earlier) return hardLinkTo(ctx, earlier, dst, true, o);
    run.copied.set(id, dst);
  }

  if (o.move) {
    if (renameErrno === 'EEXIST') {
      const r = fs.rename(src.abs, dst.abs);
      renameErrno = r.ok ? 0 : r.errno;
    }
    if (renameErrno === 0) {
      if (o.verbose) ctx.stdout(`renamed ${quote(src.show)} -> ${quote(dst.show)}\n`);
      return result(true, true);
    }
    if (renameErrno === 'EINVAL') {
      complain(
        ctx,
        o.cmd,
        `cannot move ${quote(run.topSrc)} to a subdirectory of itself, ${quote(run.topDst)}`,
      );
      return result(false, false, true);
    }
    if (renameErrno !== 'EXDEV') {
      const why = strerr(renameErrno as Errno);
      return ['EEXIST', 'EISDIR', 'ENOTEMPTY', 'ENOSPC'].includes(renameErrno as string)
        ? say(`cannot overwrite ${quote(dst.show)}: ${why}`)
        : say(`cannot move ${quote(src.show)} to ${quote(dst.show)}: ${why}`);
    }
    // Cross-device: remove what rename would have replaced, then copy and let mv delete the source.
    const gone = srcIsDir ? fs.rmdir(dst.abs) : fs.unlink(dst.abs);
    if (!gone.ok && gone.errno !== 'ENOENT')
      return say(
        `inter-device move failed: ${quote(src.show)} to ${quote(dst.show)}; unable to remove target: ${strerr(gone.errno)}`,
      );
    if (o.verbose && !srcIsDir) ctx.stdout(`copied ${quote(src.show)} -> ${quote(dst.show)}\n`);
    newDst = true;
  }

  const ok = copyNode(ctx, src, srcSt, dst, dstSt, newDst, o, run, copyInternal);
  return result(ok.ok, false, ok.intoSelf);
}

/** The checks copy.c makes when the destination exists. 'go' to carry on, else the result. */
interface Pair {
  readonly src: Name;
  readonly srcSt: Stat;
  readonly dst: Name;
  readonly dstSt: Stat;
  /** Whether each stat followed a final symlink. */
  readonly follow: boolean;
  readonly useLstat: boolean;
}

function existingDestination(ctx: CommandContext, p: Pair, o: CopyOptions): CopyResult | 'go' {
  const { src, srcSt, dst, dstSt } = p;
  const say = (m: string): CopyResult => (complain(ctx, o.cmd, m), result(false));
  if (o.noClobber) return result(true, true);
  if (!sameFileOk(ctx, p, o)) return say(`${quote(src.show)} and ${quote(dst.show)} are the same file`);
  if (dstSt.kind !== 'dir' && srcSt.kind === 'dir')
    return say(`cannot overwrite non-directory ${quote(dst.show)} with directory ${quote(src.show)}`);
  if (srcSt.kind !== 'dir' && dstSt.kind === 'dir')
    return say(`cannot overwrite directory ${quote(dst.show)} with non-directory`);
  return 'go';
}

/** copy.c same_file_ok, for the options these commands have (no backups). */
function sameFileOk(ctx: CommandContext, p: Pair, o: CopyOptions): boolean {
  const { fs } = ctx;
  const { src, srcSt, dst, dstSt } = p;
  const same = identity(fs, src.abs, srcSt, p.follow) === identity(fs, dst.abs, dstSt, !p.useLstat);
  if (same && o.hardLink) return true;
  const srcLink = srcSt.kind === 'symlink';
  const dstLink = dstSt.kind === 'symlink';
  if (srcLink && dstLink) return canonicalEntry(fs, src.abs) !== canonicalEntry(fs, dst.abs);
  if (o.move && dstLink) return true;
  if (!srcLink && !dstLink) return !same;
  if (o.dereference !== 'never') return true;
  // One of them is a symlink: refuse only when it points at the other.
  const a = fs.stat(src.abs);
  const b = fs.stat(dst.abs);
  if (!a.ok || !b.ok) return true;
  return identity(fs, src.abs, a.value, true) !== identity(fs, dst.abs, b.value, true);
}

/** When cp must unlink an existing destination before writing it. */
const needsUnlink = (srcSt: Stat, dstSt: Stat, o: CopyOptions): boolean =>
  (o.preserveLinks && dstSt.nlink > 1) || (o.dereference === 'never' && srcSt.kind !== 'file');

/** renameat2(RENAME_NOREPLACE), which the Fs lacks: refuse an existing name, else rename(2). */
export function renameNoReplace(ctx: CommandContext, from: AbsPath, to: AbsPath): Errno | 0 {
  if (ctx.fs.lstat(to).ok) return 'EEXIST';
  const r = ctx.fs.rename(from, to);
  return r.ok ? 0 : r.errno;
}
