import { useStore } from 'zustand';
import type { AppState } from './store.ts';
import { createAppStore } from './store.ts';
import { fetchCatalog } from './catalog-loader.ts';
import { realShell } from './real-shell.ts';

/** The page's one store. Tests make their own with createAppStore(). */
export const appStore = createAppStore(realShell, fetchCatalog);

// The built-in catalog's index and the default image (nginx) are fetched as the page loads.
void appStore.getState().loadCatalog();

/** Read from the page's store with a selector (selectors.ts); re-renders when the selected value changes. */
export const useAppStore = <T>(selector: (s: AppState) => T): T => useStore(appStore, selector);
