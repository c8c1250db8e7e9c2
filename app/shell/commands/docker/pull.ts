import type { CatalogLookup } from '../../../engine/catalog/catalog.ts';
import {
  lookupCatalog,
  pullCatalogImage,
  registryPath,
  splitCatalogRef,
} from '../../../engine/catalog/catalog.ts';
import { shortId } from '../../../engine/docker/images.ts';
import type { DockerHost } from '../../docker-host.ts';
import type { ParseResult } from '../../types.ts';
import { argCountError, parseDockerFlags } from './flags.ts';
import type { DockerSubcommand } from './subcommand.ts';
import { daemonError } from './subcommand.ts';

const USAGE = 'docker pull [OPTIONS] NAME[:TAG|@DIGEST]';

export interface PullOpts {
  readonly ref: string;
  readonly quiet: boolean;
  readonly allTags: boolean;
}

/**
 * docker pull, from the built-in catalog (the simulator's registry). Output as the docker CLI leaves it
 * once a terminal's progress bars are done: one line per layer, "Pull complete" or "Already exists"
 * (its chain is in the layer store), the manifest digest, the status, the full reference.
 */
export const pull: DockerSubcommand<PullOpts> = {
  name: 'pull',
  aliases: ['image pull'],
  usage: USAGE,
  about: 'Download an image from a registry',
  parse(args): ParseResult<PullOpts> {
    const p = parseDockerFlags('pull', USAGE, args, {
      bool: {
        '-q': 'q',
        '--quiet': 'q',
        '-a': 'a',
        '--all-tags': 'a',
        '--disable-content-trust': 'dct',
      },
      string: { '--platform': 'platform' },
      interspersed: true,
    });
    if (!p.ok) return p;
    if (p.opts.positionals.length !== 1) return argCountError('pull', 'requires 1 argument', USAGE);
    const b = p.opts.bools;
    return { ok: true, opts: { ref: p.opts.positionals[0]!, quiet: b.has('q'), allTags: b.has('a') } };
  },
  run(o, ctx, docker) {
    const bad = invalidReference(o.ref);
    if (bad !== null) {
      ctx.stderr(`${bad}\n`);
      return 1;
    }
    if (o.allTags) {
      // The CLI refuses a tag with --all-tags; pulling every tag of a repository is not simulated.
      if (/:[^/]*$/.test(o.ref)) {
        ctx.stderr("tag can't be used with --all-tags/-a\n");
        return 1;
      }
      ctx.stderr(
        '--all-tags is not simulated: pull one tag at a time (the catalog lists one image per repository)\n',
      );
      return 1;
    }
    const lines: string[] = [];
    const r = pullImage(docker, o.ref, (t) => lines.push(t), { defaultTagNote: true });
    if (r.kind === 'needs') return 1;
    if (r.kind === 'error') {
      if (!o.quiet) ctx.stdout(lines.join(''));
      return daemonError(ctx, r.message);
    }
    if (!o.quiet) ctx.stdout(lines.join(''));
    ctx.stdout(`docker.io/${registryPath(r.repository)}:${r.tag}\n`);
    return 0;
  },
};

/** The CLI's reference check: lowercase repository names, a tag of word characters. */
export function invalidReference(ref: string): string | null {
  const re =
    /^(?:[a-zA-Z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;
  if (re.test(ref)) return null;
  if (/[A-Z]/.test(ref.split(/[:@]/)[0] ?? ''))
    return `invalid reference format: repository name (${registryPath(splitCatalogRef(ref).repository)}) must be lowercase`;
  return 'invalid reference format';
}

export type PullOutcome =
  | { readonly kind: 'pulled'; readonly ref: string; readonly repository: string; readonly tag: string }
  /** A catalog file must be loaded first: the line stops and runs again (DockerHost.needCatalogFile). */
  | { readonly kind: 'needs' }
  | { readonly kind: 'error'; readonly message: string };

/**
 * Pull `ref` from the catalog into the daemon, writing the progress lines to `out` (stdout for
 * `docker pull`, stderr for the pull `docker run` makes). The daemon's error, if any, is returned for
 * the caller to print its way.
 */
export function pullImage(
  docker: DockerHost,
  ref: string,
  out: (text: string) => void,
  opts: { readonly defaultTagNote: boolean },
): PullOutcome {
  const { repository, tag } = splitCatalogRef(ref);
  const source = docker.catalog?.();
  const found: CatalogLookup = source ? lookupCatalog(source, ref) : { kind: 'no-repository', repository };
  const path = registryPath(repository);
  if (opts.defaultTagNote && !/:[^/]*$/.test(ref) && !ref.includes('@')) out('Using default tag: latest\n');
  switch (found.kind) {
    case 'missing':
      if (docker.needCatalogFile) {
        docker.needCatalogFile(found.file);
        return { kind: 'needs' };
      }
      return {
        kind: 'error',
        message: `Get "https://registry-1.docker.io/v2/${path}/manifests/${tag}": ${
          docker.language?.() === 'ko'
            ? `이미지 카탈로그 파일 ${found.file}을(를) 아직 불러오지 않았습니다`
            : `the image catalog file ${found.file} is not loaded`
        }`,
      };
    case 'failed':
      // The reason after Docker's own `Get "…":` is Layerlab's, so it speaks the page's language.
      return {
        kind: 'error',
        message: `Get "https://registry-1.docker.io/v2/${path}/manifests/${tag}": ${
          docker.language?.() === 'ko'
            ? `Layerlab이 이미지 카탈로그를 불러오지 못했습니다(catalog/${found.file}: ${found.reason}). 연결을 확인하고 다시 시도하세요`
            : `Layerlab could not load its image catalog (catalog/${found.file}: ${found.reason}); check the connection and try again`
        }`,
      };
    case 'no-repository':
      return {
        kind: 'error',
        message: `pull access denied for ${repository}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
      };
    case 'no-tag':
      return {
        kind: 'error',
        message: `manifest for ${repository}:${tag} not found: manifest unknown: manifest unknown`,
      };
    case 'image':
      break;
  }
  const { image } = found;
  out(`${tag}: Pulling from ${path}\n`);
  docker.tick();
  const r = pullCatalogImage(docker.world(), image, tag);
  docker.setWorld(r.world);
  for (const l of r.layers) out(`${shortId(l.blob)}: ${l.existed ? 'Already exists' : 'Pull complete'}\n`);
  docker.emit?.(
    r.layers.map((l) => ({
      type: 'layer-pulled' as const,
      chainId: l.chainId,
      diffId: l.diffId,
      size: l.size,
      existed: l.existed,
    })),
  );
  out(`Digest: ${image.entry.digest}\n`);
  out(
    r.status === 'up-to-date'
      ? `Status: Image is up to date for ${r.ref}\n`
      : `Status: Downloaded newer image for ${r.ref}\n`,
  );
  return { kind: 'pulled', ref: r.ref, repository, tag };
}
