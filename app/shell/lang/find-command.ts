import { strerror } from '../../engine/errors.ts';
import type { Fs } from '../../engine/fs.ts';
import type { AbsPath } from '../../engine/ids.ts';
import { basename, normalize } from '../../engine/path.ts';
import type { ShellCommand, Where } from '../types.ts';
import type { ShellName } from './ast.ts';
import type { Builtin } from './builtins/builtin.ts';
import { notFoundText } from './diag.ts';

export interface Registry {
  readonly fs: Fs;
  readonly cwd: AbsPath;
  readonly shell: ShellName;
  readonly builtins: ReadonlyMap<string, Builtin>;
  lookup(name: string): ShellCommand | undefined;
  readonly where: Where;
}

export type Found =
  | { readonly ok: true; readonly command: ShellCommand }
  /** The shell's message (unprefixed) and status: 127 not found, 126 found but not runnable. */
  | { readonly ok: false; readonly message: string; readonly status: number };

/**
 * Builtins first, then the registry, keeping only commands that exist where this shell runs. Programs
 * have no binaries in the simulator, so `/bin/ls` or `./x` runs the registry's command of that basename,
 * provided the file is there and executable.
 */
export function findCommand(name: string, r: Registry): Found {
  const builtin = r.builtins.get(name);
  if (builtin !== undefined) return { ok: true, command: builtin };
  if (!name.includes('/')) {
    const cmd = r.lookup(name);
    return usable(cmd, r) ? { ok: true, command: cmd } : missing(notFoundText(r.shell, name), 127);
  }
  const path = normalize(name, r.cwd);
  const st = r.fs.stat(path);
  if (!st.ok) return missing(`${name}: ${r.shell === 'sh' ? 'not found' : strerror[st.errno]}`, 127);
  if (st.value.kind === 'dir')
    return missing(`${name}: ${r.shell === 'sh' ? 'Permission denied' : 'Is a directory'}`, 126);
  if ((st.value.mode & 0o111) === 0) return missing(`${name}: Permission denied`, 126);
  const cmd = r.lookup(basename(path));
  return usable(cmd, r) ? { ok: true, command: cmd } : missing(notFoundText(r.shell, name), 127);
}

const usable = (cmd: ShellCommand | undefined, r: Registry): cmd is ShellCommand =>
  cmd !== undefined && cmd.where.includes(r.where);

const missing = (message: string, status: number): Found => ({ ok: false, message, status });
