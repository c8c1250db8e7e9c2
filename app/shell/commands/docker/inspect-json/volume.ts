import { volumeMountpoint } from '../../../../engine/docker/volumes.ts';
import type { Volume } from '../../../../engine/docker/world.ts';
import type { GoValue } from '../gotemplate/index.ts';
import { ptr, rfc3339, strMap, struct } from '../gotemplate/index.ts';
import type { View } from './shared.ts';

/** `docker volume inspect` (reached by `docker inspect NAME` too). */
export function volumeValue(vol: Volume, view: View): GoValue {
  const cli = view === 'cli';
  return struct('volume.Volume', [
    ...(cli ? [['ClusterVolume', ptr(null, 'volume.ClusterVolume'), 'omit'] as const] : []),
    ['CreatedAt', rfc3339(vol.created)],
    ['Driver', vol.driver],
    ['Labels', strMap(vol.labels)],
    ['Mountpoint', volumeMountpoint(vol.name)],
    ['Name', vol.name],
    ['Options', strMap(null)],
    ['Scope', 'local'],
    ['Status', strMap(null, 'interface {}'), 'omit'],
    ['UsageData', ptr(null, 'volume.UsageData'), 'omit'],
  ]);
}
