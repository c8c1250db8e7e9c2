import type { Step, StepKind } from './step.ts';

/** Playback speed: 0 is instant (tests, prefers-reduced-motion), 1 is the teaching pace. */
export type Speed = 0 | 0.5 | 1 | 2;
export const SPEEDS: readonly Speed[] = [0, 0.5, 1, 2];

/**
 * How long each kind's motion takes at speed 1, in ms: what the d3 transition of the step lasts.
 * Copy-up and commit are the slow ones on purpose — they are what the page exists to show.
 */
export const MOTION_MS: Readonly<Record<StepKind, number>> = {
  lookup: 400, // plus PROBE_MS per layer the probe passes
  'lookup-result': 600,
  'copy-up-parents': 900,
  'copy-up-prepare': 1200,
  'copy-up-move': 900,
  create: 700,
  write: 700,
  metadata: 600,
  remove: 700,
  whiteout: 900,
  opaque: 900,
  rename: 800,
  exdev: 1000,
  elsewhere: 900,
  'diff-line': 300,
  'commit-freeze': 800,
  'commit-tar': 1200,
  'commit-hash': 900,
  'commit-layer': 1200,
  'image-created': 700,
  'pull-layer': 900,
  'container-created': 800,
  'container-removed': 800,
  history: 300,
};

/** Each layer the lookup probe visits on its way down. */
export const PROBE_MS = 150;
/** After the motion, the step stays on screen long enough to read its sentence: per word, capped. */
export const HOLD_PER_WORD_MS = 60;
export const HOLD_MAX_MS = 1500;

/** The transition's length; 0 at speed 0. */
export function motionMs(step: Step, speed: Speed): number {
  if (speed === 0) return 0;
  const probes = step.kind === 'lookup' ? step.highlights.filter((h) => h.at.band === 'layer').length : 0;
  return Math.round((MOTION_MS[step.kind] + probes * PROBE_MS) / speed);
}

/** The pause after the transition, before the next step; 0 at speed 0. */
export function holdMs(step: Step, speed: Speed): number {
  if (speed === 0) return 0;
  const words = step.text.split(/\s+/).filter(Boolean).length;
  return Math.round(Math.min(HOLD_MAX_MS, words * HOLD_PER_WORD_MS) / speed);
}

/** A step's whole time on screen while playing: motion, then hold. */
export const stepMs = (step: Step, speed: Speed): number => motionMs(step, speed) + holdMs(step, speed);
