import type { Fs } from '../../engine/fs.ts';
import type { TestBox } from '../../engine/testing/builders.ts';
import type { AbsPath } from '../../engine/ids.ts';
import type { CommandContext, ShellCommand, Where } from '../types.ts';

export interface CommandRun {
  stdout: string;
  stderr: string;
  code: number;
  /** stdout and stderr interleaved as a terminal shows them. */
  output: string;
  cwd: AbsPath;
}

export interface RunOptions {
  stdin?: string;
  cwd?: string;
  tty?: boolean;
  columns?: number;
  where?: Where;
  env?: Record<string, string>;
}

/** Run one command (parse, then run) against an Fs, capturing what it prints. For unit tests. */
export function runCommand(
  cmd: ShellCommand<unknown>,
  fs: Fs,
  args: readonly string[],
  o: RunOptions = {},
): CommandRun {
  let stdout = '';
  let stderr = '';
  let output = '';
  let cwd = (o.cwd ?? '/') as AbsPath;
  const env = new Map(
    Object.entries({
      HOME: '/root',
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      ...o.env,
    }),
  );
  const parsed = cmd.parse(args);
  if (!parsed.ok)
    return { stdout: '', stderr: parsed.message, output: parsed.message, code: parsed.exitCode, cwd };
  const ctx: CommandContext = {
    fs,
    cwd,
    env,
    stdin: o.stdin ?? '',
    stdoutIsTty: o.tty ?? false,
    columns: o.columns ?? 80,
    where: o.where ?? 'container',
    stdout: (t) => {
      stdout += t;
      output += t;
    },
    stderr: (t) => {
      stderr += t;
      output += t;
    },
    session: {
      setCwd: (p) => {
        cwd = p;
      },
      setEnv: (k, v) => {
        env.set(k, v);
      },
      exitShell: () => {},
    },
  };
  const code = cmd.run(parsed.opts, ctx);
  return { stdout, stderr, code, output, cwd };
}

/** Run one command in a test container the way the session does: a fresh Fs, kept afterwards. */
export function sh(
  box: TestBox,
  cmd: ShellCommand<unknown>,
  args: readonly string[],
  o: RunOptions = {},
): CommandRun {
  const fs = box.fs();
  const r = runCommand(cmd, fs, args, o);
  box.keep(fs);
  return r;
}
