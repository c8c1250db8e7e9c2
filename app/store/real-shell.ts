import { addHostFile, prepareHostFile } from '../shell/host-files.ts';
import { createSession, promptOf, runLine } from '../shell/session.ts';
import type { ShellApi } from './shell-api.ts';

/** The real shell (app/shell), which the page runs. */
export const realShell: ShellApi = { createSession, runLine, promptOf, addHostFile, prepareHostFile };
