import { BLOG_TOUR } from './blog-tour.ts';
import { NEWER_DOCKER, SHARED, VOLUMES } from './daemon-lessons.ts';
import { RENAME, SHRINK, WHITEOUTS } from './layer-lessons.ts';
import { QUIZZES } from './quizzes.ts';
import type { Lesson } from './types.ts';
import { validateLessons } from './validate.ts';

/** Every lesson, in the order the page lists them: the blog's tour first. */
export const LESSON_DATA: readonly unknown[] = [
  BLOG_TOUR,
  WHITEOUTS,
  SHRINK,
  VOLUMES,
  SHARED,
  RENAME,
  NEWER_DOCKER,
  QUIZZES,
];

/** The lessons that validate, and what is wrong with the others (shown, not thrown). */
export function loadLessons(data: readonly unknown[] = LESSON_DATA): {
  readonly lessons: readonly Lesson[];
  readonly errors: readonly string[];
} {
  return validateLessons(data);
}
