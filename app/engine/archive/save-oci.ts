import type { Digest } from '../digest.ts';
import { digestOf } from '../digest.ts';
import type { World } from '../docker/world.ts';
import { TarWriter } from '../tar.ts';
import { collectImages } from './save.ts';
import { collectBytes } from '../collect.ts';

// An OCI image layout in a tar, as `docker save` of Docker 25+ and `skopeo copy … oci-archive:` write
// it: oci-layout, index.json, blobs/sha256/<hex>. The config blob is the image's config bytes as
// stored (so the image ID is unchanged) and each layer blob is the uncompressed layer tar (media type
// …layer.v1.tar), whose digest is then its diff ID: nothing is recompressed, no new digest invented.
// Each tag is one index entry, named the two ways tools read: containerd's full reference and the
// OCI ref.name (the tag alone, what `umoci unpack --image DIR:TAG` and `skopeo oci:DIR:TAG` look up).

const INDEX = 'application/vnd.oci.image.index.v1+json';
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const CONFIG = 'application/vnd.oci.image.config.v1+json';
const LAYER = 'application/vnd.oci.image.layer.v1.tar';

const enc = new TextEncoder();

/** Save the named images (refs or IDs) as an OCI layout tar, chunk by chunk into `sink`. */
export function saveOciLayoutTo(
  world: World,
  refs: readonly string[],
  sink: (chunk: Uint8Array) => void,
): { ok: true } | { ok: false; error: string } {
  const c = collectImages(world, refs);
  if (!c.ok) return c;
  const out = new TarWriter(sink);
  const dir = (name: string): void =>
    out.add({ name, type: '5', mode: 0o755, uid: 0, gid: 0, mtime: 0, data: new Uint8Array(0) });
  const file = (name: string, data: Uint8Array): void =>
    out.add({ name, type: '0', mode: 0o644, uid: 0, gid: 0, mtime: 0, data });
  const written = new Set<Digest>();
  const blob = (digest: Digest, data: Uint8Array): void => {
    if (written.has(digest)) return;
    written.add(digest);
    file(`blobs/sha256/${digest.slice(7)}`, data);
  };
  file('oci-layout', enc.encode('{"imageLayoutVersion":"1.0.0"}'));
  dir('blobs/');
  dir('blobs/sha256/');
  const index: Record<string, unknown>[] = [];
  for (const { img, tag } of c.picked) {
    const config = enc.encode(img.configJson);
    const layers = img.chain.map((chainId) => c.layers.get(chainId)!);
    for (const l of layers) blob(l.rec.diffId, l.tar);
    blob(img.id, config);
    const manifest = enc.encode(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MANIFEST,
        config: { mediaType: CONFIG, digest: img.id, size: config.length },
        layers: layers.map((l) => ({ mediaType: LAYER, digest: l.rec.diffId, size: l.tar.length })),
      }),
    );
    const digest = digestOf(manifest);
    blob(digest, manifest);
    index.push({
      mediaType: MANIFEST,
      digest,
      size: manifest.length,
      ...(tag
        ? {
            annotations: {
              'io.containerd.image.name': fullName(tag),
              'org.opencontainers.image.ref.name': tag.slice(tag.lastIndexOf(':') + 1),
            },
          }
        : {}),
    });
  }
  file('index.json', enc.encode(JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: index })));
  out.finish();
  return { ok: true };
}

/** 'alpine:3' → 'docker.io/library/alpine:3', 'me/app:1' → 'docker.io/me/app:1', as containerd names them. */
function fullName(tag: string): string {
  const first = tag.slice(0, Math.max(0, tag.indexOf('/')));
  if (first === '') return `docker.io/library/${tag}`;
  if (first.includes('.') || first.includes(':') || first === 'localhost') return tag;
  return `docker.io/${tag}`;
}

/** The whole layout in memory (tests, the bench). */
export function saveOciLayout(
  world: World,
  refs: readonly string[],
): { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly error: string } {
  const { result, bytes } = collectBytes((sink) => saveOciLayoutTo(world, refs, sink));
  return result.ok ? { ok: true, bytes } : result;
}
