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
  /** Where a copy rises from: the row of the source in the same column, if the step shows one. */
  readonly fromRow: number | null;
}

const TITLES: Record<BandKind, string> = {
  merged: 'Merged',
  upper: 'Upper',
  init: 'Init',
  image: 'Image layer',
};

/** The rows top to bottom: merged, upper, WorkDir, init, image layers. Pure. */
export function stackRows(layout: StackLayout): StackRow[] {
  const rows: StackRow[] = layout.bands.map((b) => ({
    key: b.kind === 'image' ? `image:${b.shortId}` : b.kind,
    kind: b.kind,
    label: b.label,
    title: TITLES[b.kind],
    sub: b.size !== null ? `${b.shortId} · ${formatBytes(b.size)}` : b.shortId,
    ref: b.ref,
    tiles: b.tiles,
  }));
  const work: StackRow = {
    key: 'work',
    kind: 'work',
    label: 'WorkDir',
    title: 'WorkDir',
    sub: 'copy-up scratch',
    ref: { band: 'work' },
    tiles: layout.columns.map(() => null),
  };
  rows.splice(Math.min(2, rows.length), 0, work);
  return rows;
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
  for (const f of found)
    out.push({
      key: `${f.row}:${f.column}:${f.mark}`,
      ...f,
      fromRow: f.mark === 'copy' && f.column >= 0 ? (sources.get(f.column) ?? null) : null,
    });
  return dedupe(out);
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
