import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chainIds, digestOf } from '../digest.ts';
import { addImage, layerSize } from '../docker/images.ts';
import { emptyWorld } from '../docker/world.ts';
import { layerId } from '../ids.ts';
import { buildLayer, IMAGE_MTIME } from '../layer.ts';
import { layerTar } from '../tar.ts';
import type { CatalogFile, CatalogImage, CatalogIndex, CatalogSource } from './catalog.ts';
import {
  declaredVolumes,
  filesFor,
  lookupCatalog,
  memoryCatalog,
  parseCatalogFile,
  parseCatalogIndex,
  pullCatalogImage,
  splitCatalogRef,
  toImageSpec,
} from './catalog.ts';

// The committed catalog (public/catalog, written by scripts/catalog) read as the page reads it.

const dir = new URL('../../../public/catalog/', import.meta.url);
const raw = (name: string): unknown => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function loadIndex(): CatalogIndex {
  const r = parseCatalogIndex(raw('index.json'));
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function loadAll(): CatalogSource {
  const index = loadIndex();
  const files = new Map<string, CatalogFile>();
  for (const img of index.images) {
    const r = parseCatalogFile(raw(img.file), index, img.file);
    if (!r.ok) throw new Error(r.error);
    files.set(img.file, r.value);
  }
  return memoryCatalog(index, files);
}

const imageOf = (source: CatalogSource, ref: string): CatalogImage => {
  const found = lookupCatalog(source, ref);
  if (found.kind !== 'image') throw new Error(`${ref}: ${found.kind}`);
  return found.image;
};

describe('the committed catalog', () => {
  it('passes its own checks: the index and every image file', () => {
    const source = loadAll();
    expect(source.index!.images.map((i) => `${i.repository}:${i.tags[0]}`)).toEqual([
      'debian:bookworm-slim',
      'nginx:latest',
      'httpd:latest',
      'mysql:latest',
      'busybox:latest',
    ]);
  });

  it("busybox's diff IDs, tar size and size are what the engine computes from its entries (E5, E7)", () => {
    const source = loadAll();
    const busybox = imageOf(source, 'busybox');
    const { known: _, ...spec } = toImageSpec(busybox);
    const [world, rec] = addImage(emptyWorld(), spec);
    expect(rec.config.rootfs.diff_ids).toEqual(busybox.entry.layers.map((l) => l.diffId));
    let ino = 1;
    const layer = buildLayer(layerId('x'), busybox.layers[0]!, IMAGE_MTIME, () => ino++);
    const tar = layerTar(layer);
    expect(digestOf(tar)).toBe(busybox.entry.layers[0]!.diffId);
    expect(tar.length).toBe(busybox.entry.layers[0]!.tarSize);
    expect(layerSize(layer)).toBe(busybox.entry.layers[0]!.size);
    expect(world.layers.get(rec.chain[0]!)!.tarSize).toBe(busybox.entry.layers[0]!.tarSize);
  });

  it('pulls nginx with the known diff IDs, on the very Debian layer httpd shares', () => {
    const source = loadAll();
    const nginx = imageOf(source, 'nginx');
    const httpd = imageOf(source, 'httpd');
    const debian = imageOf(source, 'debian:bookworm-slim');
    expect(nginx.layers).toHaveLength(7);
    expect(nginx.layers[0]).toBe(debian.layers[0]);
    expect(httpd.entry.layers[0]!.diffId).toBe(nginx.entry.layers[0]!.diffId);
    const pulled = pullCatalogImage(emptyWorld(), nginx, 'latest');
    const img = pulled.world.images.get(pulled.world.tags.get('nginx:latest')!)!;
    expect(img.config.rootfs.diff_ids).toEqual(nginx.entry.layers.map((l) => l.diffId));
    expect(img.chain).toEqual(chainIds(img.config.rootfs.diff_ids));
    expect(img.config.config.Entrypoint).toEqual(['/docker-entrypoint.sh']);
    expect(img.config.history.filter((h) => !h.empty_layer)).toHaveLength(7);
    // Sizes like the real image: 187MB in `docker images`.
    expect(Math.round(nginx.entry.size / 1e6)).toBe(187);
    const again = pullCatalogImage(pulled.world, httpd, 'latest');
    expect(again.layers.map((l) => l.existed)).toEqual([true, false, false, false, false]);
  });

  it('says which files an image needs, base first', () => {
    expect(filesFor(loadIndex(), 'nginx')).toEqual(['debian-bookworm-slim.json', 'nginx.json']);
    expect(filesFor(loadIndex(), 'mysql:8.3')).toEqual(['mysql.json']);
  });

  it("gives mysql's declared volume to images built on it", () => {
    const source = loadAll();
    const mysql = imageOf(source, 'mysql');
    const ids = mysql.entry.layers.map((l) => l.diffId);
    expect(declaredVolumes(source, ids)).toEqual(['/var/lib/mysql']);
    expect(declaredVolumes(source, [...ids, digestOf(new Uint8Array([1]))])).toEqual(['/var/lib/mysql']);
    expect(
      declaredVolumes(
        source,
        imageOf(source, 'nginx').entry.layers.map((l) => l.diffId),
      ),
    ).toEqual([]);
  });
});

describe('lookupCatalog', () => {
  const index = loadIndex();

  it('reads references as the docker CLI does', () => {
    expect(splitCatalogRef('nginx')).toEqual({ repository: 'nginx', tag: 'latest' });
    expect(splitCatalogRef('docker.io/library/nginx:1.25')).toEqual({ repository: 'nginx', tag: '1.25' });
    expect(splitCatalogRef('library/debian:bookworm-slim')).toEqual({
      repository: 'debian',
      tag: 'bookworm-slim',
    });
  });

  it('asks for the index, then for the base file, then for the image file', () => {
    expect(lookupCatalog(memoryCatalog(null), 'nginx')).toEqual({ kind: 'missing', file: 'index.json' });
    expect(lookupCatalog(memoryCatalog(index), 'nginx')).toEqual({
      kind: 'missing',
      file: 'debian-bookworm-slim.json',
    });
    const failed = memoryCatalog(
      index,
      new Map(),
      new Map([['debian-bookworm-slim.json', 'Failed to fetch']]),
    );
    expect(lookupCatalog(failed, 'nginx:1.25.3')).toEqual({
      kind: 'failed',
      file: 'debian-bookworm-slim.json',
      reason: 'Failed to fetch',
    });
  });

  it('tells an unknown repository from an unknown tag', () => {
    const source = memoryCatalog(index);
    expect(lookupCatalog(source, 'foo')).toEqual({ kind: 'no-repository', repository: 'foo' });
    expect(lookupCatalog(source, 'nginx:nope')).toEqual({ kind: 'no-tag', repository: 'nginx', tag: 'nope' });
  });
});

describe('a tampered catalog is refused with a clear message', () => {
  const index = loadIndex();
  const busybox = raw('busybox.json') as { layers: { entries: Record<string, unknown>[] }[] };
  const fileError = (f: unknown, name = 'busybox.json'): string => {
    const r = parseCatalogFile(f, index, name);
    return r.ok ? 'accepted' : r.error;
  };
  const indexError = (f: unknown): string => {
    const r = parseCatalogIndex(f);
    return r.ok ? 'accepted' : r.error;
  };

  it('in the index', () => {
    const i = clone(raw('index.json')) as { images: Record<string, unknown>[] };
    (i.images[0]!['layers'] as Record<string, unknown>[])[0]!['diffId'] = 'sha256:xyz';
    expect(indexError(i)).toBe('index.images[0].layers[0].diffId: "sha256:xyz" is not valid here');
    const j = clone(raw('index.json')) as { images: Record<string, unknown>[] };
    j.images[1]!['base'] = 'nosuch:latest';
    expect(indexError(j)).toBe('index.images[1].base: nosuch:latest is not in the catalog');
    const k = clone(raw('index.json')) as { images: Record<string, unknown>[] };
    k.images[1]!['size'] = 1;
    expect(indexError(k)).toMatch(/^index\.images\[1\]\.size: is 1 but its layers add up to \d+$/);
    expect(indexError('<html>')).toBe('index: must be an object');
    expect(indexError({ version: 1, images: [], extra: true })).toBe('index: unknown field "extra"');
  });

  it('in an image file', () => {
    const withEntry = (e: Record<string, unknown>): unknown => {
      const f = clone(busybox);
      f.layers[0]!.entries.push(e);
      return f;
    };
    const n = busybox.layers[0]!.entries.length;
    expect(fileError(withEntry({ path: '/etc/../x', type: 'file' }))).toBe(
      `busybox.json.layers[0].entries[${n}].path: "/etc/../x" is not a clean absolute path`,
    );
    expect(fileError(withEntry({ path: '/x', type: 'hardlink', target: '/nosuch' }))).toBe(
      `busybox.json.layers[0].entries[${n}].target: a hard link must name a file listed before it in the same layer`,
    );
    expect(fileError(withEntry({ path: '/x', type: 'file', mode: '999' }))).toBe(
      `busybox.json.layers[0].entries[${n}].mode: "999" is not valid here`,
    );
    expect(fileError(withEntry({ path: '/x', type: 'file', size: -1 }))).toBe(
      `busybox.json.layers[0].entries[${n}].size: must be a non-negative integer`,
    );
    expect(fileError(withEntry({ path: '/x', type: 'script', content: 'alert(1)' }))).toBe(
      `busybox.json.layers[0].entries[${n}].type: must be one of "file", "dir", "symlink", "hardlink", "whiteout"`,
    );
    expect(fileError(withEntry({ path: '/etc/passwd/x', type: 'file' }))).toBe(
      `busybox.json.layers[0].entries[${n}].path: /etc/passwd is not a directory in this layer`,
    );
    expect(fileError(withEntry({ path: '/bin/sh', type: 'file' }))).toBe(
      `busybox.json.layers[0].entries[${n}].path: /bin/sh appears twice in one layer (G1)`,
    );
    expect(fileError(withEntry({ path: '/x', type: 'file', onload: 'x' }))).toBe(
      `busybox.json.layers[0].entries[${n}]: unknown field "onload"`,
    );
  });

  it('against the index', () => {
    const f = clone(busybox) as unknown as Record<string, unknown>;
    f['ref'] = 'busybox:evil';
    expect(fileError(f)).toBe('busybox.json.ref: is busybox:evil; the index has busybox:latest in this file');
    const g = clone(busybox) as unknown as { layers: unknown[] };
    g.layers.push({ entries: [] });
    expect(fileError(g)).toBe('busybox.json.layers: holds 2 layers; the index lists 1 for this file');
    expect(fileError(clone(busybox), 'other.json')).toBe('other.json: is not a file of the catalog index');
  });
});
