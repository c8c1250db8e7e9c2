import type { LayerEntrySpec } from '../../engine/layer.ts';
import type { TestBox } from '../../engine/testing/builders.ts';
import { BASE2_LAYERS, boxWith } from '../../engine/testing/builders.ts';

// For the read commands' tests: run a command line in a container made by boxWith(), and images
// holding the root directory of the blog's nginx container.

export { sh } from '../testing/run-command.ts';

/** The names `ls /` shows in the blog's nginx container (Debian bookworm). */
export const NGINX_ROOT = [
  'bin',
  'boot',
  'dev',
  'docker-entrypoint.d',
  'docker-entrypoint.sh',
  'etc',
  'home',
  'lib',
  'lib32',
  'lib64',
  'libx32',
  'media',
  'mnt',
  'opt',
  'proc',
  'root',
  'run',
  'sbin',
  'srv',
  'sys',
  'tmp',
  'usr',
  'var',
];

/**
 * An image whose root holds exactly `names` (directories, except the .sh script). The init layer
 * adds /.dockerenv, /dev, /etc, /proc and /sys, so `names` should include dev, etc, proc and sys.
 */
export function boxWithRoot(names: readonly string[]): TestBox {
  const entries = names.map((n): LayerEntrySpec =>
    n.endsWith('.sh')
      ? { path: `/${n}`, type: 'file', content: '#!/bin/sh\n', mode: '0775' }
      : { path: `/${n}`, type: 'dir' },
  );
  return boxWith([entries]);
}

/** base:2 with more entries in a third layer. */
export const boxWithExtra = (extra: readonly LayerEntrySpec[]): TestBox => boxWith([...BASE2_LAYERS, extra]);
