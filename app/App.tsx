import { lazy, Suspense, useEffect } from 'react';
import { pageOptions } from './embed/current.ts';
import { useT } from './i18n/use-t.ts';
import { selectLanguage, selectTheme } from './store/selectors.ts';
import { useAppStore } from './store/use-app-store.ts';
import { Header } from './views/Header.tsx';
import { appMessages } from './views/messages.ts';
import { NoticeBanner } from './views/share/NoticeBanner.tsx';
import { ContainersPanel } from './views/panels/ContainersPanel.tsx';
import { ImagesPanel } from './views/panels/ImagesPanel.tsx';
import { DropTarget } from './views/import/DropTarget.tsx';
import { LessonDock } from './views/lesson/LessonDock.tsx';
import { Stage } from './views/Stage.tsx';
import { Presenter } from './views/presenter/Presenter.tsx';
import { TerminalPanel } from './views/terminal/TerminalPanel.tsx';

// An embed has a layout of its own, loaded only when the page is one.
const EmbedApp = lazy(() => import('./embed/EmbedApp.tsx').then((m) => ({ default: m.EmbedApp })));

export function App() {
  const theme = useAppStore(selectTheme);
  const language = useAppStore(selectLanguage);
  const t = useT(appMessages);

  // The theme's colours are CSS variables keyed on the root element, so the page background follows.
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);

  // Screen readers pick their voice, and browsers their fonts and line breaking, from <html lang>.
  // The tab's title follows too (index.html's stays English for crawlers and link previews).
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('pageTitle');
  }, [language, t]);

  if (pageOptions.embed)
    return (
      <Suspense fallback={null}>
        <EmbedApp />
      </Suspense>
    );

  return (
    <div className="app">
      <Header />
      <NoticeBanner />
      <main className="workspace">
        <Presenter />
        <TerminalPanel />
        <LessonDock />
        <Stage />
        <aside className="side" aria-label={t('daemonState')}>
          <ContainersPanel />
          <ImagesPanel />
        </aside>
      </main>
      <DropTarget />
    </div>
  );
}
