import { containerOverlay } from '../engine/docker/containers.ts';
import type { Container, World } from '../engine/docker/world.ts';
import type { AbsPath, LayerId } from '../engine/ids.ts';
import type { Node } from '../engine/node.ts';
import { layerAt, levels, resolveComps } from '../engine/overlay.ts';
import { splitPath } from '../engine/path.ts';
import { getIn } from '../engine/tree.ts';
import { levelLabel } from './file-tree.ts';
import { fileText } from '../engine/content.ts';

// The Explorer's inspector: what the merged view shows at a path, and what every layer holds there.

/**
 * What one layer's copy at the path does in the merged view:
 * provides — it is what the container sees; merged — a directory merged into the one seen;
 * shadowed — a copy further down, covered by the one above; whiteout — a whiteout that deletes the
 * name; hidden — below a whiteout or an opaque directory, so not even merged.
 */
export type CopyRole = 'provides' | 'merged' | 'shadowed' | 'whiteout' | 'hidden';

export interface LayerCopy {
  readonly level: number;
  readonly layer: LayerId;
  readonly label: string;
  readonly node: Node;
  readonly role: CopyRole;
}

export interface Inspection {
  readonly path: AbsPath;
  /** What the container sees there, or null when the name does not exist (deleted, or never there). */
  readonly seen: Node | null;
  /** The label of the layer providing `seen` ('upper', 'init', 'layer 2'). */
  readonly provider: string | null;
  /** Every layer holding something at the path, top first. */
  readonly copies: readonly LayerCopy[];
  /** uid and gid as names, from the container's /etc/passwd and /etc/group when they say. */
  readonly owner: string;
}

export function inspectPath(world: World, c: Container, path: AbsPath): Inspection {
  const ov = containerOverlay(world, c);
  const comps = splitPath(path);
  const n = levels(ov);
  const seen = resolveComps(ov, comps);
  // Layers taking part in the parent directory: the others are cut off by an opaque dir or whiteout.
  const parent = comps.length === 0 ? null : resolveComps(ov, comps.slice(0, -1));
  const inParent = new Set(parent?.node.kind === 'dir' ? parent.parts.map((p) => p.level) : []);
  const copies: LayerCopy[] = [];
  let top: Node | null = null;
  let open = true; // still merging directories downwards
  for (let level = 0; level < n; level++) {
    const layer = layerAt(ov, level);
    const node = comps.length === 0 ? layer.root : getIn(layer.root, comps);
    if (!node) continue;
    const base = { level, layer: layer.id, label: levelLabel(level, n), node };
    if (comps.length > 0 && !inParent.has(level)) {
      copies.push({ ...base, role: 'hidden' });
      continue;
    }
    let role: CopyRole;
    if (!top) {
      role = node.kind === 'whiteout' ? 'whiteout' : 'provides';
      top = node;
      open = node.kind === 'dir' && !node.opaque;
    } else if (top.kind === 'whiteout') role = 'hidden';
    else if (open && node.kind === 'dir') {
      role = 'merged';
      if (node.opaque) open = false;
    } else {
      role = top.kind === 'dir' && !open ? 'hidden' : 'shadowed';
      open = false;
    }
    copies.push({ ...base, role });
  }
  return {
    path,
    seen: seen?.node ?? null,
    provider: seen ? levelLabel(seen.level, n) : null,
    copies,
    owner: seen ? ownerOf(world, c, seen.node) : '',
  };
}

function ownerOf(world: World, c: Container, node: Node): string {
  const names = accountNames(world, c);
  return `${names.users.get(node.uid) ?? node.uid}:${names.groups.get(node.gid) ?? node.gid}`;
}

interface Accounts {
  readonly users: Map<number, string>;
  readonly groups: Map<number, string>;
}

const accountCache = new WeakMap<Container, Accounts>();

/** uid → name from /etc/passwd, gid → name from /etc/group, as ls -l looks them up. */
function accountNames(world: World, c: Container): Accounts {
  const hit = accountCache.get(c);
  if (hit) return hit;
  const ov = containerOverlay(world, c);
  const read = (p: string): string => {
    const r = resolveComps(ov, splitPath(p as AbsPath));
    return r?.node.kind === 'file' ? fileText(r.node) : '';
  };
  const table = (text: string): Map<number, string> => {
    const m = new Map<number, string>();
    for (const line of text.split('\n')) {
      const f = line.split(':');
      const id = Number(f[2]);
      if (f[0] && f.length > 2 && Number.isInteger(id) && !m.has(id)) m.set(id, f[0]);
    }
    return m;
  };
  const out = { users: table(read('/etc/passwd')), groups: table(read('/etc/group')) };
  accountCache.set(c, out);
  return out;
}
