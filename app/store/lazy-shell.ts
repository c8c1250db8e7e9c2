import { emptyWorld } from '../engine/docker/world.ts';
import { layerId } from '../engine/ids.ts';
import { emptyLayer } from '../engine/layer.ts';
import { normalize } from '../engine/path.ts';
import type { Language } from '../i18n/i18n.ts';
import { translator } from '../i18n/i18n.ts';
import type { Session } from '../shell/session-api.ts';
import { storeMessages } from './messages.ts';
import type { ShellApi } from './shell-api.ts';

/**
 * The machine shown while its code is loading: no images, no containers, the host shell at `$`.
 * Nothing runs on it; lines typed meanwhile wait for the real shell.
 */
export function waitingSession(): Session {
  return {
    world: emptyWorld(),
    host: emptyLayer(layerId('host'), 0),
    frames: [
      {
        where: 'host',
        shellName: 'bash',
        cwd: normalize('/root'),
        env: new Map(),
        lastStatus: 0,
        onExit: 'none',
        history: [],
      },
    ],
  };
}

/**
 * Stands in for a shell whose code could not be loaded (offline, a deploy replaced the files): every
 * line says so, in the page's language of the moment, rather than waiting for ever.
 */
export function unloadedShell(reason: string, language: () => Language = () => 'en'): ShellApi {
  return {
    createSession: waitingSession,
    promptOf: () => '$ ',
    runLine: (session) => {
      const text = `${translator(storeMessages, language())('shellNotLoaded', { reason })}\n`;
      return { session, output: [{ stream: 'stderr', text }], exitCode: 70, events: [] };
    },
  };
}

/** The page's shell: app/shell in a chunk of its own, fetched as the page starts. */
export const loadRealShell = async (): Promise<ShellApi> => (await import('./real-shell.ts')).realShell;
