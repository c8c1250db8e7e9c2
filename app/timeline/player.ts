import type { Speed } from './durations.ts';
import type { Step } from './step.ts';

/**
 * Playback of the steps of typed commands, as a pure reducer: the view renders `currentStep`, runs
 * its transition (durations.ts) and dispatches `tick` when it ends; buttons dispatch the rest. No
 * timers here, so tests drive it step by step and speed 0 (prefers-reduced-motion) is only a
 * duration of 0, with the same steps, highlights and narration.
 *
 * The step on screen is `steps[index]`. While `done` is false it is playing (or paused) and its
 * narration is in the status line; once a step is passed — by tick, step forward, finish or a new
 * command — its narration moves to `log`, the aria-live record of what was said. `done` means the
 * last step has been passed: the stack shows the command's end state.
 */
export interface PlayerState {
  readonly steps: readonly Step[];
  readonly index: number;
  readonly done: boolean;
  readonly playing: boolean;
  readonly speed: Speed;
  /** Step lists of commands that already ran, waiting for the current one to end (`enqueue`). */
  readonly queue: readonly (readonly Step[])[];
  readonly log: readonly string[];
}

export type PlayerAction =
  /** A newly typed command: whatever still plays finishes at once (end state, narration logged), then this plays. */
  | { readonly type: 'load'; readonly steps: readonly Step[] }
  /** A command to play after the current one and the queue (several lines pasted or replayed at once). */
  | { readonly type: 'enqueue'; readonly steps: readonly Step[] }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'stepForward' }
  | { readonly type: 'stepBack' }
  | { readonly type: 'setSpeed'; readonly speed: Speed }
  /** Jump to the end of everything loaded: the current command and the queue. */
  | { readonly type: 'finish' }
  /**
   * The current step's transition ended: while playing, go on to the next. `step`, when given, is the
   * step whose transition ended; a late tick for a step no longer on screen is ignored.
   */
  | { readonly type: 'tick'; readonly step?: Step };

/** The log keeps the latest narrations only (the page runs for hours in a classroom). */
export const LOG_LIMIT = 1000;

export const initialPlayer = (speed: Speed = 1): PlayerState => ({
  steps: [],
  index: 0,
  done: true,
  playing: false,
  speed,
  queue: [],
  log: [],
});

export const currentStep = (s: PlayerState): Step | undefined => s.steps[s.index];

export function player(s: PlayerState, a: PlayerAction): PlayerState {
  switch (a.type) {
    case 'load': {
      const f = finishAll(s);
      return a.steps.length ? start(f, a.steps, true) : { ...f, steps: [], index: 0, playing: false };
    }
    case 'enqueue':
      if (!a.steps.length) return s;
      if (s.done && !s.queue.length) return start(s, a.steps, true);
      return { ...s, queue: [...s.queue, a.steps] };
    case 'play':
      if (!s.steps.length) return s;
      // Play at the end plays the command again from its first step.
      return s.done ? { ...s, index: 0, done: false, playing: true } : { ...s, playing: true };
    case 'pause':
      return s.playing ? { ...s, playing: false } : s;
    case 'stepForward':
      return { ...advance(s), playing: false };
    case 'stepBack':
      if (!s.steps.length || (s.index === 0 && !s.done)) return { ...s, playing: false };
      return { ...s, index: Math.max(0, s.index - 1), done: false, playing: false };
    case 'setSpeed':
      return s.speed === a.speed ? s : { ...s, speed: a.speed };
    case 'finish':
      return { ...finishAll(s), playing: false };
    case 'tick': {
      if (!s.playing || s.done) return s;
      if (a.step !== undefined && a.step !== currentStep(s)) return s;
      const next = advance(s);
      return next.done ? { ...next, playing: false } : next;
    }
    default:
      return unknownAction(a, s);
  }
}

function unknownAction(_a: never, s: PlayerState): PlayerState {
  return s;
}

const logged = (log: readonly string[], texts: readonly string[]): readonly string[] =>
  texts.length === 0 ? log : [...log, ...texts].slice(-LOG_LIMIT);

function start(s: PlayerState, steps: readonly Step[], playing: boolean): PlayerState {
  return { ...s, steps, index: 0, done: false, playing };
}

/** Pass the step on screen: log it, show the next, or end the command and start the queued one. */
function advance(s: PlayerState): PlayerState {
  if (s.done) return s;
  const step = currentStep(s);
  const log = step ? logged(s.log, [step.text]) : s.log;
  if (s.index < s.steps.length - 1) return { ...s, index: s.index + 1, log };
  const [next, ...queue] = s.queue;
  if (next) return { ...start(s, next, s.playing), queue, log };
  return { ...s, done: true, log };
}

/** Everything loaded ends at once: every narration not yet passed is logged, the last end state shows. */
function finishAll(s: PlayerState): PlayerState {
  const texts: string[] = [];
  if (!s.done) for (const step of s.steps.slice(s.index)) texts.push(step.text);
  let steps = s.steps;
  for (const q of s.queue) {
    for (const step of q) texts.push(step.text);
    steps = q;
  }
  return {
    ...s,
    steps,
    index: Math.max(0, steps.length - 1),
    done: true,
    queue: [],
    log: logged(s.log, texts),
  };
}
