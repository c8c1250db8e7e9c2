import type { Completion } from '../../shell/completion.ts';
import type { Session } from '../../shell/session-api.ts';

export type Complete = (session: Session, line: string, cursor: number) => Completion;

// Completion reads the registry and the engine, which come in the shell's own chunk (the page shows
// before they arrive): fetch it on demand rather than importing it into the page's first bundle.
let loaded: Complete | null = null;
let loading: Promise<Complete> | null = null;

/** Tab before the code is here gets nothing, rather than waiting or failing. */
const nothing: Complete = (_session, line, cursor) => ({ line, cursor, candidates: [] });

export function loadCompletion(): Promise<Complete> {
  loading ??= import('../../shell/completion.ts').then(
    (m) => (loaded = m.complete),
    () => {
      loading = null; // try again on the next Tab
      return nothing;
    },
  );
  return loading;
}

/** The completion function if it has arrived, so Tab can answer in the same keystroke. */
export const completionIfLoaded = (): Complete | null => loaded;
