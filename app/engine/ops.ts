import type { Errno } from './errors.ts';
import type { EngineEvent } from './events.ts';
import type { FileNode, Node } from './node.ts';
import type { FileContent } from './content.ts';
import { fileData } from './content.ts';
import { byteLength, dirNode, fileNode, symlinkNode, whiteoutNode } from './node.ts';
import type { Overlay, Resolved } from './overlay.ts';
import { child, hasLower, layerAt, lowerPositive, mergedChildren, rootResolved } from './overlay.ts';
import { getIn, setIn } from './tree.ts';
import {
  addLinkName,
  copyUp,
  copyUpDirs,
  dropLinkName,
  pathOf,
  relinkSubtree,
  renameLinkName,
  updateFile,
  withUpper,
} from './upper.ts';

/**
 * The overlay's system calls, one function each, on canonical paths (every ancestor an existing merged
 * directory, no symlink on the way: the mount namespace resolves symlinks before calling these). They
 * never follow a final symlink either. Each returns the new overlay and the events that explain it.
 */
/** truncate(2) beyond this fails with EFBIG (ext4's limit for 4 KiB blocks is 16 TiB; this is ample). */
const MAX_FILE_SIZE = 2 ** 40;
/** Up to this many zero bytes are written out as content when a dense file grows; more stay sparse. */
const MAX_DENSE_GROWTH = 1 << 20;

export interface OpCtx {
  readonly now: number;
  readonly umask: number;
}

export type OpResult =
  { ok: true; ov: Overlay; events: EngineEvent[] } | { ok: false; errno: Errno; events: EngineEvent[] };

const done = (ov: Overlay, events: EngineEvent[]): OpResult => ({ ok: true, ov, events });
const err = (errno: Errno, events: EngineEvent[] = []): OpResult => ({ ok: false, errno, events });

interface Target {
  parent: Resolved;
  parentComps: readonly string[];
  name: string;
  comps: readonly string[];
  /** What the merged view shows at the name now. */
  cur: Resolved | undefined;
}

/** Resolve like namei: ENOENT for a missing component, ENOTDIR for a non-directory on the way. */
function resolveStrict(ov: Overlay, comps: readonly string[]): Resolved | Errno {
  let cur: Resolved | undefined = rootResolved(ov);
  for (const c of comps) {
    if (cur.node.kind !== 'dir') return 'ENOTDIR';
    cur = child(cur, c);
    if (!cur) return 'ENOENT';
  }
  return cur;
}

function target(ov: Overlay, comps: readonly string[]): Target | Errno {
  if (comps.length === 0) return 'EBUSY';
  const parentComps = comps.slice(0, -1);
  const parent = resolveStrict(ov, parentComps);
  if (typeof parent === 'string') return parent;
  if (parent.node.kind !== 'dir') return 'ENOTDIR';
  const name = comps[comps.length - 1]!;
  return { parent, parentComps, name, comps, cur: child(parent, name) };
}

/** Put `node` at a name in the upper (replacing an upper whiteout or object there); parent mtime = now. */
function place(ov: Overlay, t: Target, node: Node, ctx: OpCtx, events: EngineEvent[]): Overlay {
  const next = copyUpDirs(ov, t.parentComps, events);
  return withUpper(next, { ...next.upper, root: setIn(next.upper.root, t.comps, node, ctx.now) });
}

/** open(O_WRONLY|O_CREAT|O_TRUNC or O_APPEND) + write(data). */
export function writeFile(
  ov: Overlay,
  ctx: OpCtx,
  comps: readonly string[],
  given: string | FileContent,
  opts: { append: boolean; mode?: number; exclusive?: boolean },
): OpResult {
  const t = target(ov, comps);
  if (typeof t === 'string') return err(t);
  const events: EngineEvent[] = [];
  const path = pathOf(comps);
  // Exact data (cp of a binary or a sparse file) is written whole, as text is.
  const exact = typeof given === 'string' ? null : given;
  const data = exact ? exact.content : (given as string);
  if (!t.cur) {
    const mode = (opts.mode ?? 0o666) & ~ctx.umask & 0o7777;
    const made = fileNode(data, { mode, uid: 0, gid: 0, mtime: ctx.now }, ov.nextIno);
    const node = exact ? { ...made, ...exact } : made;
    const next = place({ ...ov, nextIno: ov.nextIno + 1 }, t, node, ctx, events);
    events.push({ type: 'create', path, kind: 'file', layer: next.upper.id });
    if (node.size > 0) events.push({ type: 'write', path, bytes: node.size, append: opts.append });
    return done(next, events);
  }
  if (opts.exclusive) return err('EEXIST');
  if (t.cur.node.kind === 'dir') return err('EISDIR');
  if (t.cur.node.kind !== 'file') return err('EINVAL');
  let next = copyUp(ov, comps, t.cur, 'write', events);
  const old = t.cur.node;
  // O_TRUNC always sets mtime; an append of nothing (`: >> f`) opens for write but changes nothing.
  const changes = !opts.append || data.length > 0 || (exact?.size ?? 0) > 0;
  const added = exact ? exact.size : byteLength(data);
  const size = opts.append ? old.size + added : added;
  const written = exact ?? (opts.append ? appended(old, data) : { content: data });
  const upper = updateFile(next.upper, comps, (n) => ({
    ...withoutBytes(n),
    ...written,
    size,
    mtime: changes ? ctx.now : n.mtime,
  }));
  next = withUpper(next, upper);
  if (!opts.append && old.size > 0) events.push({ type: 'truncate', path, size: 0 });
  if (added > 0) events.push({ type: 'write', path, bytes: added, append: opts.append });
  return done(next, events);
}

/** A file node with its imported bytes dropped (its content is about to be set). */
function withoutBytes(n: FileNode): FileNode {
  if (!n.bytes) return n;
  const { bytes: _dropped, ...rest } = n;
  return rest;
}

/**
 * What appending `data` to `old` leaves. A text file stays text; an imported file keeps exact bytes
 * (a binary must not turn into its text, which reads as ''), and a sparse tail becomes real zeros.
 */
function appended(old: FileNode, data: string): { content: string } | { content: ''; bytes: Uint8Array } {
  if (!old.bytes) return { content: old.content + data };
  const head = fileData(old);
  const tail = new TextEncoder().encode(data);
  const bytes = new Uint8Array(head.length + tail.length);
  bytes.set(head);
  bytes.set(tail, head.length);
  return { content: '', bytes };
}

/** truncate(2) of an imported file: a shrink is a narrower view (no copy); a growth adds zeros. */
function truncatedBytes(bytes: Uint8Array, oldSize: number, size: number): { bytes: Uint8Array } {
  if (size <= bytes.length) return { bytes: bytes.subarray(0, size) };
  // Zeros past the stored bytes are the sparse tail already (size says how far the file goes).
  if (oldSize > bytes.length || size - bytes.length > MAX_DENSE_GROWTH) return { bytes };
  const out = new Uint8Array(size);
  out.set(bytes);
  return { bytes: out };
}

export function mkdir(ov: Overlay, ctx: OpCtx, comps: readonly string[], mode = 0o777): OpResult {
  const t = target(ov, comps);
  if (typeof t === 'string') return err(t === 'EBUSY' ? 'EEXIST' : t);
  if (t.cur) return err('EEXIST');
  const events: EngineEvent[] = [];
  // B5(a): a dir made where this upper holds a whiteout must hide what the lowers still have there.
  const overWhiteout = getIn(ov.upper.root, comps)?.kind === 'whiteout';
  const node = dirNode(
    { mode: mode & ~ctx.umask & 0o7777, uid: 0, gid: 0, mtime: ctx.now },
    new Map(),
    overWhiteout,
  );
  const next = place(ov, t, node, ctx, events);
  const path = pathOf(comps);
  events.push({ type: 'create', path, kind: 'dir', layer: next.upper.id });
  if (overWhiteout) events.push({ type: 'opaque-marked', path, why: 'mkdir-over-whiteout' });
  return done(next, events);
}

/** Remove a name: drop it from the upper and leave a whiteout if a lower still shows it (C5). */
function removeName(ov: Overlay, t: Target, ctx: OpCtx, events: EngineEvent[]): Overlay {
  const path = pathOf(t.comps);
  const cur = t.cur!;
  let upper = ov.upper;
  const inUpper = getIn(upper.root, t.comps);
  if (inUpper?.kind === 'file') upper = dropLinkName(upper, inUpper.ino, path);
  if (inUpper?.kind === 'dir') upper = relinkSubtree(upper, path, null);
  let next = withUpper(ov, upper);
  if (lowerPositive(t.parent, t.name)) {
    const hides = lowerLevel(t.parent, t.name);
    next = place(next, t, whiteoutNode(ctx.now), ctx, events);
    events.push({ type: 'whiteout-created', path, hides: hides === null ? null : layerAt(ov, hides).id });
  } else {
    next = withUpper(next, { ...next.upper, root: setIn(next.upper.root, t.comps, null, ctx.now) });
    events.push({ type: 'remove', path, kind: cur.node.kind });
  }
  return next;
}

function lowerLevel(parent: Resolved, name: string): number | null {
  for (const p of parent.parts) if (p.level > 0 && p.dir.children.has(name)) return p.level;
  return null;
}

export function unlink(ov: Overlay, ctx: OpCtx, comps: readonly string[]): OpResult {
  const t = target(ov, comps);
  if (typeof t === 'string') return err(t === 'EBUSY' ? 'EISDIR' : t);
  if (!t.cur) return err('ENOENT');
  if (t.cur.node.kind === 'dir') return err('EISDIR');
  const events: EngineEvent[] = [];
  return done(removeName(ov, t, ctx, events), events);
}

export function rmdir(ov: Overlay, ctx: OpCtx, comps: readonly string[]): OpResult {
  const t = target(ov, comps);
  if (typeof t === 'string') return err(t);
  if (!t.cur) return err('ENOENT');
  if (t.cur.node.kind !== 'dir') return err('ENOTDIR');
  if (mergedChildren(t.cur).length > 0) return err('ENOTEMPTY');
  const events: EngineEvent[] = [];
  return done(removeName(ov, t, ctx, events), events);
}

export function symlink(ov: Overlay, ctx: OpCtx, targetText: string, comps: readonly string[]): OpResult {
  const t = target(ov, comps);
  if (typeof t === 'string') return err(t === 'EBUSY' ? 'EEXIST' : t);
  if (t.cur) return err('EEXIST');
  const events: EngineEvent[] = [];
  const next = place(
    ov,
    t,
    symlinkNode(targetText, { mode: 0o777, uid: 0, gid: 0, mtime: ctx.now }),
    ctx,
    events,
  );
  events.push({ type: 'create', path: pathOf(comps), kind: 'symlink', layer: next.upper.id });
  return done(next, events);
}

/** link(2): the source is copied up first, then linked in the upper (C9). */
export function link(
  ov: Overlay,
  ctx: OpCtx,
  existing: readonly string[],
  comps: readonly string[],
): OpResult {
  const src = resolveStrict(ov, existing);
  if (typeof src === 'string') return err(src);
  if (src.node.kind === 'dir') return err('EPERM');
  const t = target(ov, comps);
  if (typeof t === 'string') return err(t === 'EBUSY' ? 'EEXIST' : t);
  if (t.cur) return err('EEXIST');
  const events: EngineEvent[] = [];
  let next = copyUp(ov, existing, src, 'link', events);
  const node = getIn(next.upper.root, existing)!;
  next = place(next, t, node, ctx, events);
  if (node.kind === 'file')
    next = withUpper(next, addLinkName(next.upper, node.ino, pathOf(existing), pathOf(comps)));
  events.push({ type: 'link', existing: pathOf(existing), path: pathOf(comps) });
  return done(next, events);
}

/** A metadata change (chmod, chown, utimes): the object is copied up whole first (C1, C3). */
function changeMeta(
  ov: Overlay,
  comps: readonly string[],
  f: (n: Node) => Node,
  event: EngineEvent,
): OpResult {
  const r = resolveStrict(ov, comps);
  if (typeof r === 'string') return err(r);
  const events: EngineEvent[] = [];
  let next = comps.length === 0 ? ov : copyUp(ov, comps, r, 'metadata', events);
  const cur = getIn(next.upper.root, comps)!;
  if (cur.kind === 'file')
    next = withUpper(
      next,
      updateFile(next.upper, comps, (n) => f(n) as FileNode),
    );
  else next = withUpper(next, { ...next.upper, root: setIn(next.upper.root, comps, f(cur), null) });
  events.push(event);
  return done(next, events);
}

export const chmod = (ov: Overlay, _ctx: OpCtx, comps: readonly string[], mode: number): OpResult =>
  changeMeta(ov, comps, (n) => ({ ...n, mode: mode & 0o7777 }), {
    type: 'chmod',
    path: pathOf(comps),
    mode: mode & 0o7777,
  });

export const chown = (
  ov: Overlay,
  _ctx: OpCtx,
  comps: readonly string[],
  uid: number,
  gid: number,
): OpResult =>
  changeMeta(ov, comps, (n) => ({ ...n, uid, gid }), { type: 'chown', path: pathOf(comps), uid, gid });

export const utimes = (ov: Overlay, ctx: OpCtx, comps: readonly string[], mtime: number | null): OpResult =>
  changeMeta(ov, comps, (n) => ({ ...n, mtime: mtime ?? ctx.now }), {
    type: 'utimes',
    path: pathOf(comps),
    mtime: mtime ?? ctx.now,
  });

export function truncate(ov: Overlay, ctx: OpCtx, comps: readonly string[], size: number): OpResult {
  const r = resolveStrict(ov, comps);
  if (typeof r === 'string') return err(r);
  if (r.node.kind === 'dir') return err('EISDIR');
  if (r.node.kind !== 'file') return err('EINVAL');
  if (size < 0 || !Number.isSafeInteger(size)) return err('EINVAL');
  if (size > MAX_FILE_SIZE) return err('EFBIG');
  const events: EngineEvent[] = [];
  let next = copyUp(ov, comps, r, 'write', events);
  next = withUpper(
    next,
    updateFile(next.upper, comps, (n) => {
      // Growing a file adds zero bytes; shrinking cuts the content. A huge growth stays a sparse tail
      // (size beyond content) so `truncate -s 10G` does not hold ten gigabytes of NULs in memory.
      if (n.bytes) return { ...n, ...truncatedBytes(n.bytes, n.size, size), size, mtime: ctx.now };
      const bytes = new TextEncoder().encode(n.content);
      const dense = n.size === bytes.length;
      let content = n.content;
      if (size < bytes.length) content = new TextDecoder().decode(bytes.subarray(0, size));
      else if (dense && size - bytes.length <= MAX_DENSE_GROWTH)
        content = n.content + '\0'.repeat(size - bytes.length);
      return { ...n, content, size, mtime: ctx.now };
    }),
  );
  events.push({ type: 'truncate', path: pathOf(comps), size });
  return done(next, events);
}

/**
 * rename(2). A lower or merged directory cannot move while redirect_dir is off: EXDEV (C8), and `mv`
 * falls back to copy-and-delete. A pure-upper directory moves, and becomes opaque when it lands in a
 * merged parent (B5b). A lower non-directory is copied up first and moved in the upper (C7). A
 * whiteout is left at the old name whenever a lower still shows it.
 */
export function rename(ov: Overlay, ctx: OpCtx, from: readonly string[], to: readonly string[]): OpResult {
  const s = target(ov, from);
  if (typeof s === 'string') return err(s);
  if (!s.cur) return err('ENOENT');
  const d = target(ov, to);
  if (typeof d === 'string') return err(d);
  const fromPath = pathOf(from);
  const toPath = pathOf(to);
  if (fromPath === toPath) return done(ov, []);
  const isDir = s.cur.node.kind === 'dir';
  if (isDir && toPath.startsWith(fromPath + '/')) return err('EINVAL');
  if (d.cur) {
    if (isDir && d.cur.node.kind !== 'dir') return err('ENOTDIR');
    if (!isDir && d.cur.node.kind === 'dir') return err('EISDIR');
  }
  const events: EngineEvent[] = [];
  // ovl_rename refuses to move a lower or merged dir before it looks at the target's contents.
  if (isDir && hasLower(s.cur)) {
    events.push({ type: 'exdev', from: fromPath, to: toPath });
    return err('EXDEV', events);
  }
  if (d.cur) {
    if (isDir && mergedChildren(d.cur).length > 0) return err('ENOTEMPTY');
    // rename onto another name of the same inode does nothing (POSIX).
    if (!isDir && s.cur.level === 0 && d.cur.level === 0 && sameInode(s.cur.node, d.cur.node))
      return done(ov, []);
  }
  let next = copyUp(ov, from, s.cur, 'rename', events);
  let node = getIn(next.upper.root, from)!;
  const opaqueNow = isDir && node.kind === 'dir' && !node.opaque && hasLower(d.parent);
  if (opaqueNow && node.kind === 'dir') node = { ...node, opaque: true };
  // Re-resolve after the copy-up so the destination's parent reflects it.
  const d2 = target(next, to) as Target;
  next = place(next, d2, node, ctx, events);
  let upper = next.upper;
  if (d.cur?.level === 0 && d.cur.node.kind === 'file') upper = dropLinkName(upper, d.cur.node.ino, toPath);
  if (node.kind === 'file') upper = renameLinkName(upper, node.ino, fromPath, toPath);
  if (node.kind === 'dir') upper = relinkSubtree(upper, fromPath, toPath);
  next = withUpper(next, upper);
  const s2 = target(next, from) as Target;
  if (lowerPositive(s2.parent, s2.name)) {
    next = place(next, s2, whiteoutNode(ctx.now), ctx, events);
  } else {
    next = withUpper(next, { ...next.upper, root: setIn(next.upper.root, from, null, ctx.now) });
  }
  events.push({ type: 'rename', from: fromPath, to: toPath });
  if (opaqueNow) events.push({ type: 'opaque-marked', path: toPath, why: 'rename-into-merged' });
  if (lowerPositive(s2.parent, s2.name)) {
    const hides = lowerLevel(s2.parent, s2.name);
    events.push({
      type: 'whiteout-created',
      path: fromPath,
      hides: hides === null ? null : layerAt(next, hides).id,
    });
  }
  return done(next, events);
}

const sameInode = (a: Node, b: Node): boolean => a.kind === 'file' && b.kind === 'file' && a.ino === b.ino;
