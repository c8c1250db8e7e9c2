import { fail, ok } from '../../engine/errors.ts';
import type { Result } from '../../engine/errors.ts';
import type { EngineEvent } from '../../engine/events.ts';
import type { DirEntry, Fs, Stat, WriteOptions } from '../../engine/fs.ts';
import { layerId } from '../../engine/ids.ts';
import type { AbsPath } from '../../engine/ids.ts';
import { byteLength } from '../../engine/node.ts';
import { normalize, splitPath } from '../../engine/path.ts';
import { byteOrder } from '../lang/byte-order.ts';

/**
 * A plain in-memory tree behind the `Fs` interface: no layers, no overlay, root may do anything. It is a
 * test double for command tests, so it favours being obviously right over being fast. The tree is
 * mutable on purpose (a snapshot per call would only slow tests down); hard links share one node object.
 */

const MAX_SYMLINK_HOPS = 40; // Linux's MAXSYMLINKS
const PATH_MAX = 4096;
const NAME_MAX = 255;
const SEED_TIME = 1700000000; // SEMANTICS.md H4: image entries carry this fixed mtime
const LAYER = layerId('memory');

/** What a test puts in the tree; in `memoryFs({...})` a plain string is a file's content. */
export type NodeSpec =
  | { readonly kind: 'file'; readonly content: string; readonly mode: number }
  | { readonly kind: 'dir'; readonly mode: number }
  | { readonly kind: 'symlink'; readonly target: string }
  | { readonly kind: 'chardev'; readonly rdev: readonly [number, number] };
export type SeedEntry = string | NodeSpec;

export const file = (content: string, mode = 0o644): NodeSpec => ({ kind: 'file', content, mode });
export const dir = (mode = 0o755): NodeSpec => ({ kind: 'dir', mode });
export const symlink = (target: string): NodeSpec => ({ kind: 'symlink', target });
export const chardev = (major: number, minor: number): NodeSpec => ({
  kind: 'chardev',
  rdev: [major, minor],
});

interface Meta {
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  nlink: number;
  readonly ino: number;
}
type MNode = Meta &
  (
    | { readonly kind: 'file'; content: string }
    | { readonly kind: 'dir'; readonly children: Map<string, MNode> }
    | { readonly kind: 'symlink'; readonly target: string }
    | { readonly kind: 'chardev'; readonly rdev: readonly [number, number] }
  );
type MDir = Extract<MNode, { kind: 'dir' }>;

/** Where a path leads: the directory holding the last name, and what (if anything) is there. */
interface Located<N = MNode | undefined> {
  readonly parent: MDir;
  readonly name: string;
  readonly node: N;
  readonly path: AbsPath;
}

export interface MemoryFsOptions {
  /** The logical clock: what `now()` and every new mtime read. Default: always 1700000000. */
  readonly clock?: () => number;
  readonly umask?: number;
  /** What `Stat.mount` reports. */
  readonly mount?: string;
}

export class MemoryFs implements Fs {
  private nextIno = 1;
  private readonly log: EngineEvent[] = [];
  private readonly clock: () => number;
  private readonly umask: number;
  private readonly mount: string;
  private readonly root: MDir;

  constructor(options: MemoryFsOptions = {}) {
    this.clock = options.clock ?? (() => SEED_TIME);
    this.umask = options.umask ?? 0o022;
    this.mount = options.mount ?? 'memory';
    this.root = this.make(dir(), SEED_TIME) as MDir;
  }

  /** Put an entry into the tree, creating missing parents (0755), without recording events. */
  seed(path: string, entry: SeedEntry): this {
    const names = splitPath(normalize(path));
    const last = names.pop();
    let cur = this.root;
    for (const name of names) {
      const next = cur.children.get(name);
      if (next?.kind === 'dir') cur = next;
      else cur.children.set(name, (cur = this.make(dir(), SEED_TIME) as MDir));
    }
    if (last !== undefined)
      cur.children.set(last, this.make(typeof entry === 'string' ? file(entry) : entry, SEED_TIME));
    return this;
  }

  stat(path: AbsPath): Result<Stat> {
    return this.statOf(this.existing(path, true));
  }
  lstat(path: AbsPath): Result<Stat> {
    return this.statOf(this.existing(path, false));
  }

  readdir(path: AbsPath): Result<DirEntry[]> {
    const loc = this.existing(path, true);
    if (!loc.ok) return loc;
    const node = loc.value.node;
    if (node.kind !== 'dir') return fail('ENOTDIR');
    const names = [...node.children.keys()].sort(byteOrder);
    return ok(names.map((name) => ({ name, kind: (node.children.get(name) as MNode).kind })));
  }

  readFile(path: AbsPath): Result<string> {
    const loc = this.existing(path, true);
    if (!loc.ok) return loc;
    const { node, path: real } = loc.value;
    if (node.kind === 'dir') return fail('EISDIR');
    if (node.kind !== 'file') return ok('');
    this.log.push({ type: 'read', path: real, layer: LAYER, bytes: byteLength(node.content) });
    return ok(node.content);
  }

  readlink(path: AbsPath): Result<string> {
    const loc = this.existing(path, false);
    if (!loc.ok) return loc;
    return loc.value.node.kind === 'symlink' ? ok(loc.value.node.target) : fail('EINVAL');
  }

  realpath(path: AbsPath): Result<AbsPath> {
    const loc = this.existing(path, true);
    return loc.ok ? ok(loc.value.path) : loc;
  }

  writeFile(path: AbsPath, data: string, options: WriteOptions): Result<void> {
    if (options.exclusive === true) {
      const here = this.locate(path, false);
      if (!here.ok) return here;
      if (here.value.node !== undefined) return fail('EEXIST');
    }
    // O_CREAT follows a dangling symlink and creates its target, as open(2) does.
    const loc = this.locate(path, true);
    if (!loc.ok) return loc;
    const { node, path: real } = loc.value;
    const write: EngineEvent = { type: 'write', path: real, bytes: byteLength(data), append: options.append };
    if (node === undefined) {
      const made = this.insert(loc.value, file(data, (options.mode ?? 0o666) & ~this.umask));
      if (made.ok && data !== '') this.log.push(write);
      return made;
    }
    if (node.kind === 'dir') return fail('EISDIR');
    if (node.kind !== 'file') {
      this.log.push({ type: 'write-elsewhere', path: real, mount: 'devtmpfs' });
      return ok(undefined);
    }
    if (options.append && data === '') return ok(undefined); // opened for write, nothing written: mtime stays
    node.content = options.append ? node.content + data : data;
    node.mtime = this.clock();
    this.log.push(write);
    return ok(undefined);
  }

  mkdir(path: AbsPath, mode = 0o777): Result<void> {
    return this.create(path, dir(mode & ~this.umask));
  }

  symlink(target: string, path: AbsPath): Result<void> {
    return this.create(path, symlink(target));
  }

  link(existing: AbsPath, path: AbsPath): Result<void> {
    const from = this.existing(existing, false);
    if (!from.ok) return from;
    const node = from.value.node;
    if (node.kind === 'dir') return fail('EPERM');
    const to = this.locate(path, false);
    if (!to.ok) return to;
    if (to.value.node !== undefined) return fail('EEXIST');
    to.value.parent.children.set(to.value.name, node);
    to.value.parent.mtime = this.clock();
    node.nlink++;
    this.log.push({ type: 'link', existing: from.value.path, path: to.value.path });
    return ok(undefined);
  }

  unlink(path: AbsPath): Result<void> {
    const loc = this.existing(path, false);
    if (!loc.ok) return loc;
    return loc.value.node.kind === 'dir' ? fail('EISDIR') : this.remove(loc.value);
  }

  rmdir(path: AbsPath): Result<void> {
    const loc = this.existing(path, false);
    if (!loc.ok) return loc;
    const { node } = loc.value;
    if (node.kind !== 'dir') return fail('ENOTDIR');
    if (node === this.root) return fail('EBUSY');
    return node.children.size > 0 ? fail('ENOTEMPTY') : this.remove(loc.value);
  }

  rename(from: AbsPath, to: AbsPath): Result<void> {
    const src = this.existing(from, false);
    if (!src.ok) return src;
    const dst = this.locate(to, false);
    if (!dst.ok) return dst;
    const s = src.value;
    const d = dst.value;
    if (s.node === this.root || d.node === this.root) return fail('EBUSY');
    if (s.node === d.node) return ok(undefined);
    if (s.node.kind === 'dir') {
      if (d.path.startsWith(s.path + '/')) return fail('EINVAL');
      if (d.node !== undefined && d.node.kind !== 'dir') return fail('ENOTDIR');
      if (d.node?.kind === 'dir' && d.node.children.size > 0) return fail('ENOTEMPTY');
    } else if (d.node?.kind === 'dir') return fail('EISDIR');
    if (d.node !== undefined) d.node.nlink--;
    s.parent.children.delete(s.name);
    d.parent.children.set(d.name, s.node);
    s.parent.mtime = d.parent.mtime = this.clock();
    this.log.push({ type: 'rename', from: s.path, to: d.path });
    return ok(undefined);
  }

  chmod(path: AbsPath, mode: number): Result<void> {
    return this.change(path, (n) => ({ type: 'chmod', path: n.path, mode: (n.node.mode = mode & 0o7777) }));
  }

  chown(path: AbsPath, uid: number, gid: number): Result<void> {
    return this.change(path, (n) => {
      [n.node.uid, n.node.gid] = [uid, gid];
      return { type: 'chown', path: n.path, uid, gid };
    });
  }

  utimes(path: AbsPath, mtime: number | null): Result<void> {
    return this.change(path, (n) => ({
      type: 'utimes',
      path: n.path,
      mtime: (n.node.mtime = mtime ?? this.clock()),
    }));
  }

  truncate(path: AbsPath, size: number): Result<void> {
    const loc = this.existing(path, true);
    if (!loc.ok) return loc;
    const { node } = loc.value;
    if (node.kind === 'dir') return fail('EISDIR');
    if (node.kind !== 'file' || size < 0) return fail('EINVAL');
    // Sizes count UTF-16 units here, which equals bytes for the ASCII text tests use.
    node.content =
      size <= node.content.length ? node.content.slice(0, size) : node.content.padEnd(size, '\0');
    node.mtime = this.clock();
    this.log.push({ type: 'truncate', path: loc.value.path, size });
    return ok(undefined);
  }

  now(): number {
    return this.clock();
  }

  events(): readonly EngineEvent[] {
    return this.log;
  }

  /** Every path below `/` in byte order (dirs end in '/', symlinks show their target): a compact golden. */
  dump(): string[] {
    const out: string[] = [];
    const walk = (d: MDir, prefix: string): void => {
      for (const name of [...d.children.keys()].sort(byteOrder)) {
        const n = d.children.get(name) as MNode;
        const p = `${prefix}/${name}`;
        out.push(n.kind === 'symlink' ? `${p} -> ${n.target}` : n.kind === 'dir' ? `${p}/` : p);
        if (n.kind === 'dir') walk(n, p);
      }
    };
    walk(this.root, '');
    return out;
  }

  private make(spec: NodeSpec, mtime: number): MNode {
    const meta = { uid: 0, gid: 0, mtime, nlink: 1, ino: this.nextIno++ };
    switch (spec.kind) {
      case 'file':
        return { ...meta, kind: 'file', content: spec.content, mode: spec.mode & 0o7777 };
      case 'dir':
        return { ...meta, kind: 'dir', children: new Map(), mode: spec.mode & 0o7777 };
      case 'symlink':
        return { ...meta, kind: 'symlink', target: spec.target, mode: 0o777 };
      case 'chardev':
        return { ...meta, kind: 'chardev', rdev: spec.rdev, mode: 0o666 };
    }
  }

  private create(path: AbsPath, spec: NodeSpec): Result<void> {
    const loc = this.locate(path, false);
    if (!loc.ok) return loc;
    return loc.value.node === undefined ? this.insert(loc.value, spec) : fail('EEXIST');
  }

  private insert(at: Located, spec: NodeSpec): Result<void> {
    const node = this.make(spec, this.clock());
    at.parent.children.set(at.name, node);
    at.parent.mtime = node.mtime;
    if (node.kind !== 'chardev')
      this.log.push({ type: 'create', path: at.path, kind: node.kind, layer: LAYER });
    return ok(undefined);
  }

  private remove(at: Located<MNode>): Result<void> {
    at.parent.children.delete(at.name);
    at.parent.mtime = this.clock();
    at.node.nlink--;
    if (at.node.kind !== 'chardev') this.log.push({ type: 'remove', path: at.path, kind: at.node.kind });
    return ok(undefined);
  }

  private change(path: AbsPath, apply: (at: Located<MNode>) => EngineEvent): Result<void> {
    const loc = this.existing(path, true);
    if (loc.ok) this.log.push(apply(loc.value));
    return loc.ok ? ok(undefined) : loc;
  }

  private statOf(loc: Result<Located<MNode>>): Result<Stat> {
    if (!loc.ok) return loc;
    const n = loc.value.node;
    const common = { mode: n.mode, uid: n.uid, gid: n.gid, mtime: n.mtime, ino: n.ino, mount: this.mount };
    switch (n.kind) {
      case 'file':
        return ok({ ...common, kind: 'file', size: byteLength(n.content), nlink: n.nlink });
      case 'dir': {
        const subdirs = [...n.children.values()].filter((c) => c.kind === 'dir').length;
        return ok({ ...common, kind: 'dir', size: 4096, nlink: 2 + subdirs });
      }
      case 'symlink':
        return ok({
          ...common,
          kind: 'symlink',
          size: byteLength(n.target),
          nlink: n.nlink,
          target: n.target,
        });
      case 'chardev':
        return ok({ ...common, kind: 'chardev', size: 0, nlink: n.nlink, rdev: n.rdev });
    }
  }

  private existing(path: AbsPath, follow: boolean): Result<Located<MNode>> {
    const loc = this.locate(path, follow);
    if (!loc.ok) return loc;
    const { node } = loc.value;
    return node === undefined ? fail('ENOENT') : ok({ ...loc.value, node });
  }

  /**
   * Walk the path as the kernel's namei does: intermediate symlinks are always followed, the last one only
   * when asked; '..' inside a symlink target climbs from the directory actually reached.
   */
  private locate(path: AbsPath, followLast: boolean): Result<Located> {
    const start = splitPath(path);
    if (path.length > PATH_MAX || start.some((n) => n.length > NAME_MAX)) return fail('ENAMETOOLONG');
    // Components still to walk, next one last; '' and '.' never enter, so an empty stack means "last".
    const pending = start.reverse();
    const dirs: MDir[] = [this.root];
    const names: string[] = [];
    let hops = 0;
    for (;;) {
      const name = pending.pop();
      const cur = dirs.at(-1) as MDir;
      if (name === undefined)
        return ok({ parent: dirs.at(-2) ?? cur, name: names.at(-1) ?? '', node: cur, path: toPath(names) });
      if (name === '..') {
        if (dirs.length > 1) {
          dirs.pop();
          names.pop();
        }
        continue;
      }
      const child = cur.children.get(name);
      const isLast = pending.length === 0;
      if (child?.kind === 'symlink' && (!isLast || followLast)) {
        if (++hops > MAX_SYMLINK_HOPS) return fail('ELOOP');
        if (child.target === '') return fail('ENOENT');
        if (child.target.startsWith('/')) {
          dirs.length = 1;
          names.length = 0;
        }
        for (const part of child.target.split('/').reverse())
          if (part !== '' && part !== '.') pending.push(part);
        continue;
      }
      if (isLast) return ok({ parent: cur, name, node: child, path: toPath([...names, name]) });
      if (child === undefined) return fail('ENOENT');
      if (child.kind !== 'dir') return fail('ENOTDIR');
      dirs.push(child);
      names.push(name);
    }
  }
}

const toPath = (names: readonly string[]): AbsPath => ('/' + names.join('/')) as AbsPath;

/** A MemoryFs filled from a table of paths, in the table's order. */
export function memoryFs(
  seed: Readonly<Record<string, SeedEntry>> = {},
  options: MemoryFsOptions = {},
): MemoryFs {
  const fs = new MemoryFs(options);
  for (const [path, entry] of Object.entries(seed)) fs.seed(path, entry);
  return fs;
}
