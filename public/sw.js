/* global self, caches */
/*
 * Layerlab's service worker: once the site has loaded, it keeps working offline.
 * - The page's own files (scripts, styles, icons, catalog files) are served from the cache first:
 *   the built assets have content-hashed names, so a cached one is never stale.
 * - Pages and the catalog's index go to the network first, and fall back to the cache offline, so
 *   an update of the site is picked up whenever the network is there.
 * Only this site's own URLs under the worker's scope are touched; nothing else is fetched or kept.
 * Bump VERSION when this file's caching changes: activation deletes the other versions' caches.
 */
const VERSION = 1;
const CACHE = `layerlab-v${VERSION}`;
const SCOPE = self.registration.scope;

const inScope = (url) => url.startsWith(SCOPE);
const networkFirst = (url, request) =>
  request.mode === 'navigate' || url.endsWith('/catalog/index.json') || url.endsWith('/sw.js');

// The page and the whole built-in catalog (under 2 MB): any catalog image can be pulled offline.
self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(async (cache) => {
        await cache.addAll(['./', './catalog/index.json']);
        const index = await (await cache.match('./catalog/index.json')).json();
        const files = (Array.isArray(index.images) ? index.images : [])
          .map((i) => i && i.file)
          .filter((f) => typeof f === 'string' && /^[\w.-]+\.json$/.test(f));
        await cache.addAll(files.map((f) => `./catalog/${f}`));
      })
      .catch(() => undefined) // offline use is a bonus: a failure here must not block the site
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('layerlab-') && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

// The page loaded its files before this worker was there: it sends their URLs to be kept.
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache' || !Array.isArray(data.urls)) return;
  const urls = data.urls
    .filter((u) => typeof u === 'string' && u.length < 2000)
    .map((u) => new URL(u, SCOPE))
    .filter((u) => u.origin === self.location.origin && inScope(u.href))
    .map((u) => u.href.split('#')[0]);
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        Promise.all(
          urls
            .slice(0, 200)
            .map((u) => cache.match(u).then((hit) => hit ?? cache.add(u).catch(() => undefined))),
        ),
      ),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = request.url.split('#')[0];
  if (new URL(url).origin !== self.location.origin || !inScope(url)) return;
  if (url.endsWith('/sw.js')) return;
  event.respondWith(networkFirst(url, request) ? fromNetwork(request) : fromCache(request));
});

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

async function fromNetwork(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') {
      // Every page of the site is the same index.html: keep it once, under the scope's root.
      await cache.put(request.mode === 'navigate' ? SCOPE : request, response.clone());
    }
    return response;
  } catch (err) {
    const hit = await cache.match(request.mode === 'navigate' ? SCOPE : request, { ignoreSearch: true });
    if (hit) return hit;
    throw err;
  }
}
