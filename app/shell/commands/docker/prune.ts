import { removeContainer } from '../../../engine/docker/containers.ts';
import { humanSize } from '../../../engine/docker/sizes.ts';
import { deleteImage, layerSize } from '../../../engine/docker/images.ts';
import type { CommandContext, ParseResult } from '../../types.ts';
import { argCountError, parseDockerFlags } from './flags.ts';
import type { DockerHost } from '../../docker-host.ts';
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

/** Remove every container that is not running (its volumes stay); returns the bytes of their uppers. */
function pruneContainers(ctx: CommandContext, docker: DockerHost): number {
  const gone = [...docker.world().containers.values()].filter((c) => c.state !== 'running').reverse();
  if (gone.length === 0) return 0;
  let reclaimed = 0;
  docker.tick();
  let w = docker.world();
  for (const c of gone) {
    reclaimed += layerSize(c.upper);
    w = removeContainer(w, c.id, { volumes: false });
  }
  docker.setWorld(w);
  ctx.stdout(`Deleted Containers:\n${gone.map((c) => `${c.id}\n`).join('')}\n`);
  return reclaimed;
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
    ctx.stdout(`Total reclaimed space: ${humanSize(pruneContainers(ctx, docker))}\n`);
    return 0;
  },
};

const IMAGE_USAGE = 'docker image prune [OPTIONS]';

export interface ImagePruneOpts extends PruneOpts {
  readonly all: boolean;
}

/** Dangling images (no tag), or with -a every image no container uses — unless another image builds on it. */
function pruneImages(ctx: CommandContext, docker: DockerHost, all: boolean): number {
  let w = docker.world();
  const used = new Set([...w.containers.values()].map((c) => c.imageId));
  const tagged = new Set(w.tags.values());
  let reclaimed = 0;
  const lines: string[] = [];
  // Children first, so a parent whose only child is pruned can go in the same pass.
  for (const img of [...w.images.values()].reverse()) {
    if (used.has(img.id) || (!all && tagged.has(img.id))) continue;
    if ([...w.images.values()].some((i) => i.parent === img.id)) continue;
    for (const [ref, id] of w.tags) if (id === img.id) lines.push(`untagged: ${ref}`);
    const before = w;
    const [w2, deleted] = deleteImage(w, img.id);
    reclaimed += deleted.slice(1).reduce((n, c) => n + (before.layers.get(c)?.size ?? 0), 0);
    lines.push(...deleted.map((d) => `deleted: ${d}`));
    w = w2;
  }
  if (lines.length > 0) {
    docker.tick();
    docker.setWorld({ ...w, clock: docker.world().clock });
    ctx.stdout(`Deleted Images:\n${lines.map((l) => `${l}\n`).join('')}\n`);
  }
  return reclaimed;
}

export const imagePrune: DockerSubcommand<ImagePruneOpts> = {
  name: 'image prune',
  usage: IMAGE_USAGE,
  about: 'Remove unused images',
  parse(args): ParseResult<ImagePruneOpts> {
    const p = parseDockerFlags('image prune', IMAGE_USAGE, args, {
      bool: { '-f': 'f', '--force': 'f', '-a': 'a', '--all': 'a' },
      string: { '--filter': 'filter' },
      interspersed: true,
    });
    if (!p.ok) return p;
    if (p.opts.positionals.length > 0)
      return argCountError('image prune', 'accepts no arguments', IMAGE_USAGE);
    return { ok: true, opts: { force: p.opts.bools.has('f'), all: p.opts.bools.has('a') } };
  },
  run(o, ctx, docker) {
    const warning = o.all
      ? 'This will remove all images without at least one container associated to them.'
      : 'This will remove all dangling images.';
    if (!o.force && !confirm(ctx, warning)) return 0;
    ctx.stdout(`Total reclaimed space: ${humanSize(pruneImages(ctx, docker, o.all))}\n`);
    return 0;
  },
};

const SYSTEM_USAGE = 'docker system prune [OPTIONS]';

/** `docker system prune`: stopped containers, then dangling (or with -a unused) images; volumes with --volumes. */
export const systemPrune: DockerSubcommand<ImagePruneOpts & { readonly volumes: boolean }> = {
  name: 'system prune',
  usage: SYSTEM_USAGE,
  about: 'Remove unused data',
  parse(args) {
    const p = parseDockerFlags('system prune', SYSTEM_USAGE, args, {
      bool: { '-f': 'f', '--force': 'f', '-a': 'a', '--all': 'a', '--volumes': 'v' },
      string: { '--filter': 'filter' },
      interspersed: true,
    });
    if (!p.ok) return p;
    if (p.opts.positionals.length > 0)
      return argCountError('system prune', 'accepts no arguments', SYSTEM_USAGE);
    const b = p.opts.bools;
    return { ok: true, opts: { force: b.has('f'), all: b.has('a'), volumes: b.has('v') } };
  },
  run(o, ctx, docker) {
    const items = [
      'all stopped containers',
      'all networks not used by at least one container',
      ...(o.volumes ? ['all anonymous volumes not used by at least one container'] : []),
      o.all ? 'all images without at least one container associated to them' : 'all dangling images',
      'all dangling build cache',
    ];
    if (!o.force && !confirm(ctx, `This will remove:\n${items.map((i) => `  - ${i}\n`).join('')}`)) return 0;
    let reclaimed = pruneContainers(ctx, docker);
    reclaimed += pruneImages(ctx, docker, o.all);
    ctx.stdout(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
    return 0;
  },
};
