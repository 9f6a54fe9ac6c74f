/** Renderer entry: mounts the console. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App, startConsole } from './app/App';
import { keepShellForOffline } from './platform/offline-shell';

// zod probes for `new Function` at start-up; the Content-Security-Policy forbids it, so say up front not to.
z.config({ jitless: true });

const started = startConsole();
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App started={started} />
  </StrictMode>,
);

void keepShellForOffline();
