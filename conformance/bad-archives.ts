/**
 * Bad image archives (issue #6, "Bad input"): each case is a small archive with one thing wrong,
 * loaded by a private dockerd (`docker load -i`) and by the engine. Checked: both refuse or both
 * accept; a refusal by the engine carries the case's agreed key phrase; where both accept, the
 * engine's image ID is dockerd's and its merged tree the container's filesystem (`docker create` +
 * `docker export`). What dockerd printed is recorded, not asserted, apart from a phrase that guards
 * the table in BAD-ARCHIVES.md. Run alone: `npx tsx conformance/bad-archives.ts [--json]`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { isArchiveError, loadPrepared, prepareArchive, readTar } from '../app/engine/archive/index.ts';
import type { RawEntry } from '../app/engine/archive/testing.ts';
import { dockerArchiveOf, ociArchiveOf, tarOf } from '../app/engine/archive/testing.ts';
import { fileData } from '../app/engine/content.ts';
import { digestOf } from '../app/engine/digest.ts';
import type { Digest } from '../app/engine/digest.ts';
import { findImage, imageLayersTopFirst } from '../app/engine/docker/images.ts';
import type { World } from '../app/engine/docker/world.ts';
import { emptyWorld } from '../app/engine/docker/world.ts';
import { layerId } from '../app/engine/ids.ts';
import { emptyLayer } from '../app/engine/layer.ts';
import { walkMerged } from '../app/engine/overlay.ts';
import type { Dockerd } from './dockerd.ts';
import { DOCKER, startDockerd, stopDockerd } from './dockerd.ts';
import { exec } from './exec.ts';

export interface BadCase {
  readonly name: string;
  /** What is wrong with it, for the table. */
  readonly what: string;
  readonly build: (tag: string) => Promise<Uint8Array> | Uint8Array;
  /** What dockerd 20.10 does, as found: refuses with words containing this phrase, or accepts. */
  readonly dockerd: { readonly refuses: string } | 'accepts';
  /** A phrase the engine's refusal must contain (dockerd's words where the engine should use them). */
  readonly engineSays?: string;
  /** Why the engine loads what dockerd 20.10 refuses, where that is meant. */
  readonly engineAccepts?: string;
}

export interface BadCaseResult {
  readonly name: string;
  readonly dockerd: { readonly ok: boolean; readonly message: string };
  readonly engine: { readonly ok: boolean; readonly message: string };
  readonly problems: readonly string[];
  /** Where dockerd accepted: its container's filesystem (`docker export`), one line per path. */
  readonly realTree?: readonly string[];
}

type EngineOutcome =
  | { readonly ok: true; readonly world: World; readonly imageIds: readonly Digest[] }
  | { readonly ok: false; readonly message: string; readonly bug?: true };

/** The engine's `docker load` — the only calls to its API here, as that API is still moving. */
async function engineLoad(bytes: Uint8Array): Promise<EngineOutcome> {
  try {
    const loaded = loadPrepared(emptyWorld(), await prepareArchive(bytes));
    if (!loaded.ok) return { ok: false, message: loaded.error };
    return { ok: true, world: loaded.world, imageIds: loaded.images.map((i) => i.id) };
  } catch (e) {
    if (isArchiveError(e)) return { ok: false, message: e.message };
    return { ok: false, message: String(e), bug: true };
  }
}

// ---- Builders. Every case gets its own base layer (it holds /etc/case with the tag): dockerd skips
// reading a layer whose chain it already has, which would hide a missing or broken layer file.

const enc = new TextEncoder();
const baseOf = (tag: string): Uint8Array =>
  tarOf([
    { name: 'etc/' },
    { name: 'etc/case', data: `${tag}\n` },
    { name: 'data/' },
    { name: 'data/keep', data: 'k\n' },
  ]);
/** Enough text that a gzip of it has a body to damage and a cut lands inside the data. */
const FILLER = Array.from({ length: 400 }, (_, i) => `line ${i}\n`).join('');
const fileLayer = (data = 'ok\n'): Uint8Array => tarOf([{ name: 'data/' }, { name: 'data/file', data }]);

/** A docker-archive of the case's base and this top layer (entries or bytes). */
const imageOf = (
  tag: string,
  top: readonly RawEntry[] | Uint8Array,
  opts: { diffIds?: readonly string[]; configName?: string } = {},
): Uint8Array =>
  dockerArchiveOf([baseOf(tag), top instanceof Uint8Array ? top : tarOf(top)], { tags: [tag], ...opts });

/** The outer archive rewritten entry by entry (drop a file, swap a blob's bytes). */
function editArchive(archive: Uint8Array, edit: (entries: RawEntry[]) => RawEntry[]): Uint8Array {
  const entries = readTar(archive).map((e) => ({
    name: e.name,
    type: e.type,
    mode: e.mode,
    data: e.data,
    linkname: e.linkname,
  }));
  return tarOf(edit(entries));
}

const replaceFile = (archive: Uint8Array, name: string, data: Uint8Array): Uint8Array =>
  editArchive(archive, (es) => es.map((e) => (e.name === name ? { ...e, data } : e)));

const entryAt = (archive: Uint8Array, name: string): { offset: number; size: number } => {
  const e = readTar(archive).find((x) => x.name === name);
  if (e === undefined) throw new Error(`no ${name} in the archive`);
  return { offset: e.offset, size: e.size };
};

/** The tar cut in the middle of the data of its entry `name`. */
const cutInside = (tar: Uint8Array, name: string): Uint8Array => {
  const e = entryAt(tar, name);
  return tar.slice(0, e.offset + 512 + Math.floor(e.size / 2));
};

/** The header at `offset` made to claim `size` bytes (GNU base-256, as Go writes large sizes). */
function withClaimedSize(tar: Uint8Array, offset: number, size: bigint): Uint8Array {
  const out = tar.slice();
  const h = out.subarray(offset, offset + 512);
  h[124] = 0x80;
  for (let i = 11, v = size; i >= 1; i--, v >>= 8n) h[124 + i] = Number(v & 0xffn);
  h.fill(0x20, 148, 156);
  const sum = h.reduce((a, b) => a + b, 0);
  h.set(enc.encode(`${sum.toString(8).padStart(6, '0')}\0 `), 148);
  return out;
}

/** Three ways to damage a gzip stream: its first deflate block, its middle, its CRC-32. */
function damagedGzip(bytes: Uint8Array, where: 'block-type' | 'middle' | 'crc'): Uint8Array {
  const gz = new Uint8Array(gzipSync(bytes, { level: 9 }));
  // 10 header bytes (no file name), then deflate: 0x07 is a final block of the reserved type 3.
  if (where === 'block-type') gz[10] = 0x07;
  const from = where === 'middle' ? Math.floor(gz.length / 2) : gz.length - 8;
  if (where !== 'block-type')
    for (let i = from; i < from + (where === 'crc' ? 4 : 16); i++) gz[i] = gz[i]! ^ 0xff;
  return gz;
}

// Phrases shared by several cases: dockerd's words (tar-split's, Go's compress/gzip and flate's).
const DUPLICATES = 'duplicates of file paths not supported';
const GZIP_CHECKSUM = 'gzip: invalid checksum';
const CORRUPT_DEFLATE = 'flate: corrupt input';
/** dockerd 20.10 reads no OCI layout: without manifest.json it takes each top dir for a pre-1.10 image. */
const NO_OCI = 'blobs/json: no such file or directory';

export const BAD_CASES: readonly BadCase[] = [
  {
    name: 'control',
    what: 'a valid two-layer docker-archive, as every case starts from',
    build: (tag) => imageOf(tag, fileLayer()),
    dockerd: 'accepts',
  },
  {
    name: 'empty-file',
    what: 'a file of zero bytes',
    build: () => new Uint8Array(0),
    dockerd: { refuses: 'no such file or directory' },
    engineSays: 'no such file or directory',
  },
  {
    name: 'not-a-tar',
    what: 'a text file (1 KB) instead of a tar',
    build: () => enc.encode('this is not an image archive\n'.repeat(40)),
    dockerd: { refuses: 'archive/tar: invalid tar header' },
    engineSays: 'archive/tar: invalid tar header',
  },
  {
    name: 'truncated',
    what: 'the archive cut in the middle of its second layer',
    build: (tag) => cutInside(imageOf(tag, fileLayer(FILLER)), 'l1/layer.tar'),
    dockerd: { refuses: 'unexpected EOF' },
    engineSays: 'unexpected EOF',
  },
  {
    name: 'truncated-layer',
    what: 'a whole archive whose second layer.tar is cut inside a file (its diff ID is of the cut bytes)',
    build: (tag) => imageOf(tag, cutInside(fileLayer(FILLER), 'data/file')),
    dockerd: { refuses: 'unexpected EOF' },
    engineSays: 'unexpected EOF',
  },
  // Where the damage surfaces depends on the reader: dockerd's tar reader met the garbage of a
  // damaged middle before Go's inflater noticed; zlib notices first. The engine should say what
  // broke (the deflate stream), in Go's words.
  ...(
    [
      [
        'block-type',
        'its first deflate block of the reserved type 3',
        'flate: corrupt input before offset 1',
      ],
      ['middle', '16 bytes in the middle of the deflate body inverted', 'archive/tar: invalid tar header'],
      ['crc', 'its CRC-32 inverted', GZIP_CHECKSUM],
    ] as const
  ).map(([where, what, words]): BadCase => ({
    name: `gzip-${where}`,
    what: `the archive gzipped, ${what}`,
    build: (tag) => damagedGzip(imageOf(tag, fileLayer(FILLER)), where),
    dockerd: { refuses: words },
    engineSays: where === 'crc' ? GZIP_CHECKSUM : CORRUPT_DEFLATE,
  })),
  ...(
    [
      [
        'block-type',
        'its first deflate block of the reserved type 3',
        'flate: corrupt input before offset 1',
      ],
      ['crc', 'its CRC-32 inverted', GZIP_CHECKSUM],
    ] as const
  ).map(([where, what, words]): BadCase => ({
    name: `layer-gzip-${where}`,
    what: `the second layer.tar gzipped, ${what}`,
    build: (tag) => {
      const top = fileLayer(FILLER);
      return replaceFile(imageOf(tag, top), 'l1/layer.tar', damagedGzip(top, where));
    },
    dockerd: { refuses: words },
    engineSays: where === 'crc' ? GZIP_CHECKSUM : CORRUPT_DEFLATE,
  })),
  {
    name: 'diff-id-mismatch',
    what: "the second layer's bytes do not hash to its diff ID in the config",
    build: (tag) =>
      imageOf(tag, fileLayer(), { diffIds: [digestOf(baseOf(tag)), digestOf(fileLayer('other\n'))] }),
    dockerd: { refuses: 'invalid diffID for layer 1: expected "sha256:' },
    engineSays: 'invalid diffID for layer',
  },
  {
    name: 'config-digest-mismatch',
    what: "the config's file name (the image ID it claims) is not the digest of its bytes",
    build: (tag) =>
      imageOf(tag, fileLayer(), { configName: `${digestOf(enc.encode('another config')).slice(7)}.json` }),
    dockerd: 'accepts',
  },
  {
    name: 'missing-layer',
    what: 'manifest.json names l1/layer.tar, which the archive does not hold',
    build: (tag) =>
      editArchive(imageOf(tag, fileLayer()), (es) => es.filter((e) => e.name !== 'l1/layer.tar')),
    dockerd: { refuses: 'l1/layer.tar: no such file or directory' },
    engineSays: 'open l1/layer.tar: no such file or directory',
  },
  {
    name: 'missing-config',
    what: 'manifest.json names a config file the archive does not hold',
    build: (tag) =>
      editArchive(imageOf(tag, fileLayer()), (es) =>
        es.filter((e) => !e.name.endsWith('.json') || e.name === 'manifest.json'),
      ),
    dockerd: { refuses: '.json: no such file or directory' },
    engineSays: '.json: no such file or directory',
  },
  {
    name: 'dotdot-escape',
    what: 'a layer entry ../../etc/evil',
    build: (tag) => imageOf(tag, [{ name: '../../etc/evil', data: 'evil\n' }]),
    dockerd: 'accepts',
  },
  {
    name: 'dotdot-inside',
    what: 'a layer entry data/../inside (a `..` that stays inside the root)',
    build: (tag) => imageOf(tag, [{ name: 'data/../inside', data: 'in\n' }]),
    dockerd: 'accepts',
  },
  {
    name: 'absolute-path',
    what: 'a layer entry /etc/abs',
    build: (tag) => imageOf(tag, [{ name: '/etc/abs', data: 'abs\n' }]),
    dockerd: 'accepts',
  },
  {
    name: 'symlink-loop',
    what: 'loop/a → b and loop/b → a',
    build: (tag) =>
      imageOf(tag, [
        { name: 'loop/' },
        { name: 'loop/a', type: '2', linkname: 'b' },
        { name: 'loop/b', type: '2', linkname: 'a' },
      ]),
    dockerd: 'accepts',
  },
  {
    name: 'through-symlink',
    what: 'data/up → .. then an entry data/up/through, written through that symlink',
    build: (tag) =>
      imageOf(tag, [
        { name: 'data/' },
        { name: 'data/up', type: '2', linkname: '..' },
        { name: 'data/up/through', data: 'through\n' },
      ]),
    dockerd: 'accepts',
  },
  {
    name: 'under-a-file',
    what: 'data/plain, a file, then an entry data/plain/x under it',
    build: (tag) =>
      imageOf(tag, [
        { name: 'data/' },
        { name: 'data/plain', data: 'plain\n' },
        { name: 'data/plain/x', data: 'x\n' },
      ]),
    dockerd: { refuses: 'open /data/plain/x: not a directory' },
    engineSays: 'open /data/plain/x: not a directory',
  },
  {
    name: 'hardlink-missing',
    what: 'a hard link data/link → nowhere (no such entry)',
    build: (tag) => imageOf(tag, [{ name: 'data/' }, { name: 'data/link', type: '1', linkname: 'nowhere' }]),
    dockerd: { refuses: 'link /nowhere /data/link: no such file or directory' },
    engineSays: 'link /nowhere /data/link: no such file or directory',
  },
  {
    name: 'hardlink-lower',
    what: 'a hard link data/link → data/keep, a file of the layer below, not of this layer',
    build: (tag) =>
      imageOf(tag, [{ name: 'data/' }, { name: 'data/link', type: '1', linkname: 'data/keep' }]),
    dockerd: { refuses: 'link /data/keep /data/link: no such file or directory' },
    engineSays: 'link /data/keep /data/link: no such file or directory',
  },
  {
    name: 'duplicate-file',
    what: 'data/twice twice in one layer ("first", then "second" 0600)',
    build: (tag) =>
      imageOf(tag, [
        { name: 'data/' },
        { name: 'data/twice', data: 'first\n' },
        { name: 'data/twice', data: 'second\n', mode: 0o600 },
      ]),
    dockerd: { refuses: DUPLICATES },
    engineSays: DUPLICATES,
  },
  {
    name: 'duplicate-dir',
    what: 'data/sub/ twice in one layer (0755, then 0700)',
    build: (tag) =>
      imageOf(tag, [
        { name: 'data/' },
        { name: 'data/sub/' },
        { name: 'data/sub/a', data: 'a\n' },
        { name: 'data/sub/', mode: 0o700 },
      ]),
    dockerd: { refuses: DUPLICATES },
    engineSays: DUPLICATES,
  },
  {
    name: 'duplicate-spelled-twice',
    what: 'data/twice and ./data/twice in one layer',
    build: (tag) =>
      imageOf(tag, [
        { name: 'data/' },
        { name: 'data/twice', data: 'first\n' },
        { name: './data/twice', data: 'second\n' },
      ]),
    dockerd: { refuses: DUPLICATES },
    engineSays: DUPLICATES,
  },
  // dockerd makes the whiteout with mknod at data/ + the name: the dir itself, or its parent.
  ...(
    [
      ['.wh.', 'empty', '/data'],
      ['.wh..', 'dot', '/data'],
      ['.wh...', 'dotdot', '/'],
    ] as const
  ).map(([wh, name, at]): BadCase => ({
    name: `whiteout-${name}`,
    what: `a whiteout data/${wh}`,
    build: (tag) => imageOf(tag, [{ name: 'data/' }, { name: `data/${wh}`, mode: 0o600 }]),
    dockerd: { refuses: `failed to mknod("${at}", S_IFCHR, 0): file exists` },
    engineSays: `failed to mknod("${at}", S_IFCHR, 0): file exists`,
  })),
  {
    name: 'whiteout-of-nothing',
    what: 'a whiteout data/.wh.ghost of a name no layer below holds',
    build: (tag) => imageOf(tag, [{ name: 'data/' }, { name: 'data/.wh.ghost', mode: 0o600 }]),
    dockerd: 'accepts',
  },
  {
    name: 'absurd-size-layer',
    what: 'a layer entry whose header claims 2^40 bytes (GNU base-256); 1 byte follows',
    build: (tag) => imageOf(tag, withClaimedSize(tarOf([{ name: 'big', data: 'x' }]), 0, 1n << 40n)),
    dockerd: { refuses: 'unexpected EOF' },
    engineSays: 'claims 1099511627776 bytes',
  },
  {
    name: 'absurd-size-outer',
    what: "the archive's first entry (l0/layer.tar) claims 2^40 bytes",
    build: (tag) => {
      const a = imageOf(tag, fileLayer());
      return withClaimedSize(a, entryAt(a, 'l0/layer.tar').offset, 1n << 40n);
    },
    dockerd: { refuses: 'unexpected EOF' },
    engineSays: 'claims 1099511627776 bytes',
  },
  {
    name: 'oci-valid',
    what: 'a valid OCI layout (oci-layout, index.json, blobs; no manifest.json)',
    build: (tag) => ociArchiveOf([baseOf(tag), fileLayer()], tag),
    dockerd: { refuses: NO_OCI },
    engineAccepts: 'the engine reads OCI layouts (podman and buildx write them without manifest.json)',
  },
  {
    name: 'oci-missing-blob',
    what: "an OCI layout without its second layer's blob",
    build: async (tag) => {
      const a = await ociArchiveOf([baseOf(tag), fileLayer()], tag);
      const gone = ociLayerBlobName(a, 1);
      return editArchive(a, (es) => es.filter((e) => e.name !== gone));
    },
    dockerd: { refuses: NO_OCI },
    engineSays: 'not found',
  },
  {
    name: 'oci-digest-mismatch',
    what: "an OCI layout whose second layer blob's bytes do not hash to its name",
    build: async (tag) => {
      const a = await ociArchiveOf([baseOf(tag), fileLayer()], tag);
      return replaceFile(a, ociLayerBlobName(a, 1), gzipSync(fileLayer('other\n')));
    },
    dockerd: { refuses: NO_OCI },
    engineSays: 'digest mismatch',
  },
];

/** blobs/sha256/<hex> of the layer at `index` of the layout's only manifest. */
function ociLayerBlobName(archive: Uint8Array, index: number): string {
  const files = new Map(readTar(archive).map((e) => [e.name, e.data]));
  const json = (name: string): { manifests?: { digest: string }[]; layers?: { digest: string }[] } =>
    JSON.parse(new TextDecoder().decode(files.get(name)));
  const blob = (digest: string): string => `blobs/sha256/${digest.slice(7)}`;
  const manifest = json(blob(json('index.json').manifests![0]!.digest));
  return blob(manifest.layers![index]!.digest);
}

// ---- The run: each case through dockerd and the engine.

/** What Docker adds to every container (the init layer, A5) and its mount points: not the image's. */
const INIT = /^\/(\.dockerenv|etc\/(hosts|hostname|resolv\.conf|mtab)|dev(\/.*)?|proc|sys)$/;

export async function runBadArchiveChecks(
  work: string,
  print: (line: string) => void,
): Promise<{ passed: number; failed: number; results: BadCaseResult[] }> {
  const dir = join(work, 'bad-archives');
  mkdirSync(dir, { recursive: true });
  const d = await startDockerd(join(work, 'dockerd-bad-archives'));
  const results: BadCaseResult[] = [];
  try {
    for (const c of BAD_CASES) {
      const result = await runCase(c, dir, d).catch((e: unknown): BadCaseResult => ({
        name: c.name,
        dockerd: { ok: false, message: '' },
        engine: { ok: false, message: '' },
        problems: [`could not run: ${e instanceof Error ? e.message : String(e)}`],
      }));
      results.push(result);
      if (result.problems.length === 0) continue;
      print(`FAIL bad-archives/${c.name}`);
      for (const p of result.problems.slice(0, 20)) print(`  ${p}`);
    }
  } finally {
    for (const p of stopDockerd(d)) print(`bad-archives: ${p}`);
  }
  const failed = results.filter((r) => r.problems.length > 0).length;
  return { passed: results.length - failed, failed, results };
}

async function runCase(c: BadCase, dir: string, d: Dockerd): Promise<BadCaseResult> {
  const tag = `badarch/${c.name}:1`;
  const file = join(dir, `${c.name}.tar`);
  writeFileSync(file, await c.build(tag));
  const real = await exec(DOCKER, ['load', '-i', file], { env: d.env });
  const dockerd = {
    ok: real.code === 0,
    message: trimVariable(real.code === 0 ? real.stdout : real.stderr, d.dir),
  };
  const engine = await engineLoad(new Uint8Array(readFileSync(file)));
  const problems = judge(c, dockerd, engine);
  const realTree = dockerd.ok
    ? await containerTree(d.env, tag, join(dir, `${c.name}.export.tar`))
    : undefined;
  if (realTree !== undefined && engine.ok) {
    problems.push(...treeDifferences(realTree, engineTree(engine.world, engine.imageIds[0])));
    const inspected = await exec(DOCKER, ['image', 'inspect', '-f', '{{.Id}}', tag], { env: d.env });
    const realId = inspected.stdout.trim();
    if (engine.imageIds[0] !== realId)
      problems.push(`image ID: engine ${engine.imageIds[0] ?? 'none'}, dockerd ${realId}`);
  }
  const shown = engine.ok ? { ok: true, message: 'loaded' } : { ok: false, message: engine.message };
  return { name: c.name, dockerd, engine: shown, problems, ...(realTree ? { realTree } : {}) };
}

function judge(c: BadCase, dockerd: { ok: boolean; message: string }, engine: EngineOutcome): string[] {
  const problems: string[] = [];
  if (!engine.ok && engine.bug === true)
    problems.push(`the engine threw something not an ArchiveError: ${engine.message}`);
  if (c.dockerd === 'accepts' && !dockerd.ok)
    problems.push(`dockerd refused, the table says it accepts: ${dockerd.message}`);
  if (c.dockerd !== 'accepts' && (dockerd.ok || !dockerd.message.includes(c.dockerd.refuses)))
    problems.push(`dockerd did not refuse with "${c.dockerd.refuses}": ${dockerd.message}`);
  const engineShould = c.engineAccepts !== undefined || dockerd.ok;
  if (engineShould && !engine.ok)
    problems.push(
      `${dockerd.ok ? 'dockerd accepts' : c.engineAccepts}, the engine refuses: ${engine.message}`,
    );
  if (!engineShould && engine.ok) problems.push(`dockerd refuses, the engine accepts`);
  if (!engineShould && !engine.ok && c.engineSays !== undefined && !engine.message.includes(c.engineSays))
    problems.push(`the engine's message lacks "${c.engineSays}": ${engine.message}`);
  return problems;
}

/** dockerd's words without what changes from run to run: its data root and temp dir names. */
function trimVariable(message: string, daemonDir: string): string {
  return message
    .trim()
    .split(daemonDir)
    .join('<dockerd>')
    .replace(/docker-import-\d+/g, 'docker-import-N');
}

/** The container's filesystem as `docker export` gives it, one line per path, init paths left out. */
async function containerTree(env: NodeJS.ProcessEnv, tag: string, out: string): Promise<string[]> {
  const name = `badarch-${tag.replace(/[^a-z0-9]+/g, '-')}`;
  const created = await exec(DOCKER, ['create', '--name', name, tag], { env });
  if (created.code !== 0) return [`(docker create failed: ${created.stderr.trim()})`];
  const exported = await exec(DOCKER, ['export', '-o', out, name], { env });
  await exec(DOCKER, ['rm', '-f', name], { env });
  if (exported.code !== 0) return [`(docker export failed: ${exported.stderr.trim()})`];
  const entries = readTar(new Uint8Array(readFileSync(out)));
  // A hard link's bytes are its first name's.
  const dataOf = new Map(entries.map((e) => [e.name, e.data]));
  return entries
    .map((e) => {
      const path = `/${e.name.replace(/^\.\//, '').replace(/\/$/, '')}`;
      const kind = e.type === '5' ? 'dir' : e.type === '2' ? `symlink ${e.linkname}` : 'file';
      const data = e.type === '1' ? (dataOf.get(e.linkname) ?? e.data) : e.data;
      const body = kind === 'file' ? ` ${JSON.stringify(new TextDecoder().decode(data))}` : '';
      return `${path} ${kind} ${(e.mode & 0o7777).toString(8)}${body}`;
    })
    .filter((l) => l !== '/ dir 755' && !INIT.test(l.split(' ')[0]!))
    .sort();
}

function engineTree(world: World, id: Digest | undefined): string[] {
  const img = id === undefined ? undefined : findImage(world, id);
  if (img === undefined) return ['(the engine loaded no image)'];
  const ov = { upper: emptyLayer(layerId('x'), 0), lowers: imageLayersTopFirst(world, img), nextIno: 1 };
  return [...walkMerged(ov)]
    .map(([path, res]) => {
      const n = res.node;
      const kind = n.kind === 'symlink' ? `symlink ${n.target}` : n.kind;
      const body = n.kind === 'file' ? ` ${JSON.stringify(new TextDecoder().decode(fileData(n)))}` : '';
      return `${path} ${kind} ${n.mode.toString(8)}${body}`;
    })
    .sort();
}

function treeDifferences(real: readonly string[], engine: readonly string[]): string[] {
  return [
    ...real.filter((l) => !engine.includes(l)).map((l) => `only in dockerd's container: ${l}`),
    ...engine.filter((l) => !real.includes(l)).map((l) => `only in the engine: ${l}`),
  ];
}

// Alone: a private dockerd in a temp dir, every case; prints the failures and the summary, and with
// --json every case's outcome (what BAD-ARCHIVES.md is written from).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.umask(0o022);
  const work = mkdtempSync(join(tmpdir(), 'badarch-'));
  const print = (line: string): void => console.log(line);
  runBadArchiveChecks(work, print)
    .then(({ passed, failed, results }) => {
      if (process.argv.includes('--json')) print(JSON.stringify(results, null, 2));
      print(`bad archives: ${passed} passed, ${failed} failed`);
      process.exitCode = failed > 0 ? 1 : 0;
    })
    .finally(() => rmSync(work, { recursive: true, force: true }));
}
