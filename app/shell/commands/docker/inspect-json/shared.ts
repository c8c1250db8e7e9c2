import type { GoValue } from '../gotemplate/index.ts';
import { slice, strMap, struct } from '../gotemplate/index.ts';

// What the container, image and volume values share. The two shapes are described in index.ts.

export type View = 'daemon' | 'cli';

export const DOCKER_ROOT = '/var/lib/docker';

export const strs = (list: readonly string[] | null | undefined): GoValue =>
  slice(list === undefined ? null : list);

/** GraphDriver in both shapes: overlay2 and its directories (see containerGraphDriver, imageGraphDriver). */
export const graphDriver = (data: Record<string, string> | null): GoValue =>
  struct('storage.DriverData', [
    ['Data', strMap(data)],
    ['Name', 'overlay2'],
  ]);
