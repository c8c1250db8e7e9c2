import type { ShellCommand } from '../types.ts';
import { chmod } from './chmod.ts';
import { cp } from './cp.ts';
import { ln } from './ln.ts';
import { mkdir } from './mkdir.ts';
import { mv } from './mv.ts';
import { rm } from './rm.ts';
import { rmdir } from './rmdir.ts';
import { sed } from './sed.ts';
import { touch } from './touch.ts';
import { truncate } from './truncate.ts';

/**
 * The write-side tools. Each makes the system calls the GNU tool makes, in the same order, because
 * the overlay's answer depends on them: copy-up, whiteouts, opaque dirs, EXDEV (SEMANTICS.md C, T).
 */
export const writers: readonly ShellCommand<unknown>[] = [
  touch,
  rm,
  mkdir,
  rmdir,
  mv,
  cp,
  chmod,
  ln,
  sed,
  truncate,
];
