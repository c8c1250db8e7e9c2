import { createContainer, findContainer, removeContainer } from '../../../engine/docker/containers.ts';
import { findImage } from '../../../engine/docker/images.ts';
import { exitContainer, findProgram, startContainer } from '../../../engine/docker/lifecycle.ts';
import type { CommandContext, ParseResult } from '../../types.ts';
import type { DockerHost } from '../../docker-host.ts';
import type { DockerArgs } from './flags.ts';
import { argCountError, parseDockerFlags } from './flags.ts';
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
  },
  repeat: ['env', 'publish'],
  interspersed: false,
} as const;

export function toRunOpts(a: DockerArgs): RunOpts {
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
  };
}

export const run: DockerSubcommand<RunOpts> = {
  name: 'run',
  aliases: ['container run'],
  usage: USAGE,
  about: ABOUT,
  parse(args): ParseResult<RunOpts> {
    const p = parseDockerFlags('run', USAGE, args, { ...FLAGS, repeat: [...FLAGS.repeat] });
    if (!p.ok) return p;
    if (p.opts.positionals.length < 1)
      return argCountError('run', 'requires at least 1 argument', USAGE, 'See');
    return { ok: true, opts: toRunOpts(p.opts) };
  },
  run(o, ctx, docker) {
    return runContainer(o, ctx, docker);
  },
};

/** docker run = create + start + (attach, wait, remove), each step failing the way dockerd does. */
export function runContainer(o: RunOpts, ctx: CommandContext, docker: DockerHost): number {
  const fail = (msg: string, code = 125): number => {
    ctx.stderr(
      `docker: Error response from daemon: ${msg}\n\nRun 'docker run --help' for more information\n`,
    );
    return code;
  };
  let world = docker.world();
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
  docker.tick();
  const [w1, c] = createContainer(docker.world(), {
    image,
    imageRef: o.image,
    ...(o.name === undefined ? {} : { name: o.name }),
    command,
    autoRemove: o.rm,
  });
  world = w1;
  const prog = findProgram(world, c, command[0]!);
  if ('error' in prog) {
    docker.setWorld(o.rm ? removeContainer(world, c.id) : world);
    const code = prog.error.includes('not found') || prog.error.includes('no such file') ? 127 : 126;
    return fail(
      `failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${command[0]}": ${prog.error}: unknown`,
      code,
    );
  }
  world = startContainer(world, c.id, world.clock);
  docker.setWorld(world);
  if (o.detach) {
    ctx.stdout(`${c.id}\n`);
    return 0;
  }
  const shell = interactiveShell(command);
  if (o.interactive && o.tty && shell) {
    docker.enterShell(c.id, shell, o.rm ? 'remove' : 'stop');
    return 0;
  }
  // A long-running main process in the foreground would hold a real terminal; here it keeps running.
  if (isLongRunning(command)) return 0;
  const code = docker.runProgram(c.id, command, {
    stdin: o.interactive ? ctx.stdin : '',
    stdout: ctx.stdout,
    stderr: ctx.stderr,
  });
  docker.setWorld(exitContainer(docker.world(), c.id, docker.tick(), code));
  return code;
}
