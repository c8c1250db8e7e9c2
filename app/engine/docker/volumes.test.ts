import { describe, expect, it } from 'vitest';
import { BASE2_LAYERS } from '../testing/builders.ts';
import { createContainer, removeContainer } from './containers.ts';
import { addImage } from './images.ts';
import { parseVolumeFlag } from './mounts.ts';
import type { MountRequest } from './mounts.ts';
import { containersUsing, createVolume, naturalLess, volumeNameError, volumeSize } from './volumes.ts';
import type { World } from './world.ts';
import { emptyWorld } from './world.ts';

const req = (flag: string): MountRequest => {
  const r = parseVolumeFlag(flag);
  if ('error' in r) throw new Error(r.error);
  return r;
};

function withContainer(world: World, name: string, flags: string[], autoRemove = false): World {
  const image = [...world.images.values()][0]!;
  const [w] = createContainer(world, {
    image,
    imageRef: 'base:2',
    name,
    command: ['sleep', 'infinity'],
    autoRemove,
    mounts: flags.map(req),
  });
  return w;
}

const base = (): World => addImage(emptyWorld(), { ref: 'base:2', layers: BASE2_LAYERS })[0];
const idOf = (w: World, name: string) => [...w.containers.values()].find((c) => c.name === name)!.id;

describe('the local volume driver', () => {
  it('creates a named volume on first use and keeps it as it is after', () => {
    const [w1, v1] = createVolume(base(), 'data', { anonymous: false });
    const [w2, v2] = createVolume({ ...w1, clock: w1.clock + 5 }, 'data', { anonymous: true });
    expect(v2).toBe(v1);
    expect(w2.volumes.size).toBe(1);
    expect(v1).toMatchObject({ name: 'data', driver: 'local', anonymous: false, labels: null });
  });

  it("checks names as dockerd's local driver does", () => {
    expect(volumeNameError('ok')).toBeNull();
    expect(volumeNameError('a')).toBe(
      'volume name is too short, names should be at least two alphanumeric characters',
    );
    expect(volumeNameError('bad/name')).toBe(
      '"bad/name" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path',
    );
  });

  it('names anonymous volumes with 64 hex from the seeded generator, the same every replay', () => {
    const a = withContainer(base(), 'c1', ['/anon']);
    const b = withContainer(base(), 'c1', ['/anon']);
    expect([...a.volumes.keys()]).toEqual([...b.volumes.keys()]);
    expect([...a.volumes.keys()][0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('orders names as `docker volume ls` does', () => {
    expect(['v10', 'v9', 'myvol', '45e5', 'bea9'].sort(naturalLess)).toEqual([
      '45e5',
      'bea9',
      'myvol',
      'v9',
      'v10',
    ]);
  });

  it('counts a volume in use by any container, running or not', () => {
    const w = withContainer(withContainer(base(), 'c1', ['shared:/data']), 'c2', ['shared:/data']);
    expect(containersUsing(w, 'shared')).toEqual([idOf(w, 'c1'), idOf(w, 'c2')]);
    expect(volumeSize(w.volumes.get('shared')!)).toBe(0);
  });
});

describe('removing a container and its volumes (F3)', () => {
  it('keeps every volume on a plain rm', () => {
    const w = withContainer(base(), 'c1', ['named:/data', '/anon']);
    expect(removeContainer(w, idOf(w, 'c1')).volumes.size).toBe(2);
  });

  it('takes anonymous volumes with rm -v, named ones stay', () => {
    const w = withContainer(base(), 'c1', ['named:/data', '/anon']);
    expect([...removeContainer(w, idOf(w, 'c1'), { volumes: true }).volumes.keys()]).toEqual(['named']);
  });

  it('takes the anonymous volumes of a --rm container by default', () => {
    const w = withContainer(base(), 'c1', ['named:/data', '/anon'], true);
    expect([...removeContainer(w, idOf(w, 'c1')).volumes.keys()]).toEqual(['named']);
  });
});
