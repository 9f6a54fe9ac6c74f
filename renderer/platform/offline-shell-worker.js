// The service worker that lets the console start fast and reload without a network in a plain browser
// (the Electron shell serves it from app:// instead). The build prepends SHELL_FILES, every file the
// console was built with, so each build is a new worker that keeps exactly its own files. Kept at
// install, the scripts are compiled once and Chromium keeps their code beside them: a start runs them
// from the cache without fetching or recompiling. Hashed files never change, so they are answered from
// the cache; the page itself comes from the network first, so a new build is found, and from the cache
// when the network is down. API calls are never touched.
const CACHE = `css-console-shell-${SHELL_FILES.version}`;
const HASHED = new Set(SHELL_FILES.hashed.map((path) => new URL(path, self.registration.scope).href));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(['./', ...SHELL_FILES.hashed, ...SHELL_FILES.other]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

// The page's own files were kept without an Origin header: ignore Vary to find them.
const kept = (request) => caches.open(CACHE).then((cache) => cache.match(request, { ignoreVary: true }));

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const copy = response.clone();
      void caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  } catch {
    const fallback = (await kept(request)) ?? (request.mode === 'navigate' ? await kept('./') : undefined);
    return fallback ?? Response.error();
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    HASHED.has(request.url)
      ? kept(request).then((response) => response ?? networkFirst(request))
      : networkFirst(request),
  );
});
