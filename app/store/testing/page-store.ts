import { readFileSync } from 'node:fs';
import type { CatalogLoader } from '../catalog-loader.ts';
import { realShell } from '../real-shell.ts';
import { createAppStore } from '../store.ts';

// The page's store in tests: the built-in catalog served from public/catalog, as the page fetches it.

const dir = new URL('../../../public/catalog/', import.meta.url);

/** A loader that reads public/catalog from disk. */
export const diskCatalogLoader: CatalogLoader = {
  fetchJson: async (file) => JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as unknown,
};

/** The store as the page starts it: the real shell, the catalog loaded, nginx present as if pulled. */
export async function pageStore(): Promise<ReturnType<typeof createAppStore>> {
  const store = createAppStore(realShell, diskCatalogLoader);
  await store.getState().loadCatalog();
  return store;
}
