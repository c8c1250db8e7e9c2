import { createContainer, findContainer, removeContainer } from '../../../engine/docker/containers.ts';
import { findImage } from '../../../engine/docker/images.ts';
import { exitContainer, findProgram, startContainer } from '../../../engine/docker/lifecycle.ts';
import type { MountRequest } from '../../../engine/docker/mounts.ts';
import {
  checkMountTargets,
  combineMounts,
  parseMountFlag,
  parseTmpfsFlag,
  parseVolumeFlag,
  prepareMounts,
} from '../../../engine/docker/mounts.ts';
import type { Container } from '../../../engine/docker/world.ts';
import type { ContainerId } from '../../../engine/ids.ts';
import type { CommandContext, ParseResult } from '../../types.ts';
import type { DockerHost } from '../../docker-host.ts';
import type { DockerArgs, FlagSpec } from './flags.ts';
import { argCountError, dockerUsageError, parseDockerFlags } from './flags.ts';
import type { DockerSubcommand } from './subcommand.ts';
import { interactiveShell, isLongRunning } from './programs.ts';

const USAGE = 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]';
const ABOUT = 'Create and run a new container from an image';
const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export interface RunOpts {
  readonly image: string;
  readonly args: readonly string[];
  readonly name: string | undefined;
  readonly detach: boolean;
  readonly interactive: boolean;
  readonly tty: boolean;
  readonly rm: boolean;
  readonly entrypoint: string | undefined;
  /** `-v` as typed: dockerd reads them at create, and its errors are the daemon's. */
  readonly volumes: readonly string[];
  /** `--tmpfs` as typed (checked by dockerd too). */
  readonly tmpfs: readonly string[];
  /** `--mount`, already read by the CLI. */
  readonly mounts: readonly MountRequest[];
  /** dockerd's objection to a `--mount`, reported at create. */
  readonly mountError: string | null;
  readonly readOnly: boolean;
}

export const FLAGS = {
  bool: {
    '-d': 'detach',
    '--detach': 'detach',
    '-i': 'interactive',
    '--interactive': 'interactive',
    '-t': 'tty',
    '--tty': 'tty',
    '--rm': 'rm',
    '--read-only': 'read-only',
  },
  string: {
    '--name': 'name',
    '--entrypoint': 'entrypoint',
    '-e': 'env',
    '--env': 'env',
    '-w': 'workdir',
    '--workdir': 'workdir',
    '--network': 'network',
    '--net': 'network',
    '-p': 'publish',
    '--publish': 'publish',
    '-h': 'hostname',
    '--hostname': 'hostname',
    '-v': 'volume',
    '--volume': 'volume',
    '--mount': 'mount',
    '--tmpfs': 'tmpfs',
  },
  repeat: ['env', 'publish', 'volume', 'mount', 'tmpfs'],
  interspersed: false,
} as const;

/** The flags of `docker create`: run's, without the ones that only make sense when running now. */
export const CREATE_FLAGS: FlagSpec = {
  ...FLAGS,
  bool: Object.fromEntries(Object.entries(FLAGS.bool).filter(([k]) => k !== '-d' && k !== '--detach')),
  repeat: [...FLAGS.repeat],
};

export function toRunOpts(
  a: DockerArgs,
  mounts: readonly MountRequest[] = [],
  mountError: string | null = null,
): RunOpts {
  const [image, ...args] = a.positionals as [string, ...string[]];
  return {
    image,
    args,
    name: a.strings.get('name')?.[0],
    detach: a.bools.has('detach'),
    interactive: a.bools.has('interactive'),
    tty: a.bools.has('tty'),
    rm: a.bools.has('rm'),
    entrypoint: a.strings.get('entrypoint')?.[0],
    volumes: a.strings.get('volume') ?? [],
    tmpfs: a.strings.get('tmpfs') ?? [],
    mounts,
    mountError,
    readOnly: a.bools.has('read-only'),
  };
}

/** run and create read the same flags; `--mount` is read by the CLI, so its errors are usage errors. */
export function parseRunLike(
  cmd: 'run' | 'create',
  usage: string,
  args: readonly string[],
): ParseResult<RunOpts> {
  const spec = cmd === 'run' ? { ...FLAGS, repeat: [...FLAGS.repeat] } : CREATE_FLAGS;
  const p = parseDockerFlags(cmd, usage, args, spec);
  if (!p.ok) return p;
  if (p.opts.positionals.length < 1) return argCountError(cmd, 'requires at least 1 argument', usage, 'See');
  const mounts: MountRequest[] = [];
  for (const raw of p.opts.strings.get('mount') ?? []) {
    const m = parseMountFlag(raw);
    if ('error' in m && m.cli)
      return dockerUsageError(cmd, `invalid argument "${raw}" for "--mount" flag: ${m.error}`, usage);
    if ('error' in m) return { ok: true, opts: toRunOpts(p.opts, [], m.error) };
    mounts.push(m);
  }
  return { ok: true, opts: toRunOpts(p.opts, mounts) };
}

export const run: DockerSubcommand<RunOpts> = {
  name: 'run',
  aliases: ['container run'],
  usage: USAGE,
  about: ABOUT,
  parse(args): ParseResult<RunOpts> {
    return parseRunLike('run', USAGE, args);
  },
  run(o, ctx, docker) {
    return runContainer(o, ctx, docker);
  },
};

export type Step<T> = { ok: true; value: T } | { ok: false; message: string; code: number };

/** docker run = create + start + (attach, wait, remove), each step failing the way dockerd does. */
export function runContainer(o: RunOpts, ctx: CommandContext, docker: DockerHost): number {
  const fail = (msg: string, code: number): number => {
    ctx.stderr(
      `docker: Error response from daemon: ${msg}\n\nRun 'docker run --help' for more information\n`,
    );
    return code;
  };
  const created = createStep(o, ctx, docker);
  if (!created.ok) return fail(created.message, created.code);
  const id = created.value.id;
  const started = startStep(docker, id);
  if (!started.ok) {
    if (o.rm) docker.setWorld(removeContainer(docker.world(), id));
    return fail(started.message, started.code);
  }
  if (o.detach) {
    ctx.stdout(`${id}\n`);
    runInBackground(docker, id);
    return 0;
  }
  return attachStep(docker, ctx, id, o.interactive);
}

/**
 * docker create: the image, the name, the command and the mounts are checked, then the container is
 * made (with its named and anonymous volumes) and the mount destinations checked in its rootfs.
 * Prints "Unable to find image" itself, as the CLI does before the error.
 */
export function createStep(o: RunOpts, ctx: CommandContext, docker: DockerHost): Step<Container> {
  const fail = (message: string, code = 125): Step<Container> => ({ ok: false, message, code });
  const world = docker.world();
  const image = findImage(world, o.image);
  if (!image) {
    ctx.stderr(`Unable to find image '${o.image.includes(':') ? o.image : `${o.image}:latest`}' locally\n`);
    return fail(
      `pull access denied for ${o.image.split(':')[0]}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
    );
  }
  if (o.name !== undefined) {
    if (!NAME_RE.test(o.name))
      return fail(`Invalid container name (${o.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    const taken = findContainer(world, o.name);
    if (taken && taken.name === o.name)
      return fail(
        `Conflict. The container name "/${o.name}" is already in use by container "${taken.id}". You have to remove (or rename) that container to be able to reuse that name.`,
      );
  }
  const cfg = image.config.config;
  const entry =
    o.entrypoint !== undefined ? (o.entrypoint === '' ? [] : [o.entrypoint]) : (cfg.Entrypoint ?? []);
  const cmd = o.args.length > 0 ? o.args : o.entrypoint !== undefined ? [] : (cfg.Cmd ?? []);
  const command = [...entry, ...cmd];
  if (command.length === 0) return fail('No command specified');
  const mounts = mountRequests(o);
  if ('error' in mounts) return fail(mounts.error);
  docker.tick();
  const [w1, c] = createContainer(docker.world(), {
    image,
    imageRef: o.image,
    ...(o.name === undefined ? {} : { name: o.name }),
    command,
    autoRemove: o.rm,
    mounts,
    readOnly: o.readOnly,
    tty: o.tty,
    openStdin: o.interactive,
  });
  const bad = checkMountTargets(w1, c);
  if (bad !== null) return fail(bad);
  docker.setWorld(w1);
  return { ok: true, value: c };
}

function mountRequests(o: RunOpts): readonly MountRequest[] | { error: string } {
  if (o.mountError !== null) return { error: o.mountError };
  const reqs: MountRequest[] = [];
  for (const v of o.volumes) {
    const r = parseVolumeFlag(v);
    if ('error' in r) return r;
    reqs.push(r);
  }
  reqs.push(...o.mounts);
  for (const t of o.tmpfs) {
    const r = parseTmpfsFlag(t);
    if ('error' in r) return r;
    reqs.push(r);
  }
  return combineMounts(reqs);
}

/**
 * docker start, up to the program: volumes filled and mount points made (prepareMounts), then runc
 * looks for the program. A failure leaves the container created, as dockerd does.
 */
export function startStep(docker: DockerHost, id: ContainerId): Step<Container> {
  const world = docker.world();
  const prep = prepareMounts(world, world.containers.get(id)!);
  if ('error' in prep) return { ok: false, message: prep.error, code: 125 };
  const c = prep.container;
  const prog = findProgram(prep.world, c, c.command[0]!);
  docker.setWorld(prep.world);
  if ('error' in prog) {
    const code = prog.error.includes('not found') || prog.error.includes('no such file') ? 127 : 126;
    return {
      ok: false,
      message: `failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${c.command[0]}": ${prog.error}: unknown`,
      code,
    };
  }
  docker.setWorld(startContainer(prep.world, id, prep.world.clock));
  return { ok: true, value: c };
}

/** Main processes that stay up on their own: servers, long sleeps, a shell waiting on its terminal. */
export const keepsRunning = (c: Container): boolean =>
  isLongRunning(c.command) || (interactiveShell(c.command) !== undefined && (c.tty || c.openStdin));

/**
 * Attached (`docker run` without -d, `docker start -a`): an interactive shell takes over the terminal;
 * a long-running process would hold it, and here keeps running; anything else runs to its end, its
 * output shown, and the container exits with its code.
 */
export function attachStep(docker: DockerHost, ctx: CommandContext, id: ContainerId, stdin: boolean): number {
  const c = docker.world().containers.get(id)!;
  const shell = interactiveShell(c.command);
  if (shell && c.tty && c.openStdin && stdin) {
    docker.enterShell(id, shell, c.autoRemove ? 'remove' : 'stop');
    return 0;
  }
  if (keepsRunning(c)) return 0;
  const code = docker.runProgram(id, c.command, {
    stdin: stdin && c.openStdin ? ctx.stdin : '',
    stdout: ctx.stdout,
    stderr: ctx.stderr,
  });
  docker.setWorld(exitContainer(docker.world(), id, docker.tick(), code));
  return code;
}

/** Detached (`docker run -d`, `docker start`): a short program still runs to its end, unseen. */
export function runInBackground(docker: DockerHost, id: ContainerId): void {
  const c = docker.world().containers.get(id)!;
  if (keepsRunning(c)) return;
  const discard = (): void => undefined;
  const code = docker.runProgram(id, c.command, { stdin: '', stdout: discard, stderr: discard });
  docker.setWorld(exitContainer(docker.world(), id, docker.tick(), code));
}
