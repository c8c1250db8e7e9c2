import {
  applyNamespace,
  daemonNamespace,
  findContainer,
  OVERLAY2,
} from '../../../engine/docker/containers.ts';
import { humanSize } from '../../../engine/docker/sizes.ts';
import type { Container } from '../../../engine/docker/world.ts';
import type { Errno } from '../../../engine/errors.ts';
import { strerror } from '../../../engine/errors.ts';
import type { Fs, Stat } from '../../../engine/fs.ts';
import type { AbsPath } from '../../../engine/ids.ts';
import { locate } from '../../../engine/namespace.ts';
import { NamespaceFs } from '../../../engine/namespace-fs.ts';
import { basename, dirname, joinPath, normalize, splitPath } from '../../../engine/path.ts';
import type { CommandContext, ParseResult } from '../../types.ts';
import type { DockerHost } from '../../docker-host.ts';
import { argCountError, parseDockerFlags } from './flags.ts';
import type { DockerSubcommand } from './subcommand.ts';
import { daemonError } from './subcommand.ts';

const USAGE =
  'docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH';

export interface CpOpts {
  readonly src: string;
  readonly dst: string;
  /** -L: follow a symlink given as the source. */
  readonly follow: boolean;
  /** -a: keep uid/gid (everything is root here, so only the chown calls differ). */
  readonly archive: boolean;
  readonly quiet: boolean;
}

/**
 * docker cp, both ways, as CLI 28 and dockerd 20.10 do it: the daemon reads or writes the container
 * through its own mount of the rootfs with the volumes (daemonNamespace), so copies into the
 * container land in the upper — parents copied up as usual — or in a volume; a tmpfs or /dev/shm
 * path is not mounted there, so those land in the upper too. Works on stopped containers.
 */
export const cp: DockerSubcommand<CpOpts> = {
  name: 'cp',
  aliases: ['container cp'],
  usage: USAGE,
  about: 'Copy files/folders between a container and the local filesystem',
  parse(args): ParseResult<CpOpts> {
    const p = parseDockerFlags('cp', USAGE, args, {
      bool: { '-a': 'a', '--archive': 'a', '-L': 'L', '--follow-link': 'L', '-q': 'q', '--quiet': 'q' },
      interspersed: true,
    });
    if (!p.ok) return p;
    if (p.opts.positionals.length !== 2) return argCountError('cp', 'requires 2 arguments', USAGE);
    const [src, dst] = p.opts.positionals as [string, string];
    const b = p.opts.bools;
    return { ok: true, opts: { src, dst, follow: b.has('L'), archive: b.has('a'), quiet: b.has('q') } };
  },
  run(o, ctx, docker) {
    const from = splitCpArg(o.src);
    const to = splitCpArg(o.dst);
    const say = (m: string): number => (ctx.stderr(`${m}\n`), 1);
    if (from.container !== null && to.container !== null)
      return say('copying between containers is not supported');
    if (from.container === null && to.container === null)
      return say('must specify at least one container source');
    if (o.src === '-' || o.dst === '-')
      return say('docker cp: tar streams through - are not simulated; copy to a path');
    const name = (from.container ?? to.container)!;
    const c = findContainer(docker.world(), name);
    if (!c) return daemonError(ctx, `No such container: ${name}`);
    return from.container !== null
      ? copyOut(o, ctx, docker, c, name, from.path)
      : copyIn(o, ctx, docker, c, name, to.path);
  },
};

/** cli/command/container/cp.go splitCpArg: an absolute or ./ path is local; else CONTAINER:PATH. */
function splitCpArg(arg: string): { container: string | null; path: string } {
  if (arg.startsWith('/')) return { container: null, path: arg };
  const colon = arg.indexOf(':');
  if (colon < 0 || arg.startsWith('.')) return { container: null, path: arg };
  return { container: arg.slice(0, colon), path: arg.slice(colon + 1) };
}

/** `dir/.` or `.`: copy what is inside, not the directory itself. */
const contentsOnly = (raw: string): boolean => raw === '.' || raw.endsWith('/.') || normalize(raw) === '/';

/** Go's error text for an errno (strerror, lower case). */
const goErr = (e: Errno): string => strerror[e].charAt(0).toLowerCase() + strerror[e].slice(1);

const merged = (c: Container): string => `${OVERLAY2}/${c.mountId}/merged`;

function copyOut(
  o: CpOpts,
  ctx: CommandContext,
  docker: DockerHost,
  c: Container,
  name: string,
  raw: string,
): number {
  const world = docker.world();
  const cfs = new NamespaceFs(daemonNamespace(world, c), world.clock);
  const src = normalize(raw, '/');
  const wantDir = raw.endsWith('/') || raw.endsWith('/.');
  // The container side is only read: its lookups and reads still go to the timeline.
  const done = (code: number): number => (docker.emit?.(cfs.events()), code);
  const st = o.follow ? cfs.stat(src) : cfs.lstat(src);
  if (!st.ok && st.errno !== 'ENOTDIR')
    return done(daemonError(ctx, `Could not find the file ${raw} in container ${name}`));
  if (!st.ok || (wantDir && st.value.kind !== 'dir'))
    return done(daemonError(ctx, `lstat ${merged(c)}${withSlash(src, raw)}: not a directory`));
  const dst = normalize(o.dst, ctx.cwd);
  const where = destination(ctx.fs, dst, o.dst, st.value, raw, src);
  if ('error' in where) return done((ctx.stderr(`${where.error}\n`), 1));
  const r = copyTree(cfs, src, st.value, ctx.fs, where.target, o);
  if ('error' in r) return done((ctx.stderr(`${r.error}\n`), 1));
  if (!o.quiet) ctx.stderr(`Successfully copied ${humanSize(r.bytes)} to ${dst}\n`);
  return done(0);
}

function copyIn(
  o: CpOpts,
  ctx: CommandContext,
  docker: DockerHost,
  c: Container,
  name: string,
  raw: string,
): number {
  const hfs = ctx.fs;
  const src = normalize(o.src, ctx.cwd);
  const st = o.follow ? hfs.stat(src) : hfs.lstat(src);
  if (!st.ok) {
    ctx.stderr(`${hostLstatError(hfs, src, st.errno)}\n`);
    return 1;
  }
  if (o.src.endsWith('/') && st.value.kind !== 'dir') {
    ctx.stderr('not a directory\n');
    return 1;
  }
  docker.tick();
  const world = docker.world();
  const ns = daemonNamespace(world, c);
  const cfs = new NamespaceFs(ns, world.clock);
  const dst = normalize(raw, '/');
  const where = destination(cfs, dst, raw === '' ? '/' : raw, st.value, o.src, src, name);
  if ('error' in where)
    return where.daemon ? daemonError(ctx, where.error) : (ctx.stderr(`${where.error}\n`), 1);
  // dockerd refuses before it extracts: the extraction dir must be writable (rootfs or volume).
  const at = locate(ns, splitPath(dirname(where.target)));
  const m = ns.mounts[at.mount]!;
  if (m.kind === 'volume' && m.readOnly) return daemonError(ctx, 'mounted volume is marked read-only');
  if (m.kind !== 'volume' && c.readOnly) return daemonError(ctx, 'container rootfs is marked read-only');
  const r = copyTree(hfs, src, st.value, cfs, where.target, o);
  docker.emit?.(cfs.events());
  if (cfs.mutated)
    docker.setWorld(applyNamespace(docker.world(), docker.world().containers.get(c.id)!, cfs.ns));
  if ('error' in r) return daemonError(ctx, `Error processing tar file(exit status 1): ${r.error}`);
  if (!o.quiet) ctx.stderr(`Successfully copied ${humanSize(r.bytes)} to ${name}:${raw}\n`);
  return 0;
}

/**
 * The CLI resolves the source's parent with filepath.EvalSymlinks and joins the name back with a '/',
 * so a missing `/nope` reads `lstat //nope`; a missing parent is reported by EvalSymlinks itself.
 */
function hostLstatError(fs: Fs, src: AbsPath, errno: Errno): string {
  const dir = dirname(src);
  const comps = splitPath(dir);
  for (let i = 1; i <= comps.length; i++) {
    const p = ('/' + comps.slice(0, i).join('/')) as AbsPath;
    const st = fs.lstat(p);
    if (!st.ok) return `lstat ${p}: ${goErr(st.errno)}`;
  }
  return `lstat ${dir === '/' ? '/' : dir}/${basename(src)}: ${goErr(errno)}`;
}

const withSlash = (p: AbsPath, raw: string): string => (raw.endsWith('/') && p !== '/' ? `${p}/` : p);

type Where = { target: AbsPath } | { error: string; daemon?: boolean };

/**
 * Where the copy lands (moby archive.CopyInfoDestinationPath): into an existing directory under the
 * source's name (or its contents, for `dir/.`), over an existing file, or at a new name whose parent
 * must exist. `container` is set when the destination is in a container (its errors are dockerd's).
 */
function destination(
  fs: Fs,
  dst: AbsPath,
  rawDst: string,
  srcSt: Stat,
  rawSrc: string,
  src: AbsPath,
  container?: string,
): Where {
  const srcIsDir = srcSt.kind === 'dir';
  const slash = rawDst.endsWith('/');
  const st = fs.stat(dst);
  if (st.ok && slash && st.value.kind !== 'dir') {
    if (container !== undefined) return { error: srcIsDir ? 'cannot copy directory' : 'no such directory' };
    return { error: `stat ${dst}/: not a directory` };
  }
  if (st.ok && st.value.kind === 'dir') {
    if (contentsOnly(rawSrc)) return { target: dst };
    return { target: joinPath(dst, basename(src)) };
  }
  if (st.ok) return srcIsDir ? { error: 'cannot copy directory' } : { target: dst };
  if (slash && !srcIsDir) return { error: 'no such directory' };
  const parent = fs.stat(dirname(dst));
  if (parent.ok && parent.value.kind === 'dir') return { target: dst };
  if (container === undefined)
    return { error: `invalid output path: directory "${dirname(dst)}" does not exist` };
  if (parent.ok || (!parent.ok && parent.errno === 'ENOTDIR'))
    return { error: 'extraction point is not a directory', daemon: true };
  const shownParent = rawDst.replace(/\/+$/, '').replace(/\/[^/]*$/, '') || '/';
  return { error: `Could not find the file ${shownParent} in container ${container}`, daemon: true };
}

/**
 * The tar round trip of docker cp, as calls on two filesystems: a file is unlinked and recreated (not
 * written in place), a directory met by a directory only gets its mode, and directory times are set
 * after their contents, as Go's untar does. Modes and mtimes are kept; `-a` keeps owners. Returns
 * the size of the tar that travelled (512-byte headers and blocks, 1 KiB of end), for the message.
 */
function copyTree(
  from: Fs,
  src: AbsPath,
  srcSt: Stat,
  to: Fs,
  target: AbsPath,
  o: CpOpts,
): { bytes: number } | { error: string } {
  let bytes = 1024;
  const links = new Map<string, AbsPath>();
  const failed = (op: string, path: AbsPath, e: Errno): { error: string } => ({
    error: `${op} ${path}: ${goErr(e)}`,
  });
  const header = (name: string): number => 512 + (name.length > 100 ? 1024 : 0);

  const one = (path: AbsPath, st: Stat, dst: AbsPath, name: string): { error: string } | null => {
    const cur = to.lstat(dst);
    if (cur.ok && cur.value.kind === 'dir' && st.kind !== 'dir')
      return { error: `cannot overwrite directory "${dst}" with non-directory "${path}"` };
    if (cur.ok && cur.value.kind !== 'dir' && st.kind === 'dir')
      return { error: `cannot overwrite non-directory "${dst}" with directory "${path}"` };
    const own = (): Errno | null => {
      if (!o.archive) return null;
      const r = to.chown(dst, st.uid, st.gid);
      return r.ok ? null : r.errno;
    };
    if (st.kind === 'dir') {
      bytes += header(`${name}/`);
      const made = cur.ok ? to.chmod(dst, st.mode) : to.mkdir(dst, st.mode);
      if (!made.ok) return failed(cur.ok ? 'chmod' : 'mkdir', dst, made.errno);
      if (!cur.ok) to.chmod(dst, st.mode);
      const e = own();
      if (e) return failed('lchown', dst, e);
      const list = from.readdir(path);
      if (!list.ok) return failed('readdir', path, list.errno);
      for (const entry of list.value) {
        const p = joinPath(path, entry.name);
        const est = from.lstat(p);
        if (!est.ok || est.value.kind === 'chardev') continue;
        const err = one(p, est.value, joinPath(dst, entry.name), `${name}/${entry.name}`);
        if (err) return err;
      }
      to.utimes(dst, st.mtime);
      return null;
    }
    if (st.kind === 'chardev') return null;
    bytes += header(name);
    if (cur.ok) {
      const u = to.unlink(dst);
      if (!u.ok) return failed('unlinkat', dst, u.errno);
    }
    if (st.kind === 'symlink') {
      const t = from.readlink(path);
      if (!t.ok) return failed('readlink', path, t.errno);
      const r = to.symlink(t.value, dst);
      return r.ok ? null : failed('symlink', dst, r.errno);
    }
    const key = `${st.mount}:${st.ino}`;
    const first = st.nlink > 1 ? links.get(key) : undefined;
    if (first !== undefined) {
      const r = to.link(first, dst);
      return r.ok ? null : failed('link', dst, r.errno);
    }
    links.set(key, dst);
    const data = from.readFile(path);
    if (!data.ok) return failed('open', path, data.errno);
    bytes += Math.ceil(st.size / 512) * 512;
    const w = to.writeFile(dst, data.value, { append: false, mode: st.mode });
    if (!w.ok) return failed('open', dst, w.errno);
    to.chmod(dst, st.mode);
    to.utimes(dst, st.mtime);
    const e = own();
    return e ? failed('lchown', dst, e) : null;
  };

  const err = one(src, srcSt, target, src === '/' ? '.' : basename(src));
  return err ?? { bytes };
}
