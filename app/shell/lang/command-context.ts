import type { AbsPath } from '../../engine/ids.ts';
import type { SessionHooks } from '../types.ts';
import type { ExecRequest } from './api.ts';
import type { ShellName } from './ast.ts';
import type { BuiltinContext, ShellAccess } from './builtins/builtin.ts';
import { shellMessage } from './diag.ts';
import { readAll } from './redirect.ts';
import type { Endpoint, Fds } from './redirect.ts';
import type { ShellState } from './state.ts';

export interface ContextInput {
  readonly req: ExecRequest;
  readonly shell: ShellName;
  /** The line number dash would print for this command. */
  readonly line: number;
  readonly fds: Fds;
  readonly state: ShellState;
  /** `A=1 cmd`: exported to this command only. */
  readonly assigned: ReadonlyMap<string, string>;
  /** Writes a command's output (the executor counts it against the per-line limit). */
  emit(ep: Endpoint | undefined, text: string): void;
}

/**
 * What a command sees while it runs. Every command gets a BuiltinContext; commands from the registry simply
 * never look at `shell`. Session hooks act on the state given, which for a pipeline member is a throwaway
 * copy, so `cd` there changes nothing, as in bash's subshells.
 */
export function commandContext(c: ContextInput): BuiltinContext {
  const { req, fds, state, assigned } = c;
  const env = state.exported();
  for (const [k, v] of assigned) env.set(k, v);
  const session: SessionHooks = {
    setCwd: (path) => {
      state.cwd = path;
    },
    setEnv: (name, value) => state.set(name, value, true),
    exitShell: (code) => {
      state.exited = { code };
    },
  };
  const stderr = (text: string): void => c.emit(fds.get(2), text);
  const shell: ShellAccess = {
    name: c.shell,
    lastStatus: state.lastStatus,
    error: (text) => stderr(shellMessage(c.shell, c.line, text)),
    get: (name) => assigned.get(name) ?? state.get(name),
    export: (name, value) => state.export(name, value),
    unset: (name) => state.unset(name),
    exported: () => state.exported(),
  };
  return {
    ...(req.services === undefined ? {} : { services: req.services }),
    fs: req.fs,
    cwd: state.cwd,
    env,
    stdin: readAll(fds.get(0)),
    ...stdioPaths(fds),
    stdoutIsTty: fds.get(1)?.kind === 'terminal',
    columns: req.columns,
    where: req.where,
    stdout: (text) => c.emit(fds.get(1), text),
    stderr,
    session,
    shell,
  };
}

/** The files stdin and stdout are redirected from and to, for commands that read or write bytes. */
function stdioPaths(fds: Fds): { stdinPath?: AbsPath; stdoutPath?: AbsPath } {
  const i = fds.get(0);
  const o = fds.get(1);
  return {
    ...(i?.kind === 'input' && i.path !== undefined ? { stdinPath: i.path } : {}),
    ...(o?.kind === 'file' ? { stdoutPath: o.path } : {}),
  };
}
