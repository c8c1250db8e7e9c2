import type { Errno, Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import type { FileContent } from './content.ts';
import { contentOf, fileText } from './content.ts';
import type { EngineEvent } from './events.ts';
import type { DirEntry, Fs, Stat, StatKind, WriteOptions } from './fs.ts';
import type { AbsPath } from './ids.ts';
import type { Mount, Namespace, PathInfo } from './namespace.ts';
import { isMountPoint, locate, resolvePath } from './namespace.ts';
import { statSize } from './node.ts';
import type { OpCtx, OpResult } from './ops.ts';
import * as ops from './ops.ts';
import type { Overlay, Resolved } from './overlay.ts';
import { layerAt, mergedChildren, probeChild, resolveComps } from './overlay.ts';

/**
 * The Fs a shell command uses, over an immutable Namespace: every call resolves the path through the
 * mounts, runs the overlay operation and keeps the new namespace and the events. `ns` is read back by
 * the session afterwards; the engine state itself is never mutated.
 */
export class NamespaceFs implements Fs {
  private log: EngineEvent[] = [];
  /** Set once any call changed a filesystem (the logical clock advances per mutating command). */
  mutated = false;

  /**
   * @param clock the time stamped on changes; the session moves it forward between commands (H4).
   */
  constructor(
    public ns: Namespace,
    public clock: number,
    private readonly umask = 0o022,
  ) {}

  now(): number {
    return this.clock;
  }

  events(): readonly EngineEvent[] {
    return this.log;
  }

  private get ctx(): OpCtx {
    return { now: this.clock, umask: this.umask };
  }

  private resolve(path: AbsPath, follow: boolean): PathInfo | Errno {
    return resolvePath(this.ns, path, follow);
  }

  private mountOf(info: PathInfo): Mount {
    return this.ns.mounts[info.at.mount]!;
  }

  private device(info: PathInfo): readonly [number, number] | undefined {
    return this.ns.devices.get('/' + info.comps.join('/'));
  }

  private lookupEvent(info: PathInfo): void {
    const m = this.mountOf(info);
    if (m.kind !== 'overlay' || m.fs.lowers.length === 0 || info.at.inner.length === 0) return;
    const parent = resolveComps(m.fs, info.at.inner.slice(0, -1));
    const probes = probeChild(m.fs, parent, info.at.inner[info.at.inner.length - 1]!);
    const path = ('/' + info.comps.join('/')) as AbsPath;
    this.log.push({ type: 'lookup', path, probes, found: info.found?.node.kind ?? null });
  }

  private toStat(info: PathInfo, r: Resolved): Stat {
    const m = this.mountOf(info);
    const n = r.node;
    const dev = this.device(info);
    const kind: StatKind = dev ? 'chardev' : n.kind === 'whiteout' ? 'chardev' : n.kind;
    const layer = m.kind === 'overlay' && m.fs.lowers.length > 0 ? { layer: layerAt(m.fs, r.level).id } : {};
    const nlink =
      n.kind === 'dir'
        ? 2 + mergedChildren(r).filter((e) => e.node.kind === 'dir').length
        : n.kind === 'file'
          ? (layerAt(m.fs, r.level).links.get(n.ino)?.length ?? 1)
          : 1;
    return {
      kind,
      mode: n.mode,
      uid: n.uid,
      gid: n.gid,
      mtime: n.mtime,
      size: dev ? 0 : statSize(n),
      nlink,
      ino: n.kind === 'file' ? n.ino + r.level * 1_000_000 : pathInode(m.name, info.comps),
      mount: m.name,
      ...layer,
      ...(dev ? { rdev: dev } : {}),
      ...(n.kind === 'symlink' ? { target: n.target } : {}),
    };
  }

  private statVia(path: AbsPath, follow: boolean): Result<Stat> {
    const info = this.resolve(path, follow);
    if (typeof info === 'string') return fail(info);
    this.lookupEvent(info);
    if (!info.found) return fail('ENOENT');
    return ok(this.toStat(info, info.found));
  }

  stat(path: AbsPath): Result<Stat> {
    return this.statVia(path, true);
  }

  lstat(path: AbsPath): Result<Stat> {
    return this.statVia(path, false);
  }

  readdir(path: AbsPath): Result<DirEntry[]> {
    const info = this.resolve(path, true);
    if (typeof info === 'string') return fail(info);
    if (!info.found) return fail('ENOENT');
    if (info.found.node.kind !== 'dir') return fail('ENOTDIR');
    const m = this.mountOf(info);
    const withLayer = m.kind === 'overlay' && m.fs.lowers.length > 0;
    return ok(
      mergedChildren(info.found).map((e) => {
        const dev = this.ns.devices.has(('/' + [...info.comps, e.name].join('/')) as string);
        const kind: StatKind = dev ? 'chardev' : e.node.kind === 'whiteout' ? 'chardev' : e.node.kind;
        return withLayer ? { name: e.name, kind, layer: layerAt(m.fs, e.level).id } : { name: e.name, kind };
      }),
    );
  }

  readFile(path: AbsPath): Result<string> {
    const info = this.resolve(path, true);
    if (typeof info === 'string') return fail(info);
    this.lookupEvent(info);
    if (!info.found) return fail('ENOENT');
    if (this.device(info)) return ok('');
    const n = info.found.node;
    if (n.kind === 'dir') return fail('EISDIR');
    if (n.kind !== 'file') return fail('EINVAL');
    const m = this.mountOf(info);
    const layer = m.kind === 'overlay' && m.fs.lowers.length > 0 ? layerAt(m.fs, info.found.level).id : null;
    this.log.push({ type: 'read', path: ('/' + info.comps.join('/')) as AbsPath, layer, bytes: n.size });
    return ok(fileText(n));
  }

  readFileContent(path: AbsPath): Result<FileContent> {
    const text = this.readFile(path);
    if (!text.ok) return text;
    const info = this.resolve(path, true);
    const n = typeof info === 'string' ? undefined : info.found?.node;
    return ok(
      n?.kind === 'file' && !this.device(info as PathInfo) ? contentOf(n) : { content: text.value, size: 0 },
    );
  }

  readlink(path: AbsPath): Result<string> {
    const info = this.resolve(path, false);
    if (typeof info === 'string') return fail(info);
    if (!info.found) return fail('ENOENT');
    return info.found.node.kind === 'symlink' ? ok(info.found.node.target) : fail('EINVAL');
  }

  realpath(path: AbsPath): Result<AbsPath> {
    const info = this.resolve(path, true);
    if (typeof info === 'string') return fail(info);
    if (!info.found) return fail('ENOENT');
    return ok(('/' + info.comps.join('/')) as AbsPath);
  }

  /** Run an overlay operation on the mount holding `info`, keeping its new tree and events. */
  private apply(info: PathInfo, op: (ov: Overlay) => OpResult): Result<void> {
    const m = this.mountOf(info);
    if (m.readOnly) return fail('EROFS');
    const r = op(m.fs);
    const path = ('/' + info.comps.join('/')) as AbsPath;
    if (m.kind === 'overlay') this.log.push(...r.events);
    else if (r.ok) this.log.push({ type: 'write-elsewhere', path, mount: m.name });
    if (!r.ok) return fail(r.errno);
    if (r.ov !== m.fs) {
      const mounts = this.ns.mounts.slice();
      mounts[info.at.mount] = { ...m, fs: r.ov };
      this.ns = { ...this.ns, mounts };
      this.mutated = true;
    }
    return ok(undefined);
  }

  writeFile(path: AbsPath, data: string | FileContent, options: WriteOptions): Result<void> {
    // O_CREAT|O_EXCL never follows a final symlink, even a dangling one: the name itself must be free.
    if (options.exclusive) {
      const own = this.resolve(path, false);
      if (typeof own === 'string') return fail(own);
      if (own.found) return fail('EEXIST');
    }
    const info = this.resolve(path, true);
    if (typeof info === 'string') return fail(info);
    if (this.device(info)) {
      this.log.push({ type: 'write-elsewhere', path, mount: 'devtmpfs' });
      return ok(undefined);
    }
    const opts = {
      append: options.append,
      ...(options.mode === undefined ? {} : { mode: options.mode }),
      ...(options.exclusive ? { exclusive: true } : {}),
    };
    return this.apply(info, (ov) => ops.writeFile(ov, this.ctx, info.at.inner, data, opts));
  }

  mkdir(path: AbsPath, mode = 0o777): Result<void> {
    const info = this.resolve(path, false);
    if (typeof info === 'string') return fail(info);
    if (info.found) return fail('EEXIST');
    return this.apply(info, (ov) => ops.mkdir(ov, this.ctx, info.at.inner, mode));
  }

  private busy(info: PathInfo): boolean {
    return isMountPoint(this.ns, info.comps) || this.ns.mounts[info.at.mount]!.file !== undefined;
  }

  unlink(path: AbsPath): Result<void> {
    const info = this.resolve(path, false);
    if (typeof info === 'string') return fail(info);
    if (!info.found) return fail('ENOENT');
    if (this.busy(info)) return fail(info.found.node.kind === 'dir' ? 'EISDIR' : 'EBUSY');
    return this.apply(info, (ov) => ops.unlink(ov, this.ctx, info.at.inner));
  }

  rmdir(path: AbsPath): Result<void> {
    const info = this.resolve(path, false);
    if (typeof info === 'string') return fail(info);
    if (!info.found) return fail('ENOENT');
    if (info.found.node.kind !== 'dir') return fail('ENOTDIR');
    if (this.busy(info)) return fail('EBUSY');
    return this.apply(info, (ov) => ops.rmdir(ov, this.ctx, info.at.inner));
  }

  rename(from: AbsPath, to: AbsPath): Result<void> {
    const a = this.resolve(from, false);
    if (typeof a === 'string') return fail(a);
    if (!a.found) return fail('ENOENT');
    const b = this.resolve(to, false);
    if (typeof b === 'string') return fail(b);
    if (this.busy(a) || (b.found && this.busy(b))) return fail('EBUSY');
    if (a.at.mount !== b.at.mount) return fail('EXDEV');
    return this.apply(a, (ov) => ops.rename(ov, this.ctx, a.at.inner, b.at.inner));
  }

  symlink(target: string, path: AbsPath): Result<void> {
    const info = this.resolve(path, false);
    if (typeof info === 'string') return fail(info);
    if (info.found) return fail('EEXIST');
    return this.apply(info, (ov) => ops.symlink(ov, this.ctx, target, info.at.inner));
  }

  link(existing: AbsPath, path: AbsPath): Result<void> {
    const a = this.resolve(existing, false);
    if (typeof a === 'string') return fail(a);
    if (!a.found) return fail('ENOENT');
    const b = this.resolve(path, false);
    if (typeof b === 'string') return fail(b);
    if (b.found) return fail('EEXIST');
    if (a.at.mount !== b.at.mount) return fail('EXDEV');
    return this.apply(a, (ov) => ops.link(ov, this.ctx, a.at.inner, b.at.inner));
  }

  private metaOp(path: AbsPath, op: (ov: Overlay, inner: readonly string[]) => OpResult): Result<void> {
    const info = this.resolve(path, true);
    if (typeof info === 'string') return fail(info);
    if (!info.found) return fail('ENOENT');
    if (this.device(info)) return ok(undefined);
    return this.apply(info, (ov) => op(ov, info.at.inner));
  }

  chmod(path: AbsPath, mode: number): Result<void> {
    return this.metaOp(path, (ov, inner) => ops.chmod(ov, this.ctx, inner, mode));
  }

  chown(path: AbsPath, uid: number, gid: number): Result<void> {
    return this.metaOp(path, (ov, inner) => ops.chown(ov, this.ctx, inner, uid, gid));
  }

  utimes(path: AbsPath, mtime: number | null): Result<void> {
    return this.metaOp(path, (ov, inner) => ops.utimes(ov, this.ctx, inner, mtime));
  }

  truncate(path: AbsPath, size: number): Result<void> {
    return this.metaOp(path, (ov, inner) => ops.truncate(ov, this.ctx, inner, size));
  }
}

/**
 * Directories and symlinks carry no inode number in the model; a stable one derived from the mount and
 * canonical path lets tools tell "the same file" apart (cp and mv refuse to copy a dir into itself).
 */
function pathInode(mount: string, comps: readonly string[]): number {
  let h = 2166136261;
  const s = `${mount}:/${comps.join('/')}`;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return 0x40000000 + ((h >>> 0) % 0x3fffffff);
}

/** Where a canonical path is mounted, for callers outside an Fs call. */
export { locate };
