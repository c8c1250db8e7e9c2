import { containerOverlay, findContainer, initOverlay } from '../../../engine/docker/containers.ts';
import { changes, formatChanges } from '../../../engine/docker/diff.ts';
import type { ParseResult } from '../../types.ts';
import { argCountError, parseDockerFlags } from './flags.ts';
import type { DockerSubcommand } from './subcommand.ts';
import { daemonError } from './subcommand.ts';

const USAGE = 'docker diff CONTAINER';
const ABOUT = "Inspect changes to files or directories on a container's filesystem";

export const diff: DockerSubcommand<{ readonly container: string }> = {
  name: 'diff',
  aliases: ['container diff'],
  usage: USAGE,
  about: ABOUT,
  parse(args): ParseResult<{ container: string }> {
    const p = parseDockerFlags('diff', USAGE, args, { bool: {}, interspersed: true });
    if (!p.ok) return p;
    if (p.opts.positionals.length !== 1) return argCountError('diff', 'requires 1 argument', USAGE);
    return { ok: true, opts: { container: p.opts.positionals[0]! } };
  },
  run(o, ctx, docker) {
    const world = docker.world();
    const c = findContainer(world, o.container);
    if (!c) return daemonError(ctx, `No such container: ${o.container}`);
    const lines = formatChanges(changes(containerOverlay(world, c), initOverlay(world, c)));
    ctx.stdout(lines.map((l) => `${l}\n`).join(''));
    docker.emit?.([{ type: 'diff-listed', container: c.id, lines }]);
    return 0;
  },
};
