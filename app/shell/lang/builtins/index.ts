import type { ShellName } from '../ast.ts';
import type { Builtin } from './builtin.ts';
import { cd } from './cd.ts';
import { colon } from './colon.ts';
import { echo } from './echo.ts';
import { exit } from './exit.ts';
import { exportBuiltin } from './export.ts';
import { falseBuiltin } from './false.ts';
import { printf } from './printf.ts';
import { pwd } from './pwd.ts';
import { trueBuiltin } from './true.ts';
import { unset } from './unset.ts';

/** The commands the shell runs itself, before looking in the registry. */
function make(shell: ShellName): ReadonlyMap<string, Builtin> {
  const list: Builtin[] = [
    cd(shell),
    colon,
    echo(shell),
    exit(shell),
    exportBuiltin(shell),
    falseBuiltin,
    printf(shell),
    pwd(shell),
    trueBuiltin,
    unset(shell),
  ] as Builtin[];
  return new Map(list.map((b) => [b.name, b]));
}

const tables: Record<ShellName, ReadonlyMap<string, Builtin>> = { bash: make('bash'), sh: make('sh') };

export const builtins = (shell: ShellName): ReadonlyMap<string, Builtin> => tables[shell];
