import { strerror } from '../../engine/errors.ts';
import type { Fs } from '../../engine/fs.ts';
import type { AbsPath } from '../../engine/ids.ts';
import type { ShellCommand } from '../types.ts';
import type { ExecRequest, ExecResult, OutputChunk } from './api.ts';
import type { AndOr, Pipeline, ShellName, SimpleCommand } from './ast.ts';
import { builtins } from './builtins/index.ts';
import type { Builtin, BuiltinContext } from './builtins/builtin.ts';
import { commandContext } from './command-context.ts';
import { findCommand } from './find-command.ts';
import { errorStatus, shellMessage, syntaxText } from './diag.ts';
import { expandTarget, expandValue, expandWords } from './expand.ts';
import type { ExpandContext } from './expand.ts';
import {
  MAX_BRACE_WORDS,
  MAX_COMMANDS_PER_LINE,
  MAX_EXPANSION,
  MAX_GLOB_READS,
  MAX_OUTPUT_PER_LINE,
} from './limits.ts';
import { parse } from './parse.ts';
import { applyRedirects, flush, write } from './redirect.ts';
import type { Endpoint, Fds, FileEndpoint } from './redirect.ts';
import { ShellState } from './state.ts';
import { tokenize } from './tokenize.ts';

/**
 * Run one input line. Never throws: a command that throws is reported as bash's "internal error" and the
 * line goes on, and anything unforeseen in the shell itself ends the line the same way.
 */
export function execLine(req: ExecRequest): ExecResult {
  const shellName = req.shell.shellName;
  const lineBase = req.shell.lines ?? 0;
  const state = ShellState.from(req.shell);
  const run = new Runner(req, shellName, lineBase);
  let unread = 0; // dash does not count a line it rejected as a syntax error
  try {
    const program = parse(tokenize(req.line, shellName));
    if (program.commandCount > MAX_COMMANDS_PER_LINE) {
      const text = `${program.commandCount} commands on one line; this simulator runs at most ${MAX_COMMANDS_PER_LINE} (nothing was run)`;
      run.say(0, text);
      state.lastStatus = 1;
    } else {
      for (const item of program.items) {
        if (item.kind === 'error') {
          run.say(item.line, syntaxText(shellName, item.problem));
          state.lastStatus = 2;
          unread++;
        } else run.list(item.list, state);
        if (state.exited !== null) break;
      }
    }
  } catch (e) {
    run.terminal('stderr', shellMessage(shellName, lineBase + 1, `internal error: ${describe(e)}`));
    state.lastStatus = 1;
  }
  const lines = lineBase + countNewlines(req.line) + 1 - unread;
  if (state.exited !== null) state.lastStatus = state.exited.code;
  return {
    output: run.output,
    exitCode: state.lastStatus,
    shell: state.toEnv(shellName, lines),
    exited: state.exited,
  };
}

/** Ends the rest of an input line after an expansion error (`${x?}`, bad substitution), as bash does. */
class LineAbort {
  constructor(
    readonly message: string,
    readonly line: number,
  ) {}
}

class Runner {
  readonly output: OutputChunk[] = [];
  private readonly globBudget = { reads: MAX_GLOB_READS };
  private readonly expansionBudget = { chars: MAX_EXPANSION, words: MAX_BRACE_WORDS };
  private written = 0;
  private readonly builtins: ReadonlyMap<string, Builtin>;

  constructor(
    private readonly req: ExecRequest,
    private readonly shell: ShellName,
    private readonly lineBase: number,
  ) {
    this.builtins = builtins(shell);
  }

  terminal(stream: 'stdout' | 'stderr', text: string): void {
    write({ kind: 'terminal', stream }, text, this.output);
  }

  /** Output of a command; past the per-line limit it is dropped and the line stops after the command. */
  private emit(ep: Endpoint | undefined, text: string): void {
    if (this.written > MAX_OUTPUT_PER_LINE) return;
    this.written += text.length;
    if (this.written <= MAX_OUTPUT_PER_LINE) write(ep, text, this.output);
  }

  /** One of the shell's own messages, on the terminal's stderr. */
  say(line: number, text: string): void {
    this.terminal('stderr', shellMessage(this.shell, this.lineBase + line + 1, text));
  }

  list(list: readonly AndOr[], state: ShellState): void {
    try {
      for (const andOr of list) {
        let status = this.pipeline(andOr.first, state);
        for (const { op, pipeline } of andOr.rest) {
          if (state.exited !== null) return;
          if ((op === '&&') === (status === 0)) status = this.pipeline(pipeline, state);
        }
        if (state.exited !== null) return;
      }
    } catch (e) {
      if (!(e instanceof LineAbort)) throw e;
      this.say(e.line, e.message);
      state.lastStatus = errorStatus(this.shell);
    }
  }

  private pipeline(p: Pipeline, state: ShellState): number {
    const single = p.commands.length === 1;
    let input = '';
    let status = 0;
    p.commands.forEach((cmd, i) => {
      const last = i === p.commands.length - 1;
      const out: Endpoint = last ? { kind: 'terminal', stream: 'stdout' } : { kind: 'pipe', chunks: [] };
      const fds: Fds = new Map<number, Endpoint>([
        [0, { kind: 'input', text: input }],
        [1, out],
        [2, { kind: 'terminal', stream: 'stderr' }],
      ]);
      status = this.simple(cmd, fds, single ? state : state.clone());
      input = out.kind === 'pipe' ? out.chunks.join('') : '';
    });
    if (p.negated) status = status === 0 ? 1 : 0;
    state.lastStatus = status;
    return status;
  }

  private simple(cmd: SimpleCommand, fds: Fds, state: ShellState): number {
    const ectx = this.expandContext(state);
    const argv = this.expanded(expandWords(cmd.words, ectx), cmd.line);
    const name = argv[0];
    this.req.beforeCommand?.(name ?? '');
    const opened: FileEndpoint[] = [];
    const red = applyRedirects(cmd.redirects, fds, opened, {
      fs: this.req.fs,
      cwd: state.cwd,
      shell: this.shell,
      expand: (w) => expandTarget(w, ectx),
    });
    if (!red.ok) {
      if (red.abort) throw new LineAbort(red.message, cmd.line);
      this.emit(fds.get(2), shellMessage(this.shell, this.lineNo(cmd), red.message));
      return this.finish(opened, cmd, name, 1);
    }
    const values = cmd.assignments.map(
      (a) => [a.name, this.expanded(expandValue(a.value, ectx), cmd.line)] as const,
    );
    if (name === undefined) {
      for (const [n, v] of values) state.set(n, v);
      return this.finish(opened, cmd, name, 0);
    }
    const found = findCommand(name, {
      fs: this.req.fs,
      cwd: state.cwd,
      shell: this.shell,
      builtins: this.builtins,
      lookup: (n) => this.req.lookup(n),
      where: this.req.where,
    });
    if (!found.ok) {
      this.emit(fds.get(2), shellMessage(this.shell, this.lineNo(cmd), found.message));
      return this.finish(opened, cmd, name, found.status);
    }
    const ctx = commandContext({
      req: this.req,
      shell: this.shell,
      line: this.lineNo(cmd),
      fds,
      state,
      assigned: new Map(values),
      emit: (ep, text) => this.emit(ep, text),
    });
    const status = this.invoke(found.command, argv.slice(1), ctx, this.lineNo(cmd));
    return this.finish(opened, cmd, name, status);
  }

  private invoke(command: ShellCommand, args: string[], ctx: BuiltinContext, line: number): number {
    try {
      const parsed = command.parse(args);
      if (parsed.ok) return command.run(parsed.opts, ctx);
      ctx.stderr(parsed.message);
      return parsed.exitCode;
    } catch (e) {
      this.terminal('stderr', shellMessage(this.shell, line, `internal error: ${describe(e)}`));
      return 1;
    }
  }

  /** Store what went to files, then clamp the status to 0..255 as wait(2) would. */
  private finish(
    opened: readonly FileEndpoint[],
    cmd: SimpleCommand,
    name: string | undefined,
    status: number,
  ): number {
    const err = flush(opened, this.req.fs);
    if (err !== null) {
      const who = name === undefined ? '' : `${name}: `;
      this.terminal(
        'stderr',
        shellMessage(this.shell, this.lineNo(cmd), `${who}write error: ${strerror[err]}`),
      );
      return 1;
    }
    if (this.written > MAX_OUTPUT_PER_LINE) {
      const mib = MAX_OUTPUT_PER_LINE / 1024 / 1024;
      throw new LineAbort(
        `output passed ${mib} MiB on one line; the rest was dropped (simulator limit)`,
        cmd.line,
      );
    }
    return Number.isInteger(status) ? ((status % 256) + 256) % 256 : 1;
  }

  private expandContext(state: ShellState): ExpandContext {
    return {
      shell: this.shell,
      lookup: (name) => special(name, state, this.shell) ?? state.get(name),
      assign: (name, value) => state.set(name, value),
      homeOf: (user) => homeOf(this.req.fs, user),
      glob: { fs: this.req.fs, cwd: state.cwd, dotDirs: this.shell === 'sh', budget: this.globBudget },
      budget: this.expansionBudget,
    };
  }

  private expanded<T>(x: { ok: true; value: T } | { ok: false; message: string }, line: number): T {
    if (!x.ok) throw new LineAbort(x.message, line);
    return x.value;
  }

  private lineNo(cmd: SimpleCommand): number {
    return this.lineBase + cmd.line + 1;
  }
}

/** Special parameters; positional ones are always empty (an interactive shell has none). */
function special(name: string, state: ShellState, shell: ShellName): string | undefined {
  if (name === '?') return String(state.lastStatus);
  if (name === '0') return shell;
  if (name === '#') return '0';
  if (/^[0-9]+$/.test(name) || name === '-' || name === '!' || name === '$') return '';
  return undefined;
}

/** The sixth field of the user's line in /etc/passwd, as getpwnam(3) would give it. */
function homeOf(fs: Fs, user: string): string | undefined {
  const passwd = fs.readFile('/etc/passwd' as AbsPath);
  if (!passwd.ok) return undefined;
  const line = passwd.value.split('\n').find((l) => l.startsWith(`${user}:`));
  return line?.split(':')[5];
}

const countNewlines = (s: string): number => s.split('\n').length - 1;

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
