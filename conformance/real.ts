/**
 * The real side: a private dockerd holding every scenario image; per scenario a container whose
 * command lines run through the host's bash and GNU coreutils against its MergedDir, then its
 * merged tree, upperdir, `docker diff`, `docker ps -s`, `docker commit` and `docker history`; at the
 * end `docker save` of the committed images gives their configs and new layers' tars.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REAL_CMD } from './bin.ts';
import { opaqueDirs, walkTree } from './collect.ts';
import { commitContainer, commitRef, daemonObserved, saveImages } from './daemon.ts';
import type { Committed, SavedImage } from './daemon.ts';
import { DOCKER, startDockerd, stopDockerd } from './dockerd.ts';
import type { Dockerd } from './dockerd.ts';
import { exec, mustExec } from './exec.ts';
import { loadImages, removeImages } from './load.ts';
import { renderHost } from './render.ts';
import type { Mount } from './render.ts';
import type { Observed, Scenario } from './types.ts';

export interface RealRun extends Observed {
  /** Exit status of each host command line. */
  readonly exitCodes: readonly number[];
}

/** A scenario's run before `docker save`: everything but what only the saved image shows. */
interface FirstPass {
  readonly run: RealRun;
  readonly committed: Committed;
}

/** Images per `docker save`: a few large archives rather than hundreds of small ones. */
const SAVE_BATCH = 40;

/** The real side cannot run at all (dockerd does not start, the images do not load). */
export class CannotRun extends Error {}

/**
 * Runs every scenario on a private dockerd under `work`, `concurrency` containers at a time; a
 * scenario that fails gives its reason instead of a result. dockerd is always stopped, and stopped
 * too on SIGINT/SIGTERM.
 */
export async function runAllReal(
  work: string,
  scenarios: readonly Scenario[],
  concurrency: number,
  log: (line: string) => void,
): Promise<(RealRun | string)[]> {
  let dockerd: Dockerd;
  try {
    dockerd = await startDockerd(join(work, 'dockerd'));
  } catch (error) {
    throw new CannotRun(`cannot start dockerd: ${message(error)}`);
  }
  const stop = (): void => {
    for (const problem of stopDockerd(dockerd)) log(`cleanup: ${problem}`);
  };
  const onSignal = (): void => {
    log('interrupted: removing the containers and stopping dockerd');
    stop();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    let refs: string[];
    try {
      refs = await loadImages(dockerd, scenarios);
    } catch (error) {
      throw new CannotRun(`cannot load the scenario images: ${message(error)}`);
    }
    const firstPass = await mapPool(scenarios, concurrency, (scenario, i) =>
      runReal(dockerd, scenario, `conf${i}`).catch((error: unknown) => message(error)),
    );
    const committed = firstPass.flatMap((pass) => (typeof pass === 'string' ? [] : [pass.committed.ref]));
    const saved = await saveAll(dockerd, committed, concurrency);
    const results = firstPass.map((pass, i) => {
      if (typeof pass === 'string') return pass;
      const image = saved.get(pass.committed.ref);
      if (typeof image === 'string' || image === undefined)
        return `docker save ${pass.committed.ref}: ${image ?? 'not in the archive'}`;
      try {
        const parentLayers = scenarios[i]?.image.layers.length ?? 0;
        return { ...pass.run, daemon: daemonObserved(pass.committed, image, parentLayers) };
      } catch (error) {
        return message(error);
      }
    });
    await removeImages(dockerd, committed);
    await removeImages(dockerd, refs);
    return results;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    stop();
  }
}

/** The committed images in batches, `concurrency` saves at a time; a failed batch gives each of its refs the reason. */
async function saveAll(
  dockerd: Dockerd,
  refs: readonly string[],
  concurrency: number,
): Promise<Map<string, SavedImage | string>> {
  const batches: string[][] = [];
  for (let i = 0; i < refs.length; i += SAVE_BATCH) batches.push(refs.slice(i, i + SAVE_BATCH));
  const out = new Map<string, SavedImage | string>();
  await mapPool(batches, concurrency, async (batch, i) => {
    try {
      const saved = await saveImages(dockerd, batch, join(dockerd.dir, `save${i}.tar`));
      for (const ref of batch) out.set(ref, saved.get(ref) ?? 'not in the archive');
    } catch (error) {
      for (const ref of batch) out.set(ref, message(error));
    }
  });
  return out;
}

export async function runReal(dockerd: Dockerd, scenario: Scenario, container: string): Promise<FirstPass> {
  const env = dockerd.env;
  const volumes = (scenario.volumes ?? []).flatMap((volume) => ['-v', volume]);
  const options = ['-d', '--network', 'none', ...volumes, '--name', container];
  await mustExec(DOCKER, ['run', ...options, scenario.image.ref, ...REAL_CMD], { env });
  try {
    const { merged, upper, mounts } = await inspectContainer(dockerd, container);
    const exitCodes: number[] = [];
    for (const line of scenario.lines) {
      const hostLine = renderHost(line, merged, mounts);
      const result = await exec('bash', ['-c', hostLine], {
        cwd: '/',
        env: { PATH: process.env['PATH'] ?? '', LC_ALL: 'C' },
      });
      exitCodes.push(result.code);
    }
    assertNothingEscaped(merged);
    const diff = await mustExec(DOCKER, ['diff', container], { env });
    const run: RealRun = {
      merged: walkTree(merged),
      upper: walkTree(upper, await opaqueDirs(upper)),
      diff: diff.split('\n').filter((line) => line.length > 0),
      exitCodes,
    };
    return { run, committed: await commitContainer(dockerd, container, commitRef(scenario)) };
  } finally {
    await exec(DOCKER, ['rm', '-f', '-v', container], { env });
  }
}

/** Where the container's root and upper are on the host, and where its volumes are. */
async function inspectContainer(
  dockerd: Dockerd,
  container: string,
): Promise<{ merged: string; upper: string; mounts: Mount[] }> {
  const format = '{{json .GraphDriver.Data}}\n{{json .Mounts}}';
  const output = await mustExec(DOCKER, ['inspect', '-f', format, container], { env: dockerd.env });
  const [data, mounts] = output
    .trim()
    .split('\n')
    .map((json) => JSON.parse(json) as unknown);
  const merged = field(data, 'MergedDir');
  const upper = field(data, 'UpperDir');
  if (typeof merged !== 'string' || typeof upper !== 'string') {
    throw new Error(`docker inspect shows no MergedDir/UpperDir for ${container}`);
  }
  const list: unknown[] = Array.isArray(mounts) ? mounts : [];
  const mount = (m: unknown): Mount => ({
    target: String(field(m, 'Destination')),
    source: String(field(m, 'Source')),
  });
  return { merged, upper, mounts: list.map(mount) };
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** The generator keeps symlinks from climbing above '/'; this proves no host line wrote beside MergedDir. */
function assertNothingEscaped(merged: string): void {
  const expected = new Set(['diff', 'link', 'lower', 'merged', 'work']);
  const extra = readdirSync(dirname(merged)).filter((name) => !expected.has(name));
  if (extra.length > 0) throw new Error(`a command wrote outside MergedDir: ${extra.join(', ')}`);
}

async function mapPool<T, R>(
  items: readonly T[],
  workers: number,
  run: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) results[i] = await run(items[i] as T, i);
  };
  await Promise.all(Array.from({ length: Math.min(workers, items.length) }, worker));
  return results;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
