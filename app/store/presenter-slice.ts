import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store.ts';

/**
 * Presenter mode (a teacher in front of a projector): large type, the last command shown big, the
 * stack and its narration across the screen (app/views/presenter), and a screen that can be blanked
 * while the class looks at the teacher. View state: never part of undo.
 */
export interface PresenterSlice {
  readonly presenting: boolean;
  /** The screen is black (presenter mode only). */
  readonly blanked: boolean;
  /** Enter or leave presenter mode; leaving also ends a blank screen. */
  setPresenting(on: boolean): void;
  setBlanked(on: boolean): void;
}

export const createPresenterSlice: StateCreator<AppState, [], [], PresenterSlice> = (set, get) => ({
  presenting: false,
  blanked: false,
  setPresenting(on) {
    if (get().presenting !== on) set(on ? { presenting: true } : { presenting: false, blanked: false });
  },
  setBlanked(on) {
    const blanked = on && get().presenting;
    if (get().blanked !== blanked) set({ blanked });
  },
});

export const selectPresenting = (s: AppState) => s.presenting;
export const selectSetPresenting = (s: AppState) => s.setPresenting;
export const selectBlanked = (s: AppState) => s.blanked;

/** `?present=1` (or `?present=true`) opens the page in presenter mode. */
export const presentingFromUrl = (search: string): boolean =>
  ['1', 'true'].includes(new URLSearchParams(search).get('present') ?? '');
