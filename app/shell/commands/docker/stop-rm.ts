import { findContainer, removeContainer } from '../../../engine/docker/containers.ts';
import { exitContainer, stopExitCode } from '../../../engine/docker/lifecycle.ts';
import type { ParseResult } from '../../types.ts';
import { argCountError, parseDockerFlags } from './flags.ts';
import type { DockerSubcommand } from './subcommand.ts';
import { daemonError } from './subcommand.ts';

const STOP_USAGE = 'docker stop [OPTIONS] CONTAINER [CONTAINER...]';
const RM_USAGE = 'docker rm [OPTIONS] CONTAINER [CONTAINER...]';

export interface NamesOpts {
  readonly names: readonly string[];
  readonly force: boolean;
  /** rm -v: take the container's anonymous volumes too (F3). */
  readonly volumes?: boolean;
}

export const stop: DockerSubcommand<NamesOpts> = {
  name: 'stop',
  aliases: ['container stop'],
  usage: STOP_USAGE,
  about: 'Stop one or more running containers',
  parse(args): ParseResult<NamesOpts> {
    const p = parseDockerFlags('stop', STOP_USAGE, args, {
      bool: {},
      string: { '-t': 'time', '--time': 'time', '-s': 'signal', '--signal': 'signal' },
      interspersed: true,
    });
    if (!p.ok) return p;
    if (p.opts.positionals.length === 0)
      return argCountError('stop', 'requires at least 1 argument', STOP_USAGE);
    return { ok: true, opts: { names: p.opts.positionals, force: false } };
  },
  run(o, ctx, docker) {
    let code = 0;
    for (const name of o.names) {
      const c = findContainer(docker.world(), name);
      if (!c) {
        code = daemonError(ctx, `No such container: ${name}`);
        continue;
      }
      if (c.state === 'running')
        docker.setWorld(exitContainer(docker.world(), c.id, docker.tick(), stopExitCode(c)));
      ctx.stdout(`${name}\n`);
    }
    return code;
  },
};

export const rm: DockerSubcommand<NamesOpts> = {
  name: 'rm',
  aliases: ['container rm', 'container remove'],
  usage: RM_USAGE,
  about: 'Remove one or more containers',
  parse(args): ParseResult<NamesOpts> {
    const p = parseDockerFlags('rm', RM_USAGE, args, {
      bool: { '-f': 'f', '--force': 'f', '-v': 'v', '--volumes': 'v', '-l': 'l', '--link': 'l' },
      interspersed: true,
    });
    if (!p.ok) return p;
    if (p.opts.positionals.length === 0) return argCountError('rm', 'requires at least 1 argument', RM_USAGE);
    return {
      ok: true,
      opts: { names: p.opts.positionals, force: p.opts.bools.has('f'), volumes: p.opts.bools.has('v') },
    };
  },
  run(o, ctx, docker) {
    let code = 0;
    for (const name of o.names) {
      const c = findContainer(docker.world(), name);
      if (!c) {
        code = daemonError(ctx, `No such container: ${name}`);
        continue;
      }
      if (c.state === 'running' && !o.force) {
        code = daemonError(
          ctx,
          `You cannot remove a running container ${c.id}. Stop the container before attempting removal or force remove`,
        );
        continue;
      }
      docker.tick();
      docker.setWorld(removeContainer(docker.world(), c.id, o.volumes ? { volumes: true } : {}));
      ctx.stdout(`${name}\n`);
    }
    return code;
  },
};
