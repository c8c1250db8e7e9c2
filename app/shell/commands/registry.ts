import type { ShellCommand, Where } from '../types.ts';
import { docker } from './docker/index.ts';
import { readers } from './readers.ts';
import { writers } from './writers.ts';
import { misc } from './misc.ts';
import { clear } from './clear.ts';

/** Every program the shell can run (bash builtins are the shell's own, app/shell/lang/builtins). */
const ALL: readonly ShellCommand<unknown>[] = [docker, ...readers, ...writers, ...misc, clear];

const byName = new Map<string, ShellCommand<unknown>>();
for (const c of ALL) byName.set(c.name, c);

/** A command by name (or path: /bin/ls → ls), if it exists where the shell runs. */
export function lookupCommand(name: string, where: Where): ShellCommand<unknown> | undefined {
  const base = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  const c = byName.get(base);
  return c && c.where.includes(where) ? c : undefined;
}

export const commandNames = (): string[] => [...byName.keys()].sort();
