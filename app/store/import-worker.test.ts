import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { ImportWorker } from './import-client.ts';
import { prepareInWorker, withImportWorker } from './import-client.ts';
import type { FromWorker, Port, ToWorker } from './import-protocol.ts';
import { serveImport } from './import-serve.ts';
import { realShell } from './real-shell.ts';
import { createAppStore } from './store.ts';

// The import worker's protocol, with the worker played in-process: messages are structured-cloned
// (and buffers moved) as postMessage would, one task later.

const sample = Uint8Array.from(readFileSync(new URL('../../public/samples/sample.tar.gz', import.meta.url)));

function fakeWorker(): ImportWorker & { terminated: boolean; closed: boolean; chunks: number } {
  const deliver = <T>(to: { onmessage: ((e: MessageEvent<T>) => void) | null }, m: T, t?: Transferable[]) => {
    const data = structuredClone(m, t ? { transfer: t } : undefined);
    setTimeout(() => {
      if (!page.terminated) to.onmessage?.({ data } as MessageEvent<T>);
    }, 0);
  };
  const inside: Port<ToWorker, FromWorker> = {
    onmessage: null,
    postMessage: (m, t) => deliver(page, m, t),
    close: () => {
      page.closed = true;
    },
  };
  const page: ImportWorker & { terminated: boolean; closed: boolean; chunks: number } = {
    onmessage: null,
    onerror: null,
    terminated: false,
    closed: false,
    chunks: 0,
    postMessage: (m, t) => {
      if (m.type === 'chunk') page.chunks++;
      deliver(inside, m, t);
    },
    terminate: () => {
      page.terminated = true;
    },
  };
  serveImport(inside);
  return page;
}

const realShellWith = (make: () => ImportWorker) => ({
  ...realShell,
  prepareHostFile: prepareInWorker(make),
});
const fileOf = (name: string, bytes: Uint8Array<ArrayBuffer>) => {
  const blob = new Blob([bytes]);
  return { name, size: blob.size, stream: () => blob.stream() };
};
const out = (s: ReturnType<ReturnType<typeof createAppStore>['getState']>, i: number) =>
  s.transcript[i]!.output.map((c) => c.text).join('');

describe('reading an archive in the import worker', () => {
  it('loads the sample as the in-page reader does, and ends the worker', async () => {
    const workers: ReturnType<typeof fakeWorker>[] = [];
    const store = createAppStore(realShellWith(() => (workers.push(fakeWorker()), workers.at(-1)!)));
    await store.getState().openArchive(fileOf('sample.tar.gz', sample));
    await vi.waitFor(() => expect(store.getState().transcript).toHaveLength(1));
    expect(out(store.getState(), 0)).toBe('Loaded image: layerlab-sample:1\n');
    expect(workers).toHaveLength(1);
    // The worker closed itself once it had answered (on its own thread); the page did not have to.
    expect([workers[0]!.closed, workers[0]!.terminated]).toEqual([true, false]);
    // Handed over in pieces of 1 MiB: the sample is just under 1 MB, then the end.
    expect(workers[0]!.chunks).toBe(2);
    // The page still holds the file's bytes (the worker had copies of pieces).
    const kept = store.getState().session.hostFiles?.get('/root/sample.tar.gz')?.bytes as Uint8Array;
    expect(kept.length).toBe(sample.length);
  });

  it('keeps a picked File on disk: the worker reads it in pieces, the page never holds the archive', async () => {
    const workers: ReturnType<typeof fakeWorker>[] = [];
    const store = createAppStore(realShellWith(() => (workers.push(fakeWorker()), workers.at(-1)!)));
    const file = new File([sample], 'sample.tar.gz');
    await store.getState().openArchive(file);
    await vi.waitFor(() => expect(store.getState().transcript).toHaveLength(1));
    expect(out(store.getState(), 0)).toBe('Loaded image: layerlab-sample:1\n');
    expect(store.getState().session.hostFiles?.get('/root/sample.tar.gz')?.bytes).toBe(file);
    // The worker was handed the File itself and read it: no piece went through the page.
    expect(workers[0]!.chunks).toBe(0);
  });

  it('a bad archive is printed by docker load; a cancel ends the worker and prints context canceled', async () => {
    const workers: ReturnType<typeof fakeWorker>[] = [];
    const store = createAppStore(realShellWith(() => (workers.push(fakeWorker()), workers.at(-1)!)));
    const bad = Uint8Array.from(sample);
    for (let i = 4000; i < 4400; i++) bad[i] = bad[i]! ^ 0xff;
    await store.getState().openArchive(fileOf('bad.tar.gz', bad));
    await vi.waitFor(() => expect(store.getState().transcript).toHaveLength(1));
    expect(out(store.getState(), 0)).toMatch(/gzip/);
    expect(workers[0]!.closed).toBe(true);
    await store.getState().openArchive(fileOf('sample.tar.gz', sample));
    await vi.waitFor(() => expect(workers).toHaveLength(2));
    store.getState().cancelImport();
    await vi.waitFor(() => expect(store.getState().transcript).toHaveLength(2));
    expect(out(store.getState(), 1)).toBe('context canceled\n');
    expect(workers[1]!.terminated).toBe(true);
  });

  it('leaves the shell as it is where there are no workers (Node)', () => {
    expect(withImportWorker(realShell)).toBe(realShell);
  });
});
