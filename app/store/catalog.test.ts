import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { CatalogLoader } from './catalog-loader.ts';
import { realShell } from './real-shell.ts';
import { SUGGESTED_COMMAND } from './session-slice.ts';
import { createAppStore } from './store.ts';

// The page's store with the built-in catalog: files served from public/catalog by a loader that
// counts its fetches and fails when told to (offline).

const dir = new URL('../../public/catalog/', import.meta.url);

function diskLoader(fail: Set<string> = new Set()): CatalogLoader & { fetched: string[] } {
  const fetched: string[] = [];
  return {
    fetched,
    async fetchJson(file) {
      fetched.push(file);
      await Promise.resolve();
      if (fail.has(file) || fail.has('*')) throw new TypeError('Failed to fetch');
      return JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as unknown;
    },
  };
}

const text = (s: ReturnType<ReturnType<typeof createAppStore>['getState']>, i: number): string =>
  s.transcript[i]!.output.map((c) => c.text).join('');

describe('the catalog in the page', () => {
  it('starts with nginx present as if pulled, no container, and suggests the blog’s first command', async () => {
    const loader = diskLoader();
    const store = createAppStore(realShell, loader);
    await store.getState().loadCatalog();
    const s = store.getState();
    expect(loader.fetched).toEqual(['index.json', 'debian-bookworm-slim.json', 'nginx.json']);
    expect([...s.session.world.tags.keys()].sort()).toEqual(['demo:latest', 'nginx:latest']);
    expect(s.session.world.containers.size).toBe(0);
    expect(s.suggestion).toBe(SUGGESTED_COMMAND);
    expect(s.transcript).toEqual([]);
    store.getState().run(SUGGESTED_COMMAND);
    expect(text(store.getState(), 0)).toMatch(/^[0-9a-f]{64}\n$/);
    expect(store.getState().suggestion).toBeNull();
  });

  it('an archive opened while the catalog is still arriving is loaded on the machine it starts', async () => {
    const loader = diskLoader();
    const store = createAppStore(realShell, loader);
    const catalog = store.getState().loadCatalog();
    const sample = readFileSync(new URL('../../public/samples/sample.tar.gz', import.meta.url));
    await store.getState().openArchive(new File([sample], 'sample.tar.gz'));
    await catalog;
    await vi.waitFor(() => expect(store.getState().transcript).toHaveLength(1));
    expect(text(store.getState(), 0)).toBe('Loaded image: layerlab-sample:1\n');
    expect([...store.getState().session.world.tags.keys()]).toContain('nginx:latest');
  });

  it('fetches a file a line needs, runs the line again, and runs the lines typed meanwhile after it', async () => {
    const loader = diskLoader();
    const store = createAppStore(realShell, loader);
    await store.getState().loadCatalog();
    store.getState().run('docker pull busybox');
    store.getState().run('echo after');
    expect(store.getState().transcript).toHaveLength(0);
    expect(store.getState().catalogLoading).toBe('busybox.json');
    await vi.waitFor(() => expect(store.getState().transcript).toHaveLength(2));
    const s = store.getState();
    expect(text(s, 0)).toMatch(/^Using default tag: latest\nlatest: Pulling from library\/busybox\n/);
    expect(text(s, 1)).toBe('after\n');
    expect(s.history).toEqual(['docker pull busybox', 'echo after']);
    expect(s.catalogLoading).toBeNull();
    expect(loader.fetched.filter((f) => f === 'busybox.json')).toHaveLength(1);
  });

  it('says so when a file cannot be fetched, keeps the session usable, and tries again next time', async () => {
    const fail = new Set(['httpd.json']);
    const loader = diskLoader(fail);
    const store = createAppStore(realShell, loader);
    await store.getState().loadCatalog();
    store.getState().run('docker run -d httpd');
    await vi.waitFor(() => expect(store.getState().transcript).toHaveLength(1));
    expect(store.getState().transcript[0]!.exitCode).toBe(125);
    expect(text(store.getState(), 0)).toContain(
      'Layerlab could not load its image catalog (catalog/httpd.json: Failed to fetch); check the connection and try again',
    );
    fail.clear();
    store.getState().run('docker run -d httpd');
    await vi.waitFor(() => expect(store.getState().transcript).toHaveLength(2));
    expect(store.getState().transcript[1]!.exitCode).toBe(0);
    expect(text(store.getState(), 1)).toContain('Already exists');
  });

  it('offline from the start: the demo image still works, catalog images say why they cannot be had', async () => {
    const store = createAppStore(realShell, diskLoader(new Set(['*'])));
    await store.getState().loadCatalog();
    expect(store.getState().suggestion).toBeNull();
    store.getState().run('docker run -d --name web demo');
    expect(text(store.getState(), 0)).toMatch(/^[0-9a-f]{64}\n$/);
    store.getState().run('docker pull nginx');
    await vi.waitFor(() => expect(store.getState().transcript).toHaveLength(2));
    expect(text(store.getState(), 1)).toContain('catalog/index.json: Failed to fetch');
  });

  it('refuses a damaged file with the check’s message', async () => {
    const loader: CatalogLoader = {
      async fetchJson(file) {
        const json = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Record<string, unknown>;
        if (file === 'busybox.json') json['ref'] = 'busybox:evil';
        return json;
      },
    };
    const store = createAppStore(realShell, loader);
    await store.getState().loadCatalog();
    store.getState().run('docker pull busybox');
    await vi.waitFor(() => expect(store.getState().transcript).toHaveLength(1));
    expect(text(store.getState(), 0)).toContain(
      'catalog/busybox.json: busybox.json.ref: is busybox:evil; the index has busybox:latest in this file',
    );
  });
});
