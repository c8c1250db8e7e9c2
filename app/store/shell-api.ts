import type { CatalogSource } from '../engine/catalog/catalog.ts';
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
}
