import type { Digest } from '../digest.ts';
import { chainIds, digestOf, digestOfText, EMPTY_LAYER_DIFF_ID } from '../digest.ts';
import { layerId } from '../ids.ts';
import type { Layer, LayerEntrySpec } from '../layer.ts';
import { buildLayer, IMAGE_MTIME } from '../layer.ts';
import { layerTar } from '../tar.ts';
import { walk } from '../tree.ts';
import { randomHex, randomLink } from './rng.ts';
import type { ContainerConfig, HistoryEntry, ImageConfig, ImageRecord, LayerRecord, World } from './world.ts';
import { DEFAULT_PATH, isoTime } from './world.ts';

/** 'nginx' → 'nginx:latest'; a tag or digest already given is kept. */
export function normalizeRef(ref: string): string {
  const slash = ref.lastIndexOf('/');
  if (ref.includes('@') || ref.indexOf(':', slash + 1) >= 0) return ref;
  return `${ref}:latest`;
}

/** Σ st_size of the non-directories of a layer, hard links counted once (E7, F1). */
export function layerSize(layer: Layer): number {
  let size = 0;
  const seen = new Set<number>();
  for (const [, n] of walk(layer.root)) {
    if (n.kind === 'file') {
      if (seen.has(n.ino)) continue;
      seen.add(n.ino);
      size += n.size;
    } else if (n.kind === 'symlink') size += new TextEncoder().encode(n.target).length;
  }
  return size;
}

/**
 * Register a layer on top of `parent` in the layer store (E6, E7): its diff ID is the SHA-256 of
 * its tar; a chain already present is reused (shared layers). Returns the world and the chain ID.
 */
export function registerLayer(
  world: World,
  parent: Digest | null,
  layer: Layer,
  known?: {
    readonly diffId: Digest;
    readonly tarSize: number;
    readonly tar?: Uint8Array;
    /** layerSize(layer), when the caller counted it already (an imported layer, as it was read). */
    readonly size?: number;
  },
): [World, LayerRecord] {
  // A catalog layer arrives with the digest its tar was found to have when the catalog was built:
  // hashing hundreds of megabytes on every page load would say nothing new.
  const tar = known ? null : layerTar(layer);
  const diffId = known ? known.diffId : digestOf(tar!);
  const chainId = parent === null ? diffId : digestOfText(`${parent} ${diffId}`);
  const existing = world.layers.get(chainId);
  if (existing) return [world, existing];
  const [cacheId, r1] = randomHex(world.rng);
  const [link, r2] = randomLink(r1);
  const rec: LayerRecord = {
    chainId,
    diffId,
    parent,
    cacheId,
    link,
    layer: { ...layer, id: layerId(cacheId) },
    size: known?.size ?? layerSize(layer),
    tarSize: tar ? tar.length : known!.tarSize,
    ...(known?.tar ? { tar: known.tar } : {}),
  };
  const layers = new Map(world.layers);
  layers.set(chainId, rec);
  return [{ ...world, rng: r2, layers }, rec];
}

export interface ImageSpec {
  readonly ref: string;
  /** Bottom first, as RootFS.Layers lists them. */
  readonly layers: readonly (readonly LayerEntrySpec[])[];
  readonly cmd?: readonly string[];
  readonly entrypoint?: readonly string[];
  readonly env?: readonly string[];
  readonly workingDir?: string;
  /** One CREATED BY line per layer (defaults to a generic ADD line). */
  readonly createdBy?: readonly string[];
  /** Per layer, its diff ID and tar size as computed when a catalog was built (trusted, not re-hashed). */
  readonly known?: readonly { readonly diffId: Digest; readonly tarSize: number }[];
  /** The image's whole history (with its empty_layer entries), when it is known; one entry per layer otherwise. */
  readonly history?: readonly HistoryEntry[];
  readonly created?: number;
}

/** Docker's JSON encoding of a config: Go's encoding/json field order, no spaces. */
export const configJson = (c: ImageConfig): string => JSON.stringify(c);

/** Build an image's layers from entries (every entry at IMAGE_MTIME, H4), register them and tag it. */
export function addImage(world: World, spec: ImageSpec): [World, ImageRecord] {
  let w = world;
  let parent: Digest | null = null;
  const chain: Digest[] = [];
  const diffIds: Digest[] = [];
  const history: HistoryEntry[] = [];
  const created = isoTime(spec.created ?? IMAGE_MTIME);
  spec.layers.forEach((entries, i) => {
    let ino = w.nextIno;
    const layer = buildLayer(layerId(`pending-${i}`), entries, IMAGE_MTIME, () => ino++);
    w = { ...w, nextIno: ino };
    const known = spec.known?.[i];
    const [w2, rec] = registerLayer(w, parent, layer, known);
    w = w2;
    history.push({
      created,
      created_by: spec.createdBy?.[i] ?? `/bin/sh -c #(nop) ADD layer-${i + 1}.tar in / `,
    });
    if (rec.diffId === EMPTY_LAYER_DIFF_ID) return;
    parent = rec.chainId;
    chain.push(rec.chainId);
    diffIds.push(rec.diffId);
  });
  const config: ContainerConfig = {
    Env: spec.env ?? [DEFAULT_PATH],
    Cmd: spec.cmd ?? ['sleep', 'infinity'],
    Entrypoint: spec.entrypoint ?? null,
    WorkingDir: spec.workingDir ?? '',
  };
  const image: ImageConfig = {
    architecture: 'amd64',
    config,
    created,
    history: spec.history ?? history,
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: diffIds },
  };
  return storeImage(w, image, chainIdsCheck(diffIds, chain), null, spec.ref);
}

function chainIdsCheck(diffIds: readonly Digest[], chain: readonly Digest[]): readonly Digest[] {
  const expected = chainIds(diffIds);
  if (expected.some((c, i) => c !== chain[i])) throw new Error('chain IDs out of step with diff IDs');
  return chain;
}

/** Store an image config (its ID is the SHA-256 of the config bytes, E8) and tag it if a ref is given. */
export function storeImage(
  world: World,
  config: ImageConfig,
  chain: readonly Digest[],
  parent: Digest | null,
  ref: string | null,
  /** The config's bytes when they come from elsewhere (`docker load`): the ID is their digest. */
  raw?: string,
): [World, ImageRecord] {
  const json = raw ?? configJson(config);
  const id = digestOfText(json);
  const rec: ImageRecord = { id, config, configJson: json, chain, parent };
  const images = new Map(world.images);
  images.set(id, rec);
  const tags = new Map(world.tags);
  if (ref !== null) tags.set(normalizeRef(ref), id);
  return [{ ...world, images, tags }, rec];
}

/** An image by reference ('demo:1', 'nginx'), full or short ID. */
export function findImage(world: World, ref: string): ImageRecord | undefined {
  const byTag = world.tags.get(normalizeRef(ref));
  if (byTag) return world.images.get(byTag);
  const hex = ref.replace(/^sha256:/, '');
  if (/^[0-9a-f]{4,64}$/.test(hex)) {
    for (const img of world.images.values()) if (img.id.slice(7).startsWith(hex)) return img;
  }
  return undefined;
}

/** The image's layers as an overlay's lowers want them: topmost first. */
export function imageLayersTopFirst(world: World, image: ImageRecord): Layer[] {
  return image.chain.map((c) => world.layers.get(c)!.layer).reverse();
}

export const shortId = (d: Digest | string): string => d.replace(/^sha256:/, '').slice(0, 12);

/**
 * Delete an image record and every layer of its chain no other image uses (top down, as dockerd
 * releases a layer only when nothing references it). Its tags go too. Returns the deleted digests:
 * the image ID first, then the chain IDs of the released layers.
 */
export function deleteImage(world: World, id: Digest): [World, Digest[]] {
  const img = world.images.get(id);
  if (!img) return [world, []];
  const images = new Map(world.images);
  images.delete(id);
  const tags = new Map([...world.tags].filter(([, t]) => t !== id));
  const stillUsed = new Set([...images.values()].flatMap((i) => i.chain));
  const layers = new Map(world.layers);
  const deleted: Digest[] = [id];
  for (const c of [...img.chain].reverse()) {
    if (stillUsed.has(c)) break;
    layers.delete(c);
    deleted.push(c);
  }
  return [{ ...world, images, tags, layers }, deleted];
}
