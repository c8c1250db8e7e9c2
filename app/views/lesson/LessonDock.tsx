import { lazy, Suspense, useState } from 'react';
import { useT } from '../../i18n/use-t.ts';
import { messages } from './messages.ts';

// The panel (and the lessons it loads) come in a chunk of their own, the first time it is opened.
const LessonPanel = lazy(() => import('./LessonPanel.tsx').then((m) => ({ default: m.LessonPanel })));

/** The workspace's "Lessons" toggle and, once opened, the lesson panel beside the terminal. */
export function LessonDock() {
  const t = useT(messages);
  const [open, setOpen] = useState(false);
  // While open, the panel's own close button (×) is the way out; the toggle hides (lesson.css).
  return (
    <>
      <button
        type="button"
        className="button lesson-toggle"
        aria-expanded={open}
        aria-controls={open ? 'lesson-dock' : undefined}
        onClick={() => setOpen(!open)}
      >
        {t('open')}
      </button>
      {open && (
        <div id="lesson-dock" className="lesson-dock">
          <Suspense fallback={<p className="lesson-dock__loading">{t('loading')}</p>}>
            <LessonPanel onClose={() => setOpen(false)} />
          </Suspense>
        </div>
      )}
    </>
  );
}
