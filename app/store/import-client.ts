import type { PreparedLayer, PrepareOptions } from '../engine/archive/prepare.ts';
import type { HostFile } from '../shell/host-files.ts';
import type { Session } from '../shell/session-api.ts';
import type { FromWorker, Port, ToWorker } from './import-protocol.ts';
import type { ShellApi } from './shell-api.ts';

/** A worker, as the page makes one (terminate ends it, and with it a cancelled import). */
export type ImportWorker = Port<FromWorker, ToWorker> & {
  terminate(): void;
  onerror: ((e: ErrorEvent) => void) | null;
};

/** The size of the pieces the archive is handed to the worker in. */
const CHUNK = 1 << 20;

/**
 * The shell's `prepareHostFile`, with the reading done in a Web Worker so the page stays responsive
 * (hashing and extracting a large layer takes seconds). Same contract: a bad archive is kept with the
 * file as its error; a cancel or a bug rejects.
 */
export function prepareInWorker(makeWorker: () => ImportWorker): NonNullable<ShellApi['prepareHostFile']> {
  return async (session: Session, path: string, opts: PrepareOptions = {}): Promise<Session> => {
    const file = session.hostFiles?.get(path);
    if (!file) return session;
    const { signal, onProgress } = opts;
    signal?.throwIfAborted();
    const prepared = await new Promise<NonNullable<HostFile['prepared']>>((resolve, reject) => {
      const worker = makeWorker();
      let off = 0;
      /** Layers as the worker sent them, by index: the archive that ends the import names them. */
      const layers: PreparedLayer[] = [];
      const source = file.bytes;
      /** The next piece: read from the File (a Blob on disk), or a copy of it; moved, not copied, to the worker. */
      const nextPiece = async (): Promise<Uint8Array | null> => {
        const total = source instanceof Uint8Array ? source.length : source.size;
        if (off >= total) return null;
        const from = off;
        off = Math.min(total, off + CHUNK);
        return source instanceof Uint8Array
          ? source.slice(from, off)
          : new Uint8Array(await source.slice(from, off).arrayBuffer());
      };
      /** Done with the worker: it has closed itself when it answered; a cancel or a failure stops it. */
      const end = (stop = true): void => {
        if (stop) worker.terminate();
        signal?.removeEventListener('abort', aborted);
      };
      const aborted = (): void => {
        end();
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', aborted, { once: true });
      worker.onerror = (e) => {
        end();
        reject(new Error(e.message || 'the import worker failed'));
      };
      worker.onmessage = (e) => {
        const m = e.data;
        switch (m.type) {
          case 'more':
            void nextPiece().then(
              (bytes) => worker.postMessage({ type: 'chunk', bytes }, bytes ? [bytes.buffer] : []),
              (err: unknown) => {
                end();
                reject(err instanceof Error ? err : new Error(String(err)));
              },
            );
            break;
          case 'progress':
            onProgress?.(m.progress);
            break;
          case 'layer':
            layers[m.index] = m.layer;
            break;
          case 'done':
            end(false);
            resolve({
              format: m.prepared.format,
              images: m.prepared.images.map((img) => ({ ...img, layers: img.layers.map((i) => layers[i]!) })),
            });
            break;
          case 'rejected':
            end(false);
            resolve({ error: m.message });
            break;
          case 'failed':
            end();
            reject(new Error(m.message));
            break;
        }
      };
      // A File is handed over whole (a handle, not its bytes): the worker reads it from disk.
      worker.postMessage(source instanceof Blob ? { type: 'start', file: source } : { type: 'start' });
    });
    return { ...session, hostFiles: new Map(session.hostFiles).set(path, { bytes: file.bytes, prepared }) };
  };
}

/** The page's shell with archives read in a worker (where the platform has workers). */
export const withImportWorker = (api: ShellApi): ShellApi =>
  typeof Worker === 'undefined'
    ? api
    : {
        ...api,
        prepareHostFile: prepareInWorker(
          () =>
            new Worker(new URL('./import-worker.ts', import.meta.url), {
              type: 'module',
            }) as unknown as ImportWorker,
        ),
      };
