import type { EngineEvent, Probe, ProbeResult } from '../engine/events.ts';
import type { LayerId } from '../engine/ids.ts';
import { dirname } from '../engine/path.ts';
import type { LookupSegment, Narrator } from './narrate.ts';
import type { BandRef, Step, TileHighlight, TileMark } from './step.ts';

type Lookup = Extract<EngineEvent, { type: 'lookup' }>;

export const MERGED: BandRef = { band: 'merged' };
export const layerBand = (layer: LayerId): BandRef => ({ band: 'layer', layer });

const DESCENT_MARK: Record<Exclude<ProbeResult, 'hidden'>, TileMark> = {
  miss: 'miss',
  hit: 'hit',
  'hit-dir': 'hit',
  whiteout: 'stop',
  opaque: 'stop',
};

/**
 * The engine marks 'hidden' both what lies below the probe's stop and, while a directory is being
 * merged, a layer that does not even hold the parent directory. Only the first kind is dark; the
 * second is a miss like any other.
 */
function descent(probes: readonly Probe[]): { probes: readonly Probe[]; below: readonly Probe[] } {
  const stop = probes.findIndex(
    (p) => p.result === 'hit' || p.result === 'whiteout' || p.result === 'opaque',
  );
  const above = stop < 0 ? probes : probes.slice(0, stop + 1);
  return {
    probes: above.map((p) => (p.result === 'hidden' ? { layer: p.layer, result: 'miss' } : p)),
    below: stop < 0 ? [] : probes.slice(stop + 1),
  };
}

/** Consecutive probes with the same result, worded as one clause ("not in the upper or init"). */
function segments(probes: readonly Probe[], name: (id: LayerId) => string): LookupSegment[] {
  const out: { result: LookupSegment['result']; layers: string[] }[] = [];
  for (const p of probes) {
    if (p.result === 'hidden') continue;
    const last = out[out.length - 1];
    if (last && last.result === p.result) last.layers.push(name(p.layer));
    else out.push({ result: p.result, layers: [name(p.layer)] });
  }
  return out;
}

/**
 * A lookup is two steps (B1): the probe descends the path's column from the top, marking each layer
 * it asks; then the outcome — the layer that answers lights up (with what a following read took),
 * or the whiteout that stopped it, and the layers below the stop go dark.
 */
export function lookupSteps(
  e: Lookup,
  read: number | null,
  name: (id: LayerId) => string,
  n: Narrator,
): Step[] {
  const focusDir = dirname(e.path);
  const at = (p: Probe, mark: TileMark): TileHighlight => ({ at: layerBand(p.layer), path: e.path, mark });
  const { probes, below } = descent(e.probes);
  const hiddenNames = below.map((p) => name(p.layer));
  const darkened = below.map((p) => at(p, 'hidden'));

  const down: Step = {
    kind: 'lookup',
    text: n.lookup(e.path, segments(probes, name)),
    highlights: [
      { at: MERGED, path: e.path, mark: 'probe' },
      ...probes.flatMap((p) => (p.result === 'hidden' ? [] : [at(p, DESCENT_MARK[p.result])])),
    ],
    focusDir,
  };
  const bytes = read === null ? {} : { bytes: read };

  const whiteout = probes.find((p) => p.result === 'whiteout');
  const dirs = probes.filter((p) => p.result === 'hit-dir' || p.result === 'opaque');
  const object = probes.find((p) => p.result === 'hit');
  let result: Step;
  if (e.found === null && whiteout) {
    result = {
      kind: 'lookup-result',
      text: n.whiteoutStop(e.path, name(whiteout.layer), hiddenNames),
      highlights: [at(whiteout, 'stop'), ...darkened],
      focusDir,
    };
  } else if (e.found === 'dir' && dirs.length) {
    const opaque = dirs.find((p) => p.result === 'opaque');
    result = {
      kind: 'lookup-result',
      text: n.foundDir(
        e.path,
        dirs.map((p) => name(p.layer)),
        opaque ? name(opaque.layer) : null,
      ),
      highlights: [
        { at: MERGED, path: e.path, mark: 'hit' },
        ...dirs.map((p) => at(p, p.result === 'opaque' ? 'stop' : 'hit')),
        ...darkened,
      ],
      focusDir,
      ...bytes,
    };
  } else if (e.found !== null && object) {
    result = {
      kind: 'lookup-result',
      text: n.foundObject(e.path, name(object.layer), hiddenNames, read),
      highlights: [{ at: MERGED, path: e.path, mark: 'hit' }, at(object, 'hit'), ...darkened],
      focusDir,
      ...bytes,
    };
  } else {
    result = {
      kind: 'lookup-result',
      text: n.notFound(e.path),
      highlights: [{ at: MERGED, path: e.path, mark: 'miss' }],
      focusDir,
    };
  }
  return [down, result];
}

/** Identical lookups repeat often (a command stats, then opens): the key tells them apart. */
export const lookupKey = (e: Lookup): string =>
  `${e.found ?? '-'}|${e.probes.map((p) => `${p.layer}:${p.result}`).join(',')}`;
