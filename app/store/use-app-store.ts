import { useStore } from 'zustand';
import type { AppState } from './store.ts';
import { createAppStore } from './store.ts';
import { fetchCatalog } from './catalog-loader.ts';
import { loadRealShell } from './lazy-shell.ts';
import { withImportWorker } from './import-client.ts';

/**
 * The page's one store. Tests make their own with createAppStore(). The shell (app/shell and the
 * bulk of app/engine) is fetched now, in a chunk of its own, while the page renders; image archives
 * are read in a Web Worker (import-worker.ts).
 */
export const appStore = createAppStore(async () => withImportWorker(await loadRealShell()), fetchCatalog);

// The built-in catalog's index and the default image (nginx) are fetched as the page loads.
void appStore.getState().loadCatalog();

/** Read from the page's store with a selector (selectors.ts); re-renders when the selected value changes. */
export const useAppStore = <T>(selector: (s: AppState) => T): T => useStore(appStore, selector);
