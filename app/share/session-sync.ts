import type { AppStore } from '../store/store.ts';
import type { NoticeCode } from '../store/share-slice.ts';
import { CommandLog } from './command-log.ts';
import { lessonOf, openLesson } from './lesson-hooks.ts';
import type { LinkError } from './link.ts';
import { decodeSession, encodeSession, withFragment } from './link.ts';
import type { KeyValue } from './saved.ts';
import { debounce, keepPrevious, loadSaved, save } from './saved.ts';
import type { SessionData } from './session-data.ts';

const LINK_NOTICE: Readonly<Record<LinkError, NoticeCode>> = {
  tooLarge: 'linkTooLarge',
  unreadable: 'linkUnreadable',
  invalid: 'linkInvalid',
  unknownVersion: 'linkUnknownVersion',
};

/** How long the page waits after a command before saving (a pasted script saves once). */
const SAVE_DELAY_MS = 400;

export interface Sharing {
  /** The session as a link or a save holds it. */
  current(): SessionData;
  /** The permalink of the session now. */
  link(): Promise<string>;
  /** Replace the session with another (an imported file): the old save is kept, the page reloads. */
  replaceWith(data: SessionData): void;
}

/** A fresh machine runs the lines again, in order (the store queues them until it is ready). */
function restore(store: AppStore, data: SessionData): void {
  const s = store.getState();
  // The link's own commands make the machine match its step: nothing is replayed, nothing reset.
  const replay = data.commands.length === 0;
  if (data.lesson !== undefined) openLesson(s, data.lesson, data.step ?? 0, { replay, machine: 'keep' });
  for (const line of data.commands) store.getState().run(line);
}

let sharing: Sharing | null = null;
/** The page's sharing, once started (the Share menu uses it). */
export const getSharing = (): Sharing | null => sharing;

/**
 * As the page loads: open the session of the URL's fragment if it holds one, else the one saved in
 * this browser; then save the session after each command. A link that cannot be opened, or a save
 * that cannot be read, is said in the banner and the page starts as usual — the saved work is never
 * dropped (a bad save is moved aside, and a link's session is saved only after keeping the old one).
 */
export async function startSharing(
  store: AppStore,
  opts: { readonly storage: KeyValue | null; readonly autosave: boolean },
  win: Window = window,
): Promise<Sharing> {
  const log = new CommandLog();
  const current = (): SessionData => ({ commands: log.lines(), ...lessonOf(store.getState()) });
  const storage = opts.autosave ? opts.storage : null;

  const link = await decodeSession(win.location.hash);
  let restored = false;
  if (link.kind === 'ok') {
    if (storage) keepPrevious(storage);
    restore(store, link.data);
    restored = true;
    store.getState().notify('linkRestored', String(link.data.commands.length));
    // From now on the session lives in the browser's save: a reload must not go back to the link.
    win.history.replaceState(win.history.state, '', withFragment(win.location.href, ''));
  } else if (link.kind === 'error') {
    store.getState().notify(LINK_NOTICE[link.error], link.detail, true);
  }
  if (!restored && storage) {
    const saved = loadSaved(storage);
    if (saved.kind === 'ok' && saved.data.commands.length + (saved.data.lesson ? 1 : 0) > 0) {
      restore(store, saved.data);
      store.getState().notify('savedRestored', String(saved.data.commands.length));
    } else if (saved.kind === 'corrupt') store.getState().notify('savedCorrupt', saved.detail, true);
  }

  if (storage) {
    const write = debounce(() => save(storage, current()), SAVE_DELAY_MS);
    let lastDone = store.getState().done;
    let lastLesson = JSON.stringify(lessonOf(store.getState()));
    let lastStart = store.getState().startedAs;
    store.subscribe((s) => {
      const lesson = JSON.stringify(lessonOf(s));
      if (s.startedAs !== lastStart) log.restart();
      lastStart = s.startedAs;
      if (s.done === lastDone && lesson === lastLesson) return;
      if (s.done !== lastDone) log.update(s.done);
      lastDone = s.done;
      lastLesson = lesson;
      write();
    });
    win.addEventListener('pagehide', () => write.flush());
  } else {
    let lastDone = store.getState().done;
    let lastStart = store.getState().startedAs;
    store.subscribe((s) => {
      if (s.startedAs !== lastStart) log.restart();
      lastStart = s.startedAs;
      if (s.done !== lastDone) log.update((lastDone = s.done));
    });
  }

  // A link pasted into the address bar of this very page changes only the fragment: open it.
  win.addEventListener('hashchange', () => {
    if (new URLSearchParams(win.location.hash.slice(1)).has('v')) win.location.reload();
  });

  sharing = {
    current,
    link: async () => withFragment(win.location.href, await encodeSession(current())),
    replaceWith(data) {
      void encodeSession(data).then((fragment) => {
        if (storage) keepPrevious(storage);
        // The fragment changes (hashchange, above, reloads): the page opens the session as a link.
        win.location.replace(withFragment(win.location.href, fragment));
      });
    },
  };
  return sharing;
}
