import type { Digest } from '../digest.ts';
import { digestOf } from '../digest.ts';
import type { ImageRecord, World } from '../docker/world.ts';
import { TarWriter } from '../tar.ts';
import type { CheckedLayer } from './save.ts';
import { collectImages } from './save.ts';
import { collectBytes } from '../collect.ts';

// An OCI image layout in a tar, as `docker save` of Docker 25+ writes it (moby image/tarexport/save.go):
// oci-layout, index.json and blobs/sha256/<hex>, plus the docker-archive manifest.json (Config and
// Layers are blob paths) and `repositories`, so dockerd 20.10's `docker load`, which reads only
// manifest.json, takes it as well as OCI tools do. The config blob is the image's config bytes as
// stored (so the image ID is unchanged) and each layer blob is the uncompressed layer tar (media
// type …layer.v1.tar), whose digest is then its diff ID: nothing is recompressed, no digest invented.
// Each tag is one index entry, named the two ways tools read: containerd's full reference and the
// OCI ref.name (the tag alone, what `umoci unpack --image DIR:TAG` and `skopeo oci:DIR:TAG` look up).
// Not written: the per-layer legacy v1 JSON blobs Docker 25 also leaves in blobs/ (no descriptor
// names them, no loader reads them).

const INDEX = 'application/vnd.oci.image.index.v1+json';
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const CONFIG = 'application/vnd.oci.image.config.v1+json';
const LAYER = 'application/vnd.oci.image.layer.v1.tar';
/** moby's tarexport writes exactly these bytes (with the space). */
const LAYOUT = '{"imageLayoutVersion": "1.0.0"}';

const enc = new TextEncoder();

/** One image of the layout and the tags it was asked for by (several refs may name one image). */
interface SavedImage {
  readonly img: ImageRecord;
  readonly tags: string[];
}

/** Save the named images (refs or IDs) as an OCI layout tar, chunk by chunk into `sink`. */
export function saveOciLayoutTo(
  world: World,
  refs: readonly string[],
  sink: (chunk: Uint8Array) => void,
): { ok: true } | { ok: false; error: string } {
  const c = collectImages(world, refs);
  if (!c.ok) return c;
  const blobs = new Map<Digest, Uint8Array>();
  const index: Record<string, unknown>[] = [];
  const manifestJson: { Config: string; RepoTags: string[] | null; Layers: string[] }[] = [];
  const repositories: Record<string, Record<string, string>> = {};
  for (const { img, tags } of byImage(c.picked)) {
    const config = enc.encode(img.configJson);
    const layers = img.chain.map((chainId) => c.layers.get(chainId)!);
    for (const l of layers) blobs.set(l.rec.diffId, l.tar);
    blobs.set(img.id, config);
    const platform = platformOf(img.configJson);
    const manifest = enc.encode(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MANIFEST,
        config: { mediaType: CONFIG, digest: img.id, size: config.length, platform },
        layers: layers.map(layerDescriptor),
      }),
    );
    const digest = digestOf(manifest);
    blobs.set(digest, manifest);
    const descriptor = { mediaType: MANIFEST, digest, size: manifest.length };
    // An untagged image is still listed (moby 25.0.3+ lists it when nothing tagged is saved; here
    // always, so every image of the archive is reachable from index.json).
    if (tags.length === 0) index.push({ ...descriptor, platform });
    for (const tag of tags)
      index.push({
        ...descriptor,
        annotations: {
          'io.containerd.image.name': fullName(tag),
          'org.opencontainers.image.ref.name': tag.slice(tag.lastIndexOf(':') + 1),
        },
        platform,
      });
    manifestJson.push({
      Config: blobPath(img.id),
      RepoTags: tags.length > 0 ? tags : null,
      Layers: layers.map((l) => blobPath(l.rec.diffId)),
    });
    // Docker 25 names a tag's top layer by its diff ID here (20.10 by its v1 layer ID).
    const top = layers[layers.length - 1];
    for (const tag of tags) {
      const colon = tag.lastIndexOf(':');
      if (top) (repositories[tag.slice(0, colon)] ??= {})[tag.slice(colon + 1)] = top.rec.diffId.slice(7);
    }
  }
  // archive.Tar walks moby's temp dir: entries in lexical order, blobs first.
  const out = new TarWriter(sink);
  const dir = (name: string): void =>
    out.add({ name, type: '5', mode: 0o755, uid: 0, gid: 0, mtime: 0, data: new Uint8Array(0) });
  const file = (name: string, data: Uint8Array): void =>
    out.add({ name, type: '0', mode: 0o644, uid: 0, gid: 0, mtime: 0, data });
  dir('blobs/');
  dir('blobs/sha256/');
  for (const d of [...blobs.keys()].sort()) file(blobPath(d), blobs.get(d)!);
  file('index.json', enc.encode(JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: index })));
  // manifest.json and repositories go through Go's json.Encoder: a newline after the value.
  file('manifest.json', enc.encode(`${JSON.stringify(manifestJson)}\n`));
  file('oci-layout', enc.encode(LAYOUT));
  if (Object.keys(repositories).length > 0)
    file('repositories', enc.encode(`${JSON.stringify(sortedKeys(repositories))}\n`));
  out.finish();
  return { ok: true };
}

/** The picked refs grouped by image, in the order first named; each tag once. */
function byImage(picked: readonly { img: ImageRecord; tag: string | null }[]): SavedImage[] {
  const images = new Map<Digest, SavedImage>();
  for (const { img, tag } of picked) {
    const saved = images.get(img.id) ?? { img, tags: [] };
    images.set(img.id, saved);
    if (tag !== null && !saved.tags.includes(tag)) saved.tags.push(tag);
  }
  return [...images.values()];
}

const blobPath = (d: Digest): string => `blobs/sha256/${d.slice(7)}`;

const layerDescriptor = (l: CheckedLayer) => ({ mediaType: LAYER, digest: l.rec.diffId, size: l.tar.length });

/**
 * The image's platform as moby's `Image.Platform()` gives it, with the OCI Platform's JSON field
 * order: architecture and os always, os.version, os.features and variant only when set.
 */
function platformOf(configJson: string): Record<string, unknown> {
  const c = JSON.parse(configJson) as Record<string, unknown>;
  const str = (k: string): string => (typeof c[k] === 'string' ? c[k] : '');
  const features = Array.isArray(c['os.features']) ? c['os.features'] : [];
  return {
    architecture: str('architecture'),
    os: str('os'),
    ...(str('os.version') !== '' ? { 'os.version': str('os.version') } : {}),
    ...(features.length > 0 ? { 'os.features': features } : {}),
    ...(str('variant') !== '' ? { variant: str('variant') } : {}),
  };
}

/** Go marshals a map with its keys sorted. */
function sortedKeys(repos: Record<string, Record<string, string>>): Record<string, Record<string, string>> {
  const sort = <T>(o: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return sort(Object.fromEntries(Object.entries(repos).map(([k, v]) => [k, sort(v)])));
}

/** 'alpine:3' → 'docker.io/library/alpine:3', 'me/app:1' → 'docker.io/me/app:1', as containerd names them. */
function fullName(tag: string): string {
  const first = tag.slice(0, Math.max(0, tag.indexOf('/')));
  if (first === '') return `docker.io/library/${tag}`;
  if (first.includes('.') || first.includes(':') || first === 'localhost') return tag;
  return `docker.io/${tag}`;
}

/** The whole layout in memory (tests, the bench, the page's download). */
export function saveOciLayout(
  world: World,
  refs: readonly string[],
): { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly error: string } {
  const { result, bytes } = collectBytes((sink) => saveOciLayoutTo(world, refs, sink));
  return result.ok ? { ok: true, bytes } : result;
}
