import { useT } from '../../i18n/use-t.ts';
import { selectLessonProgress, selectLessons } from '../../store/lesson-slice.ts';
import { useAppStore } from '../../store/use-app-store.ts';
import { StepView } from './LessonPanel.tsx';
import { messages } from './messages.ts';

/**
 * The embed's lesson (`?embed=1&lesson=…&step=…`): the open lesson's step as a band above the terminal
 * and the stack — narration, the command with "Type it for me", the check, Previous/Next — so that a
 * blog post can carry a lesson in its iframe. Nothing while no lesson is open.
 */
export function LessonBand() {
  const t = useT(messages);
  const lessons = useAppStore(selectLessons);
  const progress = useAppStore(selectLessonProgress);
  const lesson = progress && lessons.find((l) => l.id === progress.lessonId);
  if (!lesson || !progress) return null;
  return (
    <section className="lesson-band" aria-label={t('band')} data-testid="lesson-band">
      <StepView lesson={lesson} progress={progress} variant="band" />
    </section>
  );
}
