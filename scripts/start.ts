/**
 * `npm start`: the reference server with demo data, and the console pointed at it — in the Electron
 * shell when its binary is installed, otherwise (say, behind a firewall that blocked the download)
 * in the browser. `--web` goes straight to the browser; `--dev` serves the renderer with Vite's
 * hot reload instead of the built files.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { createServer, preview } from 'vite';
import { DEFAULT_SERVER_PORT } from '../shared/api';
import { startServer } from '../server/main';

const { values: flags } = parseArgs({ options: { web: { type: 'boolean' }, dev: { type: 'boolean' } } });

/** The Electron executable, or null when its binary was never downloaded. */
function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Serves the console to a browser: the built files, or Vite's dev server in --dev. */
async function serveRenderer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server =
    flags.dev === true
      ? await createServer({ server: { open: false } }).then((s) => s.listen())
      : await preview({ preview: { port: 4318, strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('the console server did not report its address');
  return { url, close: () => server.close() };
}

function openInBrowser(url: string): void {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  spawn(opener, [url], { stdio: 'ignore', detached: true })
    .on('error', () => console.log(`Open ${url} in your browser.`))
    .unref();
}

const electron = flags.web === true ? null : electronBinary();
if (flags.web !== true && electron === null) {
  console.log(
    'The Electron binary is not installed (its download is blocked on this machine, or ELECTRON_SKIP_BINARY_DOWNLOAD was set), ' +
      'so the console opens in your browser instead.',
  );
}

// Served first: the server allows the console's origin, and only that, to call it from a browser.
const renderer = electron === null || flags.dev === true ? await serveRenderer() : null;
const portal = await startServer({
  port: DEFAULT_SERVER_PORT,
  dataDir: '.data/server',
  demo: true,
  consoleOrigins: renderer === null ? [] : [new URL(renderer.url).origin],
});
console.log(`Reference server with demo data: ${portal.url} (sign in as giulia.rossi@css.example / demo1234)`);
const closers: (() => Promise<void>)[] = [() => portal.close()];
if (renderer !== null) closers.push(renderer.close);
const shutdown = () => void Promise.all(closers.map((close) => close())).then(() => process.exit(0));
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);

if (electron !== null) {
  const env = { ...process.env };
  if (renderer !== null) env.CSS_CONSOLE_DEV_URL = renderer.url.replace(/\/$/, '');
  const shell = spawn(electron, ['.'], { stdio: 'inherit', env });
  shell.on('exit', shutdown);
} else if (renderer !== null) {
  console.log(`CSS Engineer Console: ${renderer.url} — press Ctrl+C to stop.`);
  openInBrowser(renderer.url);
}
