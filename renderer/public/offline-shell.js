// The service worker that lets the console reload without a network in a plain browser (the Electron
// shell serves it from app:// instead). It keeps the console's own files — never API calls — and
// answers from the network first, from the last copy it kept when the network is down.
const CACHE = 'css-console-shell-v1';

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

// The page sends the files it was loaded with: they were fetched before this worker took control.
self.addEventListener('message', (event) => {
  const urls = event.data?.keep;
  if (!Array.isArray(urls)) return;
  const sameOrigin = urls.filter((url) => typeof url === 'string' && new URL(url).origin === self.location.origin);
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(sameOrigin)));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      })
      .catch(async () => {
        const cache = await caches.open(CACHE);
        // The page's own copies were kept without an Origin header: ignore Vary to find them.
        const options = { ignoreVary: true };
        const kept =
          (await cache.match(request, options)) ??
          (request.mode === 'navigate' ? await cache.match('./', options) : undefined);
        return kept ?? Response.error();
      }),
  );
});
