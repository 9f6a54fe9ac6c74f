/**
 * Renderer entry: reads the settings and reopens the saved session while the screens load, then draws
 * them. The screens (React, Fluent UI) are the larger part of the console's code: loaded after the
 * local database's code, the first screen's reads run while they arrive instead of after them.
 */
import { z } from 'zod';
import { settingsActions } from './data/stores/settings-store';
import { workspaceActions } from './data/workspace';
import { keepShellForOffline } from './platform/offline-shell';

// zod probes for `new Function` at start-up; the Content-Security-Policy forbids it, so say up front not to.
z.config({ jitless: true });

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
const started = Promise.allSettled([settingsActions.load(), workspaceActions.restore()]);
Promise.all([import('./app/mount'), started])
  .then(([{ mountConsole }]) => mountConsole(root))
  .catch((error: unknown) => {
    root.textContent = `The console could not start: its files could not be loaded (${String(error)}). Close it and open it again.`;
  });

void keepShellForOffline();
