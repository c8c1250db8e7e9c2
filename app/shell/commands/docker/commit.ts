import { commitContainer } from '../../../engine/docker/commit.ts';
import type { CommitOptions } from '../../../engine/docker/commit.ts';
import { findContainer } from '../../../engine/docker/containers.ts';
import type { ParseResult } from '../../types.ts';
import { argCountError, parseDockerFlags } from './flags.ts';
import { parseReference } from './refs.ts';
import type { DockerSubcommand } from './subcommand.ts';
import { daemonError } from './subcommand.ts';

const USAGE = 'docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]';

export interface CommitCmdOpts {
  readonly container: string;
  readonly ref: string | null;
  readonly author?: string;
  readonly message?: string;
  readonly changes: readonly string[];
}

export const commit: DockerSubcommand<CommitCmdOpts> = {
  name: 'commit',
  aliases: ['container commit'],
  usage: USAGE,
  about: "Create a new image from a container's changes",
  parse(args): ParseResult<CommitCmdOpts> {
    const p = parseDockerFlags('commit', USAGE, args, {
      bool: { '-p': 'pause', '--pause': 'pause' },
      string: {
        '-a': 'author',
        '--author': 'author',
        '-m': 'message',
        '--message': 'message',
        '-c': 'change',
        '--change': 'change',
      },
      repeat: ['change'],
      interspersed: true,
    });
    if (!p.ok) return p;
    const [container, ref, ...rest] = p.opts.positionals;
    if (container === undefined || rest.length > 0)
      return argCountError('commit', 'requires at least 1 and at most 2 arguments', USAGE);
    const author = p.opts.strings.get('author')?.[0];
    const message = p.opts.strings.get('message')?.[0];
    return {
      ok: true,
      opts: {
        container,
        ref: ref ?? null,
        ...(author === undefined ? {} : { author }),
        ...(message === undefined ? {} : { message }),
        changes: p.opts.strings.get('change') ?? [],
      },
    };
  },
  run(o, ctx, docker) {
    const world = docker.world();
    const c = findContainer(world, o.container);
    if (!c) return daemonError(ctx, `No such container: ${o.container}`);
    let ref: string | null = null;
    if (o.ref !== null) {
      const r = parseReference(o.ref);
      if (!r.ok) return daemonError(ctx, r.error);
      ref = r.ref;
    }
    const changes = parseChanges(o.changes);
    if (typeof changes === 'string') return daemonError(ctx, changes);
    const opts: CommitOptions = {
      ref,
      changes,
      ...(o.author === undefined ? {} : { author: o.author }),
      ...(o.message === undefined ? {} : { message: o.message }),
    };
    const r = commitContainer(world, c, docker.tick(), opts);
    if (!r.ok) return daemonError(ctx, r.error);
    docker.setWorld(r.world);
    docker.emit?.(r.events);
    ctx.stdout(`${r.image.id}\n`);
    return 0;
  },
};

/** `-c 'CMD ["nginx"]'`, `-c 'ENV A=b'` …: the Dockerfile instructions commit accepts. */
export function parseChanges(lines: readonly string[]): NonNullable<CommitOptions['changes']> | string {
  let out: NonNullable<CommitOptions['changes']> = {};
  for (const line of lines) {
    const m = /^\s*(\w+)\s*(.*)$/s.exec(line);
    if (!m) continue;
    const instr = m[1]!.toUpperCase();
    const arg = m[2]!.trim();
    const list = (): readonly string[] | string => {
      if (!arg.startsWith('[')) return ['/bin/sh', '-c', arg];
      try {
        const v: unknown = JSON.parse(arg);
        if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
      } catch {
        /* falls through to the shell form, as the Dockerfile parser does */
      }
      return ['/bin/sh', '-c', arg];
    };
    switch (instr) {
      case 'CMD': {
        const v = list();
        if (typeof v !== 'string') out = { ...out, Cmd: v };
        break;
      }
      case 'ENTRYPOINT': {
        const v = list();
        if (typeof v !== 'string') out = { ...out, Entrypoint: v };
        break;
      }
      case 'ENV': {
        const kv = arg.includes('=') ? arg.split(/\s+/).filter(Boolean) : [arg.replace(/\s+/, '=')];
        if (kv.some((x) => !/^[^=\s]+=/.test(x)))
          return `dockerfile parse error line 1: ENV names can not be blank`;
        out = { ...out, Env: [...(out.Env ?? []), ...kv] };
        break;
      }
      case 'WORKDIR':
        out = { ...out, WorkingDir: arg };
        break;
      case 'EXPOSE':
      case 'LABEL':
      case 'USER':
      case 'VOLUME':
      case 'ONBUILD':
      case 'STOPSIGNAL':
        break;
      default:
        return `${instr} is not a valid change command`;
    }
  }
  return out;
}
