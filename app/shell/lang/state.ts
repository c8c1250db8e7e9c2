import type { AbsPath } from '../../engine/ids.ts';
import type { ShellEnv } from './api.ts';

/**
 * The mutable shell state while one input line runs. execLine copies the caller's ShellEnv in and a new
 * one out, so a caller never sees its own maps change. Commands in a pipeline of two or more run on a
 * clone, because bash runs them in subshells: `cd /tmp | cat` leaves the shell where it was.
 */
export class ShellState {
  exited: { code: number } | null = null;

  constructor(
    public cwd: AbsPath,
    private readonly vars: Map<string, string>,
    private readonly local: Set<string>,
    public lastStatus: number,
  ) {}

  static from(env: ShellEnv): ShellState {
    return new ShellState(env.cwd, new Map(env.env), new Set(env.local ?? []), env.lastStatus);
  }

  clone(): ShellState {
    return new ShellState(this.cwd, new Map(this.vars), new Set(this.local), this.lastStatus);
  }

  get(name: string): string | undefined {
    return this.vars.get(name);
  }

  /** Assign, keeping the variable's export attribute; a new variable is local unless `exported`. */
  set(name: string, value: string, exported = false): void {
    if (!this.vars.has(name) && !exported) this.local.add(name);
    this.vars.set(name, value);
  }

  export(name: string, value?: string): void {
    if (value !== undefined) this.vars.set(name, value);
    this.local.delete(name);
  }

  unset(name: string): void {
    this.vars.delete(name);
    this.local.delete(name);
  }

  exported(): Map<string, string> {
    return new Map([...this.vars].filter(([k]) => !this.local.has(k)));
  }

  toEnv(shellName: ShellEnv['shellName'], lines: number): ShellEnv {
    const local = new Set([...this.local].filter((k) => this.vars.has(k)));
    return { cwd: this.cwd, env: new Map(this.vars), lastStatus: this.lastStatus, shellName, local, lines };
  }
}
