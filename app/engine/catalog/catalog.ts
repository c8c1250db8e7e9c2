import type { Digest } from '../digest.ts';
import { chainIds } from '../digest.ts';
import type { ImageSpec } from '../docker/images.ts';
import { addImage, normalizeRef } from '../docker/images.ts';
import type { HistoryEntry, World } from '../docker/world.ts';
import type { LayerEntrySpec } from '../layer.ts';

/**
 * The built-in image catalog (debian:bookworm-slim, nginx, httpd, mysql, busybox): static JSON files
 * under public/catalog, written by scripts/catalog, fetched by the page on first use and read from
 * disk by the replay. This module holds their types, checks every field of a file before anything
 * uses it (the files come over the network: nothing in them is ever run or shown as HTML), and turns
 * a catalog image into the engine's ImageSpec.
 *
 * index.json is small: per image its repository and tags, the file holding its layers, the catalog
 * image its first layers come from (`base`, so the Debian layer nginx and httpd share is stored once),
 * its manifest digest, and per layer the registry blob digest `docker pull` shows, the diff ID and
 * tar size computed by the engine's own layerTar when the catalog was built (E5; trusted, not
 * re-hashed in the page) and Docker's size of the layer (E7).
 */

export const CATALOG_VERSION = 1;
/** Where the page finds the files, relative to the page (works from a sub-path). */
export const CATALOG_DIR = 'catalog';
export const INDEX_FILE = 'index.json';
/** The image the page starts with, as if pulled. */
export const DEFAULT_IMAGE = 'nginx';

export interface CatalogLayer {
  /** sha256 of the layer's gzip-compressed tar: the registry's blob digest (12 hex in `docker pull`). */
  readonly blob: Digest;
  readonly compressedSize: number;
  readonly diffId: Digest;
  readonly tarSize: number;
  /** Σ st_size of the layer's non-directories, hard links once (E7). */
  readonly size: number;
}

export interface CatalogIndexImage {
  /** The short name as `docker images` shows it: 'nginx', 'debian'. */
  readonly repository: string;
  /** Tags the registry answers for; the first is the one the catalog describes ('latest'). */
  readonly tags: readonly string[];
  /** Its file in the catalog dir: 'nginx.json'. */
  readonly file: string;
  /** The catalog image (ref) whose layers come first, or null for a base image. */
  readonly base: string | null;
  /** The manifest digest `docker pull` prints (Digest: sha256:…). */
  readonly digest: Digest;
  /** Every layer of the image, bottom first (the base's first). */
  readonly layers: readonly CatalogLayer[];
  /** Σ layer sizes, as `docker images` shows it. */
  readonly size: number;
}

export interface CatalogIndex {
  readonly version: typeof CATALOG_VERSION;
  readonly images: readonly CatalogIndexImage[];
}

/** The image config as the catalog stores it (Docker's field names). */
export interface CatalogConfig {
  readonly Env: readonly string[];
  readonly Cmd: readonly string[];
  readonly Entrypoint: readonly string[] | null;
  readonly WorkingDir: string;
  readonly ExposedPorts?: readonly string[];
  /** Declared volumes: `docker run` gives each an anonymous volume (F4). */
  readonly Volumes?: readonly string[];
  readonly StopSignal?: string;
}

/** One image file: the layers this image adds on top of its base, its config and its whole history. */
export interface CatalogFile {
  readonly version: typeof CATALOG_VERSION;
  /** 'nginx:latest' */
  readonly ref: string;
  readonly layers: readonly { readonly entries: readonly LayerEntrySpec[] }[];
  readonly config: CatalogConfig;
  /** RFC 3339, UTC, whole seconds. */
  readonly created: string;
  readonly history: readonly HistoryEntry[];
}

/** A catalog image with all its layers, the base's included. */
export interface CatalogImage {
  /** 'nginx:latest' */
  readonly ref: string;
  readonly entry: CatalogIndexImage;
  /** Bottom first. */
  readonly layers: readonly (readonly LayerEntrySpec[])[];
  readonly config: CatalogConfig;
  readonly created: string;
  readonly history: readonly HistoryEntry[];
}

/**
 * Where the catalog's files are, as far as a session knows: the page fills it as its fetches come
 * back; the replay reads the files from disk when first asked. Synchronous, so the engine and the
 * shell stay pure: a command that needs a file not yet here says so and the page runs it again later.
 */
export interface CatalogSource {
  /** The index, or null while it has not been loaded. */
  readonly index: CatalogIndex | null;
  /** A loaded, checked image file by name ('nginx.json'), or undefined. */
  file(name: string): CatalogFile | undefined;
  /** Why a file could not be loaded (the page's fetch failed, the file is damaged), or undefined. */
  failure(name: string): string | undefined;
}

/** What the catalog says about a reference. */
export type CatalogLookup =
  | { readonly kind: 'image'; readonly image: CatalogImage; readonly tag: string }
  /** A file must be loaded first (index.json or an image file). */
  | { readonly kind: 'missing'; readonly file: string }
  | { readonly kind: 'failed'; readonly file: string; readonly reason: string }
  /** The registry has no such repository (pull access denied). */
  | { readonly kind: 'no-repository'; readonly repository: string }
  /** The repository exists but not this tag (manifest unknown). */
  | { readonly kind: 'no-tag'; readonly repository: string; readonly tag: string };

/** 'nginx', 'library/nginx:1.25', 'docker.io/library/nginx' → { repository: 'nginx', tag }. */
export function splitCatalogRef(ref: string): { repository: string; tag: string } {
  let r = ref;
  for (const prefix of ['docker.io/', 'index.docker.io/', 'registry-1.docker.io/'])
    if (r.startsWith(prefix)) r = r.slice(prefix.length);
  if (r.startsWith('library/')) r = r.slice('library/'.length);
  const at = r.indexOf('@');
  if (at >= 0) return { repository: r.slice(0, at), tag: r.slice(at) };
  const colon = r.lastIndexOf(':');
  return colon > r.lastIndexOf('/')
    ? { repository: r.slice(0, colon), tag: r.slice(colon + 1) }
    : { repository: r, tag: 'latest' };
}

/** The registry path of a repository: official images live under library/. */
export const registryPath = (repository: string): string =>
  repository.includes('/') ? repository : `library/${repository}`;

/** Find a reference in the catalog, loading nothing: says which file is missing when one is. */
export function lookupCatalog(source: CatalogSource, ref: string): CatalogLookup {
  const index = source.index;
  if (!index) {
    const reason = source.failure(INDEX_FILE);
    return reason === undefined
      ? { kind: 'missing', file: INDEX_FILE }
      : { kind: 'failed', file: INDEX_FILE, reason };
  }
  const { repository, tag } = splitCatalogRef(ref);
  const repo = index.images.filter((i) => i.repository === repository);
  if (repo.length === 0) return { kind: 'no-repository', repository };
  const entry = repo.find((i) => i.tags.includes(tag));
  if (!entry) return { kind: 'no-tag', repository, tag };
  const assembled = assemble(source, index, entry);
  if ('kind' in assembled) return assembled;
  return { kind: 'image', image: assembled, tag };
}

/** The image's layers, its base's first; the files it needs must be loaded. */
function assemble(
  source: CatalogSource,
  index: CatalogIndex,
  entry: CatalogIndexImage,
): CatalogImage | Extract<CatalogLookup, { kind: 'missing' | 'failed' }> {
  const chain: CatalogIndexImage[] = [];
  for (
    let e: CatalogIndexImage | undefined = entry;
    e;
    e = e.base === null ? undefined : byRef(index, e.base)
  )
    chain.unshift(e);
  const layers: (readonly LayerEntrySpec[])[] = [];
  let own: CatalogFile | undefined;
  for (const e of chain) {
    const f = source.file(e.file);
    if (!f) {
      const reason = source.failure(e.file);
      return reason === undefined
        ? { kind: 'missing', file: e.file }
        : { kind: 'failed', file: e.file, reason };
    }
    for (const l of f.layers) layers.push(l.entries);
    own = f;
  }
  const file = own!;
  if (layers.length !== entry.layers.length)
    return {
      kind: 'failed',
      file: entry.file,
      reason: `${entry.file} and its base hold ${layers.length} layers; the index lists ${entry.layers.length}`,
    };
  return {
    ref: `${entry.repository}:${entry.tags[0]!}`,
    entry,
    layers,
    config: file.config,
    created: file.created,
    history: file.history,
  };
}

const byRef = (index: CatalogIndex, ref: string): CatalogIndexImage | undefined => {
  const { repository, tag } = splitCatalogRef(ref);
  return index.images.find((i) => i.repository === repository && i.tags.includes(tag));
};

/** The files a reference needs, base first (for the page to fetch them together). */
export function filesFor(index: CatalogIndex, ref: string): string[] {
  const { repository, tag } = splitCatalogRef(ref);
  const out: string[] = [];
  let e = index.images.find((i) => i.repository === repository && i.tags.includes(tag));
  for (let guard = 0; e && guard < index.images.length; guard++) {
    out.unshift(e.file);
    e = e.base === null ? undefined : byRef(index, e.base);
  }
  return out;
}

/** The engine's ImageSpec of a catalog image, tagged `repository:tag`, its diff IDs known (E5). */
export function toImageSpec(image: CatalogImage, tag = image.entry.tags[0]!): ImageSpec {
  const c = image.config;
  return {
    ref: `${image.entry.repository}:${tag}`,
    layers: image.layers,
    cmd: c.Cmd,
    ...(c.Entrypoint === null ? {} : { entrypoint: c.Entrypoint }),
    env: c.Env,
    workingDir: c.WorkingDir,
    known: image.entry.layers.map((l) => ({ diffId: l.diffId, tarSize: l.tarSize })),
    history: image.history,
    created: Date.parse(image.created) / 1000,
  };
}

/** Chain IDs of a catalog image's layers (E6): what the layer store is checked against on pull. */
export const catalogChainIds = (entry: CatalogIndexImage): Digest[] =>
  chainIds(entry.layers.map((l) => l.diffId));

// ---- A source kept in memory (the page) --------------------------------------------------------

/** An immutable source from what has been loaded so far. */
export function memoryCatalog(
  index: CatalogIndex | null,
  files: ReadonlyMap<string, CatalogFile> = new Map(),
  failures: ReadonlyMap<string, string> = new Map(),
): CatalogSource & {
  readonly files: ReadonlyMap<string, CatalogFile>;
  readonly failures: ReadonlyMap<string, string>;
} {
  return {
    index,
    files,
    failures,
    file: (name) => files.get(name),
    failure: (name) => failures.get(name),
  };
}

// ---- Validation ---------------------------------------------------------------------------------

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const LIMITS = {
  images: 64,
  tags: 64,
  layers: 125,
  entriesPerFile: 20_000,
  contentPerEntry: 256 * 1024,
  contentPerFile: 4 * 1024 * 1024,
  /** 1 GiB: larger than any file of these images, small enough that a copy-up and commit stays possible. */
  fileSize: 1024 ** 3,
  pathBytes: 4096,
  strings: 256,
  stringBytes: 4096,
  history: 256,
};

const DIGEST_RE = /^sha256:[0-9a-f]{64}$/;
const REPO_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG_RE = /^[\w][\w.-]{0,127}$/;
const FILE_RE = /^[a-z0-9][a-z0-9._-]{0,63}\.json$/;
const REF_RE = /^[a-z0-9][a-z0-9._/-]*:[\w][\w.-]{0,127}$/;
const TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const MODE_RE = /^0?[0-7]{3,4}$/;

class Invalid extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(at: string, msg: string): never {
  throw new Invalid(`${at}: ${msg}`);
}

function obj(v: unknown, at: string, keys: readonly string[]): Record<string, unknown> {
  if (!isObject(v)) fail(at, 'must be an object');
  for (const k of Object.keys(v)) if (!keys.includes(k)) fail(at, `unknown field "${k.slice(0, 40)}"`);
  return v;
}

function arr(v: unknown, at: string, max: number): readonly unknown[] {
  if (!Array.isArray(v)) fail(at, 'must be an array');
  if (v.length > max) fail(at, `too many items (${v.length}; at most ${max})`);
  return v;
}

function str(v: unknown, at: string, re?: RegExp, maxBytes = LIMITS.stringBytes): string {
  if (typeof v !== 'string') fail(at, 'must be a string');
  if (v.length > maxBytes) fail(at, `too long (${v.length} characters)`);
  if (re && !re.test(v)) fail(at, `"${v.slice(0, 80)}" is not valid here`);
  return v;
}

function int(v: unknown, at: string, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0 || v > max)
    fail(at, 'must be a non-negative integer');
  return v;
}

const strings = (v: unknown, at: string): string[] =>
  arr(v, at, LIMITS.strings).map((s, i) => str(s, `${at}[${i}]`));

function check<T>(f: () => T): Checked<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    throw e;
  }
}

/** Check index.json: every field, the bases (present, no cycle) and their layers a prefix of the image's. */
export function parseCatalogIndex(json: unknown): Checked<CatalogIndex> {
  return check(() => {
    const o = obj(json, 'index', ['version', 'images']);
    if (o['version'] !== CATALOG_VERSION) fail('index.version', `must be ${CATALOG_VERSION}`);
    const images = arr(o['images'], 'index.images', LIMITS.images).map((v, i) =>
      indexImage(v, `index.images[${i}]`),
    );
    const seen = new Set<string>();
    images.forEach((img, i) => {
      for (const t of img.tags) {
        const key = `${img.repository}:${t}`;
        if (seen.has(key)) fail(`index.images[${i}].tags`, `${key} is listed twice`);
        seen.add(key);
      }
    });
    const index: CatalogIndex = { version: CATALOG_VERSION, images };
    images.forEach((img, i) => {
      const at = `index.images[${i}]`;
      const sum = img.layers.reduce((n, l) => n + l.size, 0);
      if (sum !== img.size) fail(`${at}.size`, `is ${img.size} but its layers add up to ${sum}`);
      let e: CatalogIndexImage | undefined = img;
      for (let depth = 0; e && e.base !== null; depth++) {
        if (depth >= images.length) fail(`${at}.base`, 'the bases form a cycle');
        const base = byRef(index, e.base);
        if (!base) fail(`${at}.base`, `${e.base} is not in the catalog`);
        const n = base.layers.length;
        if (n >= e.layers.length || base.layers.some((l, k) => l.diffId !== e!.layers[k]!.diffId))
          fail(`${at}.layers`, `do not start with the layers of its base ${e.base}`);
        e = base;
      }
    });
    return index;
  });
}

function indexImage(v: unknown, at: string): CatalogIndexImage {
  const o = obj(v, at, ['repository', 'tags', 'file', 'base', 'digest', 'layers', 'size']);
  const tags = arr(o['tags'], `${at}.tags`, LIMITS.tags).map((t, i) => str(t, `${at}.tags[${i}]`, TAG_RE));
  if (tags.length === 0) fail(`${at}.tags`, 'must name at least one tag');
  const base = o['base'];
  const layers = arr(o['layers'], `${at}.layers`, LIMITS.layers).map((l, i) => {
    const lat = `${at}.layers[${i}]`;
    const lo = obj(l, lat, ['blob', 'compressedSize', 'diffId', 'tarSize', 'size']);
    return {
      blob: str(lo['blob'], `${lat}.blob`, DIGEST_RE) as Digest,
      compressedSize: int(lo['compressedSize'], `${lat}.compressedSize`),
      diffId: str(lo['diffId'], `${lat}.diffId`, DIGEST_RE) as Digest,
      tarSize: int(lo['tarSize'], `${lat}.tarSize`),
      size: int(lo['size'], `${lat}.size`),
    };
  });
  if (layers.length === 0) fail(`${at}.layers`, 'must list at least one layer');
  return {
    repository: str(o['repository'], `${at}.repository`, REPO_RE, 255),
    tags,
    file: str(o['file'], `${at}.file`, FILE_RE),
    base: base === null ? null : str(base, `${at}.base`, REF_RE),
    digest: str(o['digest'], `${at}.digest`, DIGEST_RE) as Digest,
    layers,
    size: int(o['size'], `${at}.size`),
  };
}

/**
 * Check an image file against the index: its ref is the one the index expects in that file, its layer
 * count is what the index lists (minus the base's), its history has one non-empty entry per layer,
 * and every entry is one a layer tar can hold.
 */
export function parseCatalogFile(json: unknown, index: CatalogIndex, fileName: string): Checked<CatalogFile> {
  return check(() => {
    const entry = index.images.find((i) => i.file === fileName);
    if (!entry) fail(fileName, 'is not a file of the catalog index');
    const o = obj(json, fileName, ['version', 'ref', 'layers', 'config', 'created', 'history']);
    if (o['version'] !== CATALOG_VERSION) fail(`${fileName}.version`, `must be ${CATALOG_VERSION}`);
    const ref = str(o['ref'], `${fileName}.ref`, REF_RE);
    if (ref !== `${entry.repository}:${entry.tags[0]!}`)
      fail(`${fileName}.ref`, `is ${ref}; the index has ${entry.repository}:${entry.tags[0]!} in this file`);
    const baseLayers = entry.base === null ? 0 : (byRef(index, entry.base)?.layers.length ?? 0);
    const budget = { entries: 0, content: 0 };
    const layers = arr(o['layers'], `${fileName}.layers`, LIMITS.layers).map((l, i) => {
      const lat = `${fileName}.layers[${i}]`;
      const lo = obj(l, lat, ['entries']);
      return { entries: layerEntries(lo['entries'], `${lat}.entries`, budget) };
    });
    if (layers.length !== entry.layers.length - baseLayers)
      fail(
        `${fileName}.layers`,
        `holds ${layers.length} layers; the index lists ${entry.layers.length - baseLayers} for this file`,
      );
    const history = arr(o['history'], `${fileName}.history`, LIMITS.history).map((h, i) =>
      historyEntry(h, `${fileName}.history[${i}]`),
    );
    const nonEmpty = history.filter((h) => !h.empty_layer).length;
    if (nonEmpty !== entry.layers.length)
      fail(
        `${fileName}.history`,
        `has ${nonEmpty} entries with a layer; the image has ${entry.layers.length} layers`,
      );
    return {
      version: CATALOG_VERSION,
      ref,
      layers,
      config: config(o['config'], `${fileName}.config`),
      created: str(o['created'], `${fileName}.created`, TIME_RE),
      history,
    };
  });
}

function config(v: unknown, at: string): CatalogConfig {
  const o = obj(v, at, ['Env', 'Cmd', 'Entrypoint', 'WorkingDir', 'ExposedPorts', 'Volumes', 'StopSignal']);
  const env = strings(o['Env'], `${at}.Env`);
  env.forEach((e, i) => /^[^=]+=/.test(e) || fail(`${at}.Env[${i}]`, 'must be NAME=value'));
  const cmd = strings(o['Cmd'], `${at}.Cmd`);
  const ep = o['Entrypoint'];
  const wd = str(o['WorkingDir'], `${at}.WorkingDir`);
  if (wd !== '' && !wd.startsWith('/')) fail(`${at}.WorkingDir`, 'must be empty or an absolute path');
  const out: {
    Env: string[];
    Cmd: string[];
    Entrypoint: string[] | null;
    WorkingDir: string;
    ExposedPorts?: string[];
    Volumes?: string[];
    StopSignal?: string;
  } = {
    Env: env,
    Cmd: cmd,
    Entrypoint: ep === null ? null : strings(ep, `${at}.Entrypoint`),
    WorkingDir: wd,
  };
  if (o['ExposedPorts'] !== undefined) {
    out.ExposedPorts = strings(o['ExposedPorts'], `${at}.ExposedPorts`);
    out.ExposedPorts.forEach(
      (p, i) =>
        /^\d{1,5}\/(tcp|udp|sctp)$/.test(p) || fail(`${at}.ExposedPorts[${i}]`, 'must be like "80/tcp"'),
    );
  }
  if (o['Volumes'] !== undefined) {
    out.Volumes = strings(o['Volumes'], `${at}.Volumes`);
    out.Volumes.forEach(
      (p, i) => cleanPath(p) || fail(`${at}.Volumes[${i}]`, 'must be a clean absolute path'),
    );
  }
  if (o['StopSignal'] !== undefined)
    out.StopSignal = str(o['StopSignal'], `${at}.StopSignal`, /^SIG[A-Z0-9+-]{1,12}$/);
  return out;
}

function historyEntry(v: unknown, at: string): HistoryEntry {
  const o = obj(v, at, ['created', 'created_by', 'author', 'comment', 'empty_layer']);
  const h: { -readonly [K in keyof HistoryEntry]: HistoryEntry[K] } = {
    created: str(o['created'], `${at}.created`, TIME_RE),
  };
  if (o['created_by'] !== undefined)
    h.created_by = str(o['created_by'], `${at}.created_by`, undefined, 16384);
  if (o['author'] !== undefined) h.author = str(o['author'], `${at}.author`);
  if (o['comment'] !== undefined) h.comment = str(o['comment'], `${at}.comment`);
  if (o['empty_layer'] !== undefined) {
    if (o['empty_layer'] !== true) fail(`${at}.empty_layer`, 'must be true when present');
    h.empty_layer = true;
  }
  return h;
}

/** A path a tar can hold: absolute, no empty, '.', '..' or over-long parts, no NUL, no `.wh.` names (G5). */
function cleanPath(p: string): boolean {
  if (!p.startsWith('/') || p === '/' || p.length > LIMITS.pathBytes) return false;
  return p
    .slice(1)
    .split('/')
    .every(
      (c) =>
        c !== '' && c !== '.' && c !== '..' && c.length <= 255 && !c.includes('\0') && !c.startsWith('.wh.'),
    );
}

function layerEntries(
  v: unknown,
  at: string,
  budget: { entries: number; content: number },
): LayerEntrySpec[] {
  const list = arr(v, at, LIMITS.entriesPerFile);
  budget.entries += list.length;
  if (budget.entries > LIMITS.entriesPerFile)
    fail(at, `too many entries in the file (at most ${LIMITS.entriesPerFile})`);
  const out: LayerEntrySpec[] = [];
  const kinds = new Map<string, LayerEntrySpec['type']>();
  list.forEach((raw, j) => {
    const eat = `${at}[${j}]`;
    const e = entry(raw, eat, budget);
    if (kinds.has(e.path)) fail(`${eat}.path`, `${e.path.slice(0, 80)} appears twice in one layer (G1)`);
    if (e.type === 'hardlink' && kinds.get(e.target) !== 'file')
      fail(`${eat}.target`, 'a hard link must name a file listed before it in the same layer');
    for (let k = e.path.indexOf('/', 1); k > 0; k = e.path.indexOf('/', k + 1)) {
      const above = kinds.get(e.path.slice(0, k));
      if (above !== undefined && above !== 'dir')
        fail(`${eat}.path`, `${e.path.slice(0, k).slice(0, 80)} is not a directory in this layer`);
    }
    kinds.set(e.path, e.type);
    out.push(e);
  });
  return out;
}

function entry(v: unknown, at: string, budget: { content: number }): LayerEntrySpec {
  const o = obj(v, at, ['path', 'type', 'mode', 'content', 'size', 'target', 'opaque']);
  const path = str(o['path'], `${at}.path`, undefined, LIMITS.pathBytes);
  if (!cleanPath(path)) fail(`${at}.path`, `"${path.slice(0, 80)}" is not a clean absolute path`);
  const mode = o['mode'] === undefined ? {} : { mode: str(o['mode'], `${at}.mode`, MODE_RE) };
  const only = (allowed: readonly string[]): void => {
    for (const k of ['mode', 'content', 'size', 'target', 'opaque'])
      if (o[k] !== undefined && !allowed.includes(k))
        fail(`${at}.${k}`, `is not allowed on a ${String(o['type'])}`);
  };
  switch (o['type']) {
    case 'file': {
      only(['mode', 'content', 'size']);
      const content =
        o['content'] === undefined
          ? ''
          : str(o['content'], `${at}.content`, undefined, LIMITS.contentPerEntry);
      budget.content += content.length;
      if (budget.content > LIMITS.contentPerFile) fail(`${at}.content`, 'the file holds too much text');
      const size = o['size'] === undefined ? undefined : int(o['size'], `${at}.size`, LIMITS.fileSize);
      return {
        path,
        type: 'file',
        ...mode,
        ...(content === '' ? {} : { content }),
        ...(size === undefined ? {} : { size }),
      };
    }
    case 'dir': {
      only(['mode', 'opaque']);
      const opaque = o['opaque'];
      if (opaque !== undefined && typeof opaque !== 'boolean') fail(`${at}.opaque`, 'must be true or false');
      return { path, type: 'dir', ...mode, ...(opaque === true ? { opaque: true } : {}) };
    }
    case 'symlink':
      only(['target']);
      return {
        path,
        type: 'symlink',
        target: str(o['target'], `${at}.target`, /^[^\0]+$/, LIMITS.pathBytes),
      };
    case 'hardlink': {
      only(['target']);
      const target = str(o['target'], `${at}.target`, undefined, LIMITS.pathBytes);
      if (!cleanPath(target)) fail(`${at}.target`, 'must be a clean absolute path');
      return { path, type: 'hardlink', target };
    }
    case 'whiteout':
      only([]);
      return { path, type: 'whiteout' };
    default:
      return fail(`${at}.type`, 'must be one of "file", "dir", "symlink", "hardlink", "whiteout"');
  }
}

/** The declared volumes of the catalog image a local image comes from (its layers start with the catalog image's). */
export function declaredVolumes(
  source: CatalogSource | undefined,
  diffIds: readonly Digest[],
): readonly string[] {
  const index = source?.index;
  if (!index) return [];
  let best: CatalogIndexImage | undefined;
  for (const img of index.images) {
    if (img.layers.length > diffIds.length) continue;
    if (img.layers.some((l, i) => l.diffId !== diffIds[i])) continue;
    if (!best || img.layers.length > best.layers.length) best = img;
  }
  return best ? (source!.file(best.file)?.config.Volumes ?? []) : [];
}

// ---- docker pull --------------------------------------------------------------------------------

export interface PulledLayer {
  /** The registry blob, as `docker pull` names it. */
  readonly blob: Digest;
  readonly chainId: Digest;
  readonly diffId: Digest;
  readonly size: number;
  /** Its chain was already in the layer store: "Already exists". */
  readonly existed: boolean;
}

export interface PullResult {
  readonly world: World;
  /** The layers `docker pull` reports, bottom first; none when the image itself was already here. */
  readonly layers: readonly PulledLayer[];
  /** 'up-to-date': the tag already named this very image. */
  readonly status: 'downloaded' | 'up-to-date';
  /** The local reference: 'nginx:latest'. */
  readonly ref: string;
}

/**
 * Pull a catalog image into the daemon: its layers registered with their known diff IDs (chains the
 * layer store already holds are reused: "Already exists"), its config stored and the tag set. When
 * the image (its config) is already here, no layer is looked at, as dockerd skips them.
 */
export function pullCatalogImage(world: World, image: CatalogImage, tag: string): PullResult {
  const spec = toImageSpec(image, tag);
  const ref = normalizeRef(spec.ref);
  const chains = catalogChainIds(image.entry);
  const [w, rec] = addImage(world, spec);
  if (world.images.has(rec.id))
    return {
      world: w,
      layers: [],
      status: world.tags.get(ref) === rec.id ? 'up-to-date' : 'downloaded',
      ref,
    };
  const layers = image.entry.layers.map((l, i) => ({
    blob: l.blob,
    chainId: chains[i]!,
    diffId: l.diffId,
    size: l.size,
    existed: world.layers.has(chains[i]!),
  }));
  return { world: w, layers, status: 'downloaded', ref };
}
