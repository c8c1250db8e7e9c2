import { containerOverlay, initOverlay } from '../engine/docker/containers.ts';
import type { Change, ChangeKind } from '../engine/docker/diff.ts';
import { changes } from '../engine/docker/diff.ts';
import type { Container, World } from '../engine/docker/world.ts';
import type { AbsPath, LayerId } from '../engine/ids.ts';
import type { Layer } from '../engine/layer.ts';
import type { Node, NodeKind } from '../engine/node.ts';
import type { Overlay } from '../engine/overlay.ts';
import { layerAt, levels, mergedChildren, resolveComps, walkMerged } from '../engine/overlay.ts';
import { splitPath } from '../engine/path.ts';
import { getIn, walk } from '../engine/tree.ts';

// The Explorer's Files tab: a directory of the merged view (or of one layer's own tree), and a search
// over every path. Pure; the expensive parts (every path of an image, the diff) are cached per
// container or layer object, which the engine never mutates.

/** One layer of the followed container, as the layer select and the inspector name it. */
export interface LayerChoice {
  /** 0 = upper, 1 = init, 2… = image layers from the top. */
  readonly level: number;
  readonly id: LayerId;
  /** 'upper', 'init', 'layer 3' (image layers numbered from the bottom, as `docker history` lists them). */
  readonly label: string;
}

export function layerChoices(world: World, c: Container): LayerChoice[] {
  const ov = containerOverlay(world, c);
  const n = levels(ov);
  const out: LayerChoice[] = [];
  for (let level = 0; level < n; level++)
    out.push({ level, id: layerAt(ov, level).id, label: levelLabel(level, n) });
  return out;
}

/** The label of a level in an overlay of `n` levels (upper, init, then n-2 image layers). */
export const levelLabel = (level: number, n: number): string =>
  level === 0 ? 'upper' : level === 1 ? 'init' : `layer ${n - level}`;

/** Where the Files tab looks: the merged view, or the tree one layer holds itself. */
export type TreeSource = { readonly kind: 'merged' } | { readonly kind: 'layer'; readonly level: number };

export interface TreeEntry {
  readonly path: AbsPath;
  readonly name: string;
  readonly node: Node;
  /** The level providing it (merged view), or the layer's own level. */
  readonly level: number;
  /** Its line in `docker diff`, if any. */
  readonly change: ChangeKind | null;
  /** A name `docker diff` lists as D: gone from the merged view, shown so the deletion can be seen. */
  readonly deleted: boolean;
}

const diffCache = new WeakMap<Container, Change[]>();

/** `docker diff` of the container, the same function the command runs (cached per container object). */
export function containerChanges(world: World, c: Container): readonly Change[] {
  let hit = diffCache.get(c);
  if (!hit) diffCache.set(c, (hit = changes(containerOverlay(world, c), initOverlay(world, c))));
  return hit;
}

const changeMaps = new WeakMap<readonly Change[], Map<string, ChangeKind>>();
function changeMap(cs: readonly Change[]): Map<string, ChangeKind> {
  let m = changeMaps.get(cs);
  if (!m) changeMaps.set(cs, (m = new Map(cs.map((x) => [x.path, x.kind]))));
  return m;
}

const nameOf = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
const join = (dir: string, name: string): AbsPath => (dir === '/' ? `/${name}` : `${dir}/${name}`) as AbsPath;

/** A directory's entries, sorted by name; in the merged view the names `docker diff` deletes are added. */
export function listDir(world: World, c: Container, source: TreeSource, dir: AbsPath): TreeEntry[] | null {
  const ov = containerOverlay(world, c);
  const changed = source.kind === 'merged' ? changeMap(containerChanges(world, c)) : null;
  const comps = splitPath(dir);
  if (source.kind === 'layer') {
    const layer = layerAt(ov, source.level);
    const node = comps.length === 0 ? layer.root : getIn(layer.root, comps);
    if (!node || node.kind !== 'dir') return null;
    return [...node.children.entries()]
      .map(([name, n]) => entry(join(dir, name), n, source.level, null))
      .sort(byName);
  }
  const r = resolveComps(ov, comps);
  if (!r || r.node.kind !== 'dir') return null;
  const out = mergedChildren(r).map((e) => {
    const path = join(dir, e.name);
    return entry(path, e.node, e.level, changed?.get(path) ?? null);
  });
  for (const ch of containerChanges(world, c))
    if (ch.kind === 'D' && parentOf(ch.path) === dir) out.push(deletedEntry(ov, ch.path));
  return out.sort(byName);
}

const parentOf = (p: string): string => {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
};

const byName = (a: TreeEntry, b: TreeEntry): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

const entry = (path: AbsPath, node: Node, level: number, change: ChangeKind | null): TreeEntry => ({
  path,
  name: nameOf(path),
  node,
  level,
  change,
  deleted: false,
});

/** A deleted name: what the container's upper holds there (a whiteout), at level 0. */
function deletedEntry(ov: Overlay, path: string): TreeEntry {
  const comps = splitPath(path as AbsPath);
  const up = getIn(ov.upper.root, comps);
  const node: Node = up ?? { kind: 'whiteout', mode: 0, uid: 0, gid: 0, mtime: 0 };
  return { path: path as AbsPath, name: nameOf(path), node, level: 0, change: 'D', deleted: true };
}

export type TypeFilter = 'any' | 'file' | 'dir' | 'symlink' | 'whiteout';
export type ChangeFilter = 'any' | ChangeKind;

export interface TreeFilter {
  /** Part of a name, any case; with a '/', part of the path. */
  readonly query: string;
  readonly type: TypeFilter;
  readonly change: ChangeFilter;
}

export const NO_FILTER: TreeFilter = { query: '', type: 'any', change: 'any' };
export const isFiltering = (f: TreeFilter): boolean =>
  f.query.trim() !== '' || f.type !== 'any' || f.change !== 'any';

export interface SearchResult {
  readonly rows: readonly TreeEntry[];
  /** Every match, listed or not. */
  readonly total: number;
}

/** Rows a search lists; the rest are counted ("N more — refine the search"). */
export const MAX_SEARCH_ROWS = 300;

const allCache = new WeakMap<object, TreeEntry[]>();

/** Every entry of the source in pre-order (cached per container or layer: a big image walks once). */
export function allEntries(world: World, c: Container, source: TreeSource): readonly TreeEntry[] {
  const ov = containerOverlay(world, c);
  const layer: Layer | null = source.kind === 'layer' ? layerAt(ov, source.level) : null;
  const key: object = layer ?? c;
  const hit = allCache.get(key);
  if (hit) return hit;
  const out: TreeEntry[] = [];
  if (layer) {
    for (const [p, n] of walk(layer.root))
      out.push(entry(p as AbsPath, n, source.kind === 'layer' ? source.level : 0, null));
  } else {
    const cs = containerChanges(world, c);
    const changed = changeMap(cs);
    for (const [p, r] of walkMerged(ov)) out.push(entry(p, r.node, r.level, changed.get(p) ?? null));
    for (const ch of cs) if (ch.kind === 'D') out.push(deletedEntry(ov, ch.path));
  }
  allCache.set(key, out);
  return out;
}

export function matches(e: TreeEntry, f: TreeFilter): boolean {
  if (f.type !== 'any' && kindOf(e.node) !== f.type) return false;
  if (f.change !== 'any' && e.change !== f.change) return false;
  const q = f.query.trim().toLowerCase();
  if (q === '') return true;
  return (q.includes('/') ? e.path : e.name).toLowerCase().includes(q);
}

const kindOf = (n: Node): NodeKind => n.kind;

/** The entries matching the filter, at most `limit` of them listed, all of them counted. */
export function searchTree(
  world: World,
  c: Container,
  source: TreeSource,
  f: TreeFilter,
  limit = MAX_SEARCH_ROWS,
): SearchResult {
  const rows: TreeEntry[] = [];
  let total = 0;
  for (const e of allEntries(world, c, source)) {
    if (!matches(e, f)) continue;
    total++;
    if (rows.length < limit) rows.push(e);
  }
  return { rows, total };
}
