import type { Errno } from './errors.ts';
import type { AbsPath } from './ids.ts';
import type { Overlay, Resolved } from './overlay.ts';
import { resolveComps } from './overlay.ts';
import { normalize, splitPath } from './path.ts';

/**
 * A process's mount namespace: the container's overlay at '/', and what is mounted over it at run
 * time (A6): bind-mounted /etc/hosts, /etc/hostname, /etc/resolv.conf; tmpfs /dev and /dev/shm; proc;
 * sysfs; volumes. Writes below those never reach the upper.
 */
export type MountKind = 'overlay' | 'tmpfs' | 'proc' | 'sysfs' | 'bind' | 'volume' | 'host';

export interface Mount {
  readonly path: AbsPath;
  readonly kind: MountKind;
  /** Shown in stat and events: 'overlay', 'tmpfs', a volume's name … */
  readonly name: string;
  /** The mounted tree (a plain filesystem is an overlay with no lowers). */
  readonly fs: Overlay;
  readonly readOnly: boolean;
  /** A bind-mounted single file: its path inside `fs`. */
  readonly file?: AbsPath;
}

export interface Namespace {
  /** mounts[0] is the root filesystem. */
  readonly mounts: readonly Mount[];
  /** Character devices by canonical path (/dev/null …): reads give nothing, writes vanish. */
  readonly devices: ReadonlyMap<string, readonly [number, number]>;
}

/** Where a canonical path lives: which mount, and the components inside that mount's tree. */
export interface Located {
  readonly mount: number;
  readonly inner: readonly string[];
}

export function locate(ns: Namespace, comps: readonly string[]): Located {
  let best = 0;
  let bestLen = -1;
  ns.mounts.forEach((m, i) => {
    const mc = splitPath(m.path);
    if (mc.length > comps.length || mc.length <= bestLen) return;
    for (let k = 0; k < mc.length; k++) if (mc[k] !== comps[k]) return;
    if (m.file && mc.length !== comps.length) return;
    best = i;
    bestLen = mc.length;
  });
  const m = ns.mounts[best]!;
  const inner = m.file ? splitPath(m.file) : comps.slice(Math.max(bestLen, 0));
  return { mount: best, inner };
}

export interface PathInfo {
  /** Canonical components (every symlink on the way resolved). */
  readonly comps: readonly string[];
  readonly at: Located;
  /** What is there, or undefined when only the final name is missing (its parent exists). */
  readonly found: Resolved | undefined;
}

const MAX_SYMLINKS = 40;

/**
 * Resolve a path as namei does: symlinks in every intermediate component are followed (absolute
 * targets from this namespace's root), the final one only when `followFinal`. A missing final
 * component is not an error here; a missing or non-directory ancestor is.
 */
export function resolvePath(ns: Namespace, path: AbsPath, followFinal: boolean): PathInfo | Errno {
  let todo = splitPath(path);
  let cur: string[] = [];
  let hops = 0;
  for (;;) {
    if (todo.length === 0) {
      const at = locate(ns, cur);
      return { comps: cur, at, found: resolveComps(ns.mounts[at.mount]!.fs, at.inner) };
    }
    const [comp, ...rest] = todo as [string, ...string[]];
    const cand = [...cur, comp];
    const at = locate(ns, cand);
    const r = resolveComps(ns.mounts[at.mount]!.fs, at.inner);
    const final = rest.length === 0;
    if (!r) {
      if (final) return { comps: cand, at, found: undefined };
      return 'ENOENT';
    }
    if (r.node.kind === 'symlink' && (!final || followFinal)) {
      if (++hops > MAX_SYMLINKS) return 'ELOOP';
      const base = '/' + cur.join('/');
      todo = [...splitPath(normalize(r.node.target, base)), ...rest];
      cur = [];
      continue;
    }
    if (!final && r.node.kind !== 'dir') return 'ENOTDIR';
    cur = cand;
    todo = rest;
  }
}

export const isMountPoint = (ns: Namespace, comps: readonly string[]): boolean =>
  comps.length === 0 || ns.mounts.some((m) => m.path === '/' + comps.join('/'));
