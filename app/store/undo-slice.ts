import type { StateCreator } from 'zustand/vanilla';
import type { World } from '../engine/docker/world.ts';
import type { ContainerId } from '../engine/ids.ts';
import type { Session } from '../shell/session-api.ts';
import { translator } from '../i18n/i18n.ts';
import type { Step } from '../timeline/step.ts';
import { storeMessages } from './messages.ts';
import type { AppState } from './store.ts';
import type { TranscriptEntry } from './transcript.ts';
import { appendEntry } from './transcript.ts';

/** What the machine looked like from the page: the session (world and shells) and what follows it. */
export interface MachineState {
  readonly session: Session;
  readonly prompt: string;
  readonly focusContainerId: ContainerId | null;
}

/** One typed line, kept so that it can be undone and redone as a whole. */
export interface CommandRecord {
  readonly line: string;
  readonly before: MachineState;
  readonly after: MachineState;
  readonly entry: TranscriptEntry;
  /** The line's animation, played again on redo. */
  readonly steps: readonly Step[];
}

/**
 * Undo and redo of whole commands. The engine is immutable, so a command is undone by putting back
 * the session from before it: nothing is replayed or reversed by hand. A new command forgets what
 * was undone (as every editor does). The catalog files fetched meanwhile are kept on undo: they are
 * the page's downloads, not the machine's state.
 */
export interface UndoSlice {
  /** Commands run, oldest first (the last is the one Undo takes back). */
  readonly done: readonly CommandRecord[];
  /** Commands undone, the most recently undone last (the one Redo brings back). */
  readonly undone: readonly CommandRecord[];
  /** The session slice records each line it ran. */
  remember(record: CommandRecord): void;
  undo(): void;
  redo(): void;
  /** Undo or redo until `count` commands are done: the timeline's jump to a point. */
  goTo(count: number): void;
}

/** Commands kept for undo; sessions share structure, so each costs little, but a class runs for hours. */
export const UNDO_LIMIT = 200;

/** The world a command's animation starts from, if the command is one the page remembers. */
export const worldBefore = (s: AppState, steps: readonly Step[]): World | null =>
  s.done.find((r) => r.steps === steps)?.before.session.world ?? null;

export const createUndoSlice: StateCreator<AppState, [], [], UndoSlice> = (set, get) => {
  /** Put a machine state back, keeping the catalog the page has fetched since. */
  const restore = (m: MachineState): Partial<AppState> => {
    const { catalog } = get().session;
    return {
      session: catalog ? { ...m.session, catalog } : m.session,
      prompt: m.prompt,
      focusContainerId: m.focusContainerId,
    };
  };

  /** What undo or redo did, in the page's language. */
  const say = (key: 'undone' | 'redone', line: string): string =>
    translator(storeMessages, get().language)(key, { line });

  const undoOne = (animate: boolean): boolean => {
    const { done, undone, transcript } = get();
    const r = done[done.length - 1];
    if (!r) return false;
    set({
      ...restore(r.before),
      transcript: transcript.filter((e) => e.id !== r.entry.id),
      done: done.slice(0, -1),
      undone: [...undone, r],
    });
    if (animate) get().loadSteps([historyStep(say('undone', r.line))]);
    return true;
  };

  const redoOne = (animate: boolean): boolean => {
    const { done, undone, transcript } = get();
    const r = undone[undone.length - 1];
    if (!r) return false;
    set({
      ...restore(r.after),
      transcript: appendEntry(transcript, r.entry),
      done: [...done, r],
      undone: undone.slice(0, -1),
    });
    if (animate) get().loadSteps(r.steps.length ? r.steps : [historyStep(say('redone', r.line))]);
    return true;
  };

  return {
    done: [],
    undone: [],
    remember: (record) => set({ done: [...get().done, record].slice(-UNDO_LIMIT), undone: [] }),
    undo: () => void undoOne(true),
    redo: () => void redoOne(true),
    goTo(count) {
      const target = Math.max(0, count);
      let moved = false;
      while (get().done.length > target && undoOne(false)) moved = true;
      while (get().done.length < target && redoOne(false)) moved = true;
      if (moved) get().loadSteps([]);
    },
  };
};

/** A one-step "animation" that only tells what undo or redo did. */
function historyStep(text: string): Step {
  return { kind: 'history', text, highlights: [], focusDir: '/' as Step['focusDir'] };
}
