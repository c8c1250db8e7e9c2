import type { Digest } from '../digest.ts';
import { digestOf } from '../digest.ts';
import { ArchiveError } from './errors.ts';
import type { ByteSource } from './gzip.ts';
import { chunksOf, gunzip, isGzip } from './gzip.ts';
import type { LayerBlob, PreparedLayer } from './layer-blob.ts';
import { looksLikeLayer, readLayerBlob } from './layer-blob.ts';
import { cleanName } from './layer-tree.ts';
import { TarReader } from './tar-read.ts';

export type { PreparedLayer } from './layer-blob.ts';

// The asynchronous half of `docker load`: read the archive (gzip or not) in one pass, find its
// images (docker-archive's manifest.json, or an OCI layout's index.json), and verify diff IDs and
// config digests as dockerd does. Layers are read as they stream past (layer-blob.ts: gunzip, hash,
// extract), because docker save writes manifest.json after them: so the archive is never held whole,
// and each layer only once. Nothing here touches a World: `loadPrepared` (load.ts) then adds the
// result in one synchronous step, so a failure anywhere leaves nothing behind. Runs in a Web Worker
// as well as in Node.

export interface PreparedImage {
  /** sha256 of the config bytes. */
  readonly id: Digest;
  /** The config exactly as the archive holds it (the bytes hashed into the ID). */
  readonly configJson: string;
  readonly config: Record<string, unknown>;
  /** Tags the archive gives it ('name:tag'), possibly none. */
  readonly repoTags: readonly string[];
  /** Bottom first. */
  readonly layers: readonly PreparedLayer[];
}

export interface PreparedArchive {
  readonly format: 'docker-archive' | 'oci';
  readonly images: readonly PreparedImage[];
}

export interface ImportProgress {
  /** Archive bytes read so far (compressed, as the file is). */
  readonly bytes: number;
  readonly layersDone: number;
  readonly layersTotal: number;
}

export interface PrepareOptions {
  readonly onProgress?: (p: ImportProgress) => void;
  readonly signal?: AbortSignal;
  /** Each layer as soon as it is read (before the archive is verified): a worker hands it over then. */
  readonly onLayer?: (layer: PreparedLayer) => void;
  /** The largest single entry held in memory (a layer blob inside the archive, a file inside a layer). */
  readonly maxEntryBytes?: number;
}

const MEDIA_TAR = /^application\/vnd\.(oci\.image\.layer\.v1\.tar|docker\.image\.rootfs\.diff\.tar)$/;
const MEDIA_GZIP =
  /^application\/vnd\.(oci\.image\.layer\.v1\.tar\+gzip|docker\.image\.rootfs\.diff\.tar\.gzip)$/;

const NOT_AN_IMAGE =
  'open manifest.json: no such file or directory (neither a docker save archive nor an OCI image layout)';

/** Read and verify an image archive; throws ArchiveError (or the signal's abort reason). */
export async function prepareArchive(src: ByteSource, opts: PrepareOptions = {}): Promise<PreparedArchive> {
  const files = await readOuter(src, opts);
  const progress = { bytes: files.bytes, layersDone: 0, layersTotal: 0 };
  if (files.get('manifest.json')) return prepareDockerArchive(files, opts, progress);
  if (files.get('index.json') && files.get('oci-layout')) return prepareOci(files, opts, progress);
  throw new ArchiveError(NOT_AN_IMAGE);
}

type Stored = Uint8Array | { readonly link: string } | { readonly blob: LayerBlob };

interface OuterFiles {
  readonly names: Map<string, Stored>;
  readonly bytes: number;
  /** A small file's bytes (JSON), following symlinks inside the archive; undefined for a layer. */
  get(name: string): Uint8Array | undefined;
  /** A blob read as a layer (now, if it did not look like one as it streamed past). */
  layer(name: string): Promise<LayerBlob | undefined>;
}

async function readOuter(src: ByteSource, opts: PrepareOptions): Promise<OuterFiles> {
  const names = new Map<string, Stored>();
  let bytes = 0;
  let layersRead = 0;
  const counted = async function* (): AsyncGenerator<Uint8Array> {
    for await (const c of chunksOf(src)) {
      opts.signal?.throwIfAborted();
      bytes += c.length;
      opts.onProgress?.({ bytes, layersDone: layersRead, layersTotal: 0 });
      yield c;
    }
  };
  const it = counted();
  const first = await it.next();
  // An empty file: dockerd finds no manifest.json (nor the legacy repositories) in it.
  if (first.done) throw new ArchiveError(NOT_AN_IMAGE);
  const rest = async function* (): AsyncGenerator<Uint8Array> {
    yield first.value;
    yield* it;
  };
  const stream = isGzip(first.value) ? gunzip(rest()) : rest();
  const reader = new TarReader(opts.maxEntryBytes !== undefined ? { maxEntryBytes: opts.maxEntryBytes } : {});
  for await (const chunk of stream) {
    for (const e of reader.push(chunk)) {
      const name = cleanName(e.name).join('/');
      if (e.type === '2') names.set(name, { link: e.linkname });
      else if (e.type !== '0' && e.type !== '7') continue;
      else if (!looksLikeLayer(e.data)) names.set(name, e.data);
      else {
        const blob = await readLayerBlob(e.data, opts);
        names.set(name, { blob });
        if (!(blob.layer instanceof ArchiveError)) opts.onLayer?.(blob.layer);
        layersRead++;
        opts.onProgress?.({ bytes, layersDone: layersRead, layersTotal: 0 });
      }
    }
    if (reader.ended) break;
  }
  reader.end();
  const resolve = (name: string): string | undefined => {
    let cur = cleanName(name).join('/');
    for (let hops = 0; hops < 8; hops++) {
      const v = names.get(cur);
      if (v === undefined) return undefined;
      if (!('link' in v)) return cur;
      const dir = cur.includes('/') ? cur.slice(0, cur.lastIndexOf('/') + 1) : '';
      cur = cleanName(v.link.startsWith('/') ? v.link : dir + v.link).join('/');
    }
    return undefined;
  };
  return {
    names,
    bytes,
    get(name) {
      const r = resolve(name);
      const v = r === undefined ? undefined : names.get(r);
      return v instanceof Uint8Array ? v : undefined;
    },
    async layer(name) {
      const r = resolve(name);
      const v = r === undefined ? undefined : names.get(r);
      if (v === undefined || 'link' in v) return undefined;
      if ('blob' in v) return v.blob;
      // Not a tar by its looks (an old v7 tar, or not a layer at all): read it now, and keep that.
      const blob = await readLayerBlob(v, opts);
      names.set(r!, { blob });
      if (!(blob.layer instanceof ArchiveError)) opts.onLayer?.(blob.layer);
      return blob;
    },
  };
}

const text = new TextDecoder('utf-8', { fatal: true });

function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(text.decode(bytes));
  } catch (e) {
    throw new ArchiveError(`${what}: invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

async function prepareDockerArchive(
  files: OuterFiles,
  opts: PrepareOptions,
  progress: { bytes: number; layersDone: number; layersTotal: number },
): Promise<PreparedArchive> {
  const manifest = parseJson(files.get('manifest.json')!, 'manifest.json');
  if (!Array.isArray(manifest) || manifest.length === 0)
    throw new ArchiveError('invalid manifest.json: it lists no image');
  const items = manifest.map((m, i) => {
    if (!isRecord(m) || typeof m['Config'] !== 'string' || !Array.isArray(m['Layers']))
      throw new ArchiveError(`invalid manifest.json: entry ${i} has no Config or Layers`);
    const layers = m['Layers'].map((l) => {
      if (typeof l !== 'string')
        throw new ArchiveError(`invalid manifest.json: entry ${i} has a layer that is not a path`);
      return l;
    });
    const tags = Array.isArray(m['RepoTags'])
      ? m['RepoTags'].filter((t): t is string => typeof t === 'string')
      : [];
    return { config: m['Config'], layers, tags };
  });
  progress.layersTotal = items.reduce((n, m) => n + m.layers.length, 0);
  // Images of one archive share layers (`docker save a b`, b built on a): a blob is read once, by
  // name, and each image that names it gets the same prepared layer.
  const images: PreparedImage[] = [];
  for (const m of items) {
    const configBytes = files.get(m.config);
    if (!configBytes) throw new ArchiveError(`open ${m.config}: no such file or directory`);
    const id = digestOf(configBytes);
    // The image ID is the digest of the config's bytes, whatever the file is called: dockerd 20.10
    // never compares the two (conformance/BAD-ARCHIVES.md).
    const config = parseConfig(configBytes, m.config);
    const diffIds = diffIdsOf(config, m.config);
    if (diffIds.length !== m.layers.length)
      throw new ArchiveError(
        `invalid manifest, layers length mismatch: expected ${diffIds.length}, got ${m.layers.length}`,
      );
    const layers: PreparedLayer[] = [];
    for (let i = 0; i < m.layers.length; i++) {
      const name = m.layers[i]!;
      const blob = await files.layer(name);
      if (!blob) throw new ArchiveError(`open ${name}: no such file or directory`);
      layers.push(accepted(blob, diffIds[i]!, `layer ${i} (${name})`));
      progress.layersDone++;
      opts.onProgress?.({ ...progress });
    }
    images.push(image(id, configBytes, config, m.tags, layers));
  }
  // Docker 25+ writes an OCI layout with a manifest.json beside it: read as dockerd 20.10 reads it
  // (by manifest.json), but it is an OCI layout all the same.
  return { format: files.get('oci-layout') && files.get('index.json') ? 'oci' : 'docker-archive', images };
}

async function prepareOci(
  files: OuterFiles,
  opts: PrepareOptions,
  progress: { bytes: number; layersDone: number; layersTotal: number },
): Promise<PreparedArchive> {
  const layout = parseJson(files.get('oci-layout')!, 'oci-layout');
  if (!isRecord(layout) || typeof layout['imageLayoutVersion'] !== 'string')
    throw new ArchiveError('invalid oci-layout: no imageLayoutVersion');
  const blobName = (d: unknown, what: string): { name: string; digest: string } => {
    if (!isRecord(d) || typeof d['digest'] !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(d['digest']))
      throw new ArchiveError(`${what}: invalid descriptor (no sha256 digest)`);
    return { name: `blobs/sha256/${d['digest'].slice(7)}`, digest: d['digest'] };
  };
  const mismatch = (what: string, expected: string, got: string): ArchiveError =>
    new ArchiveError(`${what}: digest mismatch: expected ${expected}, got ${got}`);
  /** A small blob (an index, a manifest, a config) checked against its descriptor. */
  const verified = (d: Record<string, unknown>, what: string): Uint8Array => {
    const { name, digest } = blobName(d, what);
    const b = files.get(name);
    if (!b) throw new ArchiveError(`${what}: blob ${digest} not found in the archive`);
    if (digestOf(b) !== digest) throw mismatch(what, digest, digestOf(b));
    return b;
  };
  const index = parseJson(files.get('index.json')!, 'index.json');
  const manifests: { desc: Record<string, unknown>; tags: string[] }[] = [];
  const collect = (idx: unknown, what: string, tags: string[], depth: number): void => {
    if (!isRecord(idx) || !Array.isArray(idx['manifests'])) throw new ArchiveError(`${what}: no manifests`);
    for (const d of idx['manifests']) {
      if (!isRecord(d)) throw new ArchiveError(`${what}: invalid descriptor`);
      const ann = isRecord(d['annotations']) ? d['annotations'] : {};
      const name = ann['io.containerd.image.name'] ?? ann['org.opencontainers.image.ref.name'];
      const t = typeof name === 'string' && name !== '' ? [...tags, ociTag(name)] : tags;
      const mt = d['mediaType'];
      if (
        mt === 'application/vnd.oci.image.index.v1+json' ||
        mt === 'application/vnd.docker.distribution.manifest.list.v2+json'
      ) {
        if (depth > 2) throw new ArchiveError(`${what}: image indexes nested too deep`);
        collect(parseJson(verified(d, what), what), `index ${String(d['digest'])}`, t, depth + 1);
      } else manifests.push({ desc: d, tags: t });
    }
  };
  collect(index, 'index.json', [], 0);
  if (manifests.length === 0) throw new ArchiveError('index.json: it lists no image');
  const parsed = manifests.map(({ desc, tags }) => {
    const what = `manifest ${String(desc['digest'])}`;
    const m = parseJson(verified(desc, what), what);
    if (!isRecord(m) || !isRecord(m['config']) || !Array.isArray(m['layers']))
      throw new ArchiveError(`${what}: no config or layers`);
    return { m: m as { config: Record<string, unknown>; layers: unknown[] }, tags, what };
  });
  progress.layersTotal = parsed.reduce((n, p) => n + p.m.layers.length, 0);
  const images: PreparedImage[] = [];
  for (const { m, tags, what } of parsed) {
    const configBytes = verified(m.config, `${what}: config`);
    const id = digestOf(configBytes);
    const config = parseConfig(configBytes, `config ${id}`);
    const diffIds = diffIdsOf(config, `config ${id}`);
    if (diffIds.length !== m.layers.length)
      throw new ArchiveError(
        `invalid manifest, layers length mismatch: expected ${diffIds.length}, got ${m.layers.length}`,
      );
    const layers: PreparedLayer[] = [];
    for (let i = 0; i < m.layers.length; i++) {
      const d = m.layers[i];
      const label = `layer ${i} (${isRecord(d) ? String(d['digest']) : '?'})`;
      const { name, digest } = blobName(d, label);
      const mt = (d as Record<string, unknown>)['mediaType'];
      if (typeof mt === 'string' && !MEDIA_TAR.test(mt) && !MEDIA_GZIP.test(mt))
        throw new ArchiveError(`${label}: unsupported media type ${mt}`);
      const blob = await files.layer(name);
      if (!blob) throw new ArchiveError(`${label}: blob ${digest} not found in the archive`);
      if (blob.digest !== digest) throw mismatch(label, digest, blob.digest);
      layers.push(accepted(blob, diffIds[i]!, label));
      progress.layersDone++;
      opts.onProgress?.({ ...progress });
    }
    images.push(image(id, configBytes, config, [...new Set(tags)], layers));
  }
  return { format: 'oci', images };
}

/** 'docker.io/library/alpine:3' → 'alpine:3'; a bare ref.name ('3') is a tag of nothing known: kept as given. */
function ociTag(name: string): string {
  return name.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '');
}

function image(
  id: Digest,
  configBytes: Uint8Array,
  config: Record<string, unknown>,
  repoTags: readonly string[],
  layers: readonly PreparedLayer[],
): PreparedImage {
  return { id, configJson: text.decode(configBytes), config, repoTags, layers };
}

function parseConfig(bytes: Uint8Array, what: string): Record<string, unknown> {
  const c = parseJson(bytes, what);
  if (!isRecord(c)) throw new ArchiveError(`${what}: not an image config`);
  return c;
}

function diffIdsOf(config: Record<string, unknown>, what: string): Digest[] {
  const rootfs = config['rootfs'];
  if (!isRecord(rootfs) || !Array.isArray(rootfs['diff_ids']))
    throw new ArchiveError(`${what}: the config has no rootfs.diff_ids`);
  return rootfs['diff_ids'].map((d) => {
    if (typeof d !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(d))
      throw new ArchiveError(`${what}: invalid diff ID ${JSON.stringify(d)}`);
    return d as Digest;
  });
}

/** A blob read as a layer, if it is one and its diff ID is what the config says (E5). */
function accepted(blob: LayerBlob, expected: Digest, label: string): PreparedLayer {
  const l = blob.layer;
  if (l instanceof ArchiveError) throw new ArchiveError(`${label}: ${l.message}`);
  if (l.diffId !== expected)
    throw new ArchiveError(`invalid diffID for ${label}: expected "${expected}", got "${l.diffId}"`);
  return l;
}
