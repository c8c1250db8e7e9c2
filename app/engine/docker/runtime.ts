import type { ContainerId, LayerId } from '../ids.ts';
import { layerId } from '../ids.ts';
import type { Layer, LayerEntrySpec } from '../layer.ts';
import { buildLayer } from '../layer.ts';
import type { RuntimeFiles } from './world.ts';

/**
 * What a running container sees outside its overlay (A6): the bind-mount sources of /etc/hosts,
 * /etc/hostname and /etc/resolv.conf (kept in /var/lib/docker/containers/<id>/), a tmpfs /dev with the
 * usual device nodes, /dev/shm, a read-only proc and sysfs. Made once, when the container is created.
 */
export function runtimeFiles(id: ContainerId, now: number, nextIno: () => number): RuntimeFiles {
  const hostname = id.slice(0, 12);
  const lid = (name: string): LayerId => layerId(`${id}-${name}`);
  const build = (name: string, entries: LayerEntrySpec[]): Layer =>
    buildLayer(lid(name), entries, now, nextIno);
  return {
    etc: build('etc', [
      { path: '/hosts', type: 'file', content: HOSTS(hostname) },
      { path: '/hostname', type: 'file', content: `${hostname}\n` },
      { path: '/resolv.conf', type: 'file', content: 'nameserver 127.0.0.11\noptions ndots:0\n' },
    ]),
    dev: build('dev', [
      ...DEVICES.map(([name]): LayerEntrySpec => ({
        path: `/${name}`,
        type: 'file',
        mode: name === 'console' ? '0620' : '0666',
      })),
      { path: '/pts', type: 'dir' },
      { path: '/shm', type: 'dir', mode: '1777' },
      { path: '/mqueue', type: 'dir', mode: '1777' },
      { path: '/fd', type: 'symlink', target: '/proc/self/fd' },
      { path: '/stdin', type: 'symlink', target: '/proc/self/fd/0' },
      { path: '/stdout', type: 'symlink', target: '/proc/self/fd/1' },
      { path: '/stderr', type: 'symlink', target: '/proc/self/fd/2' },
      { path: '/ptmx', type: 'symlink', target: 'pts/ptmx' },
      { path: '/core', type: 'symlink', target: '/proc/kcore' },
    ]),
    shm: build('shm', []),
    proc: build('proc', [
      {
        path: '/version',
        type: 'file',
        content: 'Linux version 6.18.0 (layerlab) #1 SMP PREEMPT_DYNAMIC\n',
        mode: '0444',
      },
      { path: '/1/cmdline', type: 'file', content: '', mode: '0444' },
      { path: '/self', type: 'symlink', target: '1' },
    ]),
    sys: build(
      'sys',
      ['block', 'bus', 'class', 'dev', 'devices', 'firmware', 'fs', 'kernel', 'module', 'power'].map(
        (d): LayerEntrySpec => ({ path: `/${d}`, type: 'dir' }),
      ),
    ),
  };
}

/** Device nodes of a container's /dev and their numbers. */
export const DEVICES: readonly (readonly [string, readonly [number, number]])[] = [
  ['null', [1, 3]],
  ['zero', [1, 5]],
  ['full', [1, 7]],
  ['random', [1, 8]],
  ['urandom', [1, 9]],
  ['tty', [5, 0]],
  ['console', [136, 0]],
];

const HOSTS = (hostname: string): string =>
  '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\n' +
  `ff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n172.17.0.2\t${hostname}\n`;
