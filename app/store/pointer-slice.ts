import type { StateCreator } from 'zustand/vanilla';
import type { AbsPath, LayerId } from '../engine/ids.ts';
import type { AppState } from './store.ts';

/**
 * What the person is pointing at in one view, for the others to show too: a diff line (the path,
 * in the upper), a tree entry, or a history row (its layer). The layer stack reads it to highlight
 * the upper entry and the lower original, or a whole band. View state: never part of undo.
 */
export interface Pointer {
  readonly path?: AbsPath;
  readonly layer?: LayerId;
  readonly source: 'diff' | 'tree' | 'history';
}

export interface PointerSlice {
  readonly pointer: Pointer | null;
  /** The path the inspector shows (a click or Enter in the tree, a click on a diff line). */
  readonly selectedPath: AbsPath | null;
  setPointer(p: Pointer | null): void;
  setSelectedPath(path: AbsPath | null): void;
}

const samePointer = (a: Pointer | null, b: Pointer | null): boolean =>
  a === b || (!!a && !!b && a.source === b.source && a.path === b.path && a.layer === b.layer);

export const createPointerSlice: StateCreator<AppState, [], [], PointerSlice> = (set, get) => ({
  pointer: null,
  selectedPath: null,
  setPointer(p) {
    // Hovering the same line again must not wake every subscriber.
    if (!samePointer(get().pointer, p)) set({ pointer: p });
  },
  setSelectedPath(path) {
    if (get().selectedPath !== path) set({ selectedPath: path });
  },
});
