// A small harness for the shell's tests: a session over a MemoryFs with a few stand-in commands.
import type { Fs } from '../../engine/fs.ts';
import type { AbsPath } from '../../engine/ids.ts';
import { normalize } from '../../engine/path.ts';
import { chardev, dir, memoryFs } from '../testing/memory-fs.ts';
import type { MemoryFs } from '../testing/memory-fs.ts';
import type { ShellCommand, Where } from '../types.ts';
import type { ExecResult, ShellEnv } from './api.ts';
import type { ShellName } from './ast.ts';
import { execLine } from './exec.ts';

const raw = (name: string, run: ShellCommand<readonly string[]>['run']): ShellCommand<readonly string[]> => ({
  name,
  usage: name,
  where: ['container', 'host'],
  parse: (args) => ({ ok: true, opts: args }),
  run,
});

/** `cat` reads its files, or stdin when there are none; enough for pipes and `<`. */
export const cat = raw('cat', (files, ctx) => {
  if (files.length === 0) ctx.stdout(ctx.stdin);
  let status = 0;
  for (const f of files) {
    const r = ctx.fs.readFile(normalize(f, ctx.cwd));
    if (r.ok) ctx.stdout(r.value);
    else {
      ctx.stderr(`cat: ${f}: ${r.errno === 'ENOENT' ? 'No such file or directory' : r.errno}\n`);
      status = 1;
    }
  }
  return status;
});

/** Says where its stdout goes, for the isatty tests. */
export const tty = raw('isatty', (_args, ctx) => {
  ctx.stdout(ctx.stdoutIsTty ? 'tty\n' : 'not a tty\n');
  return 0;
});

/** Writes "out1 err1 out2" alternating streams, for interleaving tests. */
export const mixed = raw('mixed', (_args, ctx) => {
  ctx.stdout('out1\n');
  ctx.stderr('err1\n');
  ctx.stdout('out2\n');
  return 3;
});

export const env = raw('env', (_args, ctx) => {
  ctx.stdout([...ctx.env].map(([k, v]) => `${k}=${v}\n`).join(''));
  return 0;
});

export const boom = raw('boom', () => {
  throw new Error('kaput');
});

export const fails = raw('fails', (_args, ctx) => {
  ctx.stderr('fails: it failed\n');
  return 1;
});

export const hostOnly: ShellCommand<readonly string[]> = { ...raw('docker', () => 0), where: ['host'] };

const STANDARD = [cat, tty, mixed, env, boom, fails, hostOnly];

export interface Options {
  readonly shell?: ShellName;
  readonly fs?: MemoryFs;
  readonly cwd?: string;
  readonly where?: Where;
  readonly vars?: Readonly<Record<string, string>>;
  readonly commands?: readonly ShellCommand[];
  readonly beforeCommand?: (name: string) => void;
}

export interface Ran extends ExecResult {
  /** What the terminal shows, both streams in order. */
  readonly text: string;
  readonly stdout: string;
  readonly stderr: string;
}

/** A shell that keeps its state between `run` calls, like a terminal. */
export function session(options: Options = {}): {
  run(line: string): Ran;
  readonly fs: MemoryFs;
  readonly state: ShellEnv;
} {
  const fs = options.fs ?? memoryFs({ '/root': dir(), '/tmp': dir(0o1777), '/dev/null': chardev(1, 3) });
  const registry = new Map(
    [...STANDARD, ...(options.commands ?? [])].map((c) => [c.name, c as ShellCommand]),
  );
  let state: ShellEnv = {
    cwd: normalize(options.cwd ?? '/'),
    env: new Map(Object.entries(options.vars ?? { HOME: '/root', PATH: '/usr/bin:/bin' })),
    lastStatus: 0,
    shellName: options.shell ?? 'bash',
  };
  return {
    fs,
    get state() {
      return state;
    },
    run(line: string): Ran {
      const r = execLine({
        line,
        fs: fs as Fs,
        shell: state,
        where: options.where ?? 'container',
        lookup: (name) => registry.get(name),
        columns: 80,
        ...(options.beforeCommand === undefined ? {} : { beforeCommand: options.beforeCommand }),
      });
      state = r.shell;
      const pick = (s: 'stdout' | 'stderr'): string =>
        r.output
          .filter((c) => c.stream === s)
          .map((c) => c.text)
          .join('');
      return {
        ...r,
        text: r.output.map((c) => c.text).join(''),
        stdout: pick('stdout'),
        stderr: pick('stderr'),
      };
    },
  };
}

/** Run one line in a fresh session. */
export const run = (line: string, options: Options = {}): Ran => session(options).run(line);

export const path = (p: string): AbsPath => normalize(p);
