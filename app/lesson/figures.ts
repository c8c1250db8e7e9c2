import { findImage } from '../engine/docker/images.ts';
import { humanSize, imageSize } from '../engine/docker/sizes.ts';
import type { World } from '../engine/docker/world.ts';
import { walk } from '../engine/tree.ts';

/** The tour's first figure: N containers of one image, each a full copy, or sharing its layers. */
export interface CopyVsShare {
  readonly containers: number;
  readonly layers: number;
  /** The image's size and its files (what a copy would have to write). */
  readonly imageSize: string;
  readonly files: number;
  /** On disk: N copies, or the layers once. */
  readonly copyDisk: string;
  readonly shareDisk: string;
  /** Files written before the Nth container can start: a whole copy, or none (one mount). */
  readonly copyFiles: number;
}

export function copyVsShare(world: World, ref: string, containers: number): CopyVsShare | null {
  const img = findImage(world, ref);
  if (!img) return null;
  let files = 0;
  for (const chain of img.chain) {
    const rec = world.layers.get(chain);
    if (rec) for (const [, n] of walk(rec.layer.root)) if (n.kind !== 'dir') files++;
  }
  const bytes = imageSize(world, img);
  return {
    containers,
    layers: img.chain.length,
    imageSize: humanSize(bytes),
    files,
    copyDisk: humanSize(bytes * containers),
    shareDisk: humanSize(bytes),
    copyFiles: files,
  };
}
