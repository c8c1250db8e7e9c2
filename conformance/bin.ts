/**
 * The bottom layer every scenario image shares: /bin/busybox with /bin/sh and /bin/sleep. The real
 * image carries the host's static busybox (sh and sleep as hard links to it); the simulator gets
 * empty 0755 files of the same names. Contents under /bin are not compared.
 */
import type { TarEntry } from './tar.ts';
import type { Layer, LayerEntry } from './types.ts';

export const BUSYBOX = '/bin/busybox';

export const BIN_LAYER: Layer = {
  entries: [
    { path: '/bin', type: 'dir', mode: '0755' },
    { path: '/bin/busybox', type: 'file', mode: '0755', content: '' },
    { path: '/bin/sh', type: 'file', mode: '0755', content: '' },
    { path: '/bin/sleep', type: 'file', mode: '0755', content: '' },
  ],
};

/** The real container runs busybox as its only process. */
export const REAL_CMD = ['/bin/busybox', 'sleep', '3600'] as const;

/** Replaces the stand-ins of BIN_LAYER by the real binary and hard links to it. */
export function realBin(busybox: Uint8Array): (entry: LayerEntry) => TarEntry | undefined {
  return (entry) => {
    if (entry.path === BUSYBOX) return { kind: 'file', name: 'bin/busybox', mode: 0o755, data: busybox };
    if (entry.path === '/bin/sh' || entry.path === '/bin/sleep') {
      return { kind: 'hardlink', name: entry.path.slice(1), mode: 0o755, target: 'bin/busybox' };
    }
    return undefined;
  };
}

/** Whether a path's file content is excluded from comparison. */
export function isBinPath(path: string): boolean {
  return path.startsWith('/bin/');
}
