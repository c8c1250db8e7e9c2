/**
 * Scenario image layers as tar layers, and a docker-archive (what `docker save` writes and
 * `docker load` reads) holding many images at once.
 */
import { createHash } from 'node:crypto';
import { FIXED_MTIME, tarBytes } from './tar.ts';
import type { TarEntry } from './tar.ts';
import type { Layer, LayerEntry } from './types.ts';
import { completeLayer, parseMode } from './layer.ts';
import { basename, dirname } from './paths.ts';

/** Lets the caller replace an entry (e.g. the stand-in /bin/busybox) by the real thing. */
export type Substitute = (entry: LayerEntry) => TarEntry | undefined;

/**
 * A layer's entries as a tar stream would carry them: paths relative, sorted bytewise (so a parent
 * comes before its children), every missing parent added as a 0755 dir in this same layer
 * (REPLAY.md), whiteouts as empty `.wh.NAME` files and opaque dirs followed by `DIR/.wh..wh..opq`.
 */
export function layerTarEntries(layer: Layer, substitute: Substitute = () => undefined): TarEntry[] {
  const out: TarEntry[] = [];
  for (const entry of completeLayer(layer)) {
    const name = entry.path.slice(1);
    const replaced = substitute(entry);
    if (replaced !== undefined) {
      out.push(replaced);
      continue;
    }
    switch (entry.type) {
      case 'file':
        out.push({
          kind: 'file',
          name,
          mode: parseMode(entry.mode, 0o644),
          data: Buffer.from(entry.content ?? ''),
        });
        break;
      case 'dir':
        out.push({ kind: 'dir', name, mode: parseMode(entry.mode, 0o755) });
        if (entry.opaque === true) {
          out.push({ kind: 'file', name: `${name}/.wh..wh..opq`, mode: 0o644, data: new Uint8Array() });
        }
        break;
      case 'symlink':
        out.push({ kind: 'symlink', name, target: entry.target ?? '' });
        break;
      case 'whiteout': {
        const parent = dirname(entry.path);
        const whiteout = `${parent === '/' ? '' : parent.slice(1) + '/'}.wh.${basename(entry.path)}`;
        out.push({ kind: 'file', name: whiteout, mode: 0o644, data: new Uint8Array() });
        break;
      }
    }
  }
  return out;
}

export interface ArchiveImage {
  readonly ref: string;
  /** Uncompressed layer tars, bottom first. */
  readonly layers: readonly Buffer[];
}

export interface Archive {
  readonly bytes: Buffer;
  /** Image ID (`sha256:` + sha256 of the config bytes) by ref. */
  readonly ids: ReadonlyMap<string, string>;
}

/** manifest.json, one config per image and each distinct layer tar once, as `<diffID hex>/layer.tar`. */
export function dockerArchive(images: readonly ArchiveImage[], cmd: readonly string[]): Archive {
  const files: TarEntry[] = [];
  const written = new Set<string>();
  const manifest: unknown[] = [];
  const ids = new Map<string, string>();
  for (const image of images) {
    const layerPaths: string[] = [];
    const diffIds: string[] = [];
    for (const layer of image.layers) {
      const hex = sha256(layer);
      diffIds.push(`sha256:${hex}`);
      layerPaths.push(`${hex}/layer.tar`);
      if (written.has(hex)) continue;
      written.add(hex);
      files.push({ kind: 'dir', name: hex, mode: 0o755 });
      files.push({ kind: 'file', name: `${hex}/layer.tar`, mode: 0o644, data: layer });
    }
    const config = Buffer.from(JSON.stringify(imageConfig(diffIds, cmd)));
    const configHex = sha256(config);
    ids.set(image.ref, `sha256:${configHex}`);
    if (!written.has(configHex)) {
      written.add(configHex);
      files.push({ kind: 'file', name: `${configHex}.json`, mode: 0o644, data: config });
    }
    manifest.push({ Config: `${configHex}.json`, RepoTags: [image.ref], Layers: layerPaths });
  }
  files.push({
    kind: 'file',
    name: 'manifest.json',
    mode: 0o644,
    data: Buffer.from(JSON.stringify(manifest)),
  });
  return { bytes: tarBytes(files), ids };
}

function imageConfig(diffIds: readonly string[], cmd: readonly string[]): unknown {
  const created = new Date(FIXED_MTIME * 1000).toISOString();
  return {
    architecture: 'amd64',
    os: 'linux',
    created,
    config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: cmd },
    rootfs: { type: 'layers', diff_ids: diffIds },
    history: diffIds.map((_, i) => ({ created, created_by: `layerlab conformance layer ${i}` })),
  };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
