import type { ShellCommand } from '../types.ts';
import { cat } from './cat.ts';
import { find } from './find.ts';
import { grep } from './grep.ts';
import { head } from './head.ts';
import { jq } from './jq/index.ts';
import { ls } from './ls.ts';
import { sort } from './sort.ts';
import { stat } from './stat.ts';
import { tail } from './tail.ts';
import { wc } from './wc.ts';

/**
 * The read-side tools. They look at files and never change them: every access is a read-only open,
 * stat or readdir, so reading a lower file never copies it up (SEMANTICS.md C1).
 */
export const readers: readonly ShellCommand<unknown>[] = [
  ls,
  cat,
  stat,
  find,
  head,
  tail,
  wc,
  grep,
  sort,
  jq,
];
