import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogFile, CatalogIndex, CatalogSource } from '../engine/catalog/catalog.ts';
import { INDEX_FILE, parseCatalogFile, parseCatalogIndex } from '../engine/catalog/catalog.ts';

/** public/catalog, where the page's static files are. */
export const CATALOG_PATH = new URL('../../public/catalog/', import.meta.url);

/**
 * The built-in image catalog read from disk (the replay's, and tests'): the index at once, an image
 * file the first time it is asked for, each checked exactly as the page checks what it fetches.
 */
export function diskCatalog(dir: string | URL = CATALOG_PATH): CatalogSource {
  const root = typeof dir === 'string' ? dir : dir.pathname;
  const failures = new Map<string, string>();
  const files = new Map<string, CatalogFile>();
  const load = (name: string): unknown => JSON.parse(readFileSync(join(root, name), 'utf8'));
  let index: CatalogIndex | null = null;
  try {
    const parsed = parseCatalogIndex(load(INDEX_FILE));
    if (parsed.ok) index = parsed.value;
    else failures.set(INDEX_FILE, parsed.error);
  } catch (e) {
    failures.set(INDEX_FILE, describe(e));
  }
  return {
    index,
    file(name) {
      const have = files.get(name);
      if (have || failures.has(name) || !index) return have;
      try {
        const parsed = parseCatalogFile(load(name), index, name);
        if (parsed.ok) files.set(name, parsed.value);
        else failures.set(name, parsed.error);
      } catch (e) {
        failures.set(name, describe(e));
      }
      return files.get(name);
    },
    failure: (name) => failures.get(name),
  };
}

const describe = (e: unknown): string =>
  (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
