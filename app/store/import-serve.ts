import { ArchiveError } from '../engine/archive/errors.ts';
import type { PreparedArchive } from '../engine/archive/prepare.ts';
import { prepareArchive } from '../engine/archive/prepare.ts';
import type { FromWorker, Port, ToWorker } from './import-protocol.ts';

/**
 * The worker's side: on 'start', pull the archive chunk by chunk and prepare it (gunzip, hash,
 * extract: the CPU-heavy half of `docker load`), reporting progress, then send the result.
 * Cancelling is the page's: it terminates the worker.
 */
export function serveImport(port: Port<ToWorker, FromWorker>): void {
  let waiting: ((c: Uint8Array | null) => void) | null = null;
  async function* source(): AsyncGenerator<Uint8Array> {
    for (;;) {
      const chunk = await new Promise<Uint8Array | null>((resolve) => {
        waiting = resolve;
        port.postMessage({ type: 'more' });
      });
      if (chunk === null) return;
      yield chunk;
    }
  }
  const run = async (): Promise<void> => {
    let prepared: PreparedArchive;
    try {
      prepared = await prepareArchive(source(), {
        onProgress: (progress) => port.postMessage({ type: 'progress', progress }),
      });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      port.postMessage({ type: e instanceof ArchiveError ? 'rejected' : 'failed', message });
      port.close?.();
      return;
    }
    const buffers = new Set<ArrayBuffer>();
    for (const img of prepared.images)
      for (const l of img.layers) if (l.tar.buffer instanceof ArrayBuffer) buffers.add(l.tar.buffer);
    port.postMessage({ type: 'done', prepared }, [...buffers]);
    // The worker ends itself, on its own thread: the page's terminate() tears a worker down on the
    // main thread, which took most of a second after a large image.
    port.close?.();
  };
  port.onmessage = (e) => {
    const m = e.data;
    if (m.type === 'start') void run();
    else {
      const w = waiting;
      waiting = null;
      w?.(m.bytes);
    }
  };
}
