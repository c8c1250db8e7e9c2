import type { LayerEntrySpec } from '../layer.ts';
import type { AbsPath } from '../ids.ts';
import { NamespaceFs } from '../namespace-fs.ts';
import { addImage } from '../docker/images.ts';
import {
  containerNamespace,
  containerOverlay,
  createContainer,
  initOverlay,
  updateContainer,
  withNamespace,
} from '../docker/containers.ts';
import { changes, formatChanges } from '../docker/diff.ts';
import type { Container, World } from '../docker/world.ts';
import { emptyWorld } from '../docker/world.ts';
import { walk } from '../tree.ts';
import { fileText } from '../content.ts';

// Small named builders for tests: the image of SEMANTICS.md's confirmed cases, a container on it,
// and readable dumps of its upper and diff.

const f = (path: string, content: string, mode?: string): LayerEntrySpec => ({
  path,
  type: 'file',
  content,
  ...(mode ? { mode } : {}),
});

/** base:2 of SEMANTICS.md: L1 as imported, L2 changing /etc/config, adding /data/c.txt, deleting /opt/gone. */
export const BASE2_LAYERS: readonly (readonly LayerEntrySpec[])[] = [
  [
    f('/bin/sh', '#!/bin/busybox\n', '0755'),
    f('/bin/sleep', '#!/bin/busybox\n', '0755'),
    f('/etc/config', 'v1\n'),
    f('/data/a.txt', 'a\n'),
    f('/data/sub/b.txt', 'b\n'),
    f('/lib/x.so', 'so\n'),
    f('/opt/app/run', 'app\n'),
    f('/opt/gone', 'old\n'),
    { path: '/root', type: 'dir', mode: '0700' },
    { path: '/tmp', type: 'dir', mode: '1777' },
  ],
  [f('/etc/config', 'v2\n'), f('/data/c.txt', 'c\n'), { path: '/opt/gone', type: 'whiteout' }],
];

export interface TestBox {
  world: World;
  container: Container;
  /** A fresh Fs on the container's namespace at the current clock. */
  fs(): NamespaceFs;
  /** Keep what an Fs did (and advance the clock if it changed anything). */
  keep(fs: NamespaceFs): void;
  /** Run f on a fresh Fs and keep the result. */
  run(f: (fs: NamespaceFs) => void): void;
  upper(): string[];
  diff(): string[];
}

export function boxWith(layers: readonly (readonly LayerEntrySpec[])[] = BASE2_LAYERS): TestBox {
  const [w0, image] = addImage(emptyWorld(), { ref: 'base:2', layers });
  const [w1, c0] = createContainer(w0, {
    image,
    imageRef: 'base:2',
    name: 'c1',
    command: ['sleep', 'infinity'],
    autoRemove: false,
  });
  const box: TestBox = {
    world: w1,
    container: c0,
    fs: () => new NamespaceFs(containerNamespace(box.world, box.container), box.world.clock + 1),
    keep(fs) {
      if (!fs.mutated) return;
      box.container = withNamespace(box.container, fs.ns);
      box.world = { ...updateContainer(box.world, box.container), clock: box.world.clock + 1 };
    },
    run(f) {
      const fs = box.fs();
      f(fs);
      box.keep(fs);
    },
    upper: () => dumpUpper(box.container),
    diff: () =>
      formatChanges(
        changes(containerOverlay(box.world, box.container), initOverlay(box.world, box.container)),
      ),
  };
  return box;
}

/** The upper as `x/` dirs, `x=wh` whiteouts, `x/[opq]` opaque dirs, `x -> t` symlinks, files with content. */
export function dumpUpper(c: Container): string[] {
  const out: string[] = [];
  for (const [p, n] of walk(c.upper.root)) {
    const path = p.slice(1);
    if (n.kind === 'dir') out.push(n.opaque ? `${path}/[opq]` : `${path}/`);
    else if (n.kind === 'whiteout') out.push(`${path}=wh`);
    else if (n.kind === 'symlink') out.push(`${path} -> ${n.target}`);
    else out.push(`${path} ${JSON.stringify(fileText(n))} ${n.mode.toString(8)}`);
  }
  return out;
}

export const P = (s: string): AbsPath => s as AbsPath;
