import type { EngineEvent } from '../engine/events.ts';
import type { AbsPath, LayerId } from '../engine/ids.ts';
import { dirname, isAncestorOrSelf, ROOT } from '../engine/path.ts';
import type { StepContext } from './context.ts';
import { foldRemovals } from './fold.ts';
import { commitSteps, copyTrigger, elsewhere, parentsStep, readStep, writeStep } from './event-steps.ts';
import { gatherCopy, gatherTree } from './gather.ts';
import { layerBand, lookupKey, lookupSteps, MERGED } from './lookup-steps.ts';
import { en } from './narrate.ts';
import type { BandRef, Step, TileHighlight, TileMark } from './step.ts';

import { diffSteps } from './diff-steps.ts';
export { diffSteps };
export type { StepContext } from './context.ts';

/** What stepsFor reads of a LineResult (app/shell/session-api.ts). */
export interface LineEvents {
  readonly line: string;
  readonly events: readonly EngineEvent[];
}

type Ev<T extends EngineEvent['type']> = Extract<EngineEvent, { type: T }>;
const WORK: BandRef = { band: 'work' };

/**
 * The animation steps of one typed line, in order: one or a few per engine event, merged where one
 * idea takes several events (a lookup repeated by several syscalls, the parents of a copy-up, a
 * create and its first write, a run of chmod/chown/utimes, everything `rm -r` does beneath the
 * directory it deletes, mv's copy after EXDEV). A line with no events has no steps.
 */
export function stepsFor(result: LineEvents, ctx: StepContext): Step[] {
  const n = ctx.narrator ?? en;
  const upperId = ctx.upper ?? inferUpper(result.events);
  const upper: BandRef = upperId ? layerBand(upperId) : MERGED;
  // When the context does not know the line's container (gone with `docker run --rm`), its upper and
  // init layer are recognised here; otherwise the context names every layer.
  const name = (id: LayerId): string =>
    ctx.upper === undefined && upperId !== undefined && (id === upperId || id === `${upperId}-init`)
      ? id === upperId
        ? n.names.upper
        : n.names.init
      : ctx.layerName(id);

  const items = foldRemovals(result.events);
  const out: Step[] = [];
  /** Paths copied up by this line, and the name of the layer each came from. */
  const copied = new Map<AbsPath, string>();
  /** The last lookup shown of each path, while nothing has changed there since. */
  const shown = new Map<AbsPath, string>();
  const lastLookup = new Map<AbsPath, Ev<'lookup'>>();
  const moved = new Set<AbsPath>();
  const made = new Set<AbsPath>();
  let committed = false;
  /** Layers of an archive registered since the last image (docker load): its image-created is a load. */
  let loaded = 0;

  const hl = (at: BandRef, path: AbsPath, mark: TileMark): TileHighlight => ({ at, path, mark });
  const step = (s: Omit<Step, 'focusDir'>, path: AbsPath): void => {
    out.push({ ...s, focusDir: dirname(path) });
  };
  // A lookup seen again with the same probes is the same observation, unless its own path changed
  // in between (made and removed again looks the same from above). Copying up a directory changes
  // nothing a lookup beneath it sees, so only the path itself counts for copy-ups and creates.
  const changed = (p: AbsPath, beneath = true): void => {
    if (!beneath) shown.delete(p);
    else for (const k of shown.keys()) if (isAncestorOrSelf(p, k)) shown.delete(k);
  };
  const at = (j: number): EngineEvent | undefined => items[j]?.e;

  for (let i = 0; i < items.length; i++) {
    const { e, inside } = items[i]!;
    switch (e.type) {
      case 'lookup': {
        lastLookup.set(e.path, e);
        const key = lookupKey(e);
        // The same lookup twice in a row (stat, then open) is told once, with the read that follows.
        for (
          let f = at(i + 1);
          f?.type === 'lookup' && f.path === e.path && lookupKey(f) === key;
          f = at(i + 1)
        )
          i++;
        const next = at(i + 1);
        const read = next?.type === 'read' && next.path === e.path ? next : null;
        if (read) i++;
        // A path this line made itself needs no lookup told (mkdir -p looks up each level it made).
        if (shown.get(e.path) === key || made.has(e.path)) {
          if (read) out.push(readStep(read, name, n));
          break;
        }
        shown.set(e.path, key);
        out.push(...lookupSteps(e, read ? read.bytes : null, name, n));
        break;
      }
      case 'read':
        out.push(readStep(e, name, n));
        break;
      case 'copy-up': {
        if (e.reason === 'parent') {
          const run: Ev<'copy-up'>[] = [e];
          for (let f = at(i + 1); f?.type === 'copy-up' && f.reason === 'parent'; f = at(i + 1)) {
            run.push(f);
            i++;
          }
          out.push(parentsStep(run, upper, n));
          for (const c of run) {
            copied.set(c.path, name(c.from));
            changed(c.path, false);
          }
          break;
        }
        const from = name(e.from);
        step(
          {
            kind: 'copy-up-prepare',
            text: n.copyUpPrepare(e.path, e.kind, e.bytes, from, copyTrigger(e, items, i)),
            highlights: [hl(layerBand(e.from), e.path, 'source'), hl(WORK, e.path, 'copy')],
            bytes: e.bytes,
          },
          e.path,
        );
        step(
          {
            kind: 'copy-up-move',
            text: n.copyUpMove(e.path, from),
            highlights: [hl(upper, e.path, 'copy'), hl(layerBand(e.from), e.path, 'source')],
          },
          e.path,
        );
        copied.set(e.path, from);
        changed(e.path, false);
        break;
      }
      case 'create': {
        changed(e.path, false);
        made.add(e.path);
        const next = at(i + 1);
        if (e.kind === 'dir' && next?.type === 'opaque-marked' && next.path === e.path) {
          i++;
          step(
            { kind: 'opaque', text: n.opaque(e.path, next.why), highlights: [hl(upper, e.path, 'stop')] },
            e.path,
          );
          break;
        }
        const tree = e.kind === 'dir' ? gatherTree(items, i + 1, e.path) : null;
        if (tree) {
          step(
            {
              kind: 'create',
              text: n.createTree(e.path, name(e.layer), tree.counts, tree.bytes),
              highlights: [hl(layerBand(e.layer), e.path, 'new')],
              bytes: tree.bytes,
            },
            e.path,
          );
          i = tree.end - 1;
          break;
        }
        // The first writes and the metadata of a new file belong to its creation (echo >, touch, cp).
        let written: number | null = null;
        for (let f = at(i + 1); f && 'path' in f && f.path === e.path && isWriteOrMeta(f); f = at(i + 1)) {
          if (f.type === 'write') written = (written ?? 0) + f.bytes;
          i++;
        }
        step(
          {
            kind: 'create',
            text: n.create(e.path, e.kind, name(e.layer), written),
            highlights: [hl(layerBand(e.layer), e.path, 'new')],
            ...(written ? { bytes: written } : {}),
          },
          e.path,
        );
        break;
      }
      case 'write':
      case 'truncate': {
        const onCopy = copied.has(e.path);
        const next = at(i + 1);
        if (
          e.type === 'truncate' &&
          e.size === 0 &&
          next?.type === 'write' &&
          next.path === e.path &&
          !next.append
        ) {
          i++;
          out.push(writeStep(next.path, n.write(next.path, next.bytes, false, onCopy), upper, next.bytes));
        } else if (e.type === 'truncate') {
          out.push(writeStep(e.path, n.truncate(e.path, e.size, onCopy), upper, null));
        } else {
          let bytes = e.bytes;
          for (
            let f = at(i + 1);
            f?.type === 'write' && f.path === e.path && f.append === e.append;
            f = at(i + 1)
          ) {
            bytes += f.bytes;
            i++;
          }
          out.push(writeStep(e.path, n.write(e.path, bytes, e.append, onCopy), upper, bytes));
        }
        break;
      }
      case 'chmod':
      case 'chown':
      case 'utimes': {
        const change: {
          mode?: number;
          owner?: { readonly uid: number; readonly gid: number };
          times?: true;
        } = {};
        for (let f: EngineEvent | undefined = e; f && isMeta(f) && f.path === e.path; f = at(i + 1)) {
          if (f.type === 'chmod') change.mode = f.mode;
          else if (f.type === 'chown') change.owner = { uid: f.uid, gid: f.gid };
          else change.times = true;
          if (f !== e) i++;
        }
        step(
          {
            kind: 'metadata',
            text: n.metadata(e.path, change, copied.get(e.path) ?? null),
            highlights: [hl(upper, e.path, 'changed')],
          },
          e.path,
        );
        break;
      }
      case 'remove':
        changed(e.path);
        made.delete(e.path);
        step(
          { kind: 'remove', text: n.remove(e.path, inside), highlights: [hl(upper, e.path, 'gone')] },
          e.path,
        );
        break;
      case 'whiteout-created': {
        changed(e.path);
        const hidden = hiddenBy(e, lastLookup.get(e.path), upperId);
        const hides = hidden.map(name);
        step(
          {
            kind: 'whiteout',
            text: moved.has(e.path)
              ? n.moveDelete(e.path, hides[0] ?? null)
              : n.whiteout(e.path, hides, inside),
            highlights: [hl(upper, e.path, 'new'), ...hidden.map((l) => hl(layerBand(l), e.path, 'hidden'))],
          },
          e.path,
        );
        break;
      }
      case 'opaque-marked':
        changed(e.path);
        step(
          { kind: 'opaque', text: n.opaque(e.path, e.why), highlights: [hl(upper, e.path, 'stop')] },
          e.path,
        );
        break;
      case 'rename': {
        // Renamed over a name a lower layer held (sed -i): the upper entry now hides it (B6).
        const answer = lastLookup.get(e.to)?.probes.find((p) => p.result === 'hit');
        const hides = answer && answer.layer !== upperId ? name(answer.layer) : null;
        step(
          {
            kind: 'rename',
            text: n.rename(e.from, e.to, copied.has(e.from), hides),
            highlights: [hl(upper, e.from, 'gone'), hl(upper, e.to, 'new')],
          },
          e.to,
        );
        const from = copied.get(e.from);
        if (from !== undefined) copied.set(e.to, from);
        changed(e.from);
        changed(e.to);
        break;
      }
      case 'exdev': {
        moved.add(e.from);
        step(
          { kind: 'exdev', text: n.exdev(e.from, e.to), highlights: [hl(MERGED, e.from, 'stop')] },
          e.from,
        );
        const copy = gatherCopy(items, i + 1, e.from, e.to);
        if (!copy) break;
        if (copy.parents.length) out.push(parentsStep(copy.parents, upper, n));
        step(
          {
            kind: 'create',
            text: n.copyTree(e.from, e.to, copy.counts, copy.bytes),
            highlights: [hl(upper, e.to, 'new'), hl(MERGED, e.from, 'source')],
            bytes: copy.bytes,
          },
          e.to,
        );
        changed(e.to);
        i = copy.end - 1;
        break;
      }
      case 'link':
        changed(e.path);
        step(
          {
            kind: 'create',
            text: n.link(e.existing, e.path, copied.has(e.existing)),
            highlights: [hl(upper, e.path, 'new'), hl(upper, e.existing, 'changed')],
          },
          e.path,
        );
        break;
      case 'write-elsewhere': {
        // A redirect opens, truncates and writes: one sentence says where it all went.
        for (
          let f = at(i + 1);
          f?.type === 'write-elsewhere' && f.path === e.path && f.mount === e.mount;
          f = at(i + 1)
        )
          i++;
        const where = elsewhere(e.mount);
        step(
          {
            kind: 'elsewhere',
            text: n.elsewhere(e.path, where),
            highlights: [hl(MERGED, e.path, 'changed')],
            detail: where.kind === 'volume' ? `volume ${where.name}` : MOUNT_WORDS[where.kind],
          },
          e.path,
        );
        break;
      }
      case 'layer-committed':
        committed = true;
        out.push(...commitSteps(e, ctx, name, n));
        break;
      case 'image-created':
        out.push({
          kind: 'image-created',
          text: loaded > 0 ? n.imageLoaded(e.ref, e.id, loaded) : n.imageCreated(e.ref, e.id, committed),
          highlights: [],
          focusDir: ROOT,
          detail: e.id,
          ...(e.ref !== null ? { image: e.ref } : {}),
        });
        // The next image of the same docker load counts its own layers.
        loaded = 0;
        break;
      case 'diff-listed':
        out.push(...diffSteps(e.lines, ctx.container?.(e.container)?.upper, n));
        break;
      case 'layer-pulled': {
        if (e.loaded) loaded++;
        const layer = ctx.layerOfChain?.(e.chainId);
        out.push({
          kind: 'pull-layer',
          text: (e.loaded ? n.layerLoaded : n.layerPulled)(
            e.diffId,
            e.size,
            e.existed,
            layer ? name(layer) : null,
          ),
          highlights: layer ? [hl(layerBand(layer), ROOT, e.existed ? 'hit' : 'new')] : [],
          focusDir: ROOT,
          bytes: e.existed ? 0 : e.size,
          detail: e.diffId,
          ...(e.loaded ? { loaded: true as const } : {}),
        });
        break;
      }
      default:
        // Exhaustive: a new event type fails to compile here. At run time (events from a newer
        // engine replayed by an older page) it is skipped rather than shown wrong.
        unknownEvent(e);
    }
  }
  return out;
}

function unknownEvent(_e: never): void {}

/** Where a write went instead of the upper, as the stack labels the box it moves into. */
const MOUNT_WORDS = { bind: 'bind mount', memory: 'tmpfs', kernel: 'proc/sys', host: 'host disk' } as const;

const isMeta = (e: EngineEvent): e is Ev<'chmod'> | Ev<'chown'> | Ev<'utimes'> =>
  e.type === 'chmod' || e.type === 'chown' || e.type === 'utimes';
const isWriteOrMeta = (e: EngineEvent): boolean => e.type === 'write' || isMeta(e);

/**
 * The lower layers a new whiteout hides (B1, C6): the one the engine names and, when the name was a
 * merged directory, every lower layer whose directory the lookup merged into it (down to an opaque
 * one), since all of them held the entries the whiteout now hides.
 */
function hiddenBy(
  e: Ev<'whiteout-created'>,
  lookup: Ev<'lookup'> | undefined,
  upper: LayerId | undefined,
): LayerId[] {
  if (!e.hides) return [];
  if (lookup?.found !== 'dir') return [e.hides];
  const dirs: LayerId[] = [];
  for (const p of lookup.probes) {
    if (p.result === 'whiteout' || p.result === 'hit') break;
    if ((p.result === 'hit-dir' || p.result === 'opaque') && p.layer !== upper) dirs.push(p.layer);
    if (p.result === 'opaque') break;
  }
  return dirs.includes(e.hides) ? dirs : [e.hides];
}

/** The line's upper, when the context does not say: where it creates, or the top of its lookups. */
function inferUpper(events: readonly EngineEvent[]): LayerId | undefined {
  for (const e of events) if (e.type === 'create') return e.layer;
  for (const e of events) if (e.type === 'lookup' && e.probes.length > 1) return e.probes[0]!.layer;
  return undefined;
}
