/**
 * Random scenario images: a first layer that builds small trees, then up to three layers that
 * overwrite, whiteout, make opaque, change types and modes — the situations overlay lookups and
 * copy-ups get wrong.
 */
import { BIN_LAYER } from './bin.ts';
import { FsModel } from './model.ts';
import { basename, dirname, isUnder, join } from './paths.ts';
import type { Rng } from './rng.ts';
import type { ImageSpec, Layer, LayerEntry } from './types.ts';

/** Names that sort in telling ways: '-' < '.' < '/' < digits < upper < lower. */
export const NAMES = ['a', 'a.txt', 'a-b', 'b.txt', 'app', 'app.conf', 'sub', 'Z', '0n', 'x'] as const;
export const CONTENTS = ['a\n', 'b\n', 'x\n', 'xx\n', 'v1\n', 'hello x\n', ''] as const;
export const FILE_MODES = [
  ['0644', 5],
  ['0755', 2],
  ['0600', 2],
  ['0700', 1],
] as const;
export const DIR_MODES = [
  ['0755', 5],
  ['0700', 2],
  ['0644', 1],
  ['0600', 1],
] as const;
const TOPS = ['/data', '/opt', '/srv'] as const;

export interface ImageFacts {
  /** The merged tree of the image, before any container operation. */
  readonly model: FsModel;
  /** Paths a layer above the bottom whited out and no later layer brought back. */
  readonly whiteouts: readonly string[];
  /** Dirs that some layer marked opaque. */
  readonly opaqueDirs: readonly string[];
}

export function generateImage(rng: Rng, ref: string): { image: ImageSpec; facts: ImageFacts } {
  const model = new FsModel();
  const layers: Layer[] = [];
  const whiteouts: string[] = [];
  const opaqueDirs: string[] = [];
  const count = rng.int(1, 4);
  for (let i = 0; i < count; i++) {
    const layer = new LayerBuilder(rng, model);
    if (i === 0) layer.base();
    else layer.mutate(rng.int(1, 4));
    if (layer.entries.length === 0) layer.add({ path: '/data/filler', type: 'file', content: 'f\n' });
    const built: Layer = { entries: layer.entries };
    model.applyLayer(built);
    for (const entry of built.entries) {
      if (entry.type === 'whiteout') whiteouts.push(entry.path);
      if (entry.opaque === true) opaqueDirs.push(entry.path);
    }
    layers.push(built);
  }
  return {
    image: { ref, layers: [BIN_LAYER, ...layers] },
    facts: {
      model,
      whiteouts: whiteouts.filter((path) => model.type(path) === undefined),
      opaqueDirs: opaqueDirs.filter((path) => model.isDir(path)),
    },
  };
}

class LayerBuilder {
  readonly entries: LayerEntry[] = [];
  private readonly used = new Map<string, LayerEntry['type']>();
  private readonly opaque = new Set<string>();

  constructor(
    private readonly rng: Rng,
    private readonly below: FsModel,
  ) {}

  /** The first layer: one to three top dirs (sometimes /etc/app.*) each holding a small tree. */
  base(): void {
    const tops = TOPS.filter(() => this.rng.chance(0.6));
    if (tops.length === 0) tops.push(this.rng.pick(TOPS));
    for (const top of tops) {
      if (this.rng.chance(0.6)) this.add({ path: top, type: 'dir', ...this.mode(DIR_MODES) });
      this.fill(top, 1);
    }
    if (this.rng.chance(0.3)) this.add(this.file('/etc/app.conf'));
    if (this.rng.chance(0.2)) this.add(this.file('/etc/app.d/x'));
  }

  mutate(count: number): void {
    for (let i = 0; i < count; i++) {
      const existing = this.below.paths().filter((path) => path !== '/etc');
      const dirs = this.below.paths('dir').filter((path) => path !== '/etc');
      const kind = this.rng.weighted([
        ['file', 3],
        ['whiteout', existing.length > 0 ? 3 : 0],
        ['opaque', dirs.length > 0 ? 2 : 0],
        ['retype', existing.length > 0 ? 1 : 0],
        ['mode', dirs.length > 0 ? 1 : 0],
        ['dir', 1],
        ['symlink', 1],
      ] as const);
      const inDir = dirs.length > 0 ? this.rng.pick(dirs) : this.rng.pick(TOPS);
      const fresh = join(inDir, this.rng.pick(NAMES));
      switch (kind) {
        case 'file':
          this.add(this.file(fresh));
          break;
        case 'whiteout':
          this.add({ path: this.rng.pick(existing), type: 'whiteout' });
          break;
        case 'opaque': {
          const dir = this.rng.pick(dirs);
          if (this.add({ path: dir, type: 'dir', opaque: true, ...this.mode(DIR_MODES) })) {
            for (let n = this.rng.int(0, 2); n > 0; n--) this.add(this.file(join(dir, this.rng.pick(NAMES))));
          }
          break;
        }
        case 'retype': {
          const path = this.rng.pick(existing);
          if (this.below.isDir(path)) this.add(this.file(path));
          else if (this.add({ path, type: 'dir', ...this.mode(DIR_MODES) }))
            this.add(this.file(join(path, 'x')));
          break;
        }
        case 'mode':
          this.add({ path: this.rng.pick(dirs), type: 'dir', mode: this.rng.weighted(DIR_MODES) });
          break;
        case 'dir':
          if (this.add({ path: fresh, type: 'dir', ...this.mode(DIR_MODES) })) this.fill(fresh, 3);
          break;
        case 'symlink':
          this.addSymlink(fresh);
          break;
      }
    }
  }

  /**
   * Adds the entry unless the layer already holds its path, a non-dir above it, or entries below a
   * non-dir — and never a whiteout inside an opaque dir of the same layer: Docker itself never
   * produces that, and the kernel then lists the whiteout in readdir while lookup says ENOENT.
   */
  add(entry: LayerEntry): boolean {
    const { path } = entry;
    if (this.used.has(path)) return false;
    for (let up = dirname(path); up !== '/'; up = dirname(up)) {
      const type = this.used.get(up);
      if (type !== undefined && type !== 'dir') return false;
      if (entry.type === 'whiteout' && this.opaque.has(up)) return false;
    }
    const below = [...this.used].filter(([key]) => isUnder(key, path));
    if (entry.type !== 'dir' && below.length > 0) return false;
    if (entry.opaque === true && below.some(([, type]) => type === 'whiteout')) return false;
    if (entry.opaque === true) this.opaque.add(path);
    this.used.set(path, entry.type);
    for (let up = dirname(path); up !== '/'; up = dirname(up))
      if (!this.used.has(up)) this.used.set(up, 'dir');
    this.entries.push(entry);
    return true;
  }

  /** A few children in dir (depth 1 = a top dir); dirs nest down to depth 3. */
  private fill(dir: string, depth: number): void {
    for (let n = this.rng.int(1, depth === 1 ? 4 : 2); n > 0; n--) {
      const path = join(dir, this.rng.pick(NAMES));
      const kind = this.rng.weighted([
        ['file', 5],
        ['dir', depth < 3 ? 3 : 0],
        ['symlink', 2],
      ] as const);
      if (kind === 'file') this.add(this.file(path));
      else if (kind === 'symlink') this.addSymlink(path);
      else if (this.add({ path, type: 'dir', ...this.mode(DIR_MODES) })) this.fill(path, depth + 1);
    }
  }

  private file(path: string): LayerEntry {
    return { path, type: 'file', content: this.rng.pick(CONTENTS), ...this.mode(FILE_MODES) };
  }

  private addSymlink(path: string): void {
    const known = [...this.below.paths(), ...this.used.keys()];
    this.add({ path, type: 'symlink', target: relativeTarget(this.rng, path, known) });
  }

  /** Sometimes no mode at all, to exercise the defaults (0644 files, 0755 dirs). */
  private mode(choices: readonly (readonly [string, number])[]): { mode?: string } {
    return this.rng.chance(0.3) ? {} : { mode: this.rng.weighted(choices) };
  }
}

/**
 * A relative symlink target for a link at `link` (always at depth 2 or more): a sibling, a path into
 * a sibling dir, or one '..' up. Never more than one '..', so following it can never climb above
 * the container root — and so never out of MergedDir on the host.
 */
export function relativeTarget(rng: Rng, link: string, known: readonly string[]): string {
  const from = dirname(link);
  const candidates = known.filter((path) => path !== link && !isUnder(path, link) && path !== from);
  if (candidates.length > 0 && rng.chance(0.75)) {
    const target = rng.pick(candidates);
    if (dirname(target) === from) return basename(target);
    if (isUnder(target, from)) return target.slice(from.length + 1);
    const up = dirname(from);
    if (from !== '/' && (up === '/' || isUnder(target, up)) && target !== up) {
      return `../${target.slice(up === '/' ? 1 : up.length + 1)}`;
    }
  }
  return rng.chance(0.5) ? rng.pick(NAMES) : `../${rng.pick(NAMES)}`;
}
