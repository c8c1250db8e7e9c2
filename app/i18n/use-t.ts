import { useMemo } from 'react';
import { selectLanguage } from '../store/selectors.ts';
import { useAppStore } from '../store/use-app-store.ts';
import type { Catalog, Translate } from './i18n.ts';
import { translator } from './i18n.ts';

/** The translate function of a catalog in the page's current language; re-renders when it changes. */
export function useT<K extends string>(cat: Catalog<K>): Translate<K> {
  const lang = useAppStore(selectLanguage);
  return useMemo(() => translator(cat, lang), [cat, lang]);
}
