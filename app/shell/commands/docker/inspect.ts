import { findContainer } from '../../../engine/docker/containers.ts';
import { findImage } from '../../../engine/docker/images.ts';
import type { World } from '../../../engine/docker/world.ts';
import type { CommandContext, ParseResult } from '../../types.ts';
import { argCountError, parseDockerFlags } from './flags.ts';
import type { GoValue, Template } from './gotemplate/index.ts';
import { executeTemplate, goJson, jsonIndent, parseTemplate, toRaw } from './gotemplate/index.ts';
import type { View } from './inspect-json/index.ts';
import { containerValue, imageValue, volumeValue } from './inspect-json/index.ts';
import { parseReference } from './refs.ts';
import type { DockerSubcommand } from './subcommand.ts';

// `docker inspect`, `docker image inspect`, `docker container inspect`: the daemon's JSON printed
// the way CLI 28 prints it (json.Indent, 4 spaces), or run through a --format Go template.

type ObjectType =
  'config' | 'container' | 'image' | 'network' | 'node' | 'plugin' | 'secret' | 'service' | 'task' | 'volume';
const TYPES: readonly ObjectType[] = [
  'config',
  'container',
  'image',
  'network',
  'node',
  'plugin',
  'secret',
  'service',
  'task',
  'volume',
];

export interface InspectOpts {
  /** null: autodetect, as plain `docker inspect` does (container, image, network, volume). */
  readonly type: ObjectType | null;
  readonly format: string;
  readonly size: boolean;
  readonly names: readonly string[];
}

const USAGE = {
  any: 'docker inspect [OPTIONS] NAME|ID [NAME|ID...]',
  image: 'docker image inspect [OPTIONS] IMAGE [IMAGE...]',
  container: 'docker container inspect [OPTIONS] CONTAINER [CONTAINER...]',
} as const;

/** One object found: the daemon's JSON and the CLI's typed view of it. */
interface Found {
  readonly daemon: GoValue;
  readonly cli: GoValue;
}

type Lookup = { ok: true; found: Found; kind: ObjectType } | { ok: false; error: string };

const SWARM_ERROR =
  'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';

/** The daemon's "no such image" text: the reference normalized, or why it is not one. */
function noSuchImage(name: string): string {
  if (name.startsWith('sha256:'))
    return `Error response from daemon: no such image: ${name}: No such image: ${name}`;
  const r = parseReference(name);
  const why = r.ok
    ? `No such image: ${r.ref}`
    : `invalid reference format${r.error === 'invalid reference format' ? '' : `: ${r.error}`}`;
  return `Error response from daemon: no such image: ${name}: ${why}`;
}

function both(build: (view: View) => GoValue): Found {
  return { daemon: build('daemon'), cli: build('cli') };
}

function lookup(world: World, name: string, type: ObjectType | null, size: boolean): Lookup {
  const container = (): Found | null => {
    const c = findContainer(world, name);
    return c ? both((v) => containerValue(world, c, v, size)) : null;
  };
  const image = (): Found | null => {
    const img = findImage(world, name);
    return img ? both((v) => imageValue(world, img, v)) : null;
  };
  const volume = (): Found | null => {
    const vol = world.volumes.get(name);
    return vol ? both((v) => volumeValue(vol, v)) : null;
  };
  const hit = (found: Found | null, kind: ObjectType, error: string): Lookup =>
    found ? { ok: true, found, kind } : { ok: false, error };
  switch (type) {
    case null: {
      for (const [kind, get] of [
        ['container', container],
        ['image', image],
        ['volume', volume],
      ] as const) {
        const f = get();
        if (f) return { ok: true, found: f, kind };
      }
      return { ok: false, error: `Error: No such object: ${name}` };
    }
    case 'container':
      return hit(container(), type, `Error response from daemon: No such container: ${name}`);
    case 'image':
      return hit(image(), type, noSuchImage(name));
    case 'volume':
      return hit(volume(), type, `Error response from daemon: get ${name}: no such volume`);
    case 'network':
      return { ok: false, error: `Error response from daemon: network ${name} not found` };
    case 'plugin':
      return { ok: false, error: `Error response from daemon: plugin ${JSON.stringify(name)} not found` };
    default:
      return { ok: false, error: SWARM_ERROR };
  }
}

const DAEMON_JSON = { escapeHTML: true, shortBF: false } as const;

/** Print the objects found the way cli/command/inspect does, then every error; exit 1 on any. */
export function runInspect(o: InspectOpts, ctx: CommandContext, world: World): number {
  try {
    return inspectAll(o, ctx, world);
  } catch (e) {
    // Nothing typed may escape as an exception: report it as the CLI reports a failure.
    ctx.stderr(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

function inspectAll(o: InspectOpts, ctx: CommandContext, world: World): number {
  const plain = o.format === '';
  const json = o.format === 'json';
  let template: Template | null = null;
  if (!plain && !json) {
    const p = parseTemplate(o.format);
    if (!p.ok) {
      ctx.stderr(`template parsing error: ${p.error}\n`);
      return 64;
    }
    template = p.template;
  }
  const errors: string[] = [];
  const raws: string[] = [];
  let buffer = '';
  for (const name of o.names) {
    const r = lookup(world, name, o.type, o.size);
    if (!r.ok) {
      errors.push(r.error);
      continue;
    }
    if (o.size && r.kind !== 'container') ctx.stderr(`WARNING: --size ignored for ${r.kind}\n`);
    if (template === null) {
      raws.push(goJson(r.found.daemon, DAEMON_JSON));
      continue;
    }
    // Typed first; on failure once more on the raw JSON with missingkey=error (inspector.go).
    const typed = executeTemplate(template, r.found.cli, { missingKeyError: false, raw: false });
    if (typed.ok) {
      buffer += `${typed.out}\n`;
      continue;
    }
    const raw = executeTemplate(template, toRaw(r.found.daemon), { missingKeyError: true, raw: true });
    if (raw.ok) buffer += `${raw.out}\n`;
    else errors.push(`template parsing error: ${raw.error}`);
  }
  if (template !== null) ctx.stdout(buffer === '' ? '\n' : buffer);
  else if (json) ctx.stdout(`[${raws.join(',')}]\n`);
  else ctx.stdout(raws.length === 0 ? '[]\n' : `${jsonIndent(`[${raws.join(',')}]`, '    ')}\n`);
  if (errors.length > 0) ctx.stderr(`${errors.join('\n')}\n`);
  return errors.length > 0 ? 1 : 0;
}

function parseInspect(
  cmd: 'inspect' | 'image inspect' | 'container inspect',
  usage: string,
  args: readonly string[],
): ParseResult<InspectOpts> {
  const bool: Record<string, string> = cmd === 'image inspect' ? {} : { '-s': 'size', '--size': 'size' };
  const string: Record<string, string> = {
    '-f': 'format',
    '--format': 'format',
    ...(cmd === 'inspect' ? { '--type': 'type' } : {}),
  };
  const p = parseDockerFlags(cmd, usage, args, { bool, string, interspersed: true });
  if (!p.ok) return p;
  let type: ObjectType | null =
    cmd === 'image inspect' ? 'image' : cmd === 'container inspect' ? 'container' : null;
  const given = p.opts.strings.get('type')?.[0];
  if (given !== undefined && given !== '') {
    if (!TYPES.includes(given as ObjectType))
      return {
        ok: false,
        message: `unknown type: ${JSON.stringify(given)}: must be one of ${TYPES.map((t) => `"${t}"`).join(', ')}\n`,
        exitCode: 1,
      };
    type = given as ObjectType;
  }
  if (p.opts.positionals.length === 0)
    return argCountError(cmd, 'requires at least 1 argument', usage, 'See');
  return {
    ok: true,
    opts: {
      type,
      format: p.opts.strings.get('format')?.[0] ?? '',
      size: p.opts.bools.has('size'),
      names: p.opts.positionals,
    },
  };
}

export const inspect: DockerSubcommand<InspectOpts> = {
  name: 'inspect',
  usage: USAGE.any,
  about: 'Return low-level information on Docker objects',
  parse: (args) => parseInspect('inspect', USAGE.any, args),
  run: (o, ctx, docker) => runInspect(o, ctx, docker.world()),
};

export const imageInspect: DockerSubcommand<InspectOpts> = {
  name: 'image inspect',
  usage: USAGE.image,
  about: 'Display detailed information on one or more images',
  parse: (args) => parseInspect('image inspect', USAGE.image, args),
  run: (o, ctx, docker) => runInspect(o, ctx, docker.world()),
};

export const containerInspect: DockerSubcommand<InspectOpts> = {
  name: 'container inspect',
  usage: USAGE.container,
  about: 'Display detailed information on one or more containers',
  parse: (args) => parseInspect('container inspect', USAGE.container, args),
  run: (o, ctx, docker) => runInspect(o, ctx, docker.world()),
};
