/**
 * Container operation sequences for one random scenario: single operations of every kind plus the
 * combinations that stress overlay semantics (delete then recreate, rm -r then mkdir, pure-upper dir
 * moved into a lower dir, rename over existing files, paths whited out below, opaque dirs).
 */
import { CONTENTS, NAMES, relativeTarget } from './genimage.ts';
import type { ImageFacts } from './genimage.ts';
import type { FsModel } from './model.ts';
import { Ops } from './ops.ts';
import { depth, dirname, isUnder, join } from './paths.ts';
import type { Rng } from './rng.ts';
import type { Line } from './types.ts';

const TEXTS = ['x', 'y', 'hi', 'abc', 'xyz', 'hello'] as const;
const CHMODS = ['600', '644', '700', '755'] as const;
const FRESH = ['n', 'new', 'n.txt', 'nd', 'A', 'zz', ...NAMES] as const;
const TOP_FRESH = ['/new', '/n.d', '/Zed'] as const;

const TOP_DIRS = ['/data', '/opt', '/srv'] as const;

type Recipe = (g: Gen) => void;

function insideOrSame(path: string, dir: string): boolean {
  return path === dir || isUnder(path, dir);
}

export function generateLines(rng: Rng, facts: ImageFacts): Line[] {
  const g = new Gen(rng, facts);
  const recipes: (readonly [Recipe, number])[] = [
    [single, 3],
    [deleteRecreate, 2],
    [rmrMkdir, 2],
    [upperDirIntoLower, 2],
    [renameOver, 2],
    [onWhitedOut, facts.whiteouts.length > 0 ? 2 : 0],
    [inOpaque, facts.opaqueDirs.length > 0 ? 2 : 0],
    [moveLowerDir, 1],
    [copies, 1.5],
    [hardlinks, 1],
    [symlinks, 1],
    [chmods, 1],
    [retype, 1],
    [writes, 1.5],
  ];
  for (let n = rng.int(1, 4); n > 0 && g.ops.lines.length < 8; n--) rng.weighted(recipes)(g);
  return g.ops.lines;
}

/** Target picking on the generator's model. */
class Gen {
  readonly ops: Ops;
  readonly model: FsModel;

  constructor(
    readonly rng: Rng,
    readonly facts: ImageFacts,
  ) {
    this.model = facts.model;
    this.ops = new Ops(facts.model);
  }

  /** An existing path the container may touch: anything of the image except /etc itself. */
  existing(type?: 'file' | 'dir' | 'symlink'): string | undefined {
    const paths = this.model.paths(type).filter((path) => path !== '/etc');
    return paths.length > 0 ? this.rng.pick(paths) : undefined;
  }

  /** An existing dir, or '/' when there is none. */
  dir(): string {
    return this.existing('dir') ?? '/';
  }

  /** A nondirectory that exists, if any. */
  nonDir(): string | undefined {
    return this.rng.chance(0.8)
      ? (this.existing('file') ?? this.existing())
      : (this.existing('symlink') ?? this.existing());
  }

  /** A name that does not exist in dir (depth ≥ 2 unless dir is '/', where a new top name is used). */
  fresh(dir: string = this.dir()): string {
    if (dir === '/') return this.rng.pick(TOP_FRESH);
    const free = FRESH.filter((name) => this.model.type(join(dir, name)) === undefined);
    return join(dir, free.length > 0 ? this.rng.pick(free) : `n${this.rng.int(0, 99)}`);
  }

  /** A destination for mv/cp that never puts the moved object at the top level (see relativeTarget). */
  destination(): string {
    const dir = this.dir();
    if (dir !== '/' && this.rng.chance(0.4)) return dir;
    const inside = dir === '/' ? '/data' : dir;
    return this.rng.chance(0.3) ? (this.deepFile() ?? this.fresh(inside)) : this.fresh(inside);
  }

  /**
   * A cp destination whose result is not inside src. GNU `cp -r DIR DIR/sub` stops copying DIR's
   * entries at the first one that is the new copy itself, so what gets copied depends on the
   * kernel's readdir order, which the simulator does not (and should not) model.
   */
  destinationOutside(src: string): string {
    for (let tries = 0; tries < 5; tries++) {
      const dest = this.destination();
      const target = this.model.destination(src, dest);
      if (!insideOrSame(dest, src) && !insideOrSame(target, src)) return dest;
    }
    const top = TOP_DIRS.find((dir) => !insideOrSame(dir, src) && !insideOrSame(src, dir)) ?? '/srv';
    return this.fresh(top);
  }

  /** An existing file below a top-level dir: something mv or cp may replace. */
  deepFile(): string | undefined {
    const files = this.model.paths('file').filter((path) => depth(path) >= 2);
    return files.length > 0 ? this.rng.pick(files) : undefined;
  }

  text(): string {
    return this.rng.pick(TEXTS);
  }

  linkTarget(link: string): string {
    return relativeTarget(this.rng, link, this.model.paths());
  }
}

function single(g: Gen): void {
  const { rng, ops } = g;
  const kind = rng.pick([
    'echo>',
    'echo>>',
    ':>>',
    'touch',
    'chmod',
    'rm',
    'rm -r',
    'rm -rf',
    'mkdir',
    'mkdir -p',
    'rmdir',
    'mv',
    'cp',
    'cp -r',
    'cp -p',
    'ln -s',
    'ln',
    'truncate',
    'sed',
  ] as const);
  const target = (): string => (rng.chance(0.7) ? (g.nonDir() ?? g.fresh()) : g.fresh());
  switch (kind) {
    case 'echo>':
    case 'echo>>':
      return ops.echo(target(), g.text(), kind === 'echo>>');
    case ':>>':
      return ops.openAppend(target());
    case 'touch':
      return ops.touch(rng.chance(0.7) ? (g.existing() ?? g.fresh()) : g.fresh());
    case 'chmod':
      return ops.chmod(rng.pick(CHMODS), g.existing() ?? g.dir());
    case 'rm':
      return ops.rm('', g.nonDir() ?? g.fresh());
    case 'rm -r':
      return ops.rm('-r', g.existing('dir') ?? g.fresh());
    case 'rm -rf':
      return ops.rm('-rf', g.existing('dir') ?? g.fresh());
    case 'mkdir':
      return ops.mkdir(rng.chance(0.8) ? g.fresh() : (g.existing() ?? g.fresh()), false);
    case 'mkdir -p':
      return ops.mkdir(join(g.fresh(), rng.pick(FRESH)), true);
    case 'rmdir': {
      const empty = g.model.paths('dir').filter((dir) => g.model.children(dir).length === 0);
      return ops.rmdir(empty.length > 0 && rng.chance(0.6) ? rng.pick(empty) : g.dir());
    }
    case 'mv':
      return ops.mv(g.existing() ?? g.fresh(), g.destination());
    case 'cp':
      return ops.cp('', g.nonDir() ?? g.fresh(), g.destination());
    case 'cp -p':
      return ops.cp('-p', g.nonDir() ?? g.fresh(), g.destination());
    case 'cp -r': {
      const src = g.existing('dir') ?? g.fresh();
      return ops.cp('-r', src, g.destinationOutside(src));
    }
    case 'ln -s': {
      const link = g.fresh(g.existing('dir') ?? '/data');
      return ops.symlink(g.linkTarget(link), link);
    }
    case 'ln':
      return ops.hardlink(g.existing('file') ?? g.fresh(), g.fresh(g.existing('dir') ?? '/data'));
    case 'truncate':
      return ops.truncate(target(), rng.int(0, 6));
    case 'sed':
      return ops.sed(g.existing('file') ?? g.fresh());
  }
}

function deleteRecreate(g: Gen): void {
  const path = g.nonDir();
  if (path === undefined) return single(g);
  g.ops.rm('', path);
  const how = g.rng.pick(['echo', 'touch', 'mkdir', 'symlink'] as const);
  if (how === 'echo') g.ops.echo(path, g.text(), g.rng.chance(0.3));
  else if (how === 'touch') g.ops.touch(path);
  else if (how === 'mkdir') g.ops.mkdir(path, false);
  else if (depth(path) >= 2) g.ops.symlink(g.linkTarget(path), path);
}

function rmrMkdir(g: Gen): void {
  const dir = g.existing('dir');
  if (dir === undefined) return single(g);
  const old = g.model.children(dir);
  g.ops.rm(g.rng.pick(['-r', '-rf'] as const), dir);
  g.ops.mkdir(dir, g.rng.chance(0.3));
  if (g.rng.chance(0.6)) g.ops.echo(g.fresh(dir), g.text(), false);
  if (old.length > 0 && g.rng.chance(0.5)) g.ops.touch(g.rng.pick(old));
  if (g.rng.chance(0.25)) g.ops.rmdir(dir);
}

function upperDirIntoLower(g: Gen): void {
  const dir = g.fresh(g.existing('dir') ?? '/data');
  g.ops.mkdir(dir, true);
  g.ops.echo(join(dir, 'f'), g.text(), false);
  if (g.rng.chance(0.4)) g.ops.mkdir(join(dir, 's'), false);
  const into = g.existing('dir');
  if (into === undefined || into === dir) return g.ops.mv(dir, join(dirname(dir), 'moved'));
  g.ops.mv(dir, g.rng.chance(0.6) ? into : g.fresh(into));
}

/** mv onto an existing file (the target is replaced), else a dir onto an existing dir (moved into it). */
function renameOver(g: Gen): void {
  const files = g.model.paths('file').filter((path) => depth(path) >= 2);
  const dirs = g.model.paths('dir').filter((dir) => dir !== '/etc');
  const pool = files.length >= 2 ? files : dirs;
  if (pool.length < 2) return single(g);
  const from = g.rng.pick(pool);
  g.ops.mv(from, g.rng.pick(pool.filter((path) => path !== from)));
}

function onWhitedOut(g: Gen): void {
  const path = g.rng.pick(g.facts.whiteouts);
  const how = g.rng.pick(['echo', 'touch', 'mkdir', 'mkdir -p', 'rm', 'ln -s', 'truncate'] as const);
  if (how === 'echo') g.ops.echo(path, g.text(), g.rng.chance(0.5));
  else if (how === 'touch') g.ops.touch(path);
  else if (how === 'mkdir') g.ops.mkdir(path, false);
  else if (how === 'mkdir -p') g.ops.mkdir(join(path, 'x'), true);
  else if (how === 'rm') g.ops.rm('-rf', path);
  else if (how === 'truncate') g.ops.truncate(path, 3);
  else if (depth(path) >= 2) g.ops.symlink(g.linkTarget(path), path);
  if (g.rng.chance(0.3)) g.ops.rm('-r', path);
}

function inOpaque(g: Gen): void {
  const dir = g.rng.pick(g.facts.opaqueDirs);
  const children = g.model.children(dir);
  const child = children.length > 0 ? g.rng.pick(children) : join(dir, 'x');
  const how = g.rng.pick(['touch', 'rm', 'append', 'mkdir', 'rm -r', 'mv', 'rmdir', 'recreate'] as const);
  if (how === 'touch') g.ops.touch(g.fresh(dir));
  else if (how === 'rm') g.ops.rm('', child);
  else if (how === 'append') g.ops.echo(child, g.text(), true);
  else if (how === 'mkdir') g.ops.mkdir(g.fresh(dir), false);
  else if (how === 'rm -r') g.ops.rm('-r', dir);
  else if (how === 'mv') g.ops.mv(child, g.fresh(dir));
  else if (how === 'rmdir') g.ops.rmdir(dir);
  else {
    g.ops.rm('-rf', child);
    g.ops.echo(child, g.text(), false);
  }
}

function moveLowerDir(g: Gen): void {
  const dir = g.existing('dir');
  if (dir === undefined) return single(g);
  g.ops.mv(dir, g.rng.chance(0.5) ? g.fresh(dirname(dir) === '/' ? '/data' : dirname(dir)) : g.destination());
}

function copies(g: Gen): void {
  const flag = g.rng.pick(['', '-p', '-r'] as const);
  const src = flag === '-r' ? (g.existing('dir') ?? g.fresh()) : (g.existing('file') ?? g.fresh());
  const file = g.deepFile();
  const overFile = file !== undefined && !insideOrSame(file, src) && g.rng.chance(0.4);
  const dest = overFile ? file : g.destinationOutside(src);
  g.ops.cp(flag, src, dest);
}

function hardlinks(g: Gen): void {
  const src = g.existing('file');
  if (src === undefined) return single(g);
  const link = g.fresh(g.rng.chance(0.5) ? dirname(src) : g.dir());
  g.ops.hardlink(src, link);
  const then = g.rng.pick(['append', 'chmod', 'rm', 'none'] as const);
  if (then === 'append') g.ops.echo(g.rng.pick([src, link]), g.text(), true);
  else if (then === 'chmod') g.ops.chmod(g.rng.pick(CHMODS), link);
  else if (then === 'rm') g.ops.rm('', src);
}

function symlinks(g: Gen): void {
  const link = g.fresh(g.existing('dir') ?? '/data');
  g.ops.symlink(g.linkTarget(link), link);
  const then = g.rng.pick(['write', 'rm', 'mv', 'none'] as const);
  if (then === 'write') g.ops.echo(link, g.text(), g.rng.chance(0.5));
  else if (then === 'rm') g.ops.rm('', link);
  else if (then === 'mv') g.ops.mv(link, g.fresh(dirname(link)));
}

function chmods(g: Gen): void {
  for (let n = g.rng.int(1, 2); n > 0; n--) g.ops.chmod(g.rng.pick(CHMODS), g.existing() ?? g.dir());
}

function retype(g: Gen): void {
  if (g.rng.chance(0.5)) {
    const dir = g.existing('dir');
    if (dir === undefined) return single(g);
    g.ops.rm('-r', dir);
    g.ops.echo(dir, g.text(), false);
  } else {
    const file = g.nonDir();
    if (file === undefined) return single(g);
    g.ops.rm('', file);
    g.ops.mkdir(file, false);
    if (g.rng.chance(0.5)) g.ops.touch(join(file, g.rng.pick(NAMES)));
  }
}

function writes(g: Gen): void {
  const file = g.existing('file') ?? g.fresh();
  const how = g.rng.pick(['sed', 'truncate', ':>>', 'echo>>', 'echo>'] as const);
  if (how === 'sed') g.ops.sed(file);
  else if (how === 'truncate') g.ops.truncate(file, g.rng.pick([0, 1, 2, 3, CONTENTS.length]));
  else if (how === ':>>') g.ops.openAppend(file);
  else g.ops.echo(file, g.text(), how === 'echo>>');
}
