import { selectTheme, selectToggleTheme } from '../store/selectors.ts';
import { useAppStore } from '../store/use-app-store.ts';
import { LayersMark } from './LayersMark.tsx';
import { ShareMenu } from './share/ShareMenu.tsx';
import { PresenterHeader } from './presenter/PresenterHeader.tsx';

export function Header() {
  const theme = useAppStore(selectTheme);
  const toggleTheme = useAppStore(selectToggleTheme);
  return (
    <header className="app-header">
      <div className="brand">
        <LayersMark size={28} className="brand__mark" />
        <h1 className="brand__name">Layerlab</h1>
        <p className="brand__tagline">See how Docker stores images and containers</p>
      </div>
      <PresenterHeader />
      <ShareMenu />
      <button type="button" className="button" aria-pressed={theme === 'dark'} onClick={toggleTheme}>
        Dark theme
      </button>
    </header>
  );
}
