import { findContainer } from '../engine/docker/containers.ts';
import type { World } from '../engine/docker/world.ts';

/**
 * Fill a lesson's placeholders from the machine: `{id:NAME}` → the container's short id (as the blog
 * types `docker diff d949252e0584`), `{mount:NAME}` → the name of its overlay2 directory,
 * `{initLink:NAME}` → the l/ name of its -init layer. A placeholder naming no container stays as
 * written, so the line fails the way the shell says and the check does not pass.
 */
export function fillPlaceholders(text: string, world: World): string {
  return text.replace(/\{(id|mount|initLink):([^{}]+)\}/g, (whole, kind: string, name: string) => {
    const c = findContainer(world, name);
    if (!c) return whole;
    if (kind === 'id') return c.id.slice(0, 12);
    if (kind === 'mount') return c.mountId;
    return c.initLink;
  });
}
