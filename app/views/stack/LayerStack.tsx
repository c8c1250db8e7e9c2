import { interrupt, select } from 'd3';
import { useEffect, useMemo, useRef } from 'react';
import type { Speed } from '../../timeline/durations.ts';
import { holdMs, motionMs } from '../../timeline/durations.ts';
import type { Step } from '../../timeline/step.ts';
import type { StackLayout } from './layout.ts';
import type { PlacedMark, StackRow } from './marks.ts';
import { MARK_SYMBOL, placeMarks, stackRows, TILE_LETTER } from './marks.ts';

/** Geometry of the drawing, in SVG units (the SVG is drawn 1:1, scrolled when wider than its box). */
export const LABEL_W = 148;
export const COL_W = 40;
const TILE = 22;
const ROW_H = 30;
const HEAD_H = 54;

interface Props {
  readonly layout: StackLayout;
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
export function LayerStack({ layout, step, speed, onStepEnd }: Props) {
  const svgRef = useRef<SVGSVGElement>(null);
  const rows = useMemo(() => stackRows(layout), [layout]);
  const marks = useMemo(() => placeMarks(step, layout, rows), [step, layout, rows]);
  const width = LABEL_W + Math.max(1, layout.columns.length) * COL_W + 8;
  const height = HEAD_H + rows.length * ROW_H + 4;
  const onEnd = useRef(onStepEnd);
  useEffect(() => {
    onEnd.current = onStepEnd;
  }, [onStepEnd]);

  useEffect(() => {
    if (svgRef.current) drawBands(svgRef.current, layout, rows);
  }, [layout, rows]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || !step) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    drawMarks(svg, marks, motionMs(step, speed))
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
  }, [step, speed, marks]);

  return (
    <svg
      ref={svgRef}
      className="stack__svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-label={`Layer stack at ${layout.dir}`}
    >
      <g className="stack__heads" aria-hidden="true" />
      <g className="stack__bands" />
      <g className="stack__marks" aria-hidden="true" />
    </svg>
  );
}

function drawBands(svg: SVGSVGElement, layout: StackLayout, rows: readonly StackRow[]): void {
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
      return g;
    })
    .attr('class', (r) => `band band--${r.kind}`)
    .attr('role', 'group')
    .attr('aria-label', (r) => r.label)
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
    .attr('y', 13)
    .text((r) => r.title);
  bands
    .select('text.band__sub')
    .attr('x', 8)
    .attr('y', 30)
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
  tiles.select('title').text((t) => `${t.name}: ${t.kind === 'opaque' ? 'opaque dir' : t.kind}`);
}

/** Join the step's marks and run their transition; resolves when it ends (at once at duration 0). */
function drawMarks(svg: SVGSVGElement, marks: readonly PlacedMark[], duration: number): Promise<void> {
  const layer = select(svg).select<SVGGElement>('g.stack__marks');
  const width = (m: PlacedMark) => (m.column < 0 ? LABEL_W + 2000 : TILE + 8);
  const x = (m: PlacedMark) => (m.column < 0 ? 0 : colX(m.column) + (COL_W - TILE) / 2 - 4);
  const y = (row: number) => rowY(row) + (ROW_H - TILE) / 2 - 4;
  const g = layer
    .selectAll<SVGGElement, PlacedMark>('g.mark')
    .data(marks, (m) => m.key)
    .join(
      (enter) => {
        const e = enter.append('g');
        e.append('rect').attr('class', 'mark__ring');
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
  return g
    .transition()
    .duration(duration)
    .attr('opacity', 1)
    .attr('transform', (m) => `translate(${x(m)}, ${y(m.row)})`)
    .end();
}
