import type { CommandContext, ShellCommand } from '../../types.ts';
import type { ShellName } from '../ast.ts';

/** What a builtin may do to its own shell beyond what SessionHooks offers any command. */
export interface ShellAccess {
  readonly name: ShellName;
  readonly lastStatus: number;
  /** Print one of the shell's own messages on stderr: "bash: cd: …" or "sh: 3: cd: …". */
  error(text: string): void;
  get(name: string): string | undefined;
  export(name: string, value?: string): void;
  unset(name: string): void;
  /** Exported variables (what `export` lists and commands receive). */
  exported(): ReadonlyMap<string, string>;
}

export interface BuiltinContext extends CommandContext {
  readonly shell: ShellAccess;
}

/**
 * A command the shell itself implements: a ShellCommand whose `run` also gets its shell (exec always calls
 * builtins with a BuiltinContext). Their messages carry the shell's prefix, and dash's prefix holds the
 * line number, known only when running; so a builtin's `parse` never fails — it sorts the arguments into
 * a typed result, usage errors included — and `run` prints.
 */
export interface Builtin<Opts = unknown> extends ShellCommand<Opts> {
  run(opts: Opts, ctx: BuiltinContext): number;
}

/** bash's rule for variable names (export, unset, assignments). */
export const isName = (s: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);

export const ok = <T>(opts: T): { readonly ok: true; readonly opts: T } => ({ ok: true, opts });
