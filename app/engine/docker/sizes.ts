import type { Digest } from '../digest.ts';
import { layerSize } from './images.ts';
import type { Container, ImageRecord, World } from './world.ts';

// Sizes as dockerd reports them (E7, F1, F2): Σ st_size of the non-directories, hard links once.

/** An image's size: the sum of its layers' sizes. */
export const imageSize = (world: World, img: ImageRecord): number =>
  img.chain.reduce((n, c) => n + (world.layers.get(c)?.size ?? 0), 0);

/** `docker ps -s`: SizeRw of the upper and the virtual size with the image (init layer excluded). */
export function containerSizes(world: World, c: Container): { rw: number; virtual: number } {
  const rw = layerSize(c.upper);
  const img = world.images.get(c.imageId);
  return { rw, virtual: rw + (img ? imageSize(world, img) : 0) };
}

/** Layers referenced by any of the images, each counted once. */
export function uniqueLayers(images: Iterable<ImageRecord>): Set<Digest> {
  const out = new Set<Digest>();
  for (const img of images) for (const c of img.chain) out.add(c);
  return out;
}

export const sumLayers = (world: World, chains: Iterable<Digest>): number => {
  let n = 0;
  for (const c of chains) n += world.layers.get(c)?.size ?? 0;
  return n;
};

/** go-units HumanSizeWithPrecision(size, 3): decimal units, 3 significant digits ("187MB", "7.05kB"). */
export function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${parseFloat(v.toPrecision(3))}${units[i]}`;
}

/** Seconds since the epoch of an RFC 3339 time in a config. */
export const parseTime = (iso: string): number => Math.floor(Date.parse(iso) / 1000);
