import type { Digest } from '../engine/digest.ts';
import type { World } from '../engine/docker/world.ts';
import type { ContainerId, LayerId } from '../engine/ids.ts';
import type { Narrator } from './narrate.ts';
import { en } from './narrate.ts';

/**
 * What steps.ts needs to know about the stack that the events do not say: how to name a layer in a
 * sentence, and which band a container's upper or a chain ID is. Only `layerName` is required;
 * without the rest, steps still come out right but a few highlights (the upper of a commit, the
 * new layer) are left out. `stackContext` builds the whole thing from a World.
 */
export interface StepContext {
  /** A noun phrase for a layer: "the upper", "the init layer", "layer 3". */
  layerName(id: LayerId): string;
  /** The upper of the container the line ran in (where copy-ups land); inferred from the events if absent. */
  readonly upper?: LayerId;
  /** A container's name and upper (docker commit names the container by ID). */
  container?(id: string): { readonly name: string; readonly upper: LayerId } | undefined;
  /** The layer a chain ID names (docker commit and pull register layers by chain ID). */
  layerOfChain?(chainId: string): LayerId | undefined;
  /** The words; English unless given (issue #5). */
  readonly narrator?: Narrator;
}

/**
 * The context for a line that ran in `container` (or on the host): image layers are numbered from
 * the base up, as `docker history` reads bottom to top ("layer 1" is the base), so a layer keeps
 * its number in every image that holds it; uppers and init layers of other containers are named
 * after their container. Build it from the World after the line (the new layer of a commit is in it).
 */
export function stackContext(
  world: World,
  container?: ContainerId | null,
  narrator: Narrator = en,
): StepContext {
  const names = new Map<string, string>();
  const byChain = new Map<string, LayerId>();
  for (const rec of world.layers.values()) {
    byChain.set(rec.chainId, rec.layer.id);
    names.set(rec.layer.id, narrator.names.imageLayer(depth(world, rec.chainId)));
  }
  for (const c of world.containers.values()) {
    const mine = c.id === container;
    names.set(c.upper.id, mine ? narrator.names.upper : narrator.names.upperOf(c.name));
    names.set(c.init.id, mine ? narrator.names.init : narrator.names.initOf(c.name));
  }
  const own = container ? world.containers.get(container) : undefined;
  return {
    layerName: (id) => names.get(id) ?? fallbackName(id, narrator),
    ...(own ? { upper: own.upper.id } : {}),
    container: (id) => {
      const c = world.containers.get(id as ContainerId);
      return c ? { name: c.name, upper: c.upper.id } : undefined;
    },
    layerOfChain: (chainId) => byChain.get(chainId),
    narrator,
  };
}

/** Layers of a container gone by now (`docker run --rm`): its init layer still reads as one. */
export function fallbackName(id: LayerId, narrator: Narrator = en): string {
  return id.endsWith('-init') ? narrator.names.init : narrator.names.unknown(id.slice(0, 12));
}

function depth(world: World, chainId: Digest): number {
  let n = 0;
  for (let c: Digest | null = chainId; c; c = world.layers.get(c)?.parent ?? null) n++;
  return n;
}
