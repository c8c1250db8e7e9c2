import type { ContainerId } from '../ids.ts';
import { layerId } from '../ids.ts';
import type { Layer } from '../layer.ts';
import { emptyDir } from '../layer.ts';
import type { DirNode, Node } from '../node.ts';
import type { Resolved } from '../overlay.ts';
import { resolvedChildren, sortNames } from '../overlay.ts';
import { layerSize } from './images.ts';
import { randomHex } from './rng.ts';
import type { Container, Volume, World } from './world.ts';

// The local volume driver (F4): named and anonymous volumes as plain trees under
// /var/lib/docker/volumes/<name>/_data, which containers mount over their rootfs.

export const VOLUMES_DIR = '/var/lib/docker/volumes';

export const volumeMountpoint = (name: string): string => `${VOLUMES_DIR}/${name}/_data`;

const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** The local driver's name check, in dockerd's words (the caller prefixes `create NAME: `). */
export function volumeNameError(name: string): string | null {
  if (name.length === 1)
    return 'volume name is too short, names should be at least two alphanumeric characters';
  if (!NAME_RE.test(name))
    return `${JSON.stringify(name)} includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`;
  return null;
}

export interface NewVolume {
  readonly anonymous: boolean;
  readonly labels?: Readonly<Record<string, string>> | null;
}

/** `docker volume create NAME` and `-v NAME:/path` on first use: an existing volume is kept as is. */
export function createVolume(world: World, name: string, opts: NewVolume): [World, Volume] {
  const existing = world.volumes.get(name);
  if (existing) return [world, existing];
  const vol: Volume = {
    name,
    created: world.clock,
    driver: 'local',
    tree: { id: layerId(`volume:${name}`), root: emptyDir(world.clock), links: new Map() },
    anonymous: opts.anonymous,
    labels: opts.labels ?? null,
    nextIno: 1,
  };
  return [putVolume(world, vol), vol];
}

/** A 64-hex name from the seeded generator, as dockerd names an anonymous volume (H3). */
export function anonymousName(world: World): [string, World] {
  const [name, rng] = randomHex(world.rng);
  return [name, { ...world, rng }];
}

export function putVolume(world: World, vol: Volume): World {
  const volumes = new Map(world.volumes);
  volumes.set(vol.name, vol);
  return { ...world, volumes };
}

export function removeVolume(world: World, name: string): World {
  if (!world.volumes.has(name)) return world;
  const volumes = new Map(world.volumes);
  volumes.delete(name);
  return { ...world, volumes };
}

/** Containers (running or not) that mount the volume, in creation order: they keep it from removal. */
export function containersUsing(world: World, name: string): ContainerId[] {
  return [...world.containers.values()]
    .filter((c) => c.mounts.some((m) => m.volume === name))
    .map((c) => c.id);
}

/** What `docker rm -v` and `--rm` take with a container: its anonymous volumes no other container uses. */
export function removeAnonymousVolumes(world: World, c: Container): World {
  let w = world;
  for (const m of c.mounts) {
    const vol = w.volumes.get(m.volume);
    if (!vol?.anonymous) continue;
    if (containersUsing(w, m.volume).some((id) => id !== c.id)) continue;
    w = removeVolume(w, m.volume);
  }
  return w;
}

/** Σ st_size of the volume's non-directories, as `docker system df -v` and prune count it. */
export const volumeSize = (vol: Volume): number => layerSize(vol.tree);

export const isEmptyVolume = (vol: Volume): boolean => vol.tree.root.children.size === 0;

/**
 * Fill a volume with a copy of a directory of the container's rootfs (F4), as dockerd's
 * copyExistingContents does with continuity's CopyDir: files keep mode, owner and mtime; a directory
 * gets its mode and owner, and its mtime too unless something was copied into it afterwards (then the
 * copy's time). Each file gets a new inode of the volume.
 */
export function fillVolume(vol: Volume, source: Resolved, now: number): Volume {
  let ino = vol.nextIno;
  const copyDir = (dir: Resolved): DirNode => {
    const kids = resolvedChildren(dir);
    const children = new Map<string, Node>();
    for (const name of sortNames([...kids.keys()])) {
      const r = kids.get(name)!;
      const n = r.node;
      if (n.kind === 'dir') children.set(name, copyDir(r));
      else if (n.kind === 'file') children.set(name, { ...n, ino: ino++ });
      else if (n.kind === 'symlink') children.set(name, n);
    }
    const d = dir.node as DirNode;
    return {
      kind: 'dir',
      opaque: false,
      children,
      mode: d.mode,
      uid: d.uid,
      gid: d.gid,
      mtime: children.size > 0 ? now : d.mtime,
    };
  };
  const root = copyDir(source);
  const tree: Layer = { ...vol.tree, root, links: new Map() };
  return { ...vol, tree, nextIno: ino };
}

/** Go's sortorder.NaturalLess, as `docker volume ls` orders names: digit runs compare as numbers. */
export function naturalLess(a: string, b: string): number {
  const re = /(\d+|\D+)/g;
  const xa = a.match(re) ?? [];
  const xb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(xa.length, xb.length); i++) {
    const p = xa[i]!;
    const q = xb[i]!;
    if (p === q) continue;
    const dp = /^\d/.test(p);
    const dq = /^\d/.test(q);
    if (dp && dq) {
      const d = Number(p) - Number(q);
      if (d !== 0) return d;
      return p.length - q.length;
    }
    return p < q ? -1 : 1;
  }
  return xa.length - xb.length;
}
