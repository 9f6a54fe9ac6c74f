/** In a plain browser, registers the service worker that serves the console when the network is down. */
export async function keepShellForOffline(): Promise<void> {
  if (window.bridge !== undefined || !('serviceWorker' in navigator)) return;
  try {
    await navigator.serviceWorker.register('./offline-shell.js', { scope: './' });
    const ready = await navigator.serviceWorker.ready;
    const loadedWith = performance.getEntriesByType('resource').map((entry) => entry.name);
    ready.active?.postMessage({ keep: [location.href, ...loadedWith] });
  } catch (error) {
    console.warn(`the console will not reload offline: its service worker could not be registered (${String(error)})`);
  }
}
