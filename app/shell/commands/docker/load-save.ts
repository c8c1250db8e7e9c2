import { loadPrepared } from '../../../engine/archive/load.ts';
import { saveImages } from '../../../engine/archive/save.ts';
import { readTar } from '../../../engine/archive/tar-read.ts';
import { isGzip } from '../../../engine/archive/gzip.ts';
import { ArchiveError } from '../../../engine/archive/errors.ts';
import type { AbsPath } from '../../../engine/ids.ts';
import { normalize } from '../../../engine/path.ts';
import type { DockerHost } from '../../docker-host.ts';
import type { CommandContext, ParseResult } from '../../types.ts';
import { argCountError, parseDockerFlags } from './flags.ts';
import type { DockerSubcommand } from './subcommand.ts';
import { daemonError } from './subcommand.ts';

// docker load / docker save against the host-files port (app/shell/host-files.ts): the archive's
// bytes live there, not in the host's text tree, which shows such a file only by its size.

const LOAD_USAGE = 'docker load [OPTIONS]';
const SAVE_USAGE = 'docker save [OPTIONS] IMAGE [IMAGE...]';

export interface LoadOpts {
  readonly input: string | null;
  readonly quiet: boolean;
}

export const load: DockerSubcommand<LoadOpts> = {
  name: 'load',
  aliases: ['image load'],
  usage: LOAD_USAGE,
  about: 'Load an image from a tar archive or STDIN',
  parse(args): ParseResult<LoadOpts> {
    const p = parseDockerFlags('load', LOAD_USAGE, args, {
      bool: { '-q': 'q', '--quiet': 'q' },
      string: { '-i': 'i', '--input': 'i', '--platform': 'platform' },
      interspersed: true,
    });
    if (!p.ok) return p;
    if (p.opts.positionals.length > 0) return argCountError('load', 'accepts no arguments', LOAD_USAGE);
    return { ok: true, opts: { input: p.opts.strings.get('i')?.[0] ?? null, quiet: p.opts.bools.has('q') } };
  },
  run(o, ctx, docker) {
    let path: AbsPath;
    let shown: string;
    if (o.input !== null) {
      path = normalize(o.input, ctx.cwd);
      shown = o.input;
    } else if (ctx.stdinPath !== undefined) {
      path = ctx.stdinPath;
      shown = ctx.stdinPath;
    } else {
      if (ctx.stdin === '') {
        ctx.stderr('requested load from stdin, but stdin is empty\n');
        return 1;
      }
      return loadText(ctx, ctx.stdin);
    }
    const file = docker.hostFile?.(path);
    if (!file) {
      // A plain text file made in the shell: it is no archive, and says so the way dockerd does.
      const text = ctx.fs.readFile(path);
      if (text.ok) return loadText(ctx, text.value);
      ctx.stderr(
        `open ${shown}: ${text.errno === 'EISDIR' ? 'is a directory' : 'no such file or directory'}\n`,
      );
      return 1;
    }
    if (file.prepared === undefined) {
      if (docker.needArchive) {
        docker.needArchive(path);
        return 1;
      }
      ctx.stderr(`open ${shown}: the archive has not been read yet\n`);
      return 1;
    }
    if ('error' in file.prepared) return loadError(ctx, file.prepared.error);
    const r = loadPrepared(docker.world(), file.prepared);
    if (!r.ok) return loadError(ctx, r.error);
    docker.tick();
    docker.setWorld(r.world);
    docker.emit?.(r.events);
    for (const img of r.images) {
      for (const { tag, oldId } of img.renamed)
        ctx.stdout(
          `The image ${tag} already exists, renaming the old one with ID ${oldId} to empty string\n`,
        );
      if (img.tags.length === 0) ctx.stdout(`Loaded image ID: ${img.id}\n`);
      for (const t of img.tags) ctx.stdout(`Loaded image: ${t}\n`);
    }
    return 0;
  },
};

/** Bytes that came as text (a pipe, a file typed in the shell): read synchronously, which says what is wrong. */
function loadText(ctx: CommandContext, text: string): number {
  const bytes = new TextEncoder().encode(text);
  try {
    if (isGzip(bytes)) throw new ArchiveError('unexpected EOF');
    readTar(bytes);
    return loadError(ctx, 'open manifest.json: no such file or directory');
  } catch (e) {
    if (e instanceof ArchiveError) return loadError(ctx, e.message);
    throw e;
  }
}

/** dockerd's words: the tar reader's own errors come wrapped as its untar child reports them. */
function loadError(ctx: CommandContext, message: string): number {
  const raw = message === 'unexpected EOF' || message.startsWith('archive/tar:');
  ctx.stderr(raw ? `Error processing tar file(exit status 1): ${message}\n` : `${message}\n`);
  return 1;
}

export interface SaveOpts {
  readonly output: string | null;
  readonly images: readonly string[];
}

export const save: DockerSubcommand<SaveOpts> = {
  name: 'save',
  aliases: ['image save'],
  usage: SAVE_USAGE,
  about: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
  parse(args): ParseResult<SaveOpts> {
    const p = parseDockerFlags('save', SAVE_USAGE, args, {
      bool: {},
      string: { '-o': 'o', '--output': 'o', '--platform': 'platform' },
      interspersed: true,
    });
    if (!p.ok) return p;
    if (p.opts.positionals.length === 0)
      return argCountError('save', 'requires at least 1 argument', SAVE_USAGE);
    return { ok: true, opts: { output: p.opts.strings.get('o')?.[0] ?? null, images: p.opts.positionals } };
  },
  run(o, ctx, docker) {
    let path: AbsPath;
    if (o.output !== null) path = normalize(o.output, ctx.cwd);
    else if (ctx.stdoutPath !== undefined) path = ctx.stdoutPath;
    else {
      if (ctx.stdoutIsTty) {
        ctx.stderr('cowardly refusing to save to a terminal. Use the -o flag or redirect\n');
        return 1;
      }
      // A pipe: the bytes have nowhere to go that the simulator can keep (text streams only).
      ctx.stderr('docker save to a pipe is not simulated: use -o FILE or > FILE\n');
      return 1;
    }
    const r = saveImages(docker.world(), o.images);
    if (!r.ok) return daemonError(ctx, r.error);
    if (!writeBytes(ctx, docker, path, o.output ?? path, r.bytes)) return 1;
    return 0;
  },
};

/** The host tree gets the file (by size); the port keeps its bytes. */
function writeBytes(
  ctx: CommandContext,
  docker: DockerHost,
  path: AbsPath,
  shown: string,
  bytes: Uint8Array,
): boolean {
  const made = ctx.fs.writeFile(path, '', { append: false });
  if (!made.ok) {
    const dir = shown.includes('/') ? shown.slice(0, shown.lastIndexOf('/')) || '/' : '.';
    ctx.stderr(
      made.errno === 'ENOENT'
        ? `failed to save image: invalid output path: directory "${dir}" does not exist\n`
        : `failed to save image: open ${shown}: ${made.errno === 'EISDIR' ? 'is a directory' : 'permission denied'}\n`,
    );
    return false;
  }
  ctx.fs.truncate(path, bytes.length);
  if (!docker.writeHostFile) {
    ctx.stderr('failed to save image: this machine keeps no host files\n');
    return false;
  }
  docker.writeHostFile(path, bytes);
  return true;
}
