import type { TestBox } from '../../engine/testing/builders.ts';
import { P } from '../../engine/testing/builders.ts';
import type { CommandRun, RunOptions } from '../testing/run-command.ts';
import { runCommand } from '../testing/run-command.ts';
import type { ShellCommand } from '../types.ts';

// For the write commands' tests: run one command line in a container made by boxWith(), the way the
// session does (a fresh Fs, kept afterwards so the logical clock moves on).

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

/** What is at a path now, or the errno. */
export function look(box: TestBox, path: string) {
  const r = box.fs().lstat(P(path));
  return r.ok ? r.value : r.errno;
}

export function content(box: TestBox, path: string): string {
  const r = box.fs().readFile(P(path));
  return r.ok ? r.value : r.errno;
}
