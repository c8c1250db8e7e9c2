import type { StateCreator } from 'zustand/vanilla';
import type { Speed } from '../timeline/durations.ts';
import type { PlayerAction, PlayerState } from '../timeline/player.ts';
import { initialPlayer, player } from '../timeline/player.ts';
import type { Step } from '../timeline/step.ts';
import type { AppState } from './store.ts';

/**
 * Playback of the animation steps (app/timeline/player.ts) as a store slice. The session slice hands
 * each typed line's steps to `loadSteps`; the stack view dispatches `tick` when a step's transition
 * ends; the playback buttons dispatch the rest. View state (the directory looked at) is not here.
 */
export interface TimelineSlice {
  readonly player: PlayerState;
  /** A typed line's steps: what still plays finishes at once, then these play. */
  loadSteps(steps: readonly Step[]): void;
  play(): void;
  pause(): void;
  stepForward(): void;
  stepBack(): void;
  setSpeed(speed: Speed): void;
  /** The transition of `step` ended (a late tick for a step no longer shown is ignored). */
  tick(step?: Step): void;
}

export const createTimelineSlice: StateCreator<AppState, [], [], TimelineSlice> = (set) => {
  const dispatch = (a: PlayerAction): void => set((s) => ({ player: player(s.player, a) }));
  return {
    player: initialPlayer(),
    loadSteps: (steps) => dispatch({ type: 'load', steps }),
    play: () => dispatch({ type: 'play' }),
    pause: () => dispatch({ type: 'pause' }),
    stepForward: () => dispatch({ type: 'stepForward' }),
    stepBack: () => dispatch({ type: 'stepBack' }),
    setSpeed: (speed) => dispatch({ type: 'setSpeed', speed }),
    tick: (step) => dispatch(step ? { type: 'tick', step } : { type: 'tick' }),
  };
};
