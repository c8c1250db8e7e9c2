import type { Container, World } from '../engine/docker/world.ts';
import type { ShellFrame } from '../shell/session-api.ts';
import type { AppState } from './store.ts';

// Selectors return values already held in the state (stable references), so components re-render
// only when that value changes. Anything computed from them lives in derive.ts, memoised by the view.

export const selectTranscript = (s: AppState) => s.transcript;
export const selectHistory = (s: AppState) => s.history;
export const selectPrompt = (s: AppState) => s.prompt;
export const selectRun = (s: AppState) => s.run;
export const selectClearTranscript = (s: AppState) => s.clearTranscript;
export const selectWorld = (s: AppState): World => s.session.world;
export const selectTheme = (s: AppState) => s.theme;
export const selectToggleTheme = (s: AppState) => s.toggleTheme;
export const selectLanguage = (s: AppState) => s.language;
/** The command line's placeholder: the first command to try, until something is typed. */
export const selectSuggestion = (s: AppState) => s.suggestion;
/** The catalog file a line is waiting for ('nginx.json'), or null. */
export const selectCatalogLoading = (s: AppState) => s.catalogLoading;

/** The shell the next line runs in: the innermost one. */
export const selectCurrentFrame = (s: AppState): ShellFrame | undefined =>
  s.session.frames[s.session.frames.length - 1];

/** The container the file panels follow, or null when there is none. */
export const selectFocusContainer = (s: AppState): Container | null =>
  s.focusContainerId === null ? null : (s.session.world.containers.get(s.focusContainerId) ?? null);

/** Playback of the animation steps (app/timeline/player.ts). */
export const selectPlayer = (s: AppState) => s.player;
/** The step the stack shows: the current one while playing, the last one once the command ended. */
export const selectCurrentStep = (s: AppState) => s.player.steps[s.player.index];
export const selectSpeed = (s: AppState) => s.player.speed;
export const selectPlaying = (s: AppState) => s.player.playing;
export const selectTick = (s: AppState) => s.tick;

/** What a view points at (a diff line, a tree entry, a history row), for the stack to highlight. */
export const selectPointer = (s: AppState) => s.pointer;
export const selectSetPointer = (s: AppState) => s.setPointer;
/** The path the inspector shows. */
export const selectSelectedPath = (s: AppState) => s.selectedPath;
export const selectSetSelectedPath = (s: AppState) => s.setSelectedPath;

/** The whole machine, for reading only (Tab completion lists its names and files). */
export const selectSession = (s: AppState) => s.session;
/** Ctrl+C at the prompt. */
export const selectCancelLine = (s: AppState) => s.cancelLine;

/** Commands that Undo can take back, and those Redo can bring back (app/store/undo-slice.ts). */
export const selectDone = (s: AppState) => s.done;
export const selectUndone = (s: AppState) => s.undone;
