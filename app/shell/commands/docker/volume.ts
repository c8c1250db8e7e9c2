import { humanSize } from '../../../engine/docker/sizes.ts';
import {
  anonymousName,
  containersUsing,
  createVolume,
  naturalLess,
  removeVolume,
  volumeMountpoint,
  volumeNameError,
  volumeSize,
} from '../../../engine/docker/volumes.ts';
import type { Volume, World } from '../../../engine/docker/world.ts';
import { isoTime } from '../../../engine/docker/world.ts';
import type { CommandContext, ParseResult } from '../../types.ts';
import type { DockerHost } from '../../docker-host.ts';
import { argCountError, parseDockerFlags } from './flags.ts';
import { table } from './format.ts';
import { confirm } from './prune.ts';
import type { DockerSubcommand } from './subcommand.ts';
import { daemonError } from './subcommand.ts';

// `docker volume create|ls|inspect|rm|prune`, with the messages of CLI 28 talking to dockerd 20.10.

type VolumeOpts =
  | { readonly op: 'help' }
  | {
      readonly op: 'create';
      readonly name: string | null;
      readonly driver: string;
      readonly labels: Readonly<Record<string, string>> | null;
      readonly options: readonly string[];
    }
  | { readonly op: 'ls'; readonly quiet: boolean; readonly filters: readonly string[] }
  | { readonly op: 'inspect'; readonly names: readonly string[]; readonly format: string | null }
  | { readonly op: 'rm'; readonly names: readonly string[]; readonly force: boolean }
  | { readonly op: 'prune'; readonly force: boolean };

const USAGE = {
  create: 'docker volume create [OPTIONS] [VOLUME]',
  ls: 'docker volume ls [OPTIONS]',
  inspect: 'docker volume inspect [OPTIONS] VOLUME [VOLUME...]',
  rm: 'docker volume rm [OPTIONS] VOLUME [VOLUME...]',
  prune: 'docker volume prune [OPTIONS]',
} as const;

const ABOUT = {
  create: 'Create a volume',
  inspect: 'Display detailed information on one or more volumes',
  ls: 'List volumes',
  prune: 'Remove unused local volumes',
  rm: 'Remove one or more volumes',
} as const;

const HELP =
  'Usage:  docker volume COMMAND\n\nManage volumes\n\nCommands:\n' +
  Object.entries(ABOUT)
    .map(([k, v]) => `  ${k.padEnd(11)} ${v}\n`)
    .join('') +
  "\nRun 'docker volume COMMAND --help' for more information on a command.\n";

function parse(args: readonly string[]): ParseResult<VolumeOpts> {
  const [op, ...rest] = args;
  if (op === undefined) return { ok: true, opts: { op: 'help' } };
  switch (op) {
    case 'create': {
      const p = parseDockerFlags('volume create', USAGE.create, rest, {
        bool: {},
        string: { '-d': 'driver', '--driver': 'driver', '--label': 'label', '-o': 'opt', '--opt': 'opt' },
        repeat: ['label', 'opt'],
        interspersed: true,
      });
      if (!p.ok) return p;
      if (p.opts.positionals.length > 1)
        return argCountError('volume create', 'requires at most 1 argument', USAGE.create, 'See');
      const labels = p.opts.strings.get('label');
      const entries = (labels ?? []).map((l): [string, string] => {
        const eq = l.indexOf('=');
        return eq < 0 ? [l, ''] : [l.slice(0, eq), l.slice(eq + 1)];
      });
      return {
        ok: true,
        opts: {
          op,
          name: p.opts.positionals[0] ?? null,
          driver: p.opts.strings.get('driver')?.[0] ?? 'local',
          labels: labels
            ? Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
            : null,
          options: p.opts.strings.get('opt') ?? [],
        },
      };
    }
    case 'ls':
    case 'list': {
      const p = parseDockerFlags('volume ls', USAGE.ls, rest, {
        bool: { '-q': 'q', '--quiet': 'q' },
        string: { '-f': 'filter', '--filter': 'filter' },
        repeat: ['filter'],
        interspersed: true,
      });
      if (!p.ok) return p;
      if (p.opts.positionals.length > 0) return argCountError('volume ls', 'accepts no arguments', USAGE.ls);
      return {
        ok: true,
        opts: { op: 'ls', quiet: p.opts.bools.has('q'), filters: p.opts.strings.get('filter') ?? [] },
      };
    }
    case 'inspect': {
      const p = parseDockerFlags('volume inspect', USAGE.inspect, rest, {
        bool: {},
        string: { '-f': 'format', '--format': 'format' },
        interspersed: true,
      });
      if (!p.ok) return p;
      if (p.opts.positionals.length === 0)
        return argCountError('volume inspect', 'requires at least 1 argument', USAGE.inspect, 'See');
      return {
        ok: true,
        opts: { op, names: p.opts.positionals, format: p.opts.strings.get('format')?.[0] ?? null },
      };
    }
    case 'rm':
    case 'remove': {
      const p = parseDockerFlags('volume rm', USAGE.rm, rest, {
        bool: { '-f': 'f', '--force': 'f' },
        interspersed: true,
      });
      if (!p.ok) return p;
      if (p.opts.positionals.length === 0)
        return argCountError('volume rm', 'requires at least 1 argument', USAGE.rm, 'See');
      return { ok: true, opts: { op: 'rm', names: p.opts.positionals, force: p.opts.bools.has('f') } };
    }
    case 'prune': {
      const p = parseDockerFlags('volume prune', USAGE.prune, rest, {
        bool: { '-f': 'f', '--force': 'f', '-a': 'a', '--all': 'a' },
        string: { '--filter': 'filter' },
        interspersed: true,
      });
      if (!p.ok) return p;
      if (p.opts.positionals.length > 0)
        return argCountError('volume prune', 'accepts no arguments', USAGE.prune);
      // CLI 28 asks dockerd 20.10 (API 1.41), which knows no --all: it prunes every unused volume.
      if (p.opts.bools.has('a'))
        return {
          ok: false,
          message: '"--all" requires API version 1.42, but the Docker daemon API version is 1.41\n',
          exitCode: 1,
        };
      return { ok: true, opts: { op, force: p.opts.bools.has('f') } };
    }
    default:
      return {
        ok: false,
        message: `docker: unknown command: docker volume ${op}\n\nUsage:  docker volume COMMAND\n\nRun 'docker volume --help' for more information\n`,
        exitCode: 1,
      };
  }
}

export const volume: DockerSubcommand<VolumeOpts> = {
  name: 'volume',
  usage: 'docker volume COMMAND',
  about: 'Manage volumes',
  parse,
  run(o, ctx, docker) {
    switch (o.op) {
      case 'help':
        ctx.stdout(HELP);
        return 0;
      case 'create':
        return create(o, ctx, docker);
      case 'ls':
        return list(o, ctx, docker.world());
      case 'inspect':
        return inspect(o, ctx, docker.world());
      case 'rm':
        return remove(o, ctx, docker);
      case 'prune':
        return prune(o, ctx, docker);
    }
  },
};

function create(o: Extract<VolumeOpts, { op: 'create' }>, ctx: CommandContext, docker: DockerHost): number {
  let w = docker.world();
  let name = o.name;
  if (name === null) [name, w] = anonymousName(w);
  if (o.driver !== 'local')
    return daemonError(
      ctx,
      `create ${name}: error looking up volume plugin ${o.driver}: plugin "${o.driver}" not found`,
    );
  const bad = volumeNameError(name);
  if (bad !== null) return daemonError(ctx, `create ${name}: ${bad}`);
  // The local driver mounts a device only when one is named; nothing else of -o is simulated.
  if (o.options.length > 0 && !o.options.some((x) => x.startsWith('device=')))
    return daemonError(ctx, `create ${name}: missing required option: "device"`);
  if (!w.volumes.has(name)) {
    docker.tick();
    [w] = createVolume({ ...w, clock: docker.world().clock }, name, { anonymous: false, labels: o.labels });
    docker.setWorld(w);
  }
  ctx.stdout(`${name}\n`);
  return 0;
}

/** `dangling=true|false`, `name=part`, `driver=local`: the filters worth having here. */
function matches(world: World, v: Volume, filters: readonly string[]): boolean {
  return filters.every((f) => {
    const eq = f.indexOf('=');
    const key = eq < 0 ? f : f.slice(0, eq);
    const value = eq < 0 ? '' : f.slice(eq + 1);
    if (key === 'dangling')
      return (containersUsing(world, v.name).length === 0) === /^(1|true)$/i.test(value);
    if (key === 'name') return v.name.includes(value);
    if (key === 'driver') return v.driver === value;
    return true;
  });
}

function list(o: Extract<VolumeOpts, { op: 'ls' }>, ctx: CommandContext, world: World): number {
  const vols = [...world.volumes.values()]
    .filter((v) => matches(world, v, o.filters))
    .sort((a, b) => naturalLess(a.name, b.name));
  if (o.quiet) ctx.stdout(vols.map((v) => `${v.name}\n`).join(''));
  else ctx.stdout(table([['DRIVER', 'VOLUME NAME'], ...vols.map((v) => [v.driver, v.name])]));
  return 0;
}

/** The volume as the API returns it, in the field order of `docker volume inspect`. */
export const volumeJson = (v: Volume): Record<string, unknown> => ({
  CreatedAt: isoTime(v.created),
  Driver: v.driver,
  Labels: v.labels,
  Mountpoint: volumeMountpoint(v.name),
  Name: v.name,
  Options: null,
  Scope: 'local',
});

function inspect(o: Extract<VolumeOpts, { op: 'inspect' }>, ctx: CommandContext, world: World): number {
  const found: Volume[] = [];
  const missing: string[] = [];
  for (const n of o.names) {
    const v = world.volumes.get(n);
    if (v) found.push(v);
    else missing.push(n);
  }
  if (o.format !== null) ctx.stdout(found.map((v) => `${template(o.format!, volumeJson(v))}\n`).join(''));
  else ctx.stdout(`${JSON.stringify(found.map(volumeJson), null, 4)}\n`);
  for (const n of missing) daemonError(ctx, `get ${n}: no such volume`);
  return missing.length > 0 ? 1 : 0;
}

/** The `{{.Field}}` and `{{json .Field}}` parts of a Go template, which is what people type here. */
function template(format: string, value: Record<string, unknown>): string {
  return format.replace(/\{\{\s*(json\s+)?\.(\w+)\s*\}\}/g, (_, json: string | undefined, key: string) => {
    const v = value[key];
    if (json) return JSON.stringify(v ?? null);
    if (v === null || v === undefined) return v === null ? 'map[]' : '<no value>';
    if (typeof v === 'object')
      return `map[${Object.entries(v)
        .map(([k, x]) => `${k}:${String(x)}`)
        .join(' ')}]`;
    return String(v);
  });
}

function remove(o: Extract<VolumeOpts, { op: 'rm' }>, ctx: CommandContext, docker: DockerHost): number {
  let code = 0;
  for (const n of o.names) {
    const w = docker.world();
    if (!w.volumes.has(n)) {
      if (o.force) ctx.stdout(`${n}\n`);
      else code = daemonError(ctx, `get ${n}: no such volume`);
      continue;
    }
    const users = containersUsing(w, n);
    if (users.length > 0) {
      code = daemonError(ctx, `remove ${n}: volume is in use - [${users.join(', ')}]`);
      continue;
    }
    docker.tick();
    docker.setWorld(removeVolume(docker.world(), n));
    ctx.stdout(`${n}\n`);
  }
  return code;
}

function prune(o: Extract<VolumeOpts, { op: 'prune' }>, ctx: CommandContext, docker: DockerHost): number {
  if (!o.force && !confirm(ctx, 'This will remove all local volumes not used by at least one container.'))
    return 0;
  const w = docker.world();
  const gone = [...w.volumes.values()].filter((v) => containersUsing(w, v.name).length === 0);
  let reclaimed = 0;
  if (gone.length > 0) {
    docker.tick();
    let next = docker.world();
    for (const v of gone) {
      reclaimed += volumeSize(v);
      next = removeVolume(next, v.name);
    }
    docker.setWorld(next);
    ctx.stdout(`Deleted Volumes:\n${gone.map((v) => `${v.name}\n`).join('')}\n`);
  }
  ctx.stdout(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
  return 0;
}
