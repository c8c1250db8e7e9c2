import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store.ts';

/**
 * What the page tells the person about links, saved sessions and files (a banner with role="alert").
 * A notice is a code plus a plain-text detail; the view words it in the page's language
 * (app/views/share/messages.ts). Never HTML.
 */
export type NoticeCode =
  | 'linkTooLarge'
  | 'linkUnreadable'
  | 'linkInvalid'
  | 'linkUnknownVersion'
  | 'linkRestored'
  | 'savedCorrupt'
  | 'savedRestored'
  | 'importFailed'
  | 'importOwnImages'
  | 'copied'
  | 'copyFailed';

export interface Notice {
  readonly id: number;
  readonly code: NoticeCode;
  readonly detail: string;
  /** Errors are announced at once (role="alert"); the rest are news (role="status"). */
  readonly error: boolean;
}

export interface ShareSlice {
  readonly notices: readonly Notice[];
  notify(code: NoticeCode, detail?: string, error?: boolean): void;
  dismissNotice(id: number): void;
}

/** A few at most: the same message many times over says nothing more. */
const MAX_NOTICES = 3;

export const createShareSlice: StateCreator<AppState, [], [], ShareSlice> = (set, get) => {
  let nextId = 1;
  return {
    notices: [],
    notify(code, detail = '', error = false) {
      const notice: Notice = { id: nextId++, code, detail: detail.slice(0, 300), error };
      set({ notices: [...get().notices.filter((n) => n.code !== code), notice].slice(-MAX_NOTICES) });
    },
    dismissNotice(id) {
      set({ notices: get().notices.filter((n) => n.id !== id) });
    },
  };
};
