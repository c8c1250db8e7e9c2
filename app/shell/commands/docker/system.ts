import {
  containerSizes,
  humanSize,
  imageSize,
  sumLayers,
  uniqueLayers,
} from '../../../engine/docker/sizes.ts';
import type { World } from '../../../engine/docker/world.ts';
import { layerSize } from '../../../engine/docker/images.ts';
import { containersUsing } from '../../../engine/docker/volumes.ts';
import type { CommandContext, ParseResult } from '../../types.ts';
import { argCountError, parseDockerFlags } from './flags.ts';
import { table } from './format.ts';
import type { DockerSubcommand } from './subcommand.ts';

const DF_USAGE = 'docker system df [OPTIONS]';

/** `docker system df` (F2): images count each layer once; containers add their SizeRw. */
export const systemDf: DockerSubcommand<{ readonly verbose: boolean }> = {
  name: 'system df',
  usage: DF_USAGE,
  about: 'Show docker disk usage',
  parse(args): ParseResult<{ verbose: boolean }> {
    const p = parseDockerFlags('system df', DF_USAGE, args, {
      bool: { '-v': 'v', '--verbose': 'v' },
      interspersed: true,
    });
    if (!p.ok) return p;
    if (p.opts.positionals.length > 0) return argCountError('system df', 'accepts no arguments', DF_USAGE);
    return { ok: true, opts: { verbose: p.opts.bools.has('v') } };
  },
  run(o, ctx, docker) {
    const world = docker.world();
    if (o.verbose) return verbose(world, ctx);
    const images = [...world.images.values()];
    const usedIds = new Set([...world.containers.values()].map((c) => c.imageId));
    const all = sumLayers(world, uniqueLayers(images));
    const active = sumLayers(world, uniqueLayers(images.filter((i) => usedIds.has(i.id))));
    const containers = [...world.containers.values()];
    const rw = containers.map((c) => containerSizes(world, c).rw);
    const rwTotal = rw.reduce((a, b) => a + b, 0);
    const rwIdle = containers.reduce((n, c, i) => n + (c.state === 'running' ? 0 : rw[i]!), 0);
    const volumes = [...world.volumes.values()];
    const volSize = volumes.map((v) => layerSize(v.tree));
    const volUsed = volumes.map((v) => containersUsing(world, v.name).length > 0);
    const volTotal = volSize.reduce((a, b) => a + b, 0);
    const volIdle = volSize.reduce((n, sz, i) => n + (volUsed[i] ? 0 : sz), 0);
    const pct = (part: number, whole: number): string =>
      `${humanSize(part)} (${whole === 0 ? 0 : Math.round((part * 100) / whole)}%)`;
    ctx.stdout(
      table([
        ['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE'],
        ['Images', String(images.length), String(usedIds.size), humanSize(all), pct(all - active, all)],
        [
          'Containers',
          String(containers.length),
          String(containers.filter((c) => c.state === 'running').length),
          humanSize(rwTotal),
          pct(rwIdle, rwTotal),
        ],
        [
          'Local Volumes',
          String(volumes.length),
          String(volUsed.filter(Boolean).length),
          humanSize(volTotal),
          pct(volIdle, volTotal),
        ],
        ['Build Cache', '0', '0', '0B', '0B'],
      ]),
    );
    return 0;
  },
};

function verbose(world: World, ctx: CommandContext): number {
  const all = [...world.images.values()];
  const layerUse = new Map<string, number>();
  for (const img of all) for (const c of img.chain) layerUse.set(c, (layerUse.get(c) ?? 0) + 1);
  const rows = [['REPOSITORY', 'TAG', 'IMAGE ID', 'SIZE', 'SHARED SIZE', 'UNIQUE SIZE', 'CONTAINERS']];
  for (const [ref, id] of world.tags) {
    const img = world.images.get(id)!;
    const shared = img.chain
      .filter((c) => (layerUse.get(c) ?? 0) > 1)
      .reduce((n, c) => n + (world.layers.get(c)?.size ?? 0), 0);
    const size = imageSize(world, img);
    const [repo, tag] = ref.split(/:(?=[^:/]*$)/);
    const n = [...world.containers.values()].filter((c) => c.imageId === id).length;
    rows.push([
      repo ?? ref,
      tag ?? 'latest',
      id.slice(7, 19),
      humanSize(size),
      humanSize(shared),
      humanSize(size - shared),
      String(n),
    ]);
  }
  ctx.stdout('Images space usage:\n\n' + table(rows));
  const crow = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'LOCAL VOLUMES', 'SIZE', 'CREATED', 'STATUS', 'NAMES']];
  for (const c of world.containers.values())
    crow.push([
      c.id.slice(0, 12),
      c.imageRef,
      JSON.stringify(c.command.join(' ').slice(0, 19)),
      '0',
      humanSize(containerSizes(world, c).rw),
      '',
      c.state,
      c.name,
    ]);
  ctx.stdout('\nContainers space usage:\n\n' + table(crow));
  ctx.stdout(
    '\nLocal Volumes space usage:\n\nVOLUME NAME   LINKS     SIZE\n\nBuild cache usage: 0B\n\nCACHE ID   CACHE TYPE   SIZE      CREATED   LAST USED   USAGE     SHARED\n',
  );
  return 0;
}

/** `docker info`: the daemon's summary; the storage lines are the ones the blog greps for. */
export const info: DockerSubcommand<Record<string, never>> = {
  name: 'info',
  aliases: ['system info'],
  usage: 'docker info [OPTIONS]',
  about: 'Display system-wide information',
  parse(args) {
    const p = parseDockerFlags('info', 'docker info [OPTIONS]', args, {
      bool: {},
      string: { '-f': 'format', '--format': 'format' },
      interspersed: true,
    });
    if (!p.ok) return p;
    return { ok: true, opts: {} };
  },
  run(_o, ctx, docker) {
    const w = docker.world();
    const cs = [...w.containers.values()];
    const n = (s: string): number => cs.filter((c) => c.state === s).length;
    ctx.stdout(
      [
        'Client:',
        ' Version:    28.2.2',
        ' Context:    default',
        ' Debug Mode: false',
        '',
        'Server:',
        ` Containers: ${cs.length}`,
        `  Running: ${n('running')}`,
        '  Paused: 0',
        `  Stopped: ${n('exited') + n('created')}`,
        ` Images: ${w.images.size}`,
        ' Server Version: 20.10.24+dfsg1',
        ' Storage Driver: overlay2',
        '  Backing Filesystem: extfs',
        '  Supports d_type: true',
        '  Native Overlay Diff: true',
        '  userxattr: false',
        ' Logging Driver: json-file',
        ' Cgroup Driver: systemd',
        ' Cgroup Version: 2',
        ' Plugins:',
        '  Volume: local',
        '  Network: bridge host ipvlan macvlan null overlay',
        ' Kernel Version: 6.1.0-18-amd64',
        ' Operating System: Debian GNU/Linux 12 (bookworm)',
        ' OSType: linux',
        ' Architecture: x86_64',
        ' CPUs: 2',
        ' Docker Root Dir: /var/lib/docker',
        ' Debug Mode: false',
        ' Live Restore Enabled: false',
        '',
      ].join('\n') + '\n',
    );
    return 0;
  },
};
