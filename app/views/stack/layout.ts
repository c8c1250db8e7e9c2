import { containerOverlay } from '../../engine/docker/containers.ts';
import { shortId } from '../../engine/docker/images.ts';
import type { Container, World } from '../../engine/docker/world.ts';
import type { AbsPath, LayerId } from '../../engine/ids.ts';
import type { Node } from '../../engine/node.ts';
import { mergedChildren, resolveComps } from '../../engine/overlay.ts';
import { joinPath, ROOT, splitPath } from '../../engine/path.ts';
import { byteCompare, getIn } from '../../engine/tree.ts';
import type { BandRef } from '../../timeline/step.ts';

/** How a layer holds a name, as the stack draws it. */
export type TileKind = 'file' | 'dir' | 'symlink' | 'whiteout' | 'opaque';

export type BandKind = 'merged' | 'upper' | 'init' | 'image';

export interface StackBand {
  readonly kind: BandKind;
  /** The accessible name: the kind, then a 12-hex short ID ("Image layer 3f2a…", "Upper 9c1d…"). */
  readonly label: string;
  readonly shortId: string;
  /** Layer size in bytes (image layers), or null. */
  readonly size: number | null;
  /** What a Step's highlight names this band by. */
  readonly ref: BandRef;
  /** For each column, how this band holds the name, or null where it holds nothing. */
  readonly tiles: readonly (TileKind | null)[];
}

export interface StackLayout {
  readonly dir: AbsPath;
  /** The container's name (the merged band is named after it). */
  readonly container: string;
  /** Names shown, in byte order: one page of the directory's entries across all layers. */
  readonly columns: readonly string[];
  /** Entries of the directory in all, of which `columns` is the page starting at `offset`. */
  readonly total: number;
  readonly offset: number;
  readonly bands: readonly StackBand[];
}

/** Columns drawn at most: a directory with thousands of entries is paged, never drawn whole. */
export const MAX_COLUMNS = 24;

/**
 * The layer stack of a container at one directory, top to bottom: merged view, upper, init, then the
 * image layers top first. Columns are the names any layer holds there (so a whiteout or a name it
 * hides both get a column), paged by `limit`. Pure: reads the world, builds new plain objects.
 */
export function stackLayout(
  world: World,
  c: Container,
  dir: AbsPath = ROOT,
  offset = 0,
  limit = MAX_COLUMNS,
  reveal: string | null = null,
): StackLayout {
  const ov = containerOverlay(world, c);
  const comps = splitPath(dir);
  const cid = shortId(c.id);
  const layers = [ov.upper, ...ov.lowers];
  const diffIds = new Map<LayerId, { diff: string; size: number }>();
  for (const rec of world.layers.values()) diffIds.set(rec.layer.id, { diff: rec.diffId, size: rec.size });

  const dirs = layers.map((l) => {
    const n = getIn(l.root, comps);
    return n?.kind === 'dir' ? n : undefined;
  });
  const merged = resolveComps(ov, comps);
  const mergedKinds = new Map<string, TileKind>();
  if (merged && merged.node.kind === 'dir')
    for (const e of mergedChildren(merged)) mergedKinds.set(e.name, tileKind(e.node));

  const names = new Set<string>(mergedKinds.keys());
  for (const d of dirs) if (d) for (const name of d.children.keys()) names.add(name);
  const all = [...names].sort(byteCompare);
  // A step's highlighted name is brought onto the page (its page of `limit` names).
  const shown = reveal === null ? -1 : all.indexOf(reveal);
  const from = shown >= 0 && (shown < offset || shown >= offset + limit) ? shown - (shown % limit) : offset;
  const start = Math.max(0, Math.min(from, Math.max(0, all.length - 1)));
  const columns = all.slice(start, start + limit);

  const bands: StackBand[] = [
    {
      kind: 'merged',
      label: `Merged ${cid} (${c.name})`,
      shortId: cid,
      size: null,
      ref: { band: 'merged' },
      tiles: columns.map((n) => mergedKinds.get(n) ?? null),
    },
  ];
  layers.forEach((l, i) => {
    const d = dirs[i];
    const tiles = columns.map((n) => {
      const node = d?.children.get(n);
      return node ? tileKind(node) : null;
    });
    const ref: BandRef = { band: 'layer', layer: l.id };
    if (i === 0) bands.push({ kind: 'upper', label: `Upper ${cid}`, shortId: cid, size: null, ref, tiles });
    else if (i === 1)
      bands.push({ kind: 'init', label: `Init ${cid}`, shortId: cid, size: null, ref, tiles });
    else {
      const info = diffIds.get(l.id);
      const sid = shortId(info?.diff ?? l.id);
      bands.push({
        kind: 'image',
        label: `Image layer ${sid}`,
        shortId: sid,
        size: info?.size ?? null,
        ref,
        tiles,
      });
    }
  });
  return { dir, container: c.name, columns, total: all.length, offset: start, bands };
}

/**
 * How each band of a container's stack holds the given names of `dir`: the merged band, and each
 * layer (upper, init, image layers) by its ID. Names nothing holds are null. Pure.
 */
export function tilesAt(
  world: World,
  c: Container,
  dir: AbsPath,
  columns: readonly string[],
): {
  readonly merged: readonly (TileKind | null)[];
  readonly layers: ReadonlyMap<LayerId, readonly (TileKind | null)[]>;
} {
  const ov = containerOverlay(world, c);
  const comps = splitPath(dir);
  const layers = new Map<LayerId, (TileKind | null)[]>();
  for (const l of [ov.upper, ...ov.lowers]) {
    const d = getIn(l.root, comps);
    layers.set(
      l.id,
      columns.map((n) => {
        const node = d?.kind === 'dir' ? d.children.get(n) : undefined;
        return node ? tileKind(node) : null;
      }),
    );
  }
  const merged = resolveComps(ov, comps);
  const kinds = new Map<string, TileKind>();
  if (merged && merged.node.kind === 'dir')
    for (const e of mergedChildren(merged)) kinds.set(e.name, tileKind(e.node));
  return { merged: columns.map((n) => kinds.get(n) ?? null), layers };
}

export function tileKind(n: Node): TileKind {
  switch (n.kind) {
    case 'file':
      return 'file';
    case 'symlink':
      return 'symlink';
    case 'whiteout':
      return 'whiteout';
    case 'dir':
      return n.opaque ? 'opaque' : 'dir';
  }
}

/** The breadcrumb of a directory: each ancestor with its name ('/' first). */
export function crumbs(dir: AbsPath): { readonly name: string; readonly path: AbsPath }[] {
  const out = [{ name: '/', path: ROOT }];
  let p = ROOT;
  for (const c of splitPath(dir)) {
    p = joinPath(p, c);
    out.push({ name: c, path: p });
  }
  return out;
}

/** Does the band name the same band a step's highlight refers to? */
export const sameBand = (a: BandRef, b: BandRef): boolean =>
  a.band === b.band && (a.band !== 'layer' || (b.band === 'layer' && a.layer === b.layer));

/** The column of a highlighted path at `dir`: the path itself or its ancestor directly inside `dir`. */
export function columnOf(dir: AbsPath, path: AbsPath): string | null {
  const d = splitPath(dir);
  const p = splitPath(path);
  if (p.length <= d.length) return null;
  for (let i = 0; i < d.length; i++) if (d[i] !== p[i]) return null;
  return p[d.length]!;
}

/** Human size: 47 B, 1.2 kB, 7.3 MB (decimal units, as docker prints them). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB'];
  let v = n / 1000;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}
