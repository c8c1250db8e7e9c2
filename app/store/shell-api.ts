import type { LineResult, Session } from '../shell/session-api.ts';

/**
 * The three shell functions the store needs. The store is given them rather than importing the
 * shell, so its own behaviour (transcript caps, history, focus) is tested with a scripted shell.
 */
export interface ShellApi {
  createSession(): Session;
  runLine(session: Session, line: string): LineResult;
  promptOf(session: Session): string;
}
