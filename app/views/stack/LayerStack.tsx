import { interrupt, select } from 'd3';
import { useEffect, useMemo, useRef } from 'react';
import type { LayerId } from '../../engine/ids.ts';
import type { Speed } from '../../timeline/durations.ts';
import { holdMs, motionMs } from '../../timeline/durations.ts';
import type { Step } from '../../timeline/step.ts';
import { useT } from '../../i18n/use-t.ts';
import type { StackLayout, TileKind } from './layout.ts';
import type { GhostRow, PlacedMark, StackRow } from './marks.ts';
import { MARK_SYMBOL, placeMarks, stackRows, TILE_LETTER } from './marks.ts';
import { rowWords, stackMessages, tileWord } from './messages.ts';

/** A name of the directory shown (outlined in every band that holds it) and/or a layer (its band). */
export interface Pointed {
  readonly name: string | null;
  readonly layer: LayerId | null;
}

/** Geometry of the drawing, in SVG units (the SVG is drawn 1:1, scrolled when wider than its box). */
export const LABEL_W = 148;
export const COL_W = 40;
const TILE = 22;
/** How far a column's name, slanted up to the right, reaches past its column. */
export const NAME_OVERHANG = 56;
/** The box beside the stack that a write into a volume moves to. */
const SIDE_W = 150;
const ROW_H = 34;
const HEAD_H = 54;

interface Props {
  readonly layout: StackLayout;
  /** The layer a commit is stacking, drawn sliding down from the upper while its steps play. */
  readonly ghost: GhostRow | null;
  /** What the pointer rests on elsewhere (a `docker diff` line, a history row): outlined here too. */
  readonly pointed: Pointed;
  readonly step: Step | undefined;
  readonly speed: Speed;
  /** The transition of `step` ended and its reading pause passed. */
  readonly onStepEnd: (step: Step) => void;
}

const rowY = (i: number): number => HEAD_H + i * ROW_H;
const colX = (j: number): number => LABEL_W + j * COL_W;

/**
 * The layer stack: one band per layer, one column per name of the directory looked at. React owns
 * the <svg>; d3 joins the bands, tiles and the current step's marks inside it, and the marks'
 * transition ends with `onStepEnd` (the timeline's tick).
 */
export function LayerStack({ layout, ghost, pointed, step, speed, onStepEnd }: Props) {
  const svgRef = useRef<SVGSVGElement>(null);
  const t = useT(stackMessages);
  const rows = useMemo(() => stackRows(layout, ghost, rowWords(t)), [layout, ghost, t]);
  const motion = step ? motionMs(step, speed) : 0;
  const marks = useMemo(() => placeMarks(step, layout, rows), [step, layout, rows]);
  const stackW = LABEL_W + Math.max(1, layout.columns.length) * COL_W;
  // A write that goes elsewhere (a volume) moves out into a box beside the stack.
  const side = step?.kind === 'elsewhere' && marks.some((m) => m.sideways) ? (step.detail ?? 'mount') : null;
  // Room on the right for the last column's slanted name.
  const width = stackW + NAME_OVERHANG + (side !== null ? SIDE_W : 0);
  const height = HEAD_H + rows.length * ROW_H + 4;
  const onEnd = useRef(onStepEnd);
  useEffect(() => {
    onEnd.current = onStepEnd;
  }, [onStepEnd]);

  // Bands and tiles move with the step that changed them (a row slides in, a new tile fades in).
  useEffect(() => {
    if (svgRef.current)
      drawBands(svgRef.current, layout, rows, motion, (name, kind) =>
        t('tileTitle', { name, kind: tileWord(t, kind) }),
      );
  }, [layout, rows, motion, t]);

  useEffect(() => {
    if (svgRef.current) drawPointer(svgRef.current, layout, rows, pointed);
  }, [layout, rows, pointed]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || !step) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    drawSide(svg, side, stackW, marks);
    drawMarks(svg, marks, motionMs(step, speed), stackW)
      .then(() => {
        if (cancelled) return;
        timer = setTimeout(() => onEnd.current(step), holdMs(step, speed));
      })
      .catch(() => {
        // Interrupted by the next step or a new layout: that one ticks instead.
      });
    return () => {
      cancelled = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [step, speed, marks, side, stackW]);

  return (
    <svg
      ref={svgRef}
      className="stack__svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-label={t('stackAt', { dir: layout.dir })}
    >
      <g className="stack__heads" aria-hidden="true" />
      <g className="stack__bands" />
      <g className="stack__pointer" aria-hidden="true" />
      <g className="stack__beams" aria-hidden="true" />
      <g className="stack__side" aria-hidden="true" />
      <g className="stack__marks" aria-hidden="true" />
    </svg>
  );
}

function drawBands(
  svg: SVGSVGElement,
  layout: StackLayout,
  rows: readonly StackRow[],
  motion: number,
  tileTitle: (name: string, kind: TileKind) => string,
): void {
  const root = select(svg);
  root
    .select<SVGGElement>('g.stack__heads')
    .selectAll<SVGTextElement, string>('text')
    .data(layout.columns, (d) => d)
    .join('text')
    .attr('class', 'stack__col-name')
    .attr('transform', (_d, j) => `translate(${colX(j) + COL_W / 2 + 4}, ${HEAD_H - 8}) rotate(-40)`)
    .text((d) => (d.length > 12 ? `${d.slice(0, 11)}…` : d));

  const bands = root
    .select<SVGGElement>('g.stack__bands')
    .selectAll<SVGGElement, StackRow>('g.band')
    .data(rows, (r) => r.key)
    .join((enter) => {
      const g = enter.append('g');
      g.append('rect').attr('class', 'band__bg');
      g.append('text').attr('class', 'band__name');
      g.append('text').attr('class', 'band__sub');
      g.append('g').attr('class', 'band__tiles');
      // A layer being committed slides down from the upper; any other new band fades in where it stands.
      g.attr('transform', (r, i) => `translate(0, ${rowY(r.ghost ? upperRow(rows) : i)})`).attr('opacity', 0);
      return g;
    })
    .attr('class', (r) => `band band--${r.kind}${r.ghost ? ' band--ghost' : ''}`)
    .attr('role', 'group')
    .attr('aria-label', (r) => r.label);
  bands
    .transition('move')
    .duration(motion)
    .attr('opacity', 1)
    .attr('transform', (_r, i) => `translate(0, ${rowY(i)})`);

  bands
    .select('rect.band__bg')
    .attr('x', 0)
    .attr('y', 1)
    .attr('rx', 6)
    .attr('width', LABEL_W + Math.max(1, layout.columns.length) * COL_W)
    .attr('height', ROW_H - 2);
  bands
    .select('text.band__name')
    .attr('x', 8)
    .attr('y', 15)
    .text((r) => r.title);
  bands
    .select('text.band__sub')
    .attr('x', 8)
    .attr('y', 28)
    .text((r) => r.sub);

  type Tile = {
    readonly j: number;
    readonly name: string;
    readonly kind: NonNullable<StackRow['tiles'][number]>;
  };
  const tiles = bands
    .select<SVGGElement>('g.band__tiles')
    .selectAll<SVGGElement, Tile>('g.tile')
    .data(
      (r) => r.tiles.flatMap((k, j) => (k === null ? [] : [{ j, name: layout.columns[j]!, kind: k }])),
      (t) => `${t.name}`,
    )
    .join((enter) => {
      const g = enter.append('g');
      // A tile a step brings (a copy landing, a whiteout dropping) shows once its mark has arrived.
      g.attr('opacity', 0)
        .transition('appear')
        .delay(motion * 0.8)
        .duration(motion * 0.2)
        .attr('opacity', 1);
      g.append('rect').attr('class', 'tile__box');
      g.append('line').attr('class', 'tile__x1');
      g.append('line').attr('class', 'tile__x2');
      g.append('rect').attr('class', 'tile__bar');
      g.append('text').attr('class', 'tile__letter');
      g.append('title');
      return g;
    })
    .attr('class', (t) => `tile tile--${t.kind}`)
    .attr('transform', (t) => `translate(${colX(t.j) + (COL_W - TILE) / 2}, ${(ROW_H - TILE) / 2})`);
  tiles
    .select('rect.tile__box')
    .attr('width', TILE)
    .attr('height', TILE)
    .attr('rx', (t) => (t.kind === 'file' ? 2 : 5));
  tiles
    .select('line.tile__x1')
    .attr('x1', 4)
    .attr('y1', 4)
    .attr('x2', TILE - 4)
    .attr('y2', TILE - 4);
  tiles
    .select('line.tile__x2')
    .attr('x1', TILE - 4)
    .attr('y1', 4)
    .attr('x2', 4)
    .attr('y2', TILE - 4);
  tiles.select('rect.tile__bar').attr('x', 0).attr('y', 0).attr('width', TILE).attr('height', 5);
  tiles
    .select('text.tile__letter')
    .attr('x', TILE / 2)
    .attr('y', TILE / 2 + 4)
    .text((t) => TILE_LETTER[t.kind]);
  tiles.select('title').text((t) => tileTitle(t.name, t.kind));
}

/** The row of the followed container's upper (where a committed layer starts its slide). */
const upperRow = (rows: readonly StackRow[]): number =>
  Math.max(
    0,
    rows.findIndex((r) => r.kind === 'upper'),
  );

/** Outline the pointed-at name's column in every band that holds it (the diff list's hover). */
function drawPointer(
  svg: SVGSVGElement,
  layout: StackLayout,
  rows: readonly StackRow[],
  pointed: Pointed,
): void {
  const j = pointed.name === null ? -1 : layout.columns.indexOf(pointed.name);
  const band =
    pointed.layer === null
      ? -1
      : rows.findIndex((r) => r.ref.band === 'layer' && r.ref.layer === pointed.layer);
  const cells = j < 0 ? [] : rows.flatMap((r, i) => (r.tiles[j] ? [{ i, j }] : []));
  if (band >= 0) cells.push({ i: band, j: -1 });
  const wide = LABEL_W + Math.max(1, layout.columns.length) * COL_W;
  select(svg)
    .select<SVGGElement>('g.stack__pointer')
    .selectAll<SVGRectElement, { i: number; j: number }>('rect')
    .data(cells, (d) => `${d.i}:${d.j}`)
    .join('rect')
    .attr('class', 'pointer__ring')
    .attr('x', (d) => (d.j < 0 ? -1 : colX(d.j) + (COL_W - TILE) / 2 - 5))
    .attr('y', (d) => (d.j < 0 ? rowY(d.i) : rowY(d.i) + (ROW_H - TILE) / 2 - 5))
    .attr('width', (d) => (d.j < 0 ? wide + 2 : TILE + 10))
    .attr('height', (d) => (d.j < 0 ? ROW_H : TILE + 10))
    .attr('rx', 8);
}

/**
 * The probe's path down a column while a lookup plays: a line from the merged view to the deepest
 * band it reached, drawn downwards over the step's motion so the eye follows it.
 */
function drawBeams(svg: SVGSVGElement, marks: readonly PlacedMark[], duration: number): void {
  const deepest = new Map<number, number>();
  for (const m of marks)
    if (m.column >= 0 && m.at > 0) deepest.set(m.column, Math.max(deepest.get(m.column) ?? 0, m.row));
  const beams = [...deepest].map(([column, row]) => ({ column, row }));
  const cx = (column: number) => colX(column) + COL_W / 2;
  const cy = (row: number) => rowY(row) + ROW_H / 2;
  select(svg)
    .select<SVGGElement>('g.stack__beams')
    .selectAll<SVGLineElement, { column: number; row: number }>('line')
    .data(beams, (b) => String(b.column))
    .join('line')
    .attr('class', 'beam')
    .attr('x1', (b) => cx(b.column))
    .attr('x2', (b) => cx(b.column))
    .attr('y1', cy(0))
    .attr('y2', cy(0))
    .transition('beam')
    .duration(duration * 0.85)
    .attr('y2', (b) => cy(b.row));
}

/** The mount a write went to instead of the upper, as a box beside the stack at the mark's row. */
function drawSide(
  svg: SVGSVGElement,
  label: string | null,
  stackW: number,
  marks: readonly PlacedMark[],
): void {
  const row = marks.find((m) => m.sideways)?.row ?? 0;
  const box = select(svg)
    .select<SVGGElement>('g.stack__side')
    .selectAll<SVGGElement, string>('g.side')
    .data(label === null ? [] : [label])
    .join((enter) => {
      const g = enter.append('g').attr('class', 'side');
      g.append('rect').attr('class', 'side__box');
      g.append('text').attr('class', 'side__label');
      return g;
    })
    .attr('transform', `translate(${stackW + 24}, ${rowY(row) - 4})`);
  box
    .select('rect.side__box')
    .attr('width', SIDE_W - 30)
    .attr('height', ROW_H + 8)
    .attr('rx', 8);
  box
    .select('text.side__label')
    .attr('x', 8)
    .attr('y', ROW_H / 2 + 8)
    .text((d) => (d.length > 16 ? `${d.slice(0, 15)}…` : d));
}

/** Join the step's marks and run their transition; resolves when it ends (at once at duration 0). */
function drawMarks(
  svg: SVGSVGElement,
  marks: readonly PlacedMark[],
  duration: number,
  stackW: number,
): Promise<void> {
  drawBeams(svg, marks, duration);
  const layer = select(svg).select<SVGGElement>('g.stack__marks');
  const width = (m: PlacedMark) => (m.column < 0 ? stackW : TILE + 8);
  const x = (m: PlacedMark) => (m.column < 0 ? 0 : colX(m.column) + (COL_W - TILE) / 2 - 4);
  const y = (row: number) => rowY(row) + (ROW_H - TILE) / 2 - 4;
  const g = layer
    .selectAll<SVGGElement, PlacedMark>('g.mark')
    .data(marks, (m) => m.key)
    .join(
      (enter) => {
        const e = enter.append('g');
        e.append('rect').attr('class', 'mark__ring');
        e.append('rect').attr('class', 'mark__ghost');
        e.append('text').attr('class', 'mark__ghost-letter');
        e.append('circle').attr('class', 'mark__badge-bg').attr('r', 7);
        e.append('text').attr('class', 'mark__badge');
        e.attr('opacity', 0).attr('transform', (m) => `translate(${x(m)}, ${y(m.fromRow ?? m.row)})`);
        return e;
      },
      (update) => update,
      (exit) => exit.remove(),
    )
    .attr('class', (m) => `mark mark--${m.mark}${m.column < 0 ? ' mark--band' : ''}`);
  g.select('rect.mark__ring')
    .attr('width', width)
    .attr('height', (m) => (m.column < 0 ? ROW_H : TILE + 8))
    .attr('y', (m) => (m.column < 0 ? -((ROW_H - TILE) / 2 - 4) : 0))
    .attr('rx', 7);
  // A travelling mark carries a copy of the tile, so the file is seen rising (or a whiteout dropping).
  g.select('rect.mark__ghost')
    .attr('x', 4)
    .attr('y', 4)
    .attr('width', TILE)
    .attr('height', TILE)
    .attr('rx', 3)
    .attr('visibility', (m) => (m.letter ? 'visible' : 'hidden'));
  g.select('text.mark__ghost-letter')
    .attr('x', 4 + TILE / 2)
    .attr('y', 4 + TILE / 2 + 4)
    .text((m) => m.letter);
  g.select('circle.mark__badge-bg')
    .attr('cx', (m) => width(m) - 2)
    .attr('cy', 2);
  g.select('text.mark__badge')
    .attr('x', (m) => width(m) - 2)
    .attr('y', 6)
    .text((m) => MARK_SYMBOL[m.mark]);
  // interrupt() is d3-transition's: importing it also keeps selection.transition in the bundle.
  layer.selectAll<SVGGElement, PlacedMark>('g.mark').each(function () {
    interrupt(this);
  });
  // Marks of a lookup appear one band after another as the probe passes (`at`); travelling ones
  // move the whole time.
  const endX = (m: PlacedMark) => (m.sideways ? stackW + 24 + SIDE_W - 30 - TILE - 16 : x(m));
  return g
    .transition()
    .delay((m) => m.at * duration * 0.85)
    .duration((m) => (m.at > 0 ? duration * 0.15 : duration))
    .attr('opacity', 1)
    .attr('transform', (m) => `translate(${endX(m)}, ${y(m.row)})`)
    .end();
}
