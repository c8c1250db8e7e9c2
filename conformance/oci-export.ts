/**
 * The OCI export (issue #6) against real tools: an image committed in the engine (a container of
 * conf-img:1 writes /TEST and deletes a lower file) is written by `saveOciLayout`, then
 * - dockerd 20.10 `docker load`s it (it reads the archive's manifest.json): the image ID and diff IDs
 *   must be the engine's, `docker run --rm … cat /TEST` must print what the engine's did, and
 *   `docker history` must have as many rows;
 * - umoci (an OCI-only tool) lists its tag and `unpack --rootless`es it: the rootfs (paths, types,
 *   modes, the contents of every file outside /bin) must be the engine's merged view of the image.
 * A daemon of its own, so that no layer of the image is already there: dockerd skips the bytes of a
 * layer it has, and every byte of this archive is to be checked.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { saveOciLayout } from '../app/engine/archive/save-oci.ts';
import { fileText } from '../app/engine/content.ts';
import { findImage, imageLayersTopFirst } from '../app/engine/docker/images.ts';
import type { World } from '../app/engine/docker/world.ts';
import { layerId } from '../app/engine/ids.ts';
import { emptyLayer } from '../app/engine/layer.ts';
import { walkMerged } from '../app/engine/overlay.ts';
import { createSession, runLine } from '../app/shell/session.ts';
import { DOCKER, startDockerd, stopDockerd } from './dockerd.ts';
import { exec } from './exec.ts';

const REF = 'conf-oci:1';
const UMOCI = '/usr/bin/umoci';

export interface OciExportInput {
  /** A temp dir of its own. */
  readonly dir: string;
  /** An engine world holding `base`, an image whose /bin has busybox. */
  readonly world: World;
  readonly base: string;
  /** Counts a check as passed (no problems) or failed, as runImageChecks does. */
  readonly check: (name: string, problems: string[]) => void;
}

export async function runOciExportChecks({ dir, world, base, check }: OciExportInput): Promise<void> {
  mkdirSync(dir, { recursive: true });
  // In the engine: commit a container's changes, then ask it what a container of the result shows.
  let s = { ...createSession({ demo: false }), world };
  const engine = (line: string): string => {
    const r = runLine(s, line);
    s = r.session;
    const out = r.output.map((c) => c.text).join('');
    if (r.exitCode !== 0) throw new Error(`the engine's ${line}: exit ${r.exitCode}: ${out}`);
    return out;
  };
  engine(`docker run --name oci1 ${base} sh -c "echo from-the-oci-export > /TEST && rm /etc/config"`);
  engine(`docker commit oci1 ${REF}`);
  const img = findImage(s.world, REF)!;
  const simCat = engine(`docker run --rm ${REF} cat /TEST`);
  const simHistory = engine(`docker history -q ${REF}`).trim().split('\n').length;
  const saved = saveOciLayout(s.world, [REF]);
  if (!saved.ok) throw new Error(`saveOciLayout: ${saved.error}`);
  const archive = join(dir, 'oci.tar');
  writeFileSync(archive, saved.bytes);

  const d = await startDockerd(join(dir, 'dockerd'));
  try {
    const docker = async (...args: string[]): Promise<string> => {
      const r = await exec(DOCKER, args, { env: d.env });
      if (r.code !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr.trim()}`);
      return r.stdout;
    };
    const problems: string[] = [];
    const loaded = await docker('load', '-i', archive);
    if (loaded !== `Loaded image: ${REF}\n`) problems.push(`docker load printed ${JSON.stringify(loaded)}`);
    const realId = (await docker('image', 'inspect', '-f', '{{.Id}}', REF)).trim();
    if (realId !== img.id) problems.push(`image ID: engine ${img.id}, dockerd ${realId}`);
    const realLayers = (await docker('image', 'inspect', '-f', '{{json .RootFS.Layers}}', REF)).trim();
    if (realLayers !== JSON.stringify(img.config.rootfs.diff_ids))
      problems.push(`diff IDs: engine ${JSON.stringify(img.config.rootfs.diff_ids)}, dockerd ${realLayers}`);
    const realCat = await docker('run', '--rm', '--network', 'none', REF, 'cat', '/TEST');
    if (realCat !== simCat)
      problems.push(`cat /TEST: engine ${JSON.stringify(simCat)}, dockerd ${JSON.stringify(realCat)}`);
    const realHistory = (await docker('history', '-q', REF)).trim().split('\n').length;
    if (realHistory !== simHistory)
      problems.push(`docker history rows: engine ${simHistory}, dockerd ${realHistory}`);
    check('oci-export-docker-load', problems);
  } catch (e) {
    check('oci-export-docker-load', [(e as Error).message]);
  } finally {
    for (const p of stopDockerd(d)) check('oci-export-dockerd-stop', [p]);
  }

  try {
    check('oci-export-umoci', await umociProblems(dir, archive, s.world));
  } catch (e) {
    check('oci-export-umoci', [(e as Error).message]);
  }
}

/** Unpack the layout with umoci by its tag (the OCI ref.name) and compare the rootfs with the engine's view. */
async function umociProblems(dir: string, archive: string, world: World): Promise<string[]> {
  const layout = join(dir, 'layout');
  const bundle = join(dir, 'bundle');
  mkdirSync(layout);
  const run = async (cmd: string, args: string[]): Promise<string> => {
    const r = await exec(cmd, args);
    if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr.trim()}`);
    return r.stdout;
  };
  await run('tar', ['-xf', archive, '-C', layout]);
  const tag = REF.slice(REF.lastIndexOf(':') + 1);
  const problems: string[] = [];
  const tags = (await run(UMOCI, ['ls', '--layout', layout])).trim();
  if (tags !== tag) problems.push(`umoci ls: ${JSON.stringify(tags)}, expected ${JSON.stringify(tag)}`);
  await run(UMOCI, ['unpack', '--rootless', '--image', `${layout}:${tag}`, bundle]);
  const real = fsTree(join(bundle, 'rootfs'));
  const sim = engineTree(world, REF);
  problems.push(
    ...real.filter((l) => !sim.includes(l)).map((l) => `only in umoci's rootfs: ${l}`),
    ...sim.filter((l) => !real.includes(l)).map((l) => `only in the engine: ${l}`),
  );
  return problems;
}

/** One line per path: "PATH KIND MODE" (octal permission bits), a file's content outside /bin, a symlink's target. */
const line = (path: string, kind: string, mode: number, body: string): string =>
  `${path} ${kind} ${(mode & 0o7777).toString(8)}${body}`;

const shown = (path: string, content: string): string =>
  path.startsWith('/bin/') ? '' : ` ${JSON.stringify(content)}`;

export function engineTree(world: World, ref: string): string[] {
  const lowers = imageLayersTopFirst(world, findImage(world, ref)!);
  return [...walkMerged({ upper: emptyLayer(layerId('x'), 0), lowers, nextIno: 1 })]
    .map(([path, { node: n }]) =>
      n.kind === 'symlink'
        ? line(path, `symlink ${n.target}`, n.mode, '')
        : line(path, n.kind, n.mode, n.kind === 'file' ? shown(path, fileText(n)) : ''),
    )
    .sort();
}

export function fsTree(root: string): string[] {
  const out: string[] = [];
  const visit = (rel: string): void => {
    for (const name of readdirSync(join(root, rel))) {
      const path = `${rel}/${name}`;
      const st = lstatSync(join(root, path));
      if (st.isSymbolicLink()) out.push(line(path, `symlink ${readlinkSync(join(root, path))}`, st.mode, ''));
      else if (st.isDirectory()) {
        out.push(line(path, 'dir', st.mode, ''));
        visit(path);
      } else out.push(line(path, 'file', st.mode, shown(path, readFileSync(join(root, path), 'utf8'))));
    }
  };
  visit('');
  return out.sort();
}
