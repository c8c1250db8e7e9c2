import type { AppState } from '../store/store.ts';

/**
 * The lesson a session is in, read from the lesson slice (app/store/lesson-slice.ts) when the page
 * has one. Read through optional members, so links, saves and the embed work (lesson and step
 * carried along) whether or not lessons are part of this build.
 */
interface LessonLike {
  readonly lesson?: unknown;
  readonly startLesson?: unknown;
  readonly goToStep?: unknown;
  readonly next?: unknown;
  readonly previous?: unknown;
}

const fn = (v: unknown): ((...a: never[]) => unknown) | null =>
  typeof v === 'function' ? (v as (...a: never[]) => unknown) : null;

export function lessonOf(s: AppState): { lesson?: string; step?: number } {
  const l = (s as LessonLike).lesson;
  if (typeof l !== 'object' || l === null) return {};
  const { lessonId, step } = l as { lessonId?: unknown; step?: unknown };
  if (typeof lessonId !== 'string') return {};
  return { lesson: lessonId, ...(typeof step === 'number' && Number.isInteger(step) ? { step } : {}) };
}

type Machine = 'ask' | 'reset' | 'keep';
type GoToStep = (n: number, opts: { replay: boolean }) => unknown;

/**
 * Open a lesson and go to a step, if the page has lessons; false when it has not. `replay`: on a
 * fresh machine, run the earlier steps' commands so that the machine matches the step (a URL that
 * names only a step); a link that brings its own commands passes false. `machine`: what to do when
 * the lesson wants a fresh machine and this one is used (see the lesson slice's startLesson).
 */
export function openLesson(
  s: AppState,
  lesson: string,
  step: number,
  opts: { readonly replay: boolean; readonly machine: Machine },
): boolean {
  const hooks = s as LessonLike;
  const start = fn(hooks.startLesson) as ((id: string, machine: Machine) => unknown) | null;
  if (!start) return false;
  void Promise.resolve(start(lesson, opts.machine)).then(() => {
    const go = fn(hooks.goToStep) as GoToStep | null;
    if (go && step > 0) void go(step, { replay: opts.replay });
  });
  return true;
}

/** A lesson's next or previous step; false when no lesson is open (the caller steps the animation). */
export function stepLesson(s: AppState, direction: 'forward' | 'back'): boolean {
  if (lessonOf(s).lesson === undefined) return false;
  const move = fn(direction === 'forward' ? (s as LessonLike).next : (s as LessonLike).previous) as
    (() => void) | null;
  if (!move) return false;
  move();
  return true;
}
