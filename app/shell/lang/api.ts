import type { Fs } from '../../engine/fs.ts';
import type { AbsPath } from '../../engine/ids.ts';
import type { CommandContext, ShellCommand, Where } from '../types.ts';
import type { ShellName } from './ast.ts';

/** One shell's state between input lines. */
export interface ShellEnv {
  readonly cwd: AbsPath;
  /**
   * Every shell variable. All of them are exported (passed to commands, listed by `export`) except the
   * names in `local`; keeping them in one map means a caller that forgets `local` loses only that
   * distinction, never a variable.
   */
  readonly env: Map<string, string>;
  readonly lastStatus: number;
  readonly shellName: ShellName;
  /** Variables set by a plain `NAME=value`, which bash does not export. Absent means none. */
  readonly local?: ReadonlySet<string>;
  /** Lines this shell has read so far: dash numbers its messages with it (`sh: 3: foo: not found`). */
  readonly lines?: number;
}

export type OutputChunk = { readonly stream: 'stdout' | 'stderr'; readonly text: string };

export interface ExecRequest {
  readonly line: string;
  readonly fs: Fs;
  readonly shell: ShellEnv;
  readonly where: Where;
  /** The command registry; the shell's own builtins (echo, cd, export …) are looked up first. */
  lookup(name: string): ShellCommand | undefined;
  /** Terminal width, for commands that lay out columns. */
  readonly columns: number;
  /** Passed through to every command's context (the docker daemon on the host). */
  readonly services?: NonNullable<CommandContext['services']>;
  /**
   * Called once per simple command after its words are expanded and before its redirections open (so
   * a file that `> f` creates already gets the new time): the caller advances the logical clock here.
   * `name` is '' for a command that is only redirections or assignments.
   */
  beforeCommand?(name: string): void;
}

export interface ExecResult {
  /** What reached the terminal, stdout and stderr interleaved in order; nothing piped or redirected. */
  readonly output: OutputChunk[];
  readonly exitCode: number;
  readonly shell: ShellEnv;
  /** Set when `exit` ran: the rest of the line was not run and the caller leaves this shell. */
  readonly exited: { readonly code: number } | null;
}
