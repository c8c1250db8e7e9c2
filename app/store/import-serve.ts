import { ArchiveError } from '../engine/archive/errors.ts';
import type { PreparedArchive, PreparedLayer } from '../engine/archive/prepare.ts';
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
  /** A File read here, in the worker, straight from disk: no piece goes through the page. */
  async function* fromFile(file: Blob): AsyncGenerator<Uint8Array> {
    const reader = file.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  }
  const run = async (file: Blob | undefined): Promise<void> => {
    let prepared: PreparedArchive;
    // Each layer goes to the page as soon as it is read, so the page unpacks one layer's tree at a
    // time while the rest is read, not every tree in one long task at the end.
    const sent = new Map<PreparedLayer, number>();
    const send = (layer: PreparedLayer): void => {
      if (sent.has(layer)) return;
      sent.set(layer, sent.size);
      const transfer = layer.tar.buffer instanceof ArrayBuffer ? [layer.tar.buffer] : [];
      port.postMessage({ type: 'layer', index: sent.get(layer)!, layer }, transfer);
    };
    try {
      prepared = await prepareArchive(file ? fromFile(file) : source(), {
        onProgress: (progress) => port.postMessage({ type: 'progress', progress }),
        onLayer: send,
      });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      port.postMessage({ type: e instanceof ArchiveError ? 'rejected' : 'failed', message });
      port.close?.();
      return;
    }
    const images = prepared.images.map((img) => ({
      ...img,
      layers: img.layers.map((l) => (send(l), sent.get(l)!)),
    }));
    port.postMessage({ type: 'done', prepared: { format: prepared.format, images } });
    // The worker ends itself, on its own thread: the page's terminate() tears a worker down on the
    // main thread, which took most of a second after a large image.
    port.close?.();
  };
  port.onmessage = (e) => {
    const m = e.data;
    if (m.type === 'start') void run(m.file);
    else {
      const w = waiting;
      waiting = null;
      w?.(m.bytes);
    }
  };
}
