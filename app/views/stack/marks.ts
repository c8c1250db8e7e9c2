import type { Step, TileMark } from '../../timeline/step.ts';
import type { BandKind, StackLayout, TileKind } from './layout.ts';
import { columnOf, formatBytes, sameBand } from './layout.ts';
import type { BandRef } from '../../timeline/step.ts';

/** One row of the drawing: a band of the layout, or WorkDir (where a copy-up is prepared). */
export interface StackRow {
  readonly key: string;
  readonly kind: BandKind | 'work';
  readonly label: string;
  /** The first line drawn: the kind ("Image layer"). */
  readonly title: string;
  /** The layer a commit is stacking (drawn sliding down from the upper). */
  readonly ghost: boolean;
  /** The second line under the name: the short ID and size, or what the row is. */
  readonly sub: string;
  readonly ref: BandRef;
  readonly tiles: readonly (TileKind | null)[];
}

/** A highlight placed on the drawing: a tile (column ≥ 0) or a whole row (column -1). */
export interface PlacedMark {
  readonly key: string;
  readonly row: number;
  readonly column: number;
  readonly mark: TileMark;
  /** Where the mark travels from: the source a copy rises from, the band a whiteout drops from. */
  readonly fromRow: number | null;
  /** When in the step's motion the mark appears, 0–1: a lookup's marks appear as the probe passes. */
  readonly at: number;
  /** The tile letter a travelling mark carries (the copy of a file rising is an F), or ''. */
  readonly letter: string;
  /** The mark moves out sideways, off the stack, into the mount the write went to (a volume). */
  readonly sideways: boolean;
}

/** A step's extra row: the layer a commit is stacking, drawn between the init layer and the image. */
export interface GhostRow {
  /** The committed layer, as the commit's steps name it (so their marks land on this row). */
  readonly ref: BandRef;
  readonly shortId: string;
  readonly size: number;
  /** The new image's name, if it was given one. */
  readonly image: string | null;
}

/** Step kinds whose marks fall down the column one band after another, as the probe descends. */
const DESCENDING = new Set<Step['kind']>(['lookup', 'lookup-result']);
/** Step kinds whose new tile drops from the merged view into the upper (a delete seen from above). */
const DROPPING = new Set<Step['kind']>(['whiteout', 'opaque', 'remove']);

/** The words of the rows, in the page's language (app/views/stack/messages.ts); English by default. */
export interface RowWords {
  readonly title: Readonly<Record<BandKind | 'work' | 'ghost', string>>;
  readonly workSub: string;
  /** A band's accessible name: "Upper 8f3d5774d76c", "Merged 8f3d5774d76c (web)". */
  label(kind: BandKind, shortId: string, container: string): string;
  ghostLabel(shortId: string, image: string | null): string;
}

export const ENGLISH_ROWS: RowWords = {
  title: {
    merged: 'Merged',
    upper: 'Upper',
    init: 'Init',
    image: 'Image layer',
    work: 'WorkDir',
    ghost: 'New image layer',
  },
  workSub: 'copy-up scratch',
  label: (kind, id, name) =>
    kind === 'merged'
      ? `Merged ${id} (${name})`
      : kind === 'upper'
        ? `Upper ${id}`
        : kind === 'init'
          ? `Init ${id}`
          : `Image layer ${id}`,
  ghostLabel: (id, image) => `Image layer ${id} (new${image ? `, of ${image}` : ''})`,
};

/** The rows top to bottom: merged, upper, WorkDir, init, (a layer being committed,) image layers. Pure. */
export function stackRows(
  layout: StackLayout,
  ghost: GhostRow | null = null,
  words: RowWords = ENGLISH_ROWS,
): StackRow[] {
  const rows: StackRow[] = layout.bands.map((b) => ({
    key: b.kind === 'image' ? `image:${b.shortId}` : b.kind,
    kind: b.kind,
    label: words.label(b.kind, b.shortId, layout.container),
    title: words.title[b.kind],
    ghost: false,
    sub: b.size !== null ? `${b.shortId} · ${formatBytes(b.size)}` : b.shortId,
    ref: b.ref,
    tiles: b.tiles,
  }));
  const work: StackRow = {
    key: 'work',
    kind: 'work',
    label: words.title.work,
    title: words.title.work,
    ghost: false,
    sub: words.workSub,
    ref: { band: 'work' },
    tiles: layout.columns.map(() => null),
  };
  rows.splice(Math.min(2, rows.length), 0, work);
  if (ghost) {
    const initAt = rows.findIndex((r) => r.kind === 'init');
    rows.splice(initAt < 0 ? rows.length : initAt + 1, 0, {
      key: `image:${ghost.shortId}`,
      kind: 'image',
      label: words.ghostLabel(ghost.shortId, ghost.image),
      title: words.title.ghost,
      ghost: true,
      sub: `${ghost.shortId} · ${formatBytes(ghost.size)}`,
      ref: ghost.ref,
      tiles: layout.columns.map(() => null),
    });
  }
  return rows;
}

/** The layer a commit is stacking, while the steps that stack it are on screen. Pure. */
export function ghostRow(steps: readonly Step[], index: number, done: boolean): GhostRow | null {
  const step = steps[index];
  if (done || !step || (step.kind !== 'commit-layer' && step.kind !== 'image-created')) return null;
  const hash = steps.find((s) => s.kind === 'commit-hash');
  const layer = steps.find((s) => s.kind === 'commit-layer');
  const image = steps.find((s) => s.kind === 'image-created');
  if (!hash?.detail || !layer) return null;
  return {
    ref: layer.highlights[0]?.at ?? { band: 'work' },
    shortId: hash.detail.replace(/^sha256:/, '').slice(0, 12),
    size: layer.bytes ?? 0,
    image: image?.image ?? null,
  };
}

/** The current step's highlights that fall on what the stack shows now. Pure. */
export function placeMarks(
  step: Step | undefined,
  layout: StackLayout,
  rows: readonly StackRow[],
): PlacedMark[] {
  if (!step) return [];
  const rowOf = (ref: BandRef): number => rows.findIndex((r) => sameBand(r.ref, ref));
  const out: PlacedMark[] = [];
  const sources = new Map<number, number>();
  const found: { row: number; column: number; mark: TileMark }[] = [];
  for (const h of step.highlights) {
    const row = rowOf(h.at);
    if (row < 0) continue;
    let column = -1;
    if (h.path !== '/') {
      const name = columnOf(layout.dir, h.path);
      column = name === null ? -2 : layout.columns.indexOf(name);
      if (column < 0) continue;
    }
    if (h.mark === 'source' && column >= 0) sources.set(column, row);
    found.push({ row, column, mark: h.mark });
  }
  const workRow = rows.findIndex((r) => r.kind === 'work');
  const mergedRow = rows.findIndex((r) => r.kind === 'merged');
  const deepest = Math.max(1, ...found.map((f) => f.row));
  for (const f of found) {
    const fromRow = travelsFrom(step, f, sources, workRow, mergedRow);
    const tile =
      f.column >= 0 ? (rows[f.row]?.tiles[f.column] ?? rows[fromRow ?? -1]?.tiles[f.column]) : null;
    out.push({
      key: `${f.row}:${f.column}:${f.mark}`,
      ...f,
      fromRow,
      at: DESCENDING.has(step.kind) ? f.row / deepest : f.mark === 'hidden' ? 0.6 : 0,
      letter: step.kind === 'elsewhere' ? 'F' : fromRow !== null && tile ? TILE_LETTER[tile] : '',
      sideways: step.kind === 'elsewhere' && f.column >= 0,
    });
  }
  return dedupe(out);
}

/** The row a mark travels from: copies rise from their source (or WorkDir), deletions drop from above. */
function travelsFrom(
  step: Step,
  f: { readonly row: number; readonly column: number; readonly mark: TileMark },
  sources: ReadonlyMap<number, number>,
  workRow: number,
  mergedRow: number,
): number | null {
  if (f.column < 0) return null;
  if (f.mark === 'copy') {
    if (step.kind === 'copy-up-move' && workRow >= 0 && workRow !== f.row) return workRow;
    return sources.get(f.column) ?? null;
  }
  if (f.mark === 'new' && DROPPING.has(step.kind) && mergedRow >= 0 && mergedRow !== f.row) return mergedRow;
  return null;
}

function dedupe(marks: PlacedMark[]): PlacedMark[] {
  const seen = new Set<string>();
  return marks.filter((m) => (seen.has(m.key) ? false : (seen.add(m.key), true)));
}

/** A mark's symbol, drawn beside the tile so the mark is never told by colour alone. */
export const MARK_SYMBOL: Readonly<Record<TileMark, string>> = {
  probe: '?',
  miss: '×',
  hit: '✓',
  stop: '■',
  hidden: '·',
  source: 'S',
  copy: 'C',
  new: '+',
  changed: '~',
  gone: '−',
};

/** A tile's letter: the kind in one character (as `ls -l` and `docker diff` use letters). */
export const TILE_LETTER: Readonly<Record<TileKind, string>> = {
  file: 'F',
  dir: 'D',
  symlink: 'L',
  whiteout: 'W',
  opaque: 'O',
};
