/**
 * The OCI import (issue #6) against a real OCI tool: umoci, which knows nothing of Docker, builds an
 * image layout of three gzip layers (files and a hard link; then a deleted file, a directory
 * replaced, a changed mode; then a symlink and a file rewritten), as `umoci repack` writes them. The
 * layout, packed as a tar, is loaded by the engine: its diff IDs must be what umoci put in the
 * config, and its merged view of the image must equal the rootfs `umoci unpack --rootless` makes.
 */
import { chmodSync, linkSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPrepared } from '../app/engine/archive/load.ts';
import { prepareArchive } from '../app/engine/archive/prepare.ts';
import { emptyWorld } from '../app/engine/docker/world.ts';
import { exec } from './exec.ts';
import { engineTree, fsTree } from './oci-export.ts';

const UMOCI = '/usr/bin/umoci';
const TAG = 'conf';

export async function runOciImportChecks(
  dir: string,
  check: (name: string, problems: string[]) => void,
): Promise<void> {
  const run = async (cmd: string, args: string[]): Promise<string> => {
    const r = await exec(cmd, args);
    if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr.trim()}`);
    return r.stdout;
  };
  mkdirSync(dir, { recursive: true });
  const layout = join(dir, 'layout');
  const image = `${layout}:${TAG}`;
  await run(UMOCI, ['init', '--layout', layout]);
  await run(UMOCI, ['new', '--image', image]);
  /** Unpack the image as it is, let `change` edit its rootfs, repack it as one more layer. */
  const layer = async (n: number, change: (root: string) => void): Promise<void> => {
    const bundle = join(dir, `bundle${n}`);
    await run(UMOCI, ['unpack', '--rootless', '--image', image, bundle]);
    change(join(bundle, 'rootfs'));
    await run(UMOCI, ['repack', '--image', image, bundle]);
    rmSync(bundle, { recursive: true, force: true });
  };
  await layer(1, (root) => {
    for (const d of ['etc', 'data/sub', 'bin']) mkdirSync(join(root, d), { recursive: true });
    writeFileSync(join(root, 'etc/config'), 'v1\n');
    writeFileSync(join(root, 'etc/gone'), 'old\n');
    writeFileSync(join(root, 'data/sub/b.txt'), 'b\n');
    writeFileSync(join(root, 'data/one'), 'shared\n');
    linkSync(join(root, 'data/one'), join(root, 'data/two'));
    writeFileSync(join(root, 'bin/tool'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0xff]));
    chmodSync(join(root, 'bin/tool'), 0o755);
  });
  await layer(2, (root) => {
    rmSync(join(root, 'etc/gone'));
    rmSync(join(root, 'data/sub'), { recursive: true });
    mkdirSync(join(root, 'data/sub'));
    writeFileSync(join(root, 'data/sub/new.txt'), 'new\n');
    chmodSync(join(root, 'etc/config'), 0o600);
  });
  await layer(3, (root) => {
    symlinkSync('../etc/config', join(root, 'data/link'));
    writeFileSync(join(root, 'etc/config'), 'v2\n');
  });
  const archive = join(dir, 'layout.tar');
  await run('tar', ['-cf', archive, '-C', layout, '.']);

  // The engine's view of it.
  const prepared = await prepareArchive(new Uint8Array(readFileSync(archive)));
  const loaded = loadPrepared(emptyWorld(), prepared);
  if (!loaded.ok) return check('oci-import-umoci', [`the engine refused umoci's layout: ${loaded.error}`]);
  const img = prepared.images[0]!;
  const problems: string[] = [];
  const config = JSON.parse(img.configJson) as { rootfs: { diff_ids: string[] } };
  const ids = img.layers.map((l) => l.diffId);
  if (JSON.stringify(ids) !== JSON.stringify(config.rootfs.diff_ids))
    problems.push(`diff IDs: engine ${ids.join(' ')}, umoci's config ${config.rootfs.diff_ids.join(' ')}`);
  if (prepared.format !== 'oci') problems.push(`read as ${prepared.format}, not as an OCI layout`);

  // umoci's own unpack of the same image.
  const bundle = join(dir, 'final');
  await run(UMOCI, ['unpack', '--rootless', '--image', image, bundle]);
  const real = fsTree(join(bundle, 'rootfs'));
  const ref = loaded.images[0]!.tags[0] ?? loaded.images[0]!.id;
  const sim = engineTree(loaded.world, ref);
  problems.push(
    ...real.filter((l) => !sim.includes(l)).map((l) => `only in umoci's rootfs: ${l}`),
    ...sim.filter((l) => !real.includes(l)).map((l) => `only in the engine: ${l}`),
  );
  check('oci-import-umoci', problems);
}
