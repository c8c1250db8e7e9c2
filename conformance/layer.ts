/** Rules of scenario layers that both the tar writer and the generator's model follow (REPLAY.md). */
import { byteOrder, dirname } from './paths.ts';
import type { Layer, LayerEntry } from './types.ts';

/**
 * The layer's entries sorted by path, with every missing parent directory added as a plain 0755 dir,
 * the way extracting a tar without them creates them. Throws on a path listed twice.
 */
export function completeLayer(layer: Layer): LayerEntry[] {
  const byPath = new Map<string, LayerEntry>();
  for (const entry of layer.entries) {
    if (byPath.has(entry.path)) throw new Error(`layer holds ${entry.path} twice`);
    byPath.set(entry.path, entry);
  }
  for (const entry of layer.entries) {
    for (let parent = dirname(entry.path); parent !== '/'; parent = dirname(parent)) {
      if (!byPath.has(parent)) byPath.set(parent, { path: parent, type: 'dir' });
    }
  }
  return [...byPath.values()].sort((a, b) => byteOrder(a.path, b.path));
}

export function parseMode(mode: string | undefined, fallback: number): number {
  if (mode === undefined) return fallback;
  if (!/^[0-7]{3,4}$/.test(mode)) throw new Error(`bad mode ${mode}`);
  return parseInt(mode, 8);
}
