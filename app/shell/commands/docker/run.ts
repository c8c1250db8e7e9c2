import { declaredVolumes } from '../../../engine/catalog/catalog.ts';
import {
  createContainer,
  findContainer,
  removeContainer,
  updateContainer,
} from '../../../engine/docker/containers.ts';
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
import { mainProcess, startupPlan } from '../../../engine/docker/startup.ts';
import type { Container } from '../../../engine/docker/world.ts';
import type { ContainerId } from '../../../engine/ids.ts';
import { normalize } from '../../../engine/path.ts';
import type { CommandContext, ParseResult } from '../../types.ts';
import type { DockerHost, ProgramIo } from '../../docker-host.ts';
import type { DockerArgs, FlagSpec } from './flags.ts';
import { argCountError, dockerUsageError, parseDockerFlags } from './flags.ts';
import type { DockerSubcommand } from './subcommand.ts';
import { interactiveShell, isLongRunning } from './programs.ts';
import { pullImage } from './pull.ts';

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
  /** `-e NAME=value` / `-e NAME` (taken from the client's environment when set there). */
  readonly env: readonly string[];
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
    env: a.strings.get('env') ?? [],
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
  const started = startStep(docker, id, o.detach ? undefined : ctx);
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
  let world = docker.world();
  let image = findImage(world, o.image);
  if (!image) {
    ctx.stderr(`Unable to find image '${o.image.includes(':') ? o.image : `${o.image}:latest`}' locally\n`);
    // Pulled from the built-in catalog, its progress on stderr as the CLI writes it for run.
    const pulled = pullImage(docker, o.image, ctx.stderr, { defaultTagNote: false });
    if (pulled.kind !== 'pulled')
      return fail(pulled.kind === 'error' ? pulled.message : 'catalog not loaded');
    world = docker.world();
    image = findImage(world, pulled.ref);
    if (!image) return fail(`No such image: ${pulled.ref}`);
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
  const mounts = mountRequests(o, declaredVolumes(docker.catalog?.(), image.config.rootfs.diff_ids));
  if ('error' in mounts) return fail(mounts.error);
  docker.tick();
  let [w1, c] = createContainer(docker.world(), {
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
  if (o.env.length > 0) {
    c = { ...c, env: withEnv(c.env, o.env, ctx.env) };
    w1 = updateContainer(w1, c);
  }
  const bad = checkMountTargets(w1, c);
  if (bad !== null) return fail(bad);
  docker.setWorld(w1);
  return { ok: true, value: c };
}

/** The image's env with `-e` applied: NAME=value sets; a bare NAME copies the client's value, if any. */
function withEnv(
  image: readonly string[],
  flags: readonly string[],
  client: ReadonlyMap<string, string>,
): string[] {
  const env = new Map<string, string>();
  for (const kv of image) env.set(kv.slice(0, Math.max(0, kv.indexOf('='))) || kv, kv);
  for (const f of flags) {
    const eq = f.indexOf('=');
    const name = eq < 0 ? f : f.slice(0, eq);
    if (eq >= 0) env.set(name, f);
    else if (client.has(name)) env.set(name, `${name}=${client.get(name)!}`);
  }
  return [...env.values()];
}

/** The mount flags, and an anonymous volume for each VOLUME the image declares (F4), unless mounted. */
function mountRequests(
  o: RunOpts,
  imageVolumes: readonly string[] = [],
): readonly MountRequest[] | { error: string } {
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
  for (const v of imageVolumes)
    if (!reqs.some((r) => r.target === v))
      reqs.push({
        kind: 'volume',
        name: null,
        target: normalize(v),
        readOnly: false,
        mode: '',
        copyData: true,
      });
  return combineMounts(reqs);
}

/**
 * docker start, up to the program: volumes filled and mount points made (prepareMounts), then runc
 * looks for the program. A failure leaves the container created, as dockerd does.
 */
export function startStep(docker: DockerHost, id: ContainerId, io: ProgramIo = DISCARD): Step<Container> {
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
  startup(docker, id, io);
  return { ok: true, value: c };
}

const DISCARD: ProgramIo = { stdin: '', stdout: () => undefined, stderr: () => undefined };

/**
 * What the main process does to the filesystem as it starts (startup.ts: nginx's entrypoint and pid
 * file …), run in the container through the shell; a non-zero end is the main process exiting.
 */
function startup(docker: DockerHost, id: ContainerId, io: ProgramIo): void {
  const world = docker.world();
  const plan = startupPlan(world, world.containers.get(id)!);
  if (plan.script === '') return;
  const code = docker.runProgram(id, ['/bin/sh', '-c', plan.script], io);
  if (code !== 0) docker.setWorld(exitContainer(docker.world(), id, docker.tick(), code));
}

/** Main processes that stay up on their own: servers, long sleeps, a shell waiting on its terminal. */
export const keepsRunning = (c: Container): boolean => {
  const argv = mainProcess(c.command);
  return isLongRunning(argv) || (interactiveShell(argv) !== undefined && (c.tty || c.openStdin));
};

/**
 * Attached (`docker run` without -d, `docker start -a`): an interactive shell takes over the terminal;
 * a long-running process would hold it, and here keeps running; anything else runs to its end, its
 * output shown, and the container exits with its code.
 */
export function attachStep(docker: DockerHost, ctx: CommandContext, id: ContainerId, stdin: boolean): number {
  const c = docker.world().containers.get(id);
  // The main process already ended as it started (start-up failed): its code is the run's.
  if (!c || c.state !== 'running') return c?.exitCode ?? 1;
  const shell = interactiveShell(mainProcess(c.command));
  if (shell && c.tty && c.openStdin && stdin) {
    docker.enterShell(id, shell, c.autoRemove ? 'remove' : 'stop');
    return 0;
  }
  if (keepsRunning(c)) return 0;
  const code = docker.runProgram(id, mainProcess(c.command), {
    stdin: stdin && c.openStdin ? ctx.stdin : '',
    stdout: ctx.stdout,
    stderr: ctx.stderr,
  });
  docker.setWorld(exitContainer(docker.world(), id, docker.tick(), code));
  return code;
}

/** Detached (`docker run -d`, `docker start`): a short program still runs to its end, unseen. */
export function runInBackground(docker: DockerHost, id: ContainerId): void {
  const c = docker.world().containers.get(id);
  if (!c || c.state !== 'running' || keepsRunning(c)) return;
  const code = docker.runProgram(id, mainProcess(c.command), DISCARD);
  docker.setWorld(exitContainer(docker.world(), id, docker.tick(), code));
}
