import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { CatalogLoader } from './catalog-loader.ts';
import { reasonOf } from './catalog-loader.ts';
import { realShell } from './real-shell.ts';
import { createAppStore } from './store.ts';
import { scriptedShell } from './testing/scripted-shell.ts';

// The app's own words in the terminal follow the page's language; the tools' output does not.

const stderrOf = (store: ReturnType<typeof createAppStore>): string =>
  store
    .getState()
    .transcript.at(-1)!
    .output.map((c) => c.text)
    .join('');

describe('the app’s own words in the terminal, in Korean', () => {
  it('an internal error', () => {
    const store = createAppStore(scriptedShell());
    store.getState().setLanguage('ko');
    store.getState().run('throw');
    expect(stderrOf(store)).toBe('layerlab: 내부 오류: boom\n');
  });

  it('a machine whose code could not be loaded, in the language of the moment', async () => {
    const store = createAppStore(() => Promise.reject(new Error('offline')));
    store.getState().setLanguage('ko');
    store.getState().run('docker ps');
    await vi.waitFor(() => expect(store.getState().transcript).toHaveLength(1));
    expect(stderrOf(store)).toBe(
      'layerlab: 시뮬레이션 머신을 불러오지 못했습니다(offline). 페이지를 새로 고치세요\n',
    );
    store.getState().setLanguage('en');
    store.getState().run('docker ps');
    expect(stderrOf(store)).toBe(
      'layerlab: the simulated machine could not be loaded (offline); reload the page\n',
    );
  });

  it('why a catalog file could not be had; the docker message around it stays the tool’s', async () => {
    const dir = new URL('../../public/catalog/', import.meta.url);
    const loader: CatalogLoader = {
      fetchJson: async (file) => {
        if (file !== 'index.json') throw new SyntaxError('Unexpected token');
        return JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as unknown;
      },
    };
    const store = createAppStore(realShell, loader);
    await store.getState().loadCatalog();
    store.getState().setLanguage('ko');
    store.getState().run('docker pull nginx');
    await vi.waitFor(() => expect(store.getState().transcript).toHaveLength(1));
    expect(stderrOf(store)).toMatch(/\(catalog\/[\w.-]+\.json: 올바른 JSON이 아님\)/);
    expect(reasonOf(new SyntaxError('x'))).toBe('not valid JSON');
    expect(reasonOf(new Error('HTTP 404'), 'ko')).toBe('HTTP 404');
  });
});
