import { layerId } from './ids.ts';
import type { Layer, LayerEntrySpec } from './layer.ts';
import { buildLayer } from './layer.ts';

/**
 * The host machine's own filesystem, where the terminal starts (`$`). A plain tree (no overlay):
 * what matters on the host is the docker CLI and, later, browsing /var/lib/docker.
 */
const HOST_ENTRIES: LayerEntrySpec[] = [
  ...[
    'bin',
    'etc',
    'home/user',
    'opt',
    'root',
    'srv',
    'tmp',
    'usr/bin',
    'usr/local/bin',
    'var/lib/docker',
    'var/log',
  ].map((p): LayerEntrySpec => ({
    path: `/${p}`,
    type: 'dir',
    ...(p === 'tmp' ? { mode: '1777' } : p === 'root' ? { mode: '0700' } : {}),
  })),
  { path: '/dev/null', type: 'file', mode: '0666' },
  { path: '/etc/hostname', type: 'file', content: 'layerlab\n' },
  { path: '/etc/os-release', type: 'file', content: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n' },
];

export function hostLayer(mtime: number, nextIno: () => number): Layer {
  return buildLayer(layerId('host'), HOST_ENTRIES, mtime, nextIno);
}
