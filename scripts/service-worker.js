// Keeps this build's files so that the app opens and works with no network.
// Deals are in IndexedDB, which an update never touches.
const CACHE = 'winloss-__BUILD__';
const FILES = __FILES__;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('winloss-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // Every page of the app (a path without a file extension, such as
  // /dashboard) is the same document; the router picks the view. Other
  // documents on the same host are not the app's to answer.
  const appPage = request.mode === 'navigate' && !/\.[a-z0-9]+$/i.test(new URL(request.url).pathname);
  const key = appPage ? '/' : request;
  event.respondWith(caches.open(CACHE).then(async (cache) => (await cache.match(key)) ?? fetch(request)));
});
