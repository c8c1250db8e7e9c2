/// <reference types="vite/client" />
import { startBridge } from '../embed/bridge.ts';
import type { PageOptions } from '../embed/options.ts';
import type { AppStore } from '../store/store.ts';
import { openLesson } from './lesson-hooks.ts';
import type { KeyValue } from './saved.ts';
import { startSharing } from './session-sync.ts';

/**
 * What the page does with its URL as it loads: the options of the query (theme, language, speed,
 * autoplay, lesson), the session of the fragment or of the browser's save, and in an embed the
 * postMessage bridge to the parent page. An embed neither reads nor writes the full app's save: a
 * blog's readers each start from the lesson the author chose.
 */
export function boot(store: AppStore, opts: PageOptions): void {
  // embed.css sizes the page to its content (auto-height) under this mark.
  if (opts.embed) document.documentElement.dataset['embed'] = '1';
  const s = store.getState();
  if (opts.theme) s.setTheme(opts.theme);
  if (opts.lang) s.setLanguage(opts.lang);
  if (opts.speed !== undefined) s.setSpeed(opts.speed);
  if (opts.autoplay === false) holdNewSteps(store);
  // The page has just started: the machine is fresh, and a step is reached by running the steps before it.
  if (opts.lesson !== undefined)
    openLesson(s, opts.lesson, opts.step ?? 0, { replay: true, machine: 'keep' });
  void startSharing(store, { storage: browserStorage(), autosave: !opts.embed }).then(() => {
    if (opts.embed) startBridge(store, opts.parentOrigin);
  });
  registerServiceWorker();
}

/** autoplay=0: each command's animation waits at its first step until Play (or a `play` message). */
function holdNewSteps(store: AppStore): void {
  let steps = store.getState().player.steps;
  store.subscribe((s) => {
    if (s.player.steps === steps) return;
    steps = s.player.steps;
    if (s.player.playing) s.pause();
  });
}

/** localStorage, or null where the browser refuses it (storage blocked in a third-party frame). */
function browserStorage(): KeyValue | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The service worker (public/sw.js) keeps the site working offline once loaded. Production builds
 * only (the dev server's modules change all the time), and only over http(s); its URL is relative,
 * so it is this site's own, wherever the site is put.
 */
function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return;
  const url = new URL('sw.js', document.baseURI);
  if (url.origin !== location.origin) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register(url.href)
      .then(() => navigator.serviceWorker.ready)
      .then((reg) => {
        // The files this page loaded before the worker was there, for it to keep (it checks them).
        const urls = performance.getEntriesByType('resource').map((e) => e.name);
        reg.active?.postMessage({ type: 'cache', urls: [location.href, ...urls] });
      })
      .catch(() => {
        // No worker (a private window, a blocked frame): the site works, only not offline.
      });
  });
}
