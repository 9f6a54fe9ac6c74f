// The service worker that lets the console start fast and reload without a network in a plain browser
// (the Electron shell serves it from app:// instead). The build prepends SHELL_FILES, every file the
// console was built with, so each build is a new worker that keeps exactly its own files. Kept at
// install, the scripts are compiled at a start and Chromium keeps their code beside them: from the
// third start of a build, a start runs them from the cache without fetching or compiling them. Hashed
// files never change, so they are answered from the cache; the page itself comes from the network
// first, so a new build is found, and from the cache when the network is down. API calls are never
// touched. A console left open while a new build takes over still loads what it had not loaded yet (a
// view opened for the first time, a worker) from its own build's files, kept until the build after.
const CACHE = `css-console-shell-${SHELL_FILES.version}`;
const ASSETS = `${new URL(self.registration.scope).pathname}assets/`;

// URLPattern's own syntax characters, taken literally in the scope's path.
const literal = (text) => text.replace(/[:*?+(){}\\]/g, '\\$&');

/**
 * A file as the server answers it, less its Vary header: a server that varies on Origin (Vite's does)
 * would make every lookup of a module miss, as the page asks for modules with an Origin header and the
 * install did not. A hashed file is kept as what it is, immutable: Chromium runs a kept script from the
 * code it compiled at an earlier start only when the script's response does not ask to be revalidated,
 * and Vite's server answers every file `no-cache` (each start compiled 1.2 MB of scripts again, about
 * 200 ms of a start at 20,000 tickets on 2 cores).
 */
async function fetchToKeep(path, hashed) {
  const response = await fetch(path, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${path} was answered ${response.status}`);
  const headers = new Headers(response.headers);
  headers.delete('vary');
  if (hashed) headers.set('cache-control', 'max-age=31536000, immutable');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * Every file of the build, kept only once all were fetched: a half-kept build would not start offline.
 * Its cache is made anew, so the newest cache is always the build installed last (a build put back on
 * the server after another keeps its old cache otherwise), and it goes again when keeping fails midway.
 * No running worker uses it meanwhile: the version names the worker's code too (vite.config.ts), so a
 * worker of this version installs only where none runs.
 */
async function keepShell() {
  const paths = ['./', ...SHELL_FILES.hashed, ...SHELL_FILES.other];
  const hashed = new Set(SHELL_FILES.hashed);
  const responses = await Promise.all(paths.map((path) => fetchToKeep(path, hashed.has(path))));
  await caches.delete(CACHE);
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(paths.map((path, index) => cache.put(path, responses[index])));
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

self.addEventListener('install', (event) => {
  // Where the browser can (Chromium 123 and later), it answers the hashed files from the cache itself,
  // without waiting for this worker to run their fetch event: a start asks for over 1 MB of them at once.
  // Without it, the fetch event below answers them from the same caches. Any build's kept copy will do:
  // a hashed file's name changes with its contents.
  event
    .addRoutes?.({ condition: { urlPattern: { pathname: `${literal(ASSETS)}*` } }, source: 'cache' })
    .catch((error) => console.warn(`the console's files are answered by its service worker (${String(error)})`));
  event.waitUntil(keepShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    // The page's request goes out while the browser starts this worker, not once it has started: at a
    // morning start the worker is not running (the browser stops it when idle).
    (self.registration.navigationPreload?.enable() ?? Promise.resolve())
      .then(() => caches.keys())
      .then((names) => Promise.all(olderBuilds(names).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

/**
 * The caches of builds before the one before this: a page of that one may still be open, and load files of
 * its own later. Cache names are listed in the order they were made, and each build's is made at its
 * install (keepShell), so the newest but this one's is the build installed before it.
 */
function olderBuilds(names) {
  return names.filter((name) => name !== CACHE).slice(0, -1);
}

// A page kept from the network may vary on Origin, which its navigations do not send: ignore Vary to find it.
const kept = (request) => caches.open(CACHE).then((cache) => cache.match(request, { ignoreVary: true }));
/** A hashed file, from whichever build kept it. */
const keptFile = (request) => caches.match(request, { ignoreVary: true });

/** `preloaded`: the navigation's preload (see activate), undefined when there is none. */
async function networkFirst(request, preloaded) {
  try {
    const response = (await preloaded) ?? (await fetch(request));
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
    new URL(request.url).pathname.startsWith(ASSETS)
      ? keptFile(request).then((response) => response ?? networkFirst(request))
      : networkFirst(request, request.mode === 'navigate' ? event.preloadResponse : undefined),
  );
});
