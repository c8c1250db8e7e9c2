import { shortId } from '../../../engine/docker/images.ts';
import type { Container, World } from '../../../engine/docker/world.ts';
import { containerSizes, humanSize } from '../../../engine/docker/sizes.ts';
import type { ParseResult } from '../../types.ts';
import { argCountError, parseDockerFlags } from './flags.ts';
import { ellipsis, goQuote, humanDuration, table } from './format.ts';
import type { DockerSubcommand } from './subcommand.ts';

export interface PsOpts {
  readonly all: boolean;
  readonly quiet: boolean;
  readonly noTrunc: boolean;
  readonly latest: boolean;
  readonly size: boolean;
}

export const ps: DockerSubcommand<PsOpts> = {
  name: 'ps',
  aliases: ['container ls', 'container list', 'container ps'],
  usage: 'docker ps [OPTIONS]',
  about: 'List containers',
  parse(args): ParseResult<PsOpts> {
    const p = parseDockerFlags('ps', 'docker ps [OPTIONS]', args, {
      bool: {
        '-a': 'a',
        '--all': 'a',
        '-q': 'q',
        '--quiet': 'q',
        '--no-trunc': 'n',
        '-l': 'l',
        '--latest': 'l',
        '-s': 's',
        '--size': 's',
      },
      interspersed: true,
    });
    if (!p.ok) return p;
    if (p.opts.positionals.length > 0)
      return argCountError('ps', 'accepts no arguments', 'docker ps [OPTIONS]');
    const b = p.opts.bools;
    return {
      ok: true,
      opts: { all: b.has('a'), quiet: b.has('q'), noTrunc: b.has('n'), latest: b.has('l'), size: b.has('s') },
    };
  },
  run(o, ctx, docker) {
    const world = docker.world();
    const now = world.clock;
    // Newest first, as the daemon lists them.
    let list = [...world.containers.values()]
      .reverse()
      .filter((c) => o.all || o.latest || c.state === 'running');
    if (o.latest) list = list.slice(0, 1);
    if (o.quiet) {
      ctx.stdout(list.map((c) => `${o.noTrunc ? c.id : c.id.slice(0, 12)}\n`).join(''));
      return 0;
    }
    const rows = [
      [
        'CONTAINER ID',
        'IMAGE',
        'COMMAND',
        'CREATED',
        'STATUS',
        'PORTS',
        'NAMES',
        ...(o.size ? ['SIZE'] : []),
      ],
    ];
    for (const c of list) {
      const cmd = c.command.join(' ');
      rows.push([
        o.noTrunc ? c.id : shortId(c.id),
        c.imageRef,
        goQuote(o.noTrunc ? cmd : ellipsis(cmd, 20)),
        `${humanDuration(now - c.created)} ago`,
        status(c, now),
        '',
        c.name,
        ...(o.size ? [sizeColumn(world, c)] : []),
      ]);
    }
    ctx.stdout(table(rows));
    return 0;
  },
};

/** F1: `19B (virtual 187MB)`. */
function sizeColumn(world: World, c: Container): string {
  const { rw, virtual } = containerSizes(world, c);
  return `${humanSize(rw)} (virtual ${humanSize(virtual)})`;
}

export function status(c: Container, now: number): string {
  switch (c.state) {
    case 'created':
      return 'Created';
    case 'running':
      return `Up ${humanDuration(now - (c.startedAt ?? now))}`;
    case 'exited':
      return `Exited (${c.exitCode}) ${humanDuration(now - (c.finishedAt ?? now))} ago`;
  }
}
