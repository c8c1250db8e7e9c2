/**
 * The daemon's side of a scenario on the real dockerd: `docker ps -s` and the exact SizeRw, then
 * `docker commit` and `docker history`; at the end one `docker save` of many committed images gives
 * each config (history, rootfs) and the committed layer's tar.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { DOCKER } from './dockerd.ts';
import type { Dockerd } from './dockerd.ts';
import { mustExec } from './exec.ts';
import { readTar } from './tar-read.ts';
import type { TarRecord } from './tar-read.ts';
import type { DaemonObserved, Scenario, TarListEntry } from './types.ts';

/** What is known right after the commit, before `docker save`. */
export interface Committed {
  readonly ref: string;
  readonly sizeRw: number;
  readonly psSize: string;
  readonly historySizes: readonly number[];
}

/** What `docker save` shows of one image. */
export interface SavedImage {
  readonly diffIds: readonly string[];
  readonly history: readonly { readonly empty_layer?: boolean }[];
  /** The tar of each layer, bottom first (manifest.json's Layers). */
  readonly layers: readonly Buffer[];
}

/** The ref a scenario's container is committed as (repository names are lowercase). */
export function commitRef(scenario: Scenario): string {
  return `conf/${scenario.name.toLowerCase()}:2`;
}

/** `docker ps -s` and SizeRw of the container, then `docker commit` and `docker history` of the image. */
export async function commitContainer(dockerd: Dockerd, container: string, ref: string): Promise<Committed> {
  const env = dockerd.env;
  const filter = ['--filter', `name=^${container}$`, '--format', '{{.Size}}'];
  // The exact bytes come from inspect; ps prints them rounded, as a person reads them.
  const [inspect, ps] = await Promise.all([
    mustExec(DOCKER, ['inspect', '-s', '-f', '{{.SizeRw}}', container], { env }),
    mustExec(DOCKER, ['ps', '-a', '-s', '--no-trunc', ...filter], { env }),
  ]);
  const sizeRw = Number(inspect.trim());
  if (inspect.trim() === '' || !Number.isInteger(sizeRw))
    throw new Error(`docker inspect -s gave no SizeRw for ${container}`);
  const psSize = sizeColumn(ps.trim());
  if (psSize === undefined) throw new Error(`docker ps -s printed "${ps.trim()}" for ${container}`);
  await mustExec(DOCKER, ['commit', container, ref], { env });
  const history = await mustExec(
    DOCKER,
    ['history', '--no-trunc', '--human=false', '--format', '{{.Size}}', ref],
    { env },
  );
  const historySizes = history
    .split('\n')
    .filter((line) => line.length > 0)
    .map(Number);
  if (historySizes.some((size) => !Number.isInteger(size)))
    throw new Error(`docker history --human=false printed "${history.trim()}"`);
  return { ref, sizeRw, psSize, historySizes };
}

/** "7B (virtual 1.98MB)" → "7B": the container's own size as `docker ps -s` prints it (F1). */
export function sizeColumn(text: string): string | undefined {
  return /^(\S+) \(virtual [^)]*\)$/.exec(text)?.[1];
}

/** One `docker save` of the refs, read from the archive: config and layer tars by ref. */
export async function saveImages(
  dockerd: Dockerd,
  refs: readonly string[],
  file: string,
): Promise<Map<string, SavedImage>> {
  await mustExec(DOCKER, ['save', '-o', file, ...refs], { env: dockerd.env });
  try {
    return readSaved(readFileSync(file));
  } finally {
    rmSync(file, { force: true });
  }
}

/** manifest.json names each image's config and layer tars (docker-archive format). */
export function readSaved(archive: Buffer): Map<string, SavedImage> {
  const files = new Map(readTar(archive).map((record: TarRecord) => [record.name, record.data]));
  const file = (name: string): Buffer => {
    const data = files.get(name);
    if (data === undefined) throw new Error(`docker save archive lacks ${name}`);
    return data;
  };
  const manifest = JSON.parse(file('manifest.json').toString('utf8')) as {
    Config: string;
    RepoTags: string[] | null;
    Layers: string[];
  }[];
  const out = new Map<string, SavedImage>();
  for (const image of manifest) {
    const config = JSON.parse(file(image.Config).toString('utf8')) as {
      rootfs: { diff_ids: string[] };
      history?: { empty_layer?: boolean }[];
    };
    const saved: SavedImage = {
      diffIds: config.rootfs.diff_ids,
      history: config.history ?? [],
      layers: image.Layers.map(file),
    };
    for (const ref of image.RepoTags ?? []) out.set(ref, saved);
  }
  return out;
}

/**
 * The whole daemon observation of a scenario. `parentLayers` is the number of diff IDs of the
 * image the container ran. Checks the harness too: the saved layer must hash to its diff ID.
 */
export function daemonObserved(
  committed: Committed,
  saved: SavedImage,
  parentLayers: number,
): DaemonObserved {
  const { diffIds, history, layers } = saved;
  if (layers.length !== diffIds.length)
    throw new Error(
      `${committed.ref}: manifest lists ${layers.length} layers for ${diffIds.length} diff IDs`,
    );
  const layersAdded = diffIds.length - parentLayers;
  const top = layers[layers.length - 1];
  let tar: TarListEntry[] | null = null;
  if (layersAdded > 0 && top !== undefined) {
    const digest = `sha256:${createHash('sha256').update(top).digest('hex')}`;
    if (digest !== diffIds[diffIds.length - 1])
      throw new Error(`${committed.ref}: the saved top layer hashes to ${digest}, not its diff ID`);
    tar = tarList(readTar(top));
  }
  return {
    sizeRw: committed.sizeRw,
    psSize: committed.psSize,
    historySizes: committed.historySizes,
    emptyLayer: history[history.length - 1]?.empty_layer === true,
    layersAdded,
    tar,
  };
}

/** The compared fields of each header: no times, owners or the mode's type bits. */
export function tarList(records: readonly TarRecord[]): TarListEntry[] {
  return records.map((record) => {
    const entry = {
      name: record.name,
      type: record.type,
      mode: (record.mode & 0o7777).toString(8).padStart(4, '0'),
      size: record.size,
    };
    return record.type === '1' || record.type === '2' ? { ...entry, linkname: record.linkname } : entry;
  });
}
