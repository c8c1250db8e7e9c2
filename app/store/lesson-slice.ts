import type { StateCreator } from 'zustand/vanilla';
import type * as KitModule from '../lesson/kit.ts';
import type { Progress } from '../lesson/runner.ts';
import type { Lesson } from '../scenarios/types.ts';
import type { AppState } from './store.ts';

type Kit = typeof KitModule;

export interface LessonSlice {
  /** The lessons that validated (empty until loaded), and what was wrong with the others. */
  readonly lessons: readonly Lesson[];
  readonly lessonErrors: readonly string[];
  readonly lessonsLoaded: boolean;
  /** Where the learner is, or null when no lesson is open. */
  readonly lesson: Progress | null;
  /** Whether the lesson panel is shown (the Header's "Lessons" button opens it). */
  readonly lessonPanelOpen: boolean;
  setLessonPanelOpen(open: boolean): void;
  /** Fetch and validate the lessons (once). */
  loadLessons(): Promise<void>;
  /** Open a lesson at its first step (loading the lessons first if need be). */
  startLesson(id: string): Promise<void>;
  /** Close the lesson (back to the list); the machine is kept. */
  stopLesson(): void;
  /** Run the current step's command, as if typed. */
  typeForMe(): void;
  next(): void;
  previous(): void;
  /** Pick a quiz choice; the step's command then runs and plays the answer. */
  answer(choice: number): void;
}

const lastEntryId = (s: AppState): number => s.transcript[s.transcript.length - 1]?.id ?? 0;

/**
 * The guided lessons (app/scenarios) as a slice. Each line the learner runs — typed, pasted or run by
 * "Type it for me" — changes the transcript; the current step's check runs then, on the machine and
 * the output printed since the step began.
 */
export const createLessonSlice: StateCreator<AppState, [], [], LessonSlice> = (set, get, api) => {
  let kit: Kit | null = null;
  let loading: Promise<void> | null = null;

  const current = (): { lesson: Lesson; progress: Progress } | null => {
    const progress = get().lesson;
    const lesson = progress && get().lessons.find((l) => l.id === progress.lessonId);
    return progress && lesson ? { lesson, progress } : null;
  };

  const runStep = (): void => {
    const c = current();
    const step = c?.lesson.steps[c.progress.step];
    if (!kit || !step?.command) return;
    get().run(kit.fillPlaceholders(step.command.line, get().session.world));
  };

  api.subscribe((s, prev) => {
    if (!kit || !s.lesson || (s.transcript === prev.transcript && s.session === prev.session)) return;
    const c = current();
    if (!c) return;
    const entry = s.transcript[s.transcript.length - 1];
    const fresh = entry !== undefined && entry.id > c.progress.since ? entry : null;
    const output = fresh ? fresh.output.map((o) => o.text).join('') : null;
    const next = kit.afterLine(c.progress, c.lesson, {
      session: s.session,
      output,
      exitCode: fresh ? fresh.exitCode : null,
    });
    if (next !== c.progress) set({ lesson: next });
  });

  return {
    lessons: [],
    lessonErrors: [],
    lessonsLoaded: false,
    lessonPanelOpen: false,
    setLessonPanelOpen: (open) => set({ lessonPanelOpen: open }),
    lesson: null,
    loadLessons() {
      loading ??= import('../lesson/kit.ts').then((k) => {
        kit = k;
        const { lessons, errors } = k.loadLessons();
        set({ lessons, lessonErrors: errors, lessonsLoaded: true });
      });
      return loading;
    },
    async startLesson(id) {
      await get().loadLessons();
      const lesson = get().lessons.find((l) => l.id === id);
      if (!lesson || !kit) return;
      set({ lesson: kit.startProgress(lesson, lastEntryId(get())) });
    },
    stopLesson() {
      set({ lesson: null });
    },
    typeForMe() {
      runStep();
    },
    next() {
      const c = current();
      if (c && kit)
        set({ lesson: kit.goToStep(c.progress, c.lesson, c.progress.step + 1, lastEntryId(get())) });
    },
    previous() {
      const c = current();
      if (c && kit && c.progress.step > 0) {
        set({ lesson: kit.goToStep(c.progress, c.lesson, c.progress.step - 1, lastEntryId(get())) });
      }
    },
    answer(choice) {
      const c = current();
      const quiz = c?.lesson.steps[c.progress.step]?.quiz;
      if (!c || !quiz || c.progress.chosen !== null || choice < 0 || choice >= quiz.choices.length) return;
      set({ lesson: { ...c.progress, chosen: choice } });
      runStep();
    },
  };
};

export const selectLessons = (s: AppState) => s.lessons;
export const selectLessonErrors = (s: AppState) => s.lessonErrors;
export const selectLessonsLoaded = (s: AppState) => s.lessonsLoaded;
export const selectLessonProgress = (s: AppState) => s.lesson;
