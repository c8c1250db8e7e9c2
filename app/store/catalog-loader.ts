import type { CatalogFile, CatalogIndex } from '../engine/catalog/catalog.ts';
import { CATALOG_DIR, INDEX_FILE, parseCatalogFile, parseCatalogIndex } from '../engine/catalog/catalog.ts';
import type { Language } from '../i18n/i18n.ts';
import { translator } from '../i18n/i18n.ts';
import { storeMessages } from './messages.ts';

/**
 * How the page gets the files of the built-in image catalog (public/catalog): fetched when first
 * needed, never part of the JavaScript. Given to the store so its tests can serve files from memory.
 */
export interface CatalogLoader {
  /** The parsed JSON of catalog/<file>; rejects with a short reason when it cannot be had. */
  fetchJson(file: string): Promise<unknown>;
}

/** The page's loader: a relative URL, so the site works from any sub-path. */
export const fetchCatalog: CatalogLoader = {
  async fetchJson(file) {
    const res = await fetch(`${CATALOG_DIR}/${file}`, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return (await res.json()) as unknown;
  },
};

/** Fetch and check index.json. */
export async function loadIndex(loader: CatalogLoader): Promise<CatalogIndex> {
  const parsed = parseCatalogIndex(await loader.fetchJson(INDEX_FILE));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** Fetch and check one image file against the index. */
export async function loadFile(
  loader: CatalogLoader,
  index: CatalogIndex,
  file: string,
): Promise<CatalogFile> {
  const parsed = parseCatalogFile(await loader.fetchJson(file), index, file);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/**
 * A rejection as the short reason the terminal shows, in the page's language where the words are the
 * app's own (an HTTP status, or a check's message naming a field, stays as it is).
 */
export const reasonOf = (e: unknown, lang: Language = 'en'): string =>
  e instanceof SyntaxError
    ? translator(storeMessages, lang)('notJson')
    : e instanceof Error
      ? e.message
      : String(e);
