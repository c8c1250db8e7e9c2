import type { Lesson, Step } from '../scenarios/types.ts';
import type { CheckContext } from './checks.ts';
import { passes } from './checks.ts';

/**
 * Where a learner is in a lesson: pure values and transitions (the store's lesson slice holds one).
 * A step's check runs after each line; once passed, a step stays passed (clearing the terminal or
 * going back does not take it away).
 */
export interface Progress {
  readonly lessonId: string;
  readonly step: number;
  /** Per step: its goal was reached. */
  readonly passed: readonly boolean[];
  /** The transcript's last entry id when the step began: only output after it counts. */
  readonly since: number;
  /** The quiz choice picked in this step, or null. */
  readonly chosen: number | null;
  /** Next was pressed on the last step. */
  readonly done: boolean;
}

/** A step without a check (narration only) is done as soon as it is shown. */
const freeStep = (step: Step | undefined): boolean => step !== undefined && step.check === undefined;

export function startProgress(lesson: Lesson, lastEntryId: number): Progress {
  return {
    lessonId: lesson.id,
    step: 0,
    passed: lesson.steps.map((s, i) => i === 0 && freeStep(s)),
    since: lastEntryId,
    chosen: null,
    done: false,
  };
}

export function goToStep(p: Progress, lesson: Lesson, step: number, lastEntryId: number): Progress {
  if (step >= lesson.steps.length) return { ...p, done: true };
  const to = Math.max(0, step);
  const passed = freeStep(lesson.steps[to]) ? p.passed.map((v, i) => v || i === to) : p.passed;
  return { ...p, step: to, passed, since: lastEntryId, chosen: null, done: false };
}

/** After a line ran: the current step's check, read from the machine and the output since it began. */
export function afterLine(p: Progress, lesson: Lesson, ctx: CheckContext): Progress {
  const step = lesson.steps[p.step];
  if (p.done || !step?.check || p.passed[p.step]) return p;
  if (step.quiz && p.chosen === null) return p;
  return passes(step.check, ctx) ? { ...p, passed: p.passed.map((v, i) => v || i === p.step) } : p;
}

export const currentStep = (p: Progress, lesson: Lesson): Step | undefined => lesson.steps[p.step];
