import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
import { saveImages } from './save.ts';
import { readTar, TarReader } from './tar-read.ts';
import { dockerArchiveOf, gzipOf, ociArchiveOf, tarOf } from './testing.ts';
import { fileText, isBinaryFile } from '../content.ts';
import type { FileNode } from '../node.ts';
import { layerTar } from '../tar.ts';
import { getIn } from '../tree.ts';
import { createSession, runLine } from '../../shell/session.ts';

/** The merged view of an image as "path type mode [content|target]" lines. */
export function mergedImage(world: World, ref: string): string[] {
  const img = findImage(world, ref)!;
  const ov = { upper: emptyLayer(layerId('empty'), 0), lowers: imageLayersTopFirst(world, img), nextIno: 1 };
  return [...walkMerged(ov)].map(([p, r]) => {
    const n = r.node;
    const mode = n.mode.toString(8).padStart(4, '0');
    if (n.kind === 'file') return `${p} file ${mode} ${n.size} ${JSON.stringify(fileText(n))}`;
    if (n.kind === 'symlink') return `${p} symlink -> ${n.target}`;
    return `${p} ${n.kind} ${mode}`;
  });
}

async function loadInto(world: World, bytes: Uint8Array): Promise<World> {
  const r = loadPrepared(world, await prepareArchive(bytes));
  if (!r.ok) throw new Error(r.error);
  return r.world;
}

const failure = async (bytes: Uint8Array): Promise<string> => {
  try {
    const p = await prepareArchive(bytes);
    const r = loadPrepared(emptyWorld(), p);
    return r.ok ? 'loaded' : r.error;
  } catch (e) {
    return (e as Error).message;
  }
};

const enc = new TextEncoder();

describe('the tar reader', () => {
  it('reads pax long names, GNU long names and links, and a ustar prefix', () => {
    const long = `${'d'.repeat(120)}/${'f'.repeat(90)}`;
    const tar = tarOf([
      { name: long, data: 'x' },
      { name: 'ln', type: '2', linkname: 'l'.repeat(150) },
    ]);
    const gnu = new Uint8Array([
      ...tarOf([{ name: '././@LongLink', type: 'L', data: `${'g'.repeat(200)}\0` }]).subarray(0, 1024),
      ...tarOf([{ name: 'short', data: 'y' }]),
    ]);
    expect(readTar(tar).map((e) => [e.name, e.linkname.length])).toEqual([
      [long, 0],
      ['ln', 150],
    ]);
    expect(readTar(gnu).map((e) => e.name)).toEqual(['g'.repeat(200)]);
  });

  it('streams: an entry split across many chunks comes out whole', () => {
    const tar = tarOf([
      { name: 'a', data: 'A'.repeat(3000) },
      { name: 'b/', type: '5' },
    ]);
    const r = new TarReader();
    const got = [];
    for (let i = 0; i < tar.length; i += 7) got.push(...r.push(tar.subarray(i, i + 7)));
    r.end();
    expect(got.map((e) => [e.name, e.size])).toEqual([
      ['a', 3000],
      ['b/', 0],
    ]);
  });

  it('rejects a bad checksum, a cut archive and an absurd size', () => {
    const tar = tarOf([{ name: 'a', data: 'hello' }]);
    const bad = tar.slice();
    bad[0] = 0x62;
    expect(() => readTar(bad)).toThrow('archive/tar: invalid tar header');
    expect(() => readTar(tar.subarray(0, 600))).toThrow('unexpected EOF');
    expect(() => readTar(tar, { maxEntryBytes: 3 })).toThrow('claims 5 bytes');
    expect(() => readTar(enc.encode('not a tar at all'))).toThrow('unexpected EOF');
  });
});

describe('applying a layer (G1–G5)', () => {
  it('turns .wh. files into whiteouts and .wh..wh..opq into an opaque dir wherever it is', async () => {
    const l1 = tarOf([
      { name: 'etc/', type: '5' },
      { name: 'etc/config', data: 'v1\n' },
      { name: 'etc/gone', data: 'old\n' },
      { name: 'data/', type: '5' },
      { name: 'data/sub/', type: '5' },
      { name: 'data/sub/b.txt', data: 'b\n' },
    ]);
    const l2 = tarOf([
      { name: 'data/sub/', type: '5', mode: 0o700 },
      { name: 'data/sub/new', data: 'n\n' },
      { name: 'data/sub/.wh..wh..opq' },
      { name: 'etc/.wh.gone' },
      { name: 'etc/config', data: 'v2\n' },
    ]);
    const w = await loadInto(emptyWorld(), dockerArchiveOf([l1, l2]));
    expect(mergedImage(w, 'test:1')).toEqual([
      '/data dir 0755',
      '/data/sub dir 0700',
      '/data/sub/new file 0644 2 "n\\n"',
      '/etc dir 0755',
      '/etc/config file 0644 3 "v2\\n"',
    ]);
  });

  it('keeps hard links as one node, symlinks as names (a loop is just a name), modes and owners', async () => {
    const l = tarOf([
      { name: 'a', data: 'shared', uid: 1000, mode: 0o600 },
      { name: 'b', type: '1', linkname: 'a' },
      { name: 'loop', type: '2', linkname: 'loop' },
    ]);
    const p = await prepareArchive(dockerArchiveOf([l]));
    const tree = p.images[0]!.layers[0]!.tree;
    expect(tree.root.children.get('a')).toBe(tree.root.children.get('b'));
    expect(tree.root.children.get('a')).toMatchObject({ uid: 1000, mode: 0o600, size: 6 });
    expect([...tree.links.values()]).toEqual([['/a', '/b']]);
    expect(tree.root.children.get('loop')).toMatchObject({ kind: 'symlink', target: 'loop' });
  });

  it('keeps every file as a view of the one layer tar it came in (no copy), binaries byte for byte', async () => {
    const bin = new Uint8Array([0, 0xff, 0xfe, 1, 2]);
    const l = tarOf([
      { name: 'bin/prog', data: bin, mode: 0o755 },
      { name: 'etc/motd', data: 'hello\n' },
    ]);
    const p = await prepareArchive(dockerArchiveOf([l]));
    const layer = p.images[0]!.layers[0]!;
    expect(layer.tar).toEqual(l);
    const prog = getIn(layer.tree.root, ['bin', 'prog']) as FileNode;
    const motd = getIn(layer.tree.root, ['etc', 'motd']) as FileNode;
    expect(prog.bytes).toEqual(bin);
    expect(prog.bytes!.buffer).toBe(layer.tar.buffer);
    expect(motd.bytes!.buffer).toBe(layer.tar.buffer);
    expect([fileText(motd), fileText(prog), isBinaryFile(prog)]).toEqual(['hello\n', '', true]);
  });

  it('commits a copied-up imported binary with its real bytes, not zeros', async () => {
    const bin = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0xff, 9]);
    const l = tarOf([
      { name: 'bin/prog', data: bin, mode: 0o755 },
      { name: 'bin/sleep', data: 'a stand-in\n', mode: 0o755 },
      { name: 'bin/chmod', data: 'a stand-in\n', mode: 0o755 },
    ]);
    const w = await loadInto(emptyWorld(), dockerArchiveOf([l], { tags: ['bin:1'] }));
    let s = { ...createSession({ demo: false }), world: w };
    for (const line of [
      'docker run -d --name c1 bin:1 sleep 1000',
      'docker exec c1 chmod 700 /bin/prog',
      'docker commit c1 bin:2',
    ]) {
      const r = runLine(s, line);
      expect([line, r.exitCode]).toEqual([line, 0]);
      s = r.session;
    }
    const img = findImage(s.world, 'bin:2')!;
    const top = imageLayersTopFirst(s.world, img)[0]!;
    const entry = readTar(layerTar(top)).find((e) => e.name === 'bin/prog')!;
    expect(entry.data).toEqual(bin);
  });

  it.each([
    // dockerd extracts chrooted into the layer: a ".." above the root stays there (BAD-ARCHIVES.md).
    ['a ".." above the root stays at the root', [{ name: '../evil', data: 'x' }], 'loaded'],
    ['an absolute path stays inside the root', [{ name: '/etc/x', data: 'x' }], 'loaded'],
    [
      'a hard link to a missing target',
      [{ name: 'h', type: '1', linkname: 'nothing' }],
      'link /nothing /h: no such file or directory',
    ],
    [
      'a duplicate entry',
      [
        { name: 'a', data: '1' },
        { name: 'a', data: '2' },
      ],
      'duplicates of file paths not supported: "a"',
    ],
    [
      'the whiteout ".wh."',
      [{ name: 'd/.wh.' }],
      'invalid whiteout name "d/.wh.": failed to mknod("/d", S_IFCHR, 0): file exists',
    ],
    ['the whiteout ".wh.."', [{ name: '.wh..' }], 'invalid whiteout name ".wh.."'],
    ['the whiteout ".wh..."', [{ name: 'd/.wh...' }], 'failed to mknod("/", S_IFCHR, 0): file exists'],
    [
      'an entry under a file',
      [
        { name: 'f', data: '1' },
        { name: 'f/g', data: '2' },
      ],
      'open /f/g: not a directory',
    ],
    [
      'a symlink loop in the way',
      [
        { name: 'a', type: '2', linkname: 'b' },
        { name: 'b', type: '2', linkname: 'a' },
        { name: 'a/x', data: '1' },
      ],
      'open /a/x: too many levels of symbolic links',
    ],
    [
      'a dangling symlink in the way',
      [
        { name: 'a', type: '2', linkname: 'nowhere' },
        { name: 'a/x', data: '1' },
      ],
      'open /a/x: no such file or directory',
    ],
    ['an unknown type flag', [{ name: 's', type: 'S' }], "unsupported tar entry type 'S'"],
  ])('%s', async (_, entries, message) => {
    expect(await failure(dockerArchiveOf([tarOf(entries)]))).toContain(message);
  });
});

describe('verification like dockerd', () => {
  const l = tarOf([{ name: 'f', data: 'x' }]);

  it('names the layer whose diff ID does not match', async () => {
    const wrong = digestOf(enc.encode('other'));
    expect(await failure(dockerArchiveOf([l], { diffIds: [wrong] }))).toBe(
      // Numbered from 0, as dockerd numbers them.
      `invalid diffID for layer 0 (l0/layer.tar): expected "${wrong}", got "${digestOf(l)}"`,
    );
  });

  it('loads a config whose file name is not its digest under the digest of its bytes, as dockerd does', async () => {
    const bytes = dockerArchiveOf([l], { configName: `${'0'.repeat(64)}.json`, tags: ['named:1'] });
    const w = await loadInto(emptyWorld(), bytes);
    expect(findImage(w, 'named:1')!.id).not.toBe(`sha256:${'0'.repeat(64)}`);
  });

  it('follows a symlink of the same layer, inside the layer, as dockerd does', async () => {
    const w = await loadInto(
      emptyWorld(),
      dockerArchiveOf(
        [
          tarOf([
            { name: 'data/', type: '5' },
            { name: 'data/up', type: '2', linkname: '..' },
            { name: 'data/up/through', data: 't\n' },
            { name: 'abs', type: '2', linkname: '/data' },
            { name: 'abs/in', data: 'i\n' },
          ]),
        ],
        { tags: ['links:1'] },
      ),
    );
    expect(mergedImage(w, 'links:1')).toEqual([
      '/abs symlink -> /data',
      '/data dir 0755',
      '/data/in file 0644 2 "i\\n"',
      '/data/up symlink -> ..',
      '/through file 0644 2 "t\\n"',
    ]);
  });

  it('refuses a manifest naming a missing blob, and an archive that is no image', async () => {
    const a = readTar(dockerArchiveOf([l])).filter((e) => !e.name.startsWith('l0/'));
    expect(await failure(tarOf(a.map((e) => ({ name: e.name, data: e.data }))))).toBe(
      'open l0/layer.tar: no such file or directory',
    );
    expect(await failure(tarOf([{ name: 'x', data: 'y' }]))).toContain('open manifest.json');
    expect(await failure(enc.encode('hello'))).toBe('unexpected EOF');
    expect(await failure(new Uint8Array(0))).toContain('open manifest.json: no such file or directory');
  });

  it('refuses broken gzip', async () => {
    const gz = await gzipOf(dockerArchiveOf([l]));
    expect(await failure(gz.subarray(0, gz.length - 20))).toMatch(/gzip|unexpected EOF/);
    const bad = gz.slice();
    bad[20] = bad[20]! ^ 0xff;
    bad[21] = bad[21]! ^ 0xff;
    expect(await failure(bad)).not.toBe('loaded');
  });

  it('leaves the world as it was when the second image of an archive is bad', async () => {
    const good = readTar(dockerArchiveOf([l], { tags: ['good:1'] }));
    const badLayer = tarOf([
      { name: 'a', data: '1' },
      { name: 'a', data: '2' },
    ]);
    const bad = readTar(dockerArchiveOf([badLayer], { tags: ['bad:1'] }));
    const m = JSON.parse(new TextDecoder().decode(good.find((e) => e.name === 'manifest.json')!.data)) as {
      Layers: string[];
    }[];
    const m2 = JSON.parse(new TextDecoder().decode(bad.find((e) => e.name === 'manifest.json')!.data)) as {
      Layers: string[];
    }[];
    m2[0]!.Layers = ['bad/layer.tar'];
    const both = tarOf([
      ...good.filter((e) => e.name !== 'manifest.json').map((e) => ({ name: e.name, data: e.data })),
      ...bad
        .filter((e) => e.name.endsWith('.json') && e.name !== 'manifest.json')
        .map((e) => ({ name: e.name, data: e.data })),
      { name: 'bad/layer.tar', data: badLayer },
      { name: 'manifest.json', data: JSON.stringify([...m, ...m2]) },
    ]);
    expect(await failure(both)).toContain('duplicates of file paths not supported');
  });
});

describe('round trips', () => {
  it('an image made in the page saves, loads back with the same IDs and tree, and saves the same bytes', async () => {
    const [w0] = addImage(emptyWorld(), {
      ref: 'made:1',
      layers: [
        [
          { path: '/bin/sh', type: 'file', mode: '0755', content: '#!/bin/busybox\n' },
          { path: '/etc/config', type: 'file', content: 'v1\n' },
          { path: '/data/sub/b.txt', type: 'file', content: 'b\n' },
          { path: '/link', type: 'symlink', target: '/etc/config' },
        ],
        [
          { path: '/etc/config', type: 'file', content: 'v2\n' },
          { path: '/data/sub', type: 'dir', opaque: true },
          { path: '/data/sub/new', type: 'file', content: 'n\n' },
          { path: '/link', type: 'whiteout' },
          { path: '/data/hard', type: 'hardlink', target: '/data/sub/new' },
        ],
      ],
    });
    const before = findImage(w0, 'made:1')!;
    const saved = saveImages(w0, ['made:1']);
    if (!saved.ok) throw new Error(saved.error);
    const w1 = await loadInto(emptyWorld(7), saved.bytes);
    const after = findImage(w1, 'made:1')!;
    expect(after.id).toBe(before.id);
    expect(after.config.rootfs.diff_ids).toEqual(before.config.rootfs.diff_ids);
    expect(mergedImage(w1, 'made:1')).toEqual(mergedImage(w0, 'made:1'));
    const again = saveImages(w1, ['made:1']);
    expect(again.ok && digestOf(again.bytes)).toBe(digestOf(saved.bytes));
  });

  it('an image made in the page exports as an OCI layout that loads back with the same IDs and tree', async () => {
    const [w0] = addImage(emptyWorld(), {
      ref: 'made:1',
      layers: [
        [
          { path: '/etc/config', type: 'file', content: 'v1\n' },
          { path: '/data/sub/b.txt', type: 'file', content: 'b\n' },
        ],
        [
          { path: '/etc/config', type: 'file', content: 'v2\n' },
          { path: '/data/sub', type: 'dir', opaque: true },
          { path: '/data/hard', type: 'hardlink', target: '/etc/config' },
        ],
      ],
    });
    const before = findImage(w0, 'made:1')!;
    const saved = saveOciLayout(w0, ['made:1']);
    if (!saved.ok) throw new Error(saved.error);
    const files = new Map(readTar(saved.bytes).map((e) => [e.name, e.data]));
    const index = JSON.parse(new TextDecoder().decode(files.get('index.json'))) as {
      manifests: { digest: string; annotations: Record<string, string> }[];
    };
    expect(index.manifests.map((m) => m.annotations)).toEqual([
      { 'io.containerd.image.name': 'docker.io/library/made:1', 'org.opencontainers.image.ref.name': '1' },
    ]);
    const manifest = JSON.parse(
      new TextDecoder().decode(files.get(`blobs/sha256/${index.manifests[0]!.digest.slice(7)}`)),
    ) as { layers: { mediaType: string; digest: string }[] };
    expect(manifest.layers.map((l) => l.digest)).toEqual(before.config.rootfs.diff_ids);
    expect(new Set(manifest.layers.map((l) => l.mediaType))).toEqual(
      new Set(['application/vnd.oci.image.layer.v1.tar']),
    );
    const p = await prepareArchive(saved.bytes);
    expect(p.format).toBe('oci');
    const w1 = await loadInto(emptyWorld(7), saved.bytes);
    const after = findImage(w1, 'made:1')!;
    expect(after.id).toBe(before.id);
    expect(after.config.rootfs.diff_ids).toEqual(before.config.rootfs.diff_ids);
    expect(mergedImage(w1, 'made:1')).toEqual(mergedImage(w0, 'made:1'));
  });

  it('an OCI layout with gzip layers loads under its tag', async () => {
    const l = tarOf([{ name: 'hello', data: 'oci\n' }]);
    const w = await loadInto(emptyWorld(), await ociArchiveOf([l], 'oci:2'));
    expect(mergedImage(w, 'oci:2')).toEqual(['/hello file 0644 4 "oci\\n"']);
    expect(findImage(w, 'oci:2')!.config.rootfs.diff_ids).toEqual([digestOf(l)]);
  });

  it('the shipped sample (a real docker save, gzipped) loads with its real history', async () => {
    const bytes = new Uint8Array(readFileSync('public/samples/sample.tar.gz'));
    const w = await loadInto(emptyWorld(), bytes);
    const img = findImage(w, 'layerlab-sample:1')!;
    expect(img.config.history.map((h) => h.created_by ?? '')).toContain(
      '/bin/sh -c rm /etc/gone && echo v2 > /etc/config',
    );
    const merged = mergedImage(w, 'layerlab-sample:1');
    expect(merged).toContain('/TEST file 0644 24 "Hello from a real image\\n"');
    expect(merged.some((l) => l.startsWith('/etc/gone'))).toBe(false);
    expect(merged.filter((l) => l.startsWith('/data/sub/'))).toEqual([
      '/data/sub/new.txt file 0644 4 "new\\n"',
    ]);
    const saved = saveImages(w, ['layerlab-sample:1']);
    const w2 = saved.ok ? await loadInto(emptyWorld(), saved.bytes) : null;
    expect(findImage(w2!, 'layerlab-sample:1')!.id).toBe(img.id);
  });
});
