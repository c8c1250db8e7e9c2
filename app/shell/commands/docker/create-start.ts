import { findContainer } from '../../../engine/docker/containers.ts';
import type { ParseResult } from '../../types.ts';
import { argCountError, parseDockerFlags } from './flags.ts';
import type { RunOpts } from './run.ts';
import { attachStep, createStep, parseRunLike, runInBackground, startStep } from './run.ts';
import type { DockerSubcommand } from './subcommand.ts';
import { daemonError } from './subcommand.ts';

const CREATE_USAGE = 'docker create [OPTIONS] IMAGE [COMMAND] [ARG...]';
const START_USAGE = 'docker start [OPTIONS] CONTAINER [CONTAINER...]';

/** docker create: run's create step alone; the container waits in state "created". */
export const create: DockerSubcommand<RunOpts> = {
  name: 'create',
  aliases: ['container create'],
  usage: CREATE_USAGE,
  about: 'Create a new container',
  parse(args): ParseResult<RunOpts> {
    return parseRunLike('create', CREATE_USAGE, args);
  },
  run(o, ctx, docker) {
    const created = createStep(o, ctx, docker);
    if (!created.ok) return daemonError(ctx, created.message);
    ctx.stdout(`${created.value.id}\n`);
    return 0;
  },
};

export interface StartOpts {
  readonly names: readonly string[];
  readonly attach: boolean;
  readonly interactive: boolean;
}

/**
 * docker start: each container is started as run starts it (volumes filled, mount points made, the
 * program looked up); without -a a short program runs to its end unseen and the name is printed;
 * -a/-i attach to one container like `docker run` without -d.
 */
export const start: DockerSubcommand<StartOpts> = {
  name: 'start',
  aliases: ['container start'],
  usage: START_USAGE,
  about: 'Start one or more stopped containers',
  parse(args): ParseResult<StartOpts> {
    const p = parseDockerFlags('start', START_USAGE, args, {
      bool: { '-a': 'a', '--attach': 'a', '-i': 'i', '--interactive': 'i' },
      string: { '--detach-keys': 'detach-keys' },
      interspersed: true,
    });
    if (!p.ok) return p;
    if (p.opts.positionals.length === 0)
      return argCountError('start', 'requires at least 1 argument', START_USAGE, 'See');
    const b = p.opts.bools;
    return { ok: true, opts: { names: p.opts.positionals, attach: b.has('a'), interactive: b.has('i') } };
  },
  run(o, ctx, docker) {
    const attached = o.attach || o.interactive;
    if (attached && o.names.length > 1) {
      ctx.stderr('you cannot start and attach multiple containers at once\n');
      return 1;
    }
    const failed: string[] = [];
    for (const name of o.names) {
      const c = findContainer(docker.world(), name);
      if (!c) {
        daemonError(ctx, `No such container: ${name}`);
        failed.push(name);
        continue;
      }
      if (c.state === 'running') {
        if (!attached) ctx.stdout(`${name}\n`);
        continue;
      }
      docker.tick();
      const started = startStep(docker, c.id);
      if (!started.ok) {
        daemonError(ctx, started.message);
        if (attached) return 1;
        failed.push(name);
        continue;
      }
      if (attached) return attachStep(docker, ctx, c.id, o.interactive);
      ctx.stdout(`${name}\n`);
      runInBackground(docker, c.id);
    }
    if (failed.length === 0) return 0;
    ctx.stderr(`Error: failed to start containers: ${failed.join(', ')}\n`);
    return 1;
  },
};
