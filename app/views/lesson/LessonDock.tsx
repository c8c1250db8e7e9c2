import { lazy, Suspense } from 'react';
import { useT } from '../../i18n/use-t.ts';
import { useAppStore } from '../../store/use-app-store.ts';
import { messages } from './messages.ts';

// The panel (and the lessons it loads) come in a chunk of their own, the first time it is opened.
const LessonPanel = lazy(() => import('./LessonPanel.tsx').then((m) => ({ default: m.LessonPanel })));

/** The Header's "Lessons" button: opens the lesson panel beside the terminal (its × closes it). */
export function LessonToggle() {
  const t = useT(messages);
  const open = useAppStore((s) => s.lessonPanelOpen);
  const setOpen = useAppStore((s) => s.setLessonPanelOpen);
  return (
    <button
      type="button"
      className="button lesson-toggle"
      aria-expanded={open}
      aria-controls={open ? 'lesson-dock' : undefined}
      onClick={() => setOpen(!open)}
    >
      {t('open')}
    </button>
  );
}

/** Once opened, the lesson panel beside the terminal. */
export function LessonDock() {
  const t = useT(messages);
  const open = useAppStore((s) => s.lessonPanelOpen);
  const setOpen = useAppStore((s) => s.setLessonPanelOpen);
  if (!open) return null;
  return (
    <div id="lesson-dock" className="lesson-dock">
      <Suspense fallback={<p className="lesson-dock__loading">{t('loading')}</p>}>
        <LessonPanel onClose={() => setOpen(false)} />
      </Suspense>
    </div>
  );
}
