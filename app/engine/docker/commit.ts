import type { Digest } from '../digest.ts';
import { digestOf, EMPTY_LAYER_DIFF_ID } from '../digest.ts';
import type { EngineEvent } from '../events.ts';
import { layerTar } from '../tar.ts';
import { registerLayer, storeImage } from './images.ts';
import type { Container, ContainerConfig, HistoryEntry, ImageConfig, ImageRecord, World } from './world.ts';
import { isoTime } from './world.ts';

/** Docker refuses to register a layer whose parent chain is already this deep (A7). */
export const MAX_LAYER_DEPTH = 125;

export interface CommitOptions {
  readonly ref: string | null;
  readonly author?: string;
  readonly message?: string;
  /** Dockerfile-like changes from `-c`: CMD, ENTRYPOINT, ENV, WORKDIR. */
  readonly changes?: Partial<Pick<ContainerConfig, 'Cmd' | 'Entrypoint' | 'WorkingDir'>> & {
    readonly Env?: readonly string[];
  };
}

export type CommitResult =
  { ok: true; world: World; image: ImageRecord; events: EngineEvent[] } | { ok: false; error: string };

/**
 * docker commit (E1, E5–E8): the container's upper alone is exported as a tar (the init layer never
 * is), hashed into a diff ID and registered as a new layer on the image's chain — unless the tar is
 * the empty tar, when no layer is added and history says empty_layer. The new config keeps the
 * parent's, applies the changes, and its SHA-256 is the image ID.
 */
export function commitContainer(world: World, c: Container, now: number, opts: CommitOptions): CommitResult {
  const parent = world.images.get(c.imageId);
  if (!parent) return { ok: false, error: `No such image: ${c.imageId}` };
  const tar = layerTar(c.upper);
  const diffId = digestOf(tar);
  const empty = diffId === EMPTY_LAYER_DIFF_ID;
  if (!empty && parent.chain.length >= MAX_LAYER_DEPTH) return { ok: false, error: 'max depth exceeded' };
  let w = world;
  let chain: readonly Digest[] = parent.chain;
  const events: EngineEvent[] = [];
  if (!empty) {
    const [w2, rec] = registerLayer(w, parent.chain[parent.chain.length - 1] ?? null, c.upper);
    w = w2;
    chain = [...parent.chain, rec.chainId];
    events.push({
      type: 'layer-committed',
      container: c.id,
      diffId: rec.diffId,
      chainId: rec.chainId,
      bytes: tar.length,
      size: rec.size,
    });
  }
  const created = isoTime(now);
  const pc = parent.config;
  const ch = opts.changes ?? {};
  const config: ContainerConfig = {
    Env: ch.Env ? mergeEnv(pc.config.Env, ch.Env) : pc.config.Env,
    Cmd: ch.Cmd !== undefined ? ch.Cmd : pc.config.Cmd,
    Entrypoint: ch.Entrypoint !== undefined ? ch.Entrypoint : pc.config.Entrypoint,
    WorkingDir: ch.WorkingDir ?? pc.config.WorkingDir,
  };
  const history: HistoryEntry = {
    created,
    ...(opts.author ? { author: opts.author } : {}),
    created_by: c.command.join(' '),
    ...(opts.message ? { comment: opts.message } : {}),
    ...(empty ? { empty_layer: true } : {}),
  };
  const image: ImageConfig = {
    architecture: pc.architecture,
    ...(opts.author ? { author: opts.author } : {}),
    ...(opts.message ? { comment: opts.message } : {}),
    config,
    container: c.id,
    container_config: {
      Hostname: c.id.slice(0, 12),
      Env: c.env,
      Cmd: c.command,
      Entrypoint: null,
      WorkingDir: c.workingDir === '/' ? '' : c.workingDir,
      Image: c.imageRef,
    },
    created,
    docker_version: '20.10.24',
    history: [...pc.history, history],
    os: pc.os,
    rootfs: { type: 'layers', diff_ids: empty ? pc.rootfs.diff_ids : [...pc.rootfs.diff_ids, diffId] },
  };
  const [w3, rec] = storeImage(w, image, chain, parent.id, opts.ref);
  events.push({ type: 'image-created', id: rec.id, ref: opts.ref });
  return { ok: true, world: w3, image: rec, events };
}

/** ENV changes replace a variable of the same name and add the others. */
function mergeEnv(base: readonly string[], add: readonly string[]): string[] {
  const key = (kv: string): string => kv.split('=')[0]!;
  const out = base.filter((kv) => !add.some((a) => key(a) === key(kv)));
  return [...out, ...add];
}
