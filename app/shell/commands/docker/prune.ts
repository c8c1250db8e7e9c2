import { removeContainer } from '../../../engine/docker/containers.ts';
import { humanSize } from '../../../engine/docker/sizes.ts';
import { layerSize } from '../../../engine/docker/images.ts';
import type { CommandContext, ParseResult } from '../../types.ts';
import { argCountError, parseDockerFlags } from './flags.ts';
import type { DockerSubcommand } from './subcommand.ts';

const USAGE = 'docker container prune [OPTIONS]';

/**
 * The CLI's "Are you sure?" before a prune. The simulated terminal cannot wait for an answer: with
 * nothing piped in, the prompt is shown and answered N (a new line, as the person's Enter would
 * give); with `echo y | docker … prune`, the piped line is the answer, as it is for the real CLI.
 */
export function confirm(ctx: CommandContext, warning: string): boolean {
  ctx.stdout(`WARNING! ${warning}\nAre you sure you want to continue? [y/N] `);
  if (ctx.stdin === '') {
    ctx.stdout('\n');
    return false;
  }
  const answer = (ctx.stdin.split('\n')[0] ?? '').trim().toLowerCase();
  return answer === 'y' || answer === 'yes';
}

export interface PruneOpts {
  readonly force: boolean;
}

/** `docker container prune`: every container not running goes (its volumes stay), newest first. */
export const containerPrune: DockerSubcommand<PruneOpts> = {
  name: 'container prune',
  usage: USAGE,
  about: 'Remove all stopped containers',
  parse(args): ParseResult<PruneOpts> {
    const p = parseDockerFlags('container prune', USAGE, args, {
      bool: { '-f': 'f', '--force': 'f' },
      string: { '--filter': 'filter' },
      interspersed: true,
    });
    if (!p.ok) return p;
    if (p.opts.positionals.length > 0) return argCountError('container prune', 'accepts no arguments', USAGE);
    return { ok: true, opts: { force: p.opts.bools.has('f') } };
  },
  run(o, ctx, docker) {
    if (!o.force && !confirm(ctx, 'This will remove all stopped containers.')) return 0;
    const gone = [...docker.world().containers.values()].filter((c) => c.state !== 'running').reverse();
    let reclaimed = 0;
    if (gone.length > 0) {
      docker.tick();
      let w = docker.world();
      for (const c of gone) {
        reclaimed += layerSize(c.upper);
        w = removeContainer(w, c.id, { volumes: false });
      }
      docker.setWorld(w);
      ctx.stdout(`Deleted Containers:\n${gone.map((c) => `${c.id}\n`).join('')}\n`);
    }
    ctx.stdout(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
    return 0;
  },
};
