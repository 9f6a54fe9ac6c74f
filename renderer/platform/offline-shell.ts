/**
 * In a plain browser, registers the service worker that keeps the console's files (the build emits it,
 * see vite.config.ts): starts run from those copies, and the console reloads when the network is down.
 * Vite's dev server serves files as they change, so nothing is kept there.
 */
export async function keepShellForOffline(): Promise<void> {
  if (window.bridge !== undefined || !('serviceWorker' in navigator) || import.meta.env.DEV) return;
  try {
    await navigator.serviceWorker.register('./offline-shell.js', { scope: './' });
  } catch (error) {
    console.warn(`the console will not reload offline: its service worker could not be registered (${String(error)})`);
  }
}
