import { containerSizes } from '../engine/docker/sizes.ts';
import type { World } from '../engine/docker/world.ts';
import { ROOT } from '../engine/path.ts';
import { layerBand } from './lookup-steps.ts';
import type { Narrator } from './narrate.ts';
import { en } from './narrate.ts';
import type { Step } from './step.ts';

/**
 * Steps for containers a line created or removed. The engine's events tell what happened inside a
 * filesystem; a container appearing or going is read off the worlds before and after the line
 * instead (docker run, create, rm, run --rm, prune). Created ones play first (the container exists
 * before anything runs in it), removed ones last.
 */
export function containerSteps(
  before: World,
  after: World,
  n: Narrator = en,
): { readonly created: Step[]; readonly removed: Step[] } {
  const created: Step[] = [];
  const removed: Step[] = [];
  for (const c of after.containers.values()) {
    if (before.containers.has(c.id)) continue;
    const image = after.images.get(c.imageId);
    const layers = image?.chain.length ?? 0;
    let sharing = 0;
    for (const o of after.containers.values()) if (o.imageId === c.imageId) sharing++;
    created.push({
      kind: 'container-created',
      text: n.containerCreated(c.name, c.imageRef, layers, sharing),
      highlights: [
        { at: layerBand(c.upper.id), path: ROOT, mark: 'new' },
        { at: layerBand(c.init.id), path: ROOT, mark: 'new' },
      ],
      focusDir: ROOT,
      bytes: 0,
    });
  }
  for (const c of before.containers.values()) {
    if (after.containers.has(c.id)) continue;
    removed.push({
      kind: 'container-removed',
      text: n.containerRemoved(c.name, containerSizes(before, c).rw),
      highlights: [],
      focusDir: ROOT,
    });
  }
  return { created, removed };
}
