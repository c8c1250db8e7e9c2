/** Puts every scenario image into the private dockerd with one `docker load` of a hand-written archive. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dockerArchive, layerTarEntries } from './archive.ts';
import { BUSYBOX, REAL_CMD, realBin } from './bin.ts';
import { DOCKER } from './dockerd.ts';
import type { Dockerd } from './dockerd.ts';
import { mustExec } from './exec.ts';
import { tarBytes } from './tar.ts';
import type { ImageSpec, Scenario } from './types.ts';

/** Loads the distinct images of the scenarios; returns their refs. */
export async function loadImages(dockerd: Dockerd, scenarios: readonly Scenario[]): Promise<string[]> {
  const images = new Map<string, ImageSpec>();
  for (const { image } of scenarios) {
    const known = images.get(image.ref);
    if (known !== undefined && JSON.stringify(known) !== JSON.stringify(image)) {
      throw new Error(`two different images are both called ${image.ref}`);
    }
    images.set(image.ref, image);
  }
  const substitute = realBin(readFileSync(BUSYBOX));
  const archive = dockerArchive(
    [...images.values()].map((image) => ({
      ref: image.ref,
      layers: image.layers.map((layer) => tarBytes(layerTarEntries(layer, substitute))),
    })),
    REAL_CMD,
  );
  const file = join(dockerd.dir, 'images.tar');
  writeFileSync(file, archive.bytes);
  await mustExec(DOCKER, ['load', '-q', '-i', file], { env: dockerd.env });
  return [...images.keys()];
}

export async function removeImages(dockerd: Dockerd, refs: readonly string[]): Promise<void> {
  if (refs.length > 0) await mustExec(DOCKER, ['rmi', '-f', ...refs], { env: dockerd.env });
}
