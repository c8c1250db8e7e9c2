import type { StateCreator } from 'zustand/vanilla';
import type * as KitModule from '../lesson/kit.ts';
import type { Progress } from '../lesson/runner.ts';
import type { Lesson } from '../scenarios/types.ts';
import { selectMachineFresh } from './session-slice.ts';
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
  /**
   * A lesson that wants a fresh machine (`fresh: true`), asked for on a machine already used: the
   * panel asks whether to start it on a fresh one (`answerFreshOffer`). Null when nothing is asked.
   */
  readonly freshOffer: string | null;
  /**
   * Open a lesson at its first step (loading the lessons first if need be), and the panel to show
   * it. `machine`, for a lesson
   * that wants a fresh machine when this one has been used: 'ask' (the panel's list) sets
   * `freshOffer` and waits for the answer; 'reset' starts over without asking (a parent page's
   * `loadLesson`); 'keep' opens it on the machine as it is (a link restoring its own commands).
   */
  startLesson(id: string, machine?: 'ask' | 'reset' | 'keep'): Promise<void>;
  /** The answer to `freshOffer`: start on a fresh machine, keep this one, or (null) open nothing. */
  answerFreshOffer(fresh: boolean | null): void;
  /**
   * Go to step n (links and embeds that carry a step). Forward on a fresh machine, the solution
   * commands of the steps before n run first, in order, as "Type it for me" would, so that the
   * machine matches the step; `replay: false` only moves (a link that restores its own commands).
   */
  goToStep(n: number, opts?: { readonly replay?: boolean }): Promise<void>;
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
  /** Bumped by whatever moves the lesson, so a replay still running stops. */
  let moves = 0;
  /** The move whose jump is replaying earlier steps: their lines are checked against their own steps. */
  let replaying: number | null = null;

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
    if (replaying === moves || !kit || !s.lesson) return;
    if (s.transcript === prev.transcript && s.session === prev.session) return;
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
    freshOffer: null,
    loadLessons() {
      loading ??= import('../lesson/kit.ts').then((k) => {
        kit = k;
        const { lessons, errors } = k.loadLessons();
        set({ lessons, lessonErrors: errors, lessonsLoaded: true });
      });
      return loading;
    },
    async startLesson(id, machine = 'ask') {
      await get().loadLessons();
      const lesson = get().lessons.find((l) => l.id === id);
      if (!lesson || !kit) return;
      moves++;
      // A lesson opened by a link or the URL is shown: the panel opens with it (the embed shows a band).
      if (lesson.fresh === true && !selectMachineFresh(get())) {
        if (machine === 'ask') return set({ freshOffer: id, lesson: null, lessonPanelOpen: true });
        if (machine === 'reset') get().resetMachine();
      }
      set({
        lesson: kit.startProgress(lesson, lastEntryId(get())),
        freshOffer: null,
        lessonPanelOpen: true,
      });
    },
    answerFreshOffer(fresh) {
      const id = get().freshOffer;
      set({ freshOffer: null });
      if (id === null || fresh === null) return;
      if (fresh) get().resetMachine();
      void get().startLesson(id, 'keep');
    },
    async goToStep(n, opts) {
      const c = current();
      if (!c || !kit) return;
      const k = kit;
      const move = ++moves;
      const to = Math.max(0, Math.min(n, c.lesson.steps.length));
      const replay = opts?.replay !== false && to > 0 && selectMachineFresh(get());
      let progress = k.goToStep(c.progress, c.lesson, to, lastEntryId(get()));
      set({ lesson: progress });
      if (!replay) return;
      replaying = move;
      try {
        for (let i = 0; i < to; i++) {
          const step = c.lesson.steps[i]!;
          if (!step.command) continue;
          await get().whenIdle();
          if (move !== moves) return;
          const since = lastEntryId(get());
          // Filled now, not before: a line may name a container an earlier line made.
          get().run(k.fillPlaceholders(step.command.line, get().session.world));
          await get().whenIdle();
          if (move !== moves) return;
          const s = get();
          const entry = s.transcript.at(-1);
          const fresh = entry !== undefined && entry.id > since ? entry : null;
          const at = { ...progress, step: i, chosen: step.quiz ? step.quiz.answer : null };
          const checked = k.afterLine(at, c.lesson, {
            session: s.session,
            output: fresh ? fresh.output.map((o) => o.text).join('') : null,
            exitCode: fresh ? fresh.exitCode : null,
          });
          progress = { ...progress, passed: checked.passed, since: lastEntryId(s) };
          set({ lesson: progress });
        }
      } finally {
        if (replaying === move) replaying = null;
      }
    },
    stopLesson() {
      moves++;
      set({ lesson: null, freshOffer: null });
    },
    typeForMe() {
      runStep();
    },
    next() {
      moves++;
      const c = current();
      if (c && kit)
        set({ lesson: kit.goToStep(c.progress, c.lesson, c.progress.step + 1, lastEntryId(get())) });
    },
    previous() {
      moves++;
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
export const selectFreshOffer = (s: AppState) => s.freshOffer;
