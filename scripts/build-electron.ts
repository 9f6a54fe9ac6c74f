/** Bundles the Electron shell: main and preload to CommonJS in dist/electron, then checks each parses in Node. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist', 'electron');

const shared: BuildOptions = {
  bundle: true,
  format: 'cjs',
  // Provided by the Electron runtime; everything else, electron-store (ESM-only) included, is bundled.
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
};

const bundles: BuildOptions[] = [
  {
    ...shared,
    entryPoints: [path.join(root, 'electron', 'main', 'index.ts')],
    outfile: path.join(out, 'main.cjs'),
    platform: 'node',
    target: 'node22',
  },
  {
    ...shared,
    entryPoints: [path.join(root, 'electron', 'preload', 'index.ts')],
    outfile: path.join(out, 'preload.cjs'),
    // A sandboxed preload runs in the renderer's Chromium with a reduced `require`, and cannot be ESM.
    platform: 'browser',
    target: 'chrome146',
  },
];

for (const options of bundles) {
  await build(options);
  // A bundle esbuild wrote can still be invalid CommonJS (e.g. a leftover top-level await); catch it here, not at launch.
  execFileSync(process.execPath, ['--check', options.outfile!], { stdio: 'inherit' });
  console.log(`built ${path.relative(root, options.outfile!)}`);
}
