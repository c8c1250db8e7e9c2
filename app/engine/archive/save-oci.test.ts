import { describe, expect, it } from 'vitest';
import { fileText } from '../content.ts';
import { digestOf } from '../digest.ts';
import { addImage, findImage, imageLayersTopFirst } from '../docker/images.ts';
import type { World } from '../docker/world.ts';
import { emptyWorld } from '../docker/world.ts';
import { layerId } from '../ids.ts';
import { emptyLayer } from '../layer.ts';
import { walkMerged } from '../overlay.ts';
import { loadPrepared } from './load.ts';
import { prepareArchive } from './prepare.ts';
import { saveOciLayout } from './save-oci.ts';
import { readTar } from './tar-read.ts';
import { tarOf } from './testing.ts';

// The OCI export as Docker 25+'s `docker save` writes it: an OCI image layout that also carries the
// docker-archive manifest.json, so dockerd 20.10 and OCI tools both take it. The real tools are the
// referee in conformance/oci-export.ts; here, its shape and that the engine reads it back both ways.

const text = new TextDecoder();

/** A two-layer image with a whiteout and an opaque dir, tagged `made:1`. */
function made(): World {
  return addImage(emptyWorld(), {
    ref: 'made:1',
    layers: [
      [
        { path: '/etc/config', type: 'file', content: 'v1\n' },
        { path: '/data/sub/b.txt', type: 'file', content: 'b\n' },
        { path: '/gone', type: 'file', content: 'x\n' },
      ],
      [
        { path: '/etc/config', type: 'file', content: 'v2\n' },
        { path: '/data/sub', type: 'dir', opaque: true },
        { path: '/gone', type: 'whiteout' },
      ],
    ],
  })[0];
}

function exported(world: World, refs: readonly string[]): Map<string, Uint8Array> {
  const saved = saveOciLayout(world, refs);
  if (!saved.ok) throw new Error(saved.error);
  return new Map(readTar(saved.bytes).map((e) => [e.name, e.data]));
}

const json = (files: Map<string, Uint8Array>, name: string): unknown =>
  JSON.parse(text.decode(files.get(name)));

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
  platform?: Record<string, unknown>;
}

/** The merged view of an image as "path kind mode size content" lines (whiteouts applied). */
function mergedImage(world: World, ref: string): string[] {
  const lowers = imageLayersTopFirst(world, findImage(world, ref)!);
  return [...walkMerged({ upper: emptyLayer(layerId('empty'), 0), lowers, nextIno: 1 })].map(
    ([p, { node: n }]) =>
      [
        p,
        n.kind,
        n.mode.toString(8),
        n.kind === 'file' ? `${n.size} ${JSON.stringify(fileText(n))}` : '',
      ].join(' '),
  );
}

async function load(bytes: Uint8Array): Promise<World> {
  const r = loadPrepared(emptyWorld(7), await prepareArchive(bytes));
  if (!r.ok) throw new Error(r.error);
  return r.world;
}

describe('saveOciLayout', () => {
  it('writes the entries moby 25 writes, in the order its archive walk gives them', () => {
    const files = exported(made(), ['made:1']);
    const names = [...files.keys()];
    const blobs = names.filter((n) => /^blobs\/sha256\/[0-9a-f]{64}$/.test(n));
    // Two layers, the config, the manifest.
    expect(blobs).toHaveLength(4);
    expect(names).toEqual([
      'blobs/',
      'blobs/sha256/',
      ...[...blobs].sort(),
      'index.json',
      'manifest.json',
      'oci-layout',
      'repositories',
    ]);
    expect(text.decode(files.get('oci-layout'))).toBe('{"imageLayoutVersion": "1.0.0"}');
    for (const b of blobs) expect(digestOf(files.get(b)!)).toBe(`sha256:${b.slice(13)}`);
  });

  it('names the config by the image ID and each uncompressed layer by its diff ID', () => {
    const world = made();
    const img = findImage(world, 'made:1')!;
    const files = exported(world, ['made:1']);
    const index = json(files, 'index.json') as {
      schemaVersion: number;
      mediaType: string;
      manifests: Descriptor[];
    };
    expect(index.schemaVersion).toBe(2);
    expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(index.manifests).toHaveLength(1);
    const d = index.manifests[0]!;
    expect(d.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(d.annotations).toEqual({
      'io.containerd.image.name': 'docker.io/library/made:1',
      'org.opencontainers.image.ref.name': '1',
    });
    expect(d.platform).toEqual({ architecture: 'amd64', os: 'linux' });
    const manifestBytes = files.get(`blobs/sha256/${d.digest.slice(7)}`)!;
    expect(d.size).toBe(manifestBytes.length);
    const manifest = JSON.parse(text.decode(manifestBytes)) as { config: Descriptor; layers: Descriptor[] };
    expect(manifest.config).toEqual({
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: img.id,
      size: new TextEncoder().encode(img.configJson).length,
      platform: { architecture: 'amd64', os: 'linux' },
    });
    expect(text.decode(files.get(`blobs/sha256/${img.id.slice(7)}`))).toBe(img.configJson);
    expect(manifest.layers.map((l) => [l.mediaType, l.digest])).toEqual(
      img.config.rootfs.diff_ids.map((id) => ['application/vnd.oci.image.layer.v1.tar', id]),
    );
    for (const l of manifest.layers)
      expect(files.get(`blobs/sha256/${l.digest.slice(7)}`)!.length).toBe(l.size);
  });

  it('carries the docker-archive manifest.json and repositories that dockerd 20.10 loads from', () => {
    const world = made();
    const img = findImage(world, 'made:1')!;
    const files = exported(world, ['made:1']);
    expect(json(files, 'manifest.json')).toEqual([
      {
        Config: `blobs/sha256/${img.id.slice(7)}`,
        RepoTags: ['made:1'],
        Layers: img.config.rootfs.diff_ids.map((id) => `blobs/sha256/${id.slice(7)}`),
      },
    ]);
    expect(json(files, 'repositories')).toEqual({ made: { '1': img.config.rootfs.diff_ids[1]!.slice(7) } });
  });

  it('lists an image named twice once in manifest.json and once per tag in index.json', () => {
    const w0 = made();
    const id = findImage(w0, 'made:1')!.id;
    const world: World = { ...w0, tags: new Map(w0.tags).set('me/other:2', id) };
    const files = exported(world, ['made:1', 'me/other:2', 'made:1']);
    const manifestJson = json(files, 'manifest.json') as { RepoTags: string[] }[];
    expect(manifestJson.map((m) => m.RepoTags)).toEqual([['made:1', 'me/other:2']]);
    const index = json(files, 'index.json') as { manifests: Descriptor[] };
    expect(index.manifests.map((m) => m.annotations?.['io.containerd.image.name'])).toEqual([
      'docker.io/library/made:1',
      'docker.io/me/other:2',
    ]);
    expect(new Set(index.manifests.map((m) => m.digest)).size).toBe(1);
    expect(json(files, 'repositories')).toEqual({
      made: { '1': expect.any(String) as string },
      'me/other': { '2': expect.any(String) as string },
    });
  });

  it('saves an image named by ID untagged: no RepoTags, an index entry without a name, no repositories', () => {
    const world = made();
    const id = findImage(world, 'made:1')!.id;
    const files = exported(world, [id.slice(7, 19)]);
    expect((json(files, 'manifest.json') as { RepoTags: unknown }[])[0]!.RepoTags).toBeNull();
    const index = json(files, 'index.json') as { manifests: Descriptor[] };
    expect(index.manifests).toHaveLength(1);
    expect(index.manifests[0]!.annotations).toBeUndefined();
    expect(files.has('repositories')).toBe(false);
  });

  it('is read back by the engine with the same image ID, diff IDs and tree, as an OCI layout too', async () => {
    const w0 = made();
    const before = findImage(w0, 'made:1')!;
    const saved = saveOciLayout(w0, ['made:1']);
    if (!saved.ok) throw new Error(saved.error);
    // Without manifest.json (and repositories) what is left is a plain OCI layout: the OCI reader's path.
    const ociOnly = tarOf(
      readTar(saved.bytes)
        .filter((e) => e.name !== 'manifest.json' && e.name !== 'repositories')
        .map((e) => ({ name: e.name, data: e.data })),
    );
    expect((await prepareArchive(ociOnly)).format).toBe('oci');
    for (const bytes of [saved.bytes, ociOnly]) {
      const w1 = await load(bytes);
      const after = findImage(w1, 'made:1')!;
      expect(after.id).toBe(before.id);
      expect(after.config.rootfs.diff_ids).toEqual(before.config.rootfs.diff_ids);
      expect(mergedImage(w1, 'made:1')).toEqual(mergedImage(w0, 'made:1'));
    }
  });

  it('fails as docker save does for a name that is not an image, writing nothing', () => {
    expect(saveOciLayout(made(), ['nope:1'])).toEqual({ ok: false, error: 'reference does not exist' });
  });
});
