import type { LayerId } from './ids.ts';
import type { Layer } from './layer.ts';
import { emptyLayer } from './layer.ts';
import { normalize, splitPath } from './path.ts';
import type { OpCtx } from './ops.ts';
import * as ops from './ops.ts';
import type { Overlay } from './overlay.ts';
import { resolveComps } from './overlay.ts';

/**
 * The init layer Docker puts between the image and a container's upper (SEMANTICS.md A5, moby
 * daemon/initlayer/setup_unix.go): each path's components are unlinked (a non-directory there goes),
 * then what is missing is created — dirs 0755, empty files 0755, the /etc/mtab symlink — with the
 * ancestors copied up as the overlay does. Paths in the order Docker lists them.
 */
const INIT_PATHS: readonly (readonly [string, 'dir' | 'file' | { symlink: string }])[] = [
  ['/dev/pts', 'dir'],
  ['/dev/shm', 'dir'],
  ['/proc', 'dir'],
  ['/sys', 'dir'],
  ['/.dockerenv', 'file'],
  ['/etc/resolv.conf', 'file'],
  ['/etc/hosts', 'file'],
  ['/etc/hostname', 'file'],
  ['/dev/console', 'file'],
  ['/etc/mtab', { symlink: '/proc/mounts' }],
];

export function buildInitLayer(
  id: LayerId,
  imageLayersTopFirst: readonly Layer[],
  now: number,
  nextIno: number,
): Overlay {
  let ov: Overlay = { upper: emptyLayer(id, now), lowers: imageLayersTopFirst, nextIno };
  const ctx: OpCtx = { now, umask: 0o022 };
  const step = (r: ops.OpResult): void => {
    if (r.ok) ov = r.ov;
  };
  for (const [path, kind] of INIT_PATHS) {
    const comps = splitPath(normalize(path));
    for (let i = 1; i <= comps.length; i++) {
      const sub = comps.slice(0, i);
      const r = resolveComps(ov, sub);
      if (r && r.node.kind !== 'dir') step(ops.unlink(ov, ctx, sub));
    }
    if (exists(ov, comps)) continue;
    for (let i = 1; i < comps.length; i++) {
      const sub = comps.slice(0, i);
      if (!resolveComps(ov, sub)) step(ops.mkdir(ov, ctx, sub, 0o755));
    }
    if (kind === 'dir') step(ops.mkdir(ov, ctx, comps, 0o755));
    else if (kind === 'file') step(ops.writeFile(ov, ctx, comps, '', { append: false, mode: 0o755 }));
    else step(ops.symlink(ov, ctx, kind.symlink, comps));
  }
  return ov;
}

/** os.Stat: follows symlinks (a dangling /etc/mtab counts as missing). */
function exists(ov: Overlay, comps: readonly string[]): boolean {
  let hops = 0;
  let cur = comps;
  for (;;) {
    const r = resolveComps(ov, cur);
    if (!r) return false;
    if (r.node.kind !== 'symlink') return true;
    if (++hops > 40) return false;
    cur = splitPath(normalize(r.node.target, '/' + cur.slice(0, -1).join('/')));
  }
}
