// Builds the renderer (React) into dist/renderer with relative paths, so it loads from the
// Electron shell's app:// protocol and from any static server alike.
import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { type Plugin, defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const PUBLIC_DIR = new URL('./renderer/public/', import.meta.url);

/**
 * Emits the offline shell's service worker (renderer/platform/offline-shell-worker.js) with the list of
 * files this build made, so it keeps exactly them at install; the version is a hash of their contents
 * and of the worker's own code, so every build that changes either installs a new worker under a new
 * cache name (a worker installing never remakes the cache of one that runs).
 */
function offlineShell(): Plugin {
  return {
    name: 'css-console-offline-shell',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.values(bundle).filter((file) => !file.fileName.endsWith('.map'));
      const publicFiles = readdirSync(PUBLIC_DIR);
      const worker = readFileSync(new URL('./renderer/platform/offline-shell-worker.js', import.meta.url), 'utf8');
      const digest = createHash('sha256').update(worker);
      for (const file of files) digest.update(file.fileName).update(file.type === 'chunk' ? file.code : file.source);
      for (const name of publicFiles) digest.update(name).update(readFileSync(new URL(name, PUBLIC_DIR)));
      const shellFiles = {
        version: digest.digest('hex').slice(0, 16),
        hashed: files.flatMap((file) => (file.fileName.startsWith('assets/') ? [`./${file.fileName}`] : [])),
        other: publicFiles.map((name) => `./${name}`),
      };
      this.emitFile({
        type: 'asset',
        fileName: 'offline-shell.js',
        source: `const SHELL_FILES = ${JSON.stringify(shellFiles)};\n${worker}`,
      });
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), offlineShell()],
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(version) },
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1' },
});
