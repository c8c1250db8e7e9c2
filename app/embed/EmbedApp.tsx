import { lazy, Suspense } from 'react';
import { useT } from '../i18n/use-t.ts';
import { useAppStore } from '../store/use-app-store.ts';
import { NoticeBanner } from '../views/share/NoticeBanner.tsx';
import { shareMessages } from '../views/share/messages.ts';
import { LayersMark } from '../views/LayersMark.tsx';
import { StackPanel } from '../views/stack/StackPanel.tsx';
import { TerminalPanel } from '../views/terminal/TerminalPanel.tsx';
import { fullAppUrl } from './options.ts';

// The lesson's code and texts come in a chunk of their own, only for an embed that opens a lesson.
const LessonBand = lazy(() =>
  import('../views/lesson/LessonBand.tsx').then((m) => ({ default: m.LessonBand })),
);

/**
 * `?embed=1`: the terminal and the layer stack side by side under a one-line bar, for an iframe in a
 * blog post (768 × 430), with the open lesson's step as a band above them (`&lesson=…&step=…`). The
 * page is as tall as its content, so the parent can size the frame to it.
 */
export function EmbedApp() {
  const t = useT(shareMessages);
  const inLesson = useAppStore((s) => s.lesson !== null);
  return (
    <div className="app app--embed">
      <header className="embed-bar">
        <LayersMark size={18} className="brand__mark" />
        <span className="embed-bar__name">Layerlab</span>
        <a
          className="embed-bar__full"
          href={fullAppUrl(window.location.href)}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('openFull')} <span className="visually-hidden">{t('openFullHint')}</span>
          <span aria-hidden="true"> ↗</span>
        </a>
      </header>
      <NoticeBanner />
      {inLesson && (
        <Suspense fallback={null}>
          <LessonBand />
        </Suspense>
      )}
      <main className="embed" aria-label={t('embedLabel')}>
        <TerminalPanel />
        <StackPanel />
      </main>
    </div>
  );
}
