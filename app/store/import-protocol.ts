import type {
  ImportProgress,
  PreparedArchive,
  PreparedImage,
  PreparedLayer,
} from '../engine/archive/prepare.ts';

// The messages between the page and the import worker (import-worker.ts). The worker pulls the
// archive one chunk at a time ('more'), so neither side queues a second copy of the file; the
// prepared archive comes back with its layer tars transferred, not copied.

export type ToWorker =
  /** Begin; a File (a Blob on disk) the worker reads itself, or none: it pulls pieces with 'more'. */
  | { readonly type: 'start'; readonly file?: Blob }
  /** The next chunk of the archive, or null at its end. */
  | { readonly type: 'chunk'; readonly bytes: Uint8Array | null };

export type FromWorker =
  | { readonly type: 'more' }
  | { readonly type: 'progress'; readonly progress: ImportProgress }
  /** A layer, as soon as it is read, its tar moved (not copied): its tree is unpacked on its own. */
  | { readonly type: 'layer'; readonly index: number; readonly layer: PreparedLayer }
  /** The verified archive, its layers named by the index they were sent under. */
  | { readonly type: 'done'; readonly prepared: SentArchive }
  /** The archive is bad (an ArchiveError): `docker load` prints this. */
  | { readonly type: 'rejected'; readonly message: string }
  /** Anything else: a bug in the importer. */
  | { readonly type: 'failed'; readonly message: string };

/** A prepared archive whose layers went ahead in 'layer' messages. */
export interface SentArchive {
  readonly format: PreparedArchive['format'];
  readonly images: readonly (Omit<PreparedImage, 'layers'> & { readonly layers: readonly number[] })[];
}

/** Either end of the channel: a Worker, the worker's global scope, or a pair of fakes in tests. */
export interface Port<In, Out> {
  postMessage(message: Out, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<In>) => void) | null;
  /** The worker's own end: it closes itself once its answer is sent. */
  close?(): void;
}
