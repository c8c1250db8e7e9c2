import { historyRows } from '../../../engine/docker/history.ts';
import { deleteImage, findImage, shortId } from '../../../engine/docker/images.ts';
import { humanSize, imageSize, parseTime } from '../../../engine/docker/sizes.ts';
import type { ImageRecord, World } from '../../../engine/docker/world.ts';
import type { ParseResult } from '../../types.ts';
import { argCountError, parseDockerFlags } from './flags.ts';
import { ellipsis, humanDuration, table } from './format.ts';
import { parseReference, splitRef } from './refs.ts';
import type { DockerSubcommand } from './subcommand.ts';
import { daemonError } from './subcommand.ts';

/** Images newest first, each tag its own row, untagged images as <none>. */
function rows(world: World): [string, string, ImageRecord][] {
  const out: [string, string, ImageRecord][] = [];
  const tagged = new Set<string>();
  for (const [ref, id] of world.tags) {
    const img = world.images.get(id);
    if (!img) continue;
    tagged.add(id);
    const [repo, tag] = splitRef(ref);
    out.push([repo, tag, img]);
  }
  for (const img of world.images.values()) if (!tagged.has(img.id)) out.push(['<none>', '<none>', img]);
  return out.sort(
    (a, b) =>
      parseTime(b[2].config.created) - parseTime(a[2].config.created) || (a[0] + a[1] < b[0] + b[1] ? -1 : 1),
  );
}

export interface ImagesOpts {
  readonly quiet: boolean;
  readonly all: boolean;
  readonly noTrunc: boolean;
}

const IMAGES_USAGE = 'docker images [OPTIONS] [REPOSITORY[:TAG]]';

export const images: DockerSubcommand<ImagesOpts & { readonly filter: string | undefined }> = {
  name: 'images',
  aliases: ['image ls', 'image list'],
  usage: IMAGES_USAGE,
  about: 'List images',
  parse(args) {
    const p = parseDockerFlags('images', IMAGES_USAGE, args, {
      bool: { '-q': 'q', '--quiet': 'q', '-a': 'a', '--all': 'a', '--no-trunc': 'n', '--digests': 'd' },
      interspersed: true,
    });
    if (!p.ok) return p;
    if (p.opts.positionals.length > 1)
      return argCountError('images', 'requires at most 1 argument', IMAGES_USAGE);
    const b = p.opts.bools;
    return {
      ok: true,
      opts: { quiet: b.has('q'), all: b.has('a'), noTrunc: b.has('n'), filter: p.opts.positionals[0] },
    };
  },
  run(o, ctx, docker) {
    const world = docker.world();
    const now = world.clock;
    let list = rows(world);
    if (o.filter !== undefined) {
      const [repo, tag] = o.filter.includes(':') ? splitRef(o.filter) : [o.filter, undefined];
      list = list.filter(([r, t]) => r === repo && (tag === undefined || t === tag));
    }
    const id = (img: ImageRecord): string => (o.noTrunc ? img.id : shortId(img.id));
    if (o.quiet) {
      ctx.stdout([...new Set(list.map(([, , img]) => id(img)))].map((x) => `${x}\n`).join(''));
      return 0;
    }
    const out = [['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE']];
    for (const [repo, tag, img] of list)
      out.push([
        repo,
        tag,
        id(img),
        `${humanDuration(now - parseTime(img.config.created))} ago`,
        humanSize(imageSize(world, img)),
      ]);
    ctx.stdout(table(out));
    return 0;
  },
};

const TAG_USAGE = 'docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]';

export const tag: DockerSubcommand<{ readonly source: string; readonly target: string }> = {
  name: 'tag',
  aliases: ['image tag'],
  usage: TAG_USAGE,
  about: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
  parse(args): ParseResult<{ source: string; target: string }> {
    const p = parseDockerFlags('tag', TAG_USAGE, args, { bool: {}, interspersed: true });
    if (!p.ok) return p;
    const [source, target] = p.opts.positionals;
    if (source === undefined || target === undefined || p.opts.positionals.length !== 2)
      return argCountError('tag', 'requires 2 arguments', TAG_USAGE);
    return { ok: true, opts: { source, target } };
  },
  run(o, ctx, docker) {
    const world = docker.world();
    const img = findImage(world, o.source);
    if (!img) return daemonError(ctx, `No such image: ${o.source}`);
    const r = parseReference(o.target);
    if (!r.ok) {
      ctx.stderr(`Error parsing reference: "${o.target}" is not a valid repository/tag: ${r.error}\n`);
      return 1;
    }
    const tags = new Map(world.tags);
    tags.set(r.ref, img.id);
    docker.setWorld({ ...world, tags });
    return 0;
  },
};

const RMI_USAGE = 'docker rmi [OPTIONS] IMAGE [IMAGE...]';

export const rmi: DockerSubcommand<{ readonly names: readonly string[]; readonly force: boolean }> = {
  name: 'rmi',
  aliases: ['image rm', 'image remove'],
  usage: RMI_USAGE,
  about: 'Remove one or more images',
  parse(args) {
    const p = parseDockerFlags('rmi', RMI_USAGE, args, {
      bool: { '-f': 'f', '--force': 'f', '--no-prune': 'np' },
      interspersed: true,
    });
    if (!p.ok) return p;
    if (p.opts.positionals.length === 0)
      return argCountError('rmi', 'requires at least 1 argument', RMI_USAGE);
    return { ok: true, opts: { names: p.opts.positionals, force: p.opts.bools.has('f') } };
  },
  run(o, ctx, docker) {
    let code = 0;
    for (const name of o.names) {
      const world = docker.world();
      const img = findImage(world, name);
      if (!img) {
        code = daemonError(ctx, `No such image: ${name}`);
        continue;
      }
      const byTag = world.tags.has(normalize(name)) ? normalize(name) : null;
      const refs = [...world.tags].filter(([, id]) => id === img.id).map(([r]) => r);
      const user = [...world.containers.values()].find((c) => c.imageId === img.id);
      // Removing one of several tags only untags; the last reference deletes the image.
      if (byTag && refs.length > 1) {
        const tags = new Map(world.tags);
        tags.delete(byTag);
        docker.setWorld({ ...world, tags });
        ctx.stdout(`Untagged: ${byTag}\n`);
        continue;
      }
      if (user && !o.force) {
        const what = byTag ? `repository reference "${name}"` : `${img.id.slice(7, 19)}`;
        code = daemonError(
          ctx,
          `conflict: unable to ${byTag ? 'remove' : 'delete'} ${what} (${byTag ? 'must force' : 'must be forced'}) - container ${user.id.slice(0, 12)} is using its referenced image ${img.id.slice(7, 19)}`,
        );
        continue;
      }
      const children = [...world.images.values()].filter((i) => i.parent === img.id);
      const tags = new Map(world.tags);
      for (const r of refs) {
        tags.delete(r);
        ctx.stdout(`Untagged: ${r}\n`);
      }
      if (user || children.length > 0) {
        docker.setWorld({ ...world, tags });
        continue;
      }
      docker.tick();
      const [w2, deleted] = deleteImage({ ...docker.world(), tags }, img.id);
      docker.setWorld(w2);
      ctx.stdout(deleted.map((d) => `Deleted: ${d}\n`).join(''));
    }
    return code;
  },
};

const normalize = (name: string): string => (name.includes(':') ? name : `${name}:latest`);

const HISTORY_USAGE = 'docker history [OPTIONS] IMAGE';

export const history: DockerSubcommand<{
  readonly image: string;
  readonly noTrunc: boolean;
  readonly quiet: boolean;
  readonly human: boolean;
}> = {
  name: 'history',
  aliases: ['image history'],
  usage: HISTORY_USAGE,
  about: 'Show the history of an image',
  parse(args) {
    const p = parseDockerFlags('history', HISTORY_USAGE, args, {
      bool: { '--no-trunc': 'n', '-q': 'q', '--quiet': 'q', '-H': 'h', '--human': 'h' },
      interspersed: true,
    });
    if (!p.ok) return p;
    if (p.opts.positionals.length !== 1)
      return argCountError('history', 'requires 1 argument', HISTORY_USAGE);
    const b = p.opts.bools;
    return {
      ok: true,
      opts: { image: p.opts.positionals[0]!, noTrunc: b.has('n'), quiet: b.has('q'), human: true },
    };
  },
  run(o, ctx, docker) {
    const world = docker.world();
    const img = findImage(world, o.image);
    if (!img) return daemonError(ctx, `No such image: ${o.image}`);
    const out = [['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT']];
    for (const row of historyRows(world, img)) {
      const id = row.id === null ? '<missing>' : o.noTrunc ? row.id : shortId(row.id);
      const by = row.createdBy.replace(/\t/g, ' ');
      out.push([
        id,
        `${humanDuration(world.clock - parseTime(row.created))} ago`,
        o.noTrunc ? by : ellipsis(by, 45),
        humanSize(row.size),
        row.comment,
      ]);
    }
    if (o.quiet)
      ctx.stdout(
        out
          .slice(1)
          .map((r) => `${r[0]}\n`)
          .join(''),
      );
    else ctx.stdout(table(out));
    return 0;
  },
};

// The rows live in the engine so the page's History tab reads exactly what this command prints.
export { historyRows };
export type { HistoryRow } from '../../../engine/docker/history.ts';
