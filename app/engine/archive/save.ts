import type { Digest } from '../digest.ts';
import { digestOf, sha256Hex } from '../digest.ts';
import { findImage, normalizeRef } from '../docker/images.ts';
import type { ImageRecord, LayerRecord, World } from '../docker/world.ts';
import { layerTar, TarWriter } from '../tar.ts';
import { collectBytes } from '../collect.ts';

// `docker save`: a docker-archive as dockerd 20.10 writes it — one dir per layer (VERSION, json,
// layer.tar), `<imageID>.json` holding the config bytes the image ID is the digest of, manifest.json
// and repositories. A layer is written from the bytes it was loaded from (an imported layer) or by
// `layerTar` (a layer made here, whose diff ID was computed over exactly that), then checked against
// its diff ID, so an archive that real Docker would refuse is never written.

export type SaveResult =
  { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly error: string };

const enc = new TextEncoder();

/** Save the named images (refs or IDs) into one archive, chunk by chunk into `sink`. */
export function saveImagesTo(
  world: World,
  refs: readonly string[],
  sink: (chunk: Uint8Array) => void,
): { ok: true } | { ok: false; error: string } {
  const c = collectImages(world, refs);
  if (!c.ok) return c;
  const { picked, layers } = c;
  const out = new TarWriter(sink);
  const file = (name: string, data: Uint8Array): void =>
    out.add({ name, type: '0', mode: 0o644, uid: 0, gid: 0, mtime: 0, data });
  for (const { dir, tar, parentDir } of layers.values()) {
    out.add({ name: `${dir}/`, type: '5', mode: 0o755, uid: 0, gid: 0, mtime: 0, data: new Uint8Array(0) });
    file(`${dir}/VERSION`, enc.encode('1.0'));
    file(`${dir}/json`, enc.encode(JSON.stringify({ id: dir, ...(parentDir ? { parent: parentDir } : {}) })));
    file(`${dir}/layer.tar`, tar);
  }
  const manifest: { Config: string; RepoTags: string[] | null; Layers: string[] }[] = [];
  const repositories: Record<string, Record<string, string>> = {};
  const written = new Set<Digest>();
  for (const { img, tag } of picked) {
    const config = `${img.id.slice(7)}.json`;
    if (!written.has(img.id)) file(config, enc.encode(img.configJson));
    written.add(img.id);
    const layerPaths = img.chain.map((c) => `${layers.get(c)!.dir}/layer.tar`);
    const prior = manifest.find((m) => m.Config === config);
    if (prior && tag) prior.RepoTags = [...(prior.RepoTags ?? []), tag];
    else if (!prior) manifest.push({ Config: config, RepoTags: tag ? [tag] : null, Layers: layerPaths });
    const top = layerPaths[layerPaths.length - 1];
    if (tag && top) {
      const colon = tag.lastIndexOf(':');
      (repositories[tag.slice(0, colon)] ??= {})[tag.slice(colon + 1)] = top.slice(0, top.indexOf('/'));
    }
  }
  file('manifest.json', enc.encode(JSON.stringify(manifest)));
  if (Object.keys(repositories).length > 0) file('repositories', enc.encode(JSON.stringify(repositories)));
  out.finish();
  return { ok: true };
}

export interface PickedImage {
  readonly img: ImageRecord;
  /** The normalized tag `refs` named it by, or null when named by ID (or a tag of another image). */
  readonly tag: string | null;
}

export interface CheckedLayer {
  readonly dir: string;
  readonly tar: Uint8Array;
  readonly rec: LayerRecord;
  readonly parentDir: string | null;
}

/**
 * The images `refs` name and every layer of theirs as the bytes to write, each checked against its
 * diff ID before a byte is written, so a failure leaves nothing half-written. Shared with save-oci.ts.
 */
export function collectImages(
  world: World,
  refs: readonly string[],
): { ok: true; picked: PickedImage[]; layers: Map<Digest, CheckedLayer> } | { ok: false; error: string } {
  const picked: PickedImage[] = [];
  for (const ref of refs) {
    const img = findImage(world, ref);
    if (!img) return { ok: false, error: `reference does not exist` };
    const tag = world.tags.get(normalizeRef(ref)) === img.id ? normalizeRef(ref) : null;
    picked.push({ img, tag });
  }
  const layers = new Map<Digest, CheckedLayer>();
  for (const { img } of picked) {
    let parentDir: string | null = null;
    for (const chainId of img.chain) {
      const rec = world.layers.get(chainId);
      if (!rec)
        return { ok: false, error: `layer ${chainId} of image ${img.id} is missing from the layer store` };
      const dir = sha256Hex(enc.encode(`${chainId}`));
      if (!layers.has(chainId)) {
        const tar = rec.tar ?? layerTar(rec.layer);
        const got = digestOf(tar);
        if (got !== rec.diffId)
          return {
            ok: false,
            error: `cannot reproduce layer ${rec.diffId}: its tar hashes to ${got} (a catalog layer known only by its digest)`,
          };
        layers.set(chainId, { dir, tar, rec, parentDir });
      }
      parentDir = dir;
    }
  }
  return { ok: true, picked, layers };
}

/** The whole archive in memory (tests, the replay); the page streams `saveImagesTo` into a Blob. */
export function saveImages(world: World, refs: readonly string[]): SaveResult {
  const { result, bytes } = collectBytes((sink) => saveImagesTo(world, refs, sink));
  return result.ok ? { ok: true, bytes } : result;
}
