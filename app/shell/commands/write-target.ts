import type { Errno } from '../../engine/errors.ts';
import type { CommandContext } from '../types.ts';
import { absPath, complain, quote, strerr } from './common.ts';

// How cp and mv read their operands (coreutils 9): SOURCE DEST, SOURCE... DIRECTORY, -t DIRECTORY
// SOURCE..., or -T SOURCE DEST. mv first tries to rename the two operands outright and only looks at
// DEST when that fails.

export interface Targets {
  readonly sources: readonly string[];
  readonly targetDir: string | undefined;
  /** Two operands and the last one does not exist (cp then skips stat-ing it again). */
  readonly destMissing: boolean;
  /** mv: what the first rename attempt answered; null when none was made. */
  readonly renameErrno: Errno | 0 | null;
}

/** Returns the operands' reading, or an exit code after printing the problem. */
export function targetOperands(
  ctx: CommandContext,
  cmd: string,
  files: readonly string[],
  targetDir: string | undefined,
  noTargetDir: boolean,
  tryRename?: (from: string, to: string) => Errno | 0,
): Targets | number {
  const tryHelp = `Try '${cmd} --help' for more information.\n`;
  if (files.length <= (targetDir === undefined ? 1 : 0)) {
    ctx.stderr(
      files.length === 0
        ? `${cmd}: missing file operand\n${tryHelp}`
        : `${cmd}: missing destination file operand after ${quote(files[0]!)}\n${tryHelp}`,
    );
    return 1;
  }
  if (noTargetDir) {
    if (targetDir !== undefined) {
      complain(ctx, cmd, 'cannot combine --target-directory (-t) and --no-target-directory (-T)');
      return 1;
    }
    if (files.length > 2) {
      ctx.stderr(`${cmd}: extra operand ${quote(files[2]!)}\n${tryHelp}`);
      return 1;
    }
    const renameErrno = tryRename ? tryRename(files[0]!, files[1]!) : null;
    return { sources: files, targetDir: undefined, destMissing: false, renameErrno };
  }
  if (targetDir !== undefined) {
    const err = directoryErrno(ctx, targetDir);
    if (err !== 0) {
      complain(ctx, cmd, `target directory ${quote(targetDir)}: ${strerr(err)}`);
      return 1;
    }
    return { sources: files, targetDir, destMissing: false, renameErrno: null };
  }
  const last = files[files.length - 1]!;
  const renameErrno = tryRename && files.length === 2 ? tryRename(files[0]!, last) : null;
  if (renameErrno === 0) return { sources: files, targetDir: undefined, destMissing: false, renameErrno };
  const err = directoryErrno(ctx, last);
  if (err === 0)
    return { sources: files.slice(0, -1), targetDir: last, destMissing: false, renameErrno: null };
  if (files.length > 2) {
    complain(ctx, cmd, `target ${quote(last)}: ${strerr(err)}`);
    return 1;
  }
  return { sources: files, targetDir: undefined, destMissing: err === 'ENOENT', renameErrno };
}

/** open(O_DIRECTORY): 0 for a directory (symlinks followed), else why not. */
function directoryErrno(ctx: CommandContext, operand: string): Errno | 0 {
  const st = ctx.fs.stat(absPath(ctx, operand));
  if (!st.ok) return st.errno;
  return st.value.kind === 'dir' ? 0 : 'ENOTDIR';
}
