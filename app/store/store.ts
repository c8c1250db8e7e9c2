import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { SessionSlice } from './session-slice.ts';
import { createSessionSlice } from './session-slice.ts';
import type { SettingsSlice } from './settings-slice.ts';
import type { TimelineSlice } from './timeline-slice.ts';
import { createTimelineSlice } from './timeline-slice.ts';
import { createSettingsSlice } from './settings-slice.ts';
import type { UndoSlice } from './undo-slice.ts';
import { createUndoSlice } from './undo-slice.ts';
import type { PointerSlice } from './pointer-slice.ts';
import type { PresenterSlice } from './presenter-slice.ts';
import { createPresenterSlice } from './presenter-slice.ts';
import { createPointerSlice } from './pointer-slice.ts';
import type { ShareSlice } from './share-slice.ts';
import { createShareSlice } from './share-slice.ts';
import type { LessonSlice } from './lesson-slice.ts';
import { createLessonSlice } from './lesson-slice.ts';
import type { ImportSlice } from './import-slice.ts';
import { createImportSlice } from './import-slice.ts';
import type { CatalogLoader } from './catalog-loader.ts';
import type { ShellSource } from './shell-api.ts';

/** The whole UI state: one store built from slices (zustand's slices pattern). */
export type AppState = SessionSlice &
  SettingsSlice &
  TimelineSlice &
  UndoSlice &
  PointerSlice &
  PresenterSlice &
  ShareSlice &
  LessonSlice &
  ImportSlice;
export type AppStore = StoreApi<AppState>;

/**
 * A fresh store: a new machine with the built-in `demo` image, an empty transcript. With a catalog
 * loader, `loadCatalog()` brings in the built-in catalog (nginx present as if pulled). Given a shell
 * loader instead of a shell, the machine is empty until the shell's code is here, and lines typed
 * meanwhile wait.
 */
export const createAppStore = (shell: ShellSource, catalog?: CatalogLoader): AppStore =>
  createStore<AppState>()((...a) => ({
    ...createSessionSlice(shell, catalog)(...a),
    ...createSettingsSlice(...a),
    ...createTimelineSlice(...a),
    ...createPointerSlice(...a),
    ...createUndoSlice(...a),
    ...createShareSlice(...a),
    ...createPresenterSlice(...a),
    ...createLessonSlice(...a),
    ...createImportSlice(...a),
  }));
