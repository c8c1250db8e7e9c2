import type { Language } from '../i18n/i18n.ts';
import { LANGUAGES } from '../i18n/i18n.ts';
import { useT } from '../i18n/use-t.ts';
import { selectLanguage, selectTheme, selectToggleTheme } from '../store/selectors.ts';
import { useAppStore } from '../store/use-app-store.ts';
import { LayersMark } from './LayersMark.tsx';
import { LessonToggle } from './lesson/LessonDock.tsx';
import { appMessages } from './messages.ts';
import { ShareMenu } from './share/ShareMenu.tsx';
import { PresenterHeader } from './presenter/PresenterHeader.tsx';

/** Each language named in itself, so a reader finds theirs whatever the page speaks now. */
const NATIVE: Readonly<Record<Language, string>> = { en: 'English', ko: '한국어' };

export function Header() {
  const theme = useAppStore(selectTheme);
  const toggleTheme = useAppStore(selectToggleTheme);
  const language = useAppStore(selectLanguage);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const t = useT(appMessages);
  return (
    <header className="app-header">
      <div className="brand">
        <LayersMark size={28} className="brand__mark" />
        <h1 className="brand__name">Layerlab</h1>
        <p className="brand__tagline">{t('tagline')}</p>
      </div>
      <div className="app-header__tools">
        <LessonToggle />
        <ShareMenu />
        <div className="lang-switch" role="group" aria-label={t('language')}>
          {LANGUAGES.map((l) => (
            <button
              key={l}
              type="button"
              className="button lang-switch__button"
              lang={l}
              aria-pressed={l === language}
              onClick={() => setLanguage(l)}
            >
              {NATIVE[l]}
            </button>
          ))}
        </div>
        <PresenterHeader />
        <button type="button" className="button" aria-pressed={theme === 'dark'} onClick={toggleTheme}>
          {t('darkTheme')}
        </button>
      </div>
    </header>
  );
}
