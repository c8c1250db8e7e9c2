import type { TestBox } from '../../engine/testing/builders.ts';
import { P } from '../../engine/testing/builders.ts';

// For the write commands' tests: run one command line in a container made by boxWith(), the way the
// session does (a fresh Fs, kept afterwards so the logical clock moves on).

export { sh } from '../testing/run-command.ts';

/** What is at a path now, or the errno. */
export function look(box: TestBox, path: string) {
  const r = box.fs().lstat(P(path));
  return r.ok ? r.value : r.errno;
}

export function content(box: TestBox, path: string): string {
  const r = box.fs().readFile(P(path));
  return r.ok ? r.value : r.errno;
}
