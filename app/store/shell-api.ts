import type { CatalogSource } from '../engine/catalog/catalog.ts';
import type { PrepareOptions } from '../engine/archive/prepare.ts';
import type { LineResult, Session } from '../shell/session-api.ts';

/**
 * The three shell functions the store needs. The store is given them rather than importing the
 * shell, so its own behaviour (transcript caps, history, focus) is tested with a scripted shell.
 */
export interface ShellApi {
  /** A new machine; with a catalog, the `pulled` catalog images are present as if pulled. */
  createSession(opts?: { readonly catalog?: CatalogSource; readonly pulled?: readonly string[] }): Session;
  runLine(session: Session, line: string): LineResult;
  promptOf(session: Session): string;
  /** Put an archive's bytes on the host (app/shell/host-files.ts); absent in scripted shells. */
  addHostFile?(session: Session, path: string, bytes: Uint8Array | Blob): Session;
  /** Read and verify the archive at `path` for `docker load` (LineResult.needsArchive). */
  prepareHostFile?(session: Session, path: string, opts?: PrepareOptions): Promise<Session>;
}

/**
 * A shell whose code comes later: the page loads the machine (app/shell and most of app/engine) with
 * a dynamic import, so the terminal and the panels show before it has arrived.
 */
export type ShellLoader = () => Promise<ShellApi>;

/** What the store is given: the shell itself, or how to load it. */
export type ShellSource = ShellApi | ShellLoader;
