import { MAX_LAYER_DEPTH } from '../docker/commit.ts';
import { normalizeRef, registerLayer, storeImage } from '../docker/images.ts';
import type { ContainerConfig, HistoryEntry, ImageConfig, World } from '../docker/world.ts';
import type { Digest } from '../digest.ts';
import type { EngineEvent } from '../events.ts';
import { ArchiveError } from './errors.ts';
import { shiftInos } from './layer-tree.ts';
import type { PreparedArchive, PreparedImage } from './prepare.ts';

// The synchronous half of `docker load`: put a prepared (read, verified, extracted) archive into the
// World, as dockerd registers each layer on its parent's chain and stores the config under its
// digest. All or nothing: the World is immutable, so a failure returns the one given.

export interface LoadedImage {
  readonly id: Digest;
  /** Tags it now has from the archive ('name:tag'); empty for an untagged image. */
  readonly tags: readonly string[];
  /** Tags moved here from another image: dockerd says so ("renaming the old one"). */
  readonly renamed: readonly { readonly tag: string; readonly oldId: Digest }[];
}

export type LoadResult =
  | {
      readonly ok: true;
      readonly world: World;
      readonly images: readonly LoadedImage[];
      readonly events: readonly EngineEvent[];
    }
  | { readonly ok: false; readonly error: string };

/** Load every image of the archive, or those `pick` selects (a multi-image archive: the user's tag). */
export function loadPrepared(
  world: World,
  archive: PreparedArchive,
  pick?: (img: PreparedImage) => boolean,
): LoadResult {
  try {
    let w = world;
    const images: LoadedImage[] = [];
    const events: EngineEvent[] = [];
    for (const img of archive.images) {
      if (pick && !pick(img)) continue;
      const r = loadImage(w, img, events);
      w = r.world;
      images.push(r.loaded);
    }
    return { ok: true, world: w, images, events };
  } catch (e) {
    if (e instanceof ArchiveError) return { ok: false, error: e.message };
    throw e;
  }
}

function loadImage(
  world: World,
  img: PreparedImage,
  events: EngineEvent[],
): { world: World; loaded: LoadedImage } {
  if (img.layers.length > MAX_LAYER_DEPTH + 2) throw new ArchiveError('max depth exceeded');
  let w = world;
  let parent: Digest | null = null;
  const chain: Digest[] = [];
  for (const l of img.layers) {
    const layer = shiftInos(l.tree, w.nextIno - 1);
    w = { ...w, nextIno: w.nextIno + l.inos };
    const [w2, rec] = registerLayer(w, parent, layer, {
      diffId: l.diffId,
      tarSize: l.tar.length,
      size: l.size,
      tar: l.tar,
    });
    // registerLayer hands back the same World when the chain is already in the layer store.
    events.push({
      type: 'layer-pulled',
      chainId: rec.chainId,
      diffId: rec.diffId,
      size: rec.size,
      existed: w2 === w,
      loaded: true,
    });
    w = w2;
    parent = rec.chainId;
    chain.push(rec.chainId);
  }
  const [w3, rec] = storeImage(w, engineConfig(img), chain, null, null, img.configJson);
  w = w3;
  const tags = new Map(w.tags);
  const renamed: { tag: string; oldId: Digest }[] = [];
  const tagged: string[] = [];
  for (const t of img.repoTags) {
    const ref = normalizeRef(t);
    const old = tags.get(ref);
    if (old !== undefined && old !== rec.id) renamed.push({ tag: ref, oldId: old });
    tags.set(ref, rec.id);
    tagged.push(t);
  }
  w = { ...w, tags };
  events.push({ type: 'image-created', id: rec.id, ref: tagged[0] ?? null });
  return { world: w, loaded: { id: rec.id, tags: tagged, renamed } };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strs = (v: unknown): readonly string[] | null =>
  Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : null;
const rec = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/**
 * The engine's view of a real config: the fields it runs containers and prints history with. The
 * record keeps the original bytes too (its ID is their digest), and those are what `docker save`
 * and `docker inspect`'s ID show.
 */
export function engineConfig(img: PreparedImage): ImageConfig {
  const c = img.config;
  const cc = rec(c['config']);
  const config: ContainerConfig = {
    Env: strs(cc['Env']) ?? [],
    Cmd: strs(cc['Cmd']),
    Entrypoint: strs(cc['Entrypoint']),
    WorkingDir: str(cc['WorkingDir']) ?? '',
  };
  const history: HistoryEntry[] = (Array.isArray(c['history']) ? c['history'] : []).map((h) => {
    const r = rec(h);
    const created = str(r['created']);
    const createdBy = str(r['created_by']);
    const author = str(r['author']);
    const comment = str(r['comment']);
    return {
      created: created ?? '',
      ...(createdBy !== undefined ? { created_by: createdBy } : {}),
      ...(author !== undefined ? { author } : {}),
      ...(comment !== undefined ? { comment } : {}),
      ...(r['empty_layer'] === true ? { empty_layer: true } : {}),
    };
  });
  const author = str(c['author']);
  const comment = str(c['comment']);
  const container = str(c['container']);
  const dockerVersion = str(c['docker_version']);
  return {
    architecture: str(c['architecture']) ?? '',
    ...(author !== undefined ? { author } : {}),
    ...(comment !== undefined ? { comment } : {}),
    config,
    ...(container !== undefined ? { container } : {}),
    created: str(c['created']) ?? '',
    ...(dockerVersion !== undefined ? { docker_version: dockerVersion } : {}),
    history,
    os: str(c['os']) ?? '',
    rootfs: { type: 'layers', diff_ids: img.layers.map((l) => l.diffId) },
  };
}
