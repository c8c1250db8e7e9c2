import { digestOf } from '../digest.ts';
import type { TarEntry } from '../tar.ts';
import { TarWriter } from '../tar.ts';

// Builders for archive tests: layer tars with any entries, and docker-archive / OCI layouts around them.

export interface RawEntry {
  readonly name: string;
  readonly type?: string;
  readonly mode?: number;
  readonly data?: string | Uint8Array;
  readonly linkname?: string;
  readonly uid?: number;
  readonly mtime?: number;
}

const enc = new TextEncoder();

export function tarOf(entries: readonly RawEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const w = new TarWriter((c) => parts.push(c.slice()));
  for (const e of entries) {
    const data = typeof e.data === 'string' ? enc.encode(e.data) : (e.data ?? new Uint8Array(0));
    const t: TarEntry = {
      name: e.name,
      type: (e.type ?? (e.name.endsWith('/') ? '5' : '0')) as TarEntry['type'],
      mode: e.mode ?? (e.name.endsWith('/') ? 0o755 : 0o644),
      uid: e.uid ?? 0,
      gid: 0,
      mtime: e.mtime ?? 1700000000,
      data,
      ...(e.linkname !== undefined ? { linkname: e.linkname } : {}),
    };
    w.add(t);
  }
  w.finish();
  const n = parts.reduce((a, p) => a + p.length, 0);
  const out = new Uint8Array(n);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** A docker-archive holding one image of these layer tars; `tamper` edits the config before hashing. */
export function dockerArchiveOf(
  layers: readonly Uint8Array[],
  opts: { tags?: readonly string[]; diffIds?: readonly string[]; configName?: string } = {},
): Uint8Array {
  const diffIds = opts.diffIds ?? layers.map((l) => digestOf(l));
  const config = JSON.stringify({
    architecture: 'amd64',
    config: { Env: ['PATH=/bin'], Cmd: ['sh'] },
    created: '2024-01-01T00:00:00Z',
    history: layers.map((_, i) => ({ created: '2024-01-01T00:00:00Z', created_by: `step ${i + 1}` })),
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: diffIds },
  });
  const configName = opts.configName ?? `${digestOf(enc.encode(config)).slice(7)}.json`;
  const manifest = [
    {
      Config: configName,
      RepoTags: opts.tags ?? ['test:1'],
      Layers: layers.map((_, i) => `l${i}/layer.tar`),
    },
  ];
  return tarOf([
    ...layers.map((l, i) => ({ name: `l${i}/layer.tar`, data: l })),
    { name: configName, data: config },
    { name: 'manifest.json', data: JSON.stringify(manifest) },
  ]);
}

export async function gzipOf(bytes: Uint8Array): Promise<Uint8Array> {
  const cs = new CompressionStream('gzip');
  const w = cs.writable.getWriter();
  void w.write(bytes as Uint8Array<ArrayBuffer>);
  void w.close();
  const parts: Uint8Array[] = [];
  const r = cs.readable.getReader();
  for (;;) {
    const x = await r.read();
    if (x.done) break;
    parts.push(x.value);
  }
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** An OCI image layout (in a tar) of one image whose layers are gzipped blobs. */
export async function ociArchiveOf(layers: readonly Uint8Array[], tag = 'oci:1'): Promise<Uint8Array> {
  const blobs: { name: string; data: Uint8Array }[] = [];
  const blob = (data: Uint8Array): string => {
    const d = digestOf(data);
    blobs.push({ name: `blobs/sha256/${d.slice(7)}`, data });
    return d;
  };
  const gz = await Promise.all(layers.map((l) => gzipOf(l)));
  const config = enc.encode(
    JSON.stringify({
      architecture: 'amd64',
      config: { Cmd: ['sh'] },
      created: '2024-01-01T00:00:00Z',
      history: layers.map(() => ({ created: '2024-01-01T00:00:00Z', created_by: 'oci step' })),
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: layers.map((l) => digestOf(l)) },
    }),
  );
  const manifest = enc.encode(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: blob(config),
        size: config.length,
      },
      layers: gz.map((g) => ({
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: blob(g),
        size: g.length,
      })),
    }),
  );
  const md = blob(manifest);
  const index = {
    schemaVersion: 2,
    manifests: [
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: md,
        size: manifest.length,
        annotations: { 'io.containerd.image.name': `docker.io/library/${tag}` },
      },
    ],
  };
  return tarOf([
    { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
    { name: 'index.json', data: JSON.stringify(index) },
    ...blobs,
  ]);
}
