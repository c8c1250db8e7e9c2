import type { SessionData } from './session-data.ts';
import { checkSessionData, LIMITS, toJson } from './session-data.ts';

/**
 * The session autosaved in the browser (localStorage), so a reload brings it back. The value is JSON
 * with a format version `v`; a value that cannot be read is never deleted: it is moved to
 * CORRUPT_KEY, so whatever was there can still be recovered by hand.
 */
export const SAVED_KEY = 'layerlab.session';
export const CORRUPT_KEY = 'layerlab.session.unreadable';
/** The saved session from before a link or an imported file replaced it. */
export const PREVIOUS_KEY = 'layerlab.session.previous';
export const SAVED_VERSION = 1;

/** The part of the Storage API used here (tests pass a Map-backed one). */
export type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type SavedResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly data: SessionData }
  | { readonly kind: 'corrupt'; readonly detail: string };

export function serialize(data: SessionData): string {
  return JSON.stringify({ v: SAVED_VERSION, ...toJson(data) });
}

/** Parse a saved value; one decoder per version, as for links. */
export function parseSaved(raw: string): { ok: true; data: SessionData } | { ok: false; error: string } {
  if (raw.length > LIMITS.jsonBytes) return { ok: false, error: 'too large' };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  const v = typeof json === 'object' && json !== null ? (json as Record<string, unknown>)['v'] : undefined;
  if (v !== 1)
    return { ok: false, error: `unknown format version ${JSON.stringify(v ?? null).slice(0, 20)}` };
  const r = checkSessionData(json);
  return r.ok ? { ok: true, data: r.value } : { ok: false, error: r.error };
}

/** Read the saved session; an unreadable one is moved aside (not lost) and reported. */
export function loadSaved(store: KeyValue): SavedResult {
  let raw: string | null;
  try {
    raw = store.getItem(SAVED_KEY);
  } catch {
    return { kind: 'none' }; // storage disabled (a private window, a sandboxed iframe)
  }
  if (raw === null) return { kind: 'none' };
  const r = parseSaved(raw);
  if (r.ok) return { kind: 'ok', data: r.data };
  try {
    store.setItem(CORRUPT_KEY, raw);
    store.removeItem(SAVED_KEY);
  } catch {
    // Full or disabled: leave the value where it is; it is still not lost.
  }
  return { kind: 'corrupt', detail: r.error };
}

/** Save the session; false when the browser refused (full, or storage disabled). */
export function save(store: KeyValue, data: SessionData): boolean {
  try {
    store.setItem(SAVED_KEY, serialize(data));
    return true;
  } catch {
    return false;
  }
}

/** Before a link or a file replaces the saved session, keep the old one under PREVIOUS_KEY. */
export function keepPrevious(store: KeyValue): void {
  try {
    const raw = store.getItem(SAVED_KEY);
    if (raw !== null) store.setItem(PREVIOUS_KEY, raw);
  } catch {
    // Storage disabled: nothing was saved to keep.
  }
}

/** Calls `fn` once things have been quiet for `ms` (each call pushes it back); `flush` runs it now. */
export function debounce(fn: () => void, ms: number): { (): void; flush(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const call = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn();
    }, ms);
  };
  call.flush = () => {
    if (timer === null) return;
    clearTimeout(timer);
    timer = null;
    fn();
  };
  return call;
}
