import type { Container, World } from '../../engine/docker/world.ts';
import type { Step, TileMark } from '../../timeline/step.ts';
import type { StackBand, StackLayout, TileKind } from './layout.ts';
import { columnOf, sameBand, tilesAt } from './layout.ts';

/** Marks that say a band changed at a name (as opposed to being looked at). */
const CHANGING: ReadonlySet<TileMark> = new Set<TileMark>(['new', 'copy', 'changed', 'gone', 'stop']);

/**
 * The stack as it stands at a step of a command: the engine ran the whole command at once, so the
 * layout is built from the world after it; here each tile the command changed shows as it was
 * before, until the step that changes it. Stepping back puts the tile back. Once the command's
 * steps are over (or the container did not exist before it), the layout after shows unchanged.
 */
export function stagedLayout(
  after: StackLayout,
  beforeWorld: World | null,
  container: Container,
  steps: readonly Step[],
  index: number,
  done: boolean,
): StackLayout {
  if (done || !beforeWorld || steps.length === 0) return after;
  const was = beforeWorld.containers.get(container.id);
  if (!was) return after;
  const before = tilesAt(beforeWorld, was, after.dir, after.columns);

  // Columns each band has changed at by the step on screen (this one included).
  const reached = new Map<number, Set<number>>();
  for (let i = 0; i <= index && i < steps.length; i++)
    for (const h of steps[i]!.highlights) {
      if (!CHANGING.has(h.mark) || h.at.band !== 'layer') continue;
      const b = after.bands.findIndex((band) => sameBand(band.ref, h.at));
      const name = h.path === '/' ? null : columnOf(after.dir, h.path);
      const j = name === null ? -1 : after.columns.indexOf(name);
      if (b < 0 || j < 0) continue;
      if (!reached.has(b)) reached.set(b, new Set());
      reached.get(b)!.add(j);
    }
  const anyReached = new Set<number>();
  for (const cols of reached.values()) for (const j of cols) anyReached.add(j);

  const bands: StackBand[] = after.bands.map((band, b) => {
    const old: readonly (TileKind | null)[] | undefined =
      band.kind === 'merged'
        ? before.merged
        : band.ref.band === 'layer'
          ? before.layers.get(band.ref.layer)
          : undefined;
    if (!old) return band;
    const changed = band.kind === 'merged' ? anyReached : (reached.get(b) ?? new Set<number>());
    const tiles = band.tiles.map((t, j) => (changed.has(j) ? t : (old[j] ?? null)));
    return tiles.every((t, j) => t === band.tiles[j]) ? band : { ...band, tiles };
  });
  return { ...after, bands };
}
