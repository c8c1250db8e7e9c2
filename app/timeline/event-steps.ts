import type { EngineEvent } from '../engine/events.ts';
import type { AbsPath, LayerId } from '../engine/ids.ts';
import { dirname, ROOT } from '../engine/path.ts';
import type { StepContext } from './context.ts';
import type { Item } from './fold.ts';
import { layerBand, MERGED } from './lookup-steps.ts';
import type { CopyTrigger, Elsewhere, Narrator } from './narrate.ts';
import type { BandRef, Step, TileHighlight } from './step.ts';

/** Steps of single events and the small judgements steps.ts needs about them. */

type Ev<T extends EngineEvent['type']> = Extract<EngineEvent, { type: T }>;

export function readStep(e: Ev<'read'>, name: (id: LayerId) => string, n: Narrator): Step {
  return {
    kind: 'lookup-result',
    text: n.read(e.path, e.layer ? name(e.layer) : null, e.bytes),
    highlights: [{ at: e.layer ? layerBand(e.layer) : MERGED, path: e.path, mark: 'hit' }],
    focusDir: dirname(e.path),
    bytes: e.bytes,
  };
}

export function writeStep(path: AbsPath, text: string, upper: BandRef, bytes: number | null): Step {
  return {
    kind: 'write',
    text,
    highlights: [{ at: upper, path, mark: 'changed' }],
    focusDir: dirname(path),
    ...(bytes === null ? {} : { bytes }),
  };
}

/** C2: the ancestors a copy-up or a create needs, made in the upper as directories only. */
export function parentsStep(run: readonly Ev<'copy-up'>[], upper: BandRef, n: Narrator): Step {
  const last = run[run.length - 1]!;
  return {
    kind: 'copy-up-parents',
    text: n.copyUpParents(run.map((c) => c.path)),
    highlights: run.flatMap((c) => [
      { at: layerBand(c.from), path: c.path, mark: 'source' as const },
      { at: upper, path: c.path, mark: 'copy' as const },
    ]),
    focusDir: dirname(last.path),
    bytes: run.reduce((s, c) => s + c.bytes, 0),
  };
}

/** What the copy-up at items[i] was for: the operation that follows it on the same path (C1). */
export function copyTrigger(e: Ev<'copy-up'>, items: readonly Item[], i: number): CopyTrigger {
  const next = items[i + 1]?.e;
  const after = items[i + 2]?.e;
  if (next && 'path' in next && next.path === e.path) {
    switch (next.type) {
      case 'write':
        return next.append ? { op: 'append', bytes: next.bytes } : { op: 'overwrite', bytes: next.bytes };
      case 'truncate':
        return next.size === 0 && after?.type === 'write' && after.path === e.path && !after.append
          ? { op: 'overwrite', bytes: after.bytes }
          : { op: 'truncate', size: next.size };
      case 'chmod':
      case 'chown':
      case 'utimes':
        return { op: next.type };
    }
  }
  if (next?.type === 'rename' && next.from === e.path) return { op: 'rename' };
  if (next?.type === 'link' && next.existing === e.path) return { op: 'link' };
  switch (e.reason) {
    case 'metadata':
      return { op: 'metadata' };
    case 'rename':
    case 'link':
      return { op: e.reason };
    case 'write':
    case 'parent':
      return { op: 'open' };
  }
}

/** Mount names the engine gives writes that miss the overlay (namespace.ts); the rest are volumes. */
export function elsewhere(mount: string): Elsewhere {
  switch (mount) {
    case 'bind':
      return { kind: 'bind' };
    case 'ext4':
      return { kind: 'host' };
    case 'tmpfs':
    case 'shm':
    case 'devtmpfs':
      return { kind: 'memory' };
    case 'proc':
    case 'sysfs':
      return { kind: 'kernel' };
    default:
      return { kind: 'volume', name: /^[0-9a-f]{64}$/.test(mount) ? mount.slice(0, 12) : mount };
  }
}

/** E1–E7: freeze, serialize, hash, stack. */
export function commitSteps(
  e: Ev<'layer-committed'>,
  ctx: StepContext,
  name: (id: LayerId) => string,
  n: Narrator,
): Step[] {
  const c = ctx.container?.(e.container);
  const frozen: TileHighlight[] = c ? [{ at: layerBand(c.upper), path: ROOT, mark: 'source' }] : [];
  const layer = ctx.layerOfChain?.(e.chainId);
  return [
    {
      kind: 'commit-freeze',
      text: n.commitFreeze(c?.name ?? e.container.slice(0, 12)),
      highlights: frozen,
      focusDir: ROOT,
    },
    { kind: 'commit-tar', text: n.commitTar(e.bytes), highlights: frozen, focusDir: ROOT, bytes: e.bytes },
    {
      kind: 'commit-hash',
      text: n.commitHash(e.diffId),
      highlights: frozen,
      focusDir: ROOT,
      detail: e.diffId,
    },
    {
      kind: 'commit-layer',
      text: n.commitLayer(e.size, layer ? name(layer) : null, e.chainId),
      highlights: layer ? [{ at: layerBand(layer), path: ROOT, mark: 'new' }] : [],
      focusDir: ROOT,
      bytes: e.size,
      detail: e.chainId,
    },
  ];
}
