/**
 * What the bench stands on: the reference server on a seeded database, and the built console served
 * by Vite's preview server, both on free loopback ports.
 */
import { type BrowserContext, chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../test/support/chromium';
import { API_PREFIX, LoginResponse } from '../shared/api';
import { DEMO_PASSWORD } from '../server/demo/organisations';
import { LEAD } from './scale-data';

export interface Service {
  url: string;
  close(): Promise<void>;
}

/**
 * The server's own CLI (server/main.ts → startServer) in a child process, as the end-to-end tests run
 * it: in the bench's process it would share one event loop with Playwright's traffic and the bench's
 * polling, and each would slow the other down.
 */
export function startPortal(dataDir: string, consoleUrl: string): Promise<Service> {
  // The server answers only the console's own origins: the preview server's is one.
  const consoleOrigin = new URL(consoleUrl).origin;
  const args = ['server/main.ts', '--port', '0', '--data', dataDir, '--console-origin', consoleOrigin];
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    // Kept until the address shows, for the error if it never does; read (and dropped) afterwards.
    let output: string | null = '';
    const onData = (chunk: Buffer) => {
      if (output === null) return;
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (match === null) return;
      output = null;
      resolve({ url: match[0], close });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the reference server exited with ${code}:\n${output ?? ''}`)));
  });
}

/** A page that paints one word and loads nothing: the floor for "first row" on this machine. */
export const BLANK_PAGE = 'bench-blank.html';

/**
 * Builds the console into `outDir` (a temporary folder, not dist/renderer, which the end-to-end tests
 * of other engineers build into at the same time) and serves it with Vite's preview server.
 */
export async function serveConsole(outDir: string): Promise<Service> {
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  // An empty icon, or the browser asks for /favicon.ico and logs a 404.
  await writeFile(
    join(outDir, BLANK_PAGE),
    '<!doctype html><title>blank</title><link rel="icon" href="data:,"><p>blank</p>\n',
  );
  const server = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) {
    await server.close();
    throw new Error('the console preview server did not report its address');
  }
  return { url, close: () => server.close() };
}

/** Signs the lead in over the API: the bench's own token, for the baselines that call the server directly. */
export async function leadToken(apiUrl: string): Promise<string> {
  const response = await fetch(`${apiUrl}${API_PREFIX}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: LEAD.email, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`the lead's sign-in was refused (${response.status})`);
  return LoginResponse.parse(await response.json()).token;
}

export interface ChromiumOnDisk {
  /** The profile's context: its IndexedDB, caches and service worker are files in the profile. */
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Chromium with a fresh profile on disk, as the desktop console keeps its local copy. Playwright's
 * other contexts are off the record: their IndexedDB lives in memory, where the local copy is read and
 * written faster than from disk (at 50,000 tickets, a first row that waited for the queue rows to be
 * counted through an index came about 1.6 times later from disk).
 */
export async function launchChromiumOnDisk(): Promise<ChromiumOnDisk> {
  const profile = await mkdtemp(join(tmpdir(), 'css-console-bench-profile-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 900 },
    });
    return {
      context,
      close: async () => {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}
