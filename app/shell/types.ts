import type { Fs } from '../engine/fs.ts';
import type { AbsPath } from '../engine/ids.ts';
import type { Services } from './docker-host.ts';

/**
 * One program a person can type (ls, cat, docker …). Parsing and validation stay apart from running:
 * `parse` turns argv into typed options or a usage error printed the way the real tool prints it,
 * and `run` does the work against the context. Nothing a command does may throw: failures are
 * messages on stderr and a non-zero exit code.
 */
export interface ShellCommand<Opts = unknown> {
  readonly name: string;
  /** One line, as `--help` would start: "Usage: ls [OPTION]... [FILE]...". */
  readonly usage: string;
  /** Where the command exists: inside a container's shell, on the host prompt, or both. */
  readonly where: readonly Where[];
  parse(args: readonly string[]): ParseResult<Opts>;
  run(opts: Opts, ctx: CommandContext): number;
}

export type Where = 'container' | 'host';

export type ParseResult<Opts> =
  | { readonly ok: true; readonly opts: Opts }
  /** `message` is printed to stderr verbatim (include the trailing newline); exit code usually 1 or 2. */
  | { readonly ok: false; readonly message: string; readonly exitCode: number };

export interface CommandContext {
  /** The filesystem of the process: the container's mount namespace, or the host's. */
  readonly fs: Fs;
  readonly cwd: AbsPath;
  readonly env: ReadonlyMap<string, string>;
  /** Everything piped or redirected into the command ('' when none). */
  readonly stdin: string;
  /** The file stdin was redirected from (`< FILE`), if it was. */
  readonly stdinPath?: AbsPath;
  /** The file stdout is redirected to (`> FILE`), if it is. */
  readonly stdoutPath?: AbsPath;
  /** Whether stdout is the terminal (ls prints columns) or a pipe/file (one name per line). */
  readonly stdoutIsTty: boolean;
  /** Terminal width in columns, for `ls` column layout. */
  readonly columns: number;
  readonly where: Where;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Session-level effects (cd, export, entering or leaving a container shell, the docker daemon). */
  readonly session: SessionHooks;
  /** The docker daemon and other machine services (host shell only). */
  readonly services?: Services;
}

/** What a command may change beyond the filesystem. Implemented by the shell session. */
export interface SessionHooks {
  setCwd(path: AbsPath): void;
  setEnv(name: string, value: string): void;
  /** Leave the container shell (exit) or, on the host, do nothing. */
  exitShell(code: number): void;
}
