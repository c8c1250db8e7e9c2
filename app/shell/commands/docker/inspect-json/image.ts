import { OVERLAY2 } from '../../../../engine/docker/containers.ts';
import { imageSize, parseTime } from '../../../../engine/docker/sizes.ts';
import type { ImageRecord, World } from '../../../../engine/docker/world.ts';
import type { GoValue } from '../gotemplate/index.ts';
import { goTime, ptr, slice, strMap, struct } from '../gotemplate/index.ts';
import { configFields, containerConfig, ociImageConfig } from './config.ts';
import type { View } from './shared.ts';
import { graphDriver, strs } from './shared.ts';

// `docker image inspect`: an image as image.InspectResponse.

/** GraphDriver.Data of an image (A4): its top layer's dirs; LowerDir absent for one layer. */
export function imageGraphDriver(world: World, img: ImageRecord): Record<string, string> | null {
  const cache = [...img.chain].reverse().map((ch) => world.layers.get(ch)?.cacheId ?? 'missing');
  const [top, ...rest] = cache;
  if (top === undefined) return null;
  return {
    ...(rest.length > 0 ? { LowerDir: rest.map((id) => `${OVERLAY2}/${id}/diff`).join(':') } : {}),
    MergedDir: `${OVERLAY2}/${top}/merged`,
    UpperDir: `${OVERLAY2}/${top}/diff`,
    WorkDir: `${OVERLAY2}/${top}/work`,
  };
}

/** The image's tags, sorted as the reference store lists them. */
export const repoTags = (world: World, img: ImageRecord): string[] =>
  [...world.tags]
    .filter(([, id]) => id === img.id)
    .map(([ref]) => ref)
    .sort();

/** `docker image inspect`: one image. */
export function imageValue(world: World, img: ImageRecord, view: View): GoValue {
  const cfg = img.config;
  const tags = repoTags(world, img);
  const size = imageSize(world, img);
  // A commit tags its image as it makes it; catalog images count as pulled (no tag time).
  const lastTag = img.parent !== null && tags.length > 0 ? parseTime(cfg.created) : null;
  const cli = view === 'cli';
  const config = configFields(cfg.config);
  const containerCfg = configFields(cfg.container_config);
  // Fields that CLI 28's struct tags omitempty and dockerd 20.10 always sent.
  const cliOmit = cli ? 'omit' : undefined;
  return struct('image.InspectResponse', [
    ['Id', img.id],
    ['RepoTags', strs(tags)],
    ['RepoDigests', strs([])],
    ['Parent', img.parent ?? ''],
    ['Comment', cfg.comment ?? ''],
    ['Created', cfg.created],
    ['Container', cfg.container ?? '', cliOmit],
    ['ContainerConfig', containerConfig(containerCfg, strMap(null)), cliOmit],
    ['DockerVersion', cfg.docker_version ?? ''],
    ['Author', cfg.author ?? ''],
    ['Config', cli ? ociImageConfig(config) : containerConfig(config, strMap(null))],
    ['Architecture', cfg.architecture],
    ['Variant', '', 'omit'],
    ['Os', cfg.os],
    ['OsVersion', '', 'omit'],
    ['Size', size],
    ['VirtualSize', size, cliOmit],
    ['GraphDriver', graphDriver(imageGraphDriver(world, img))],
    [
      'RootFS',
      struct('image.RootFS', [
        ['Type', 'layers'],
        ['Layers', strs(cfg.rootfs.diff_ids), 'omit'],
        ...(cli ? [] : [['BaseLayer', '', 'omit'] as const]),
      ]),
    ],
    ['Metadata', struct('image.Metadata', [['LastTagTime', goTime(lastTag)]])],
    ...(cli
      ? [
          ['Descriptor', ptr(null, 'v1.Descriptor'), 'omit'] as const,
          ['Manifests', slice(null, 'image.ManifestSummary'), 'omit'] as const,
        ]
      : []),
  ]);
}
