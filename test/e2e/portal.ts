/**
 * What every end-to-end test stands on: the reference server with demo data on a free loopback
 * port (its real CLI, in a child process) and the built renderer served by Vite's preview server.
 * A spec that needs the server's time under control sets `portalStart`: the server then runs in the
 * test's process from that instant, and `advance` moves its clock. A spec that deploys a new build
 * while the console is open sets `consoleCopy`: the console is then served from a copy of the build,
 * at `consoleDir`, for the test to change.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { preview, type PreviewServer, resolveConfig } from 'vite';
import { API_PREFIX, LoginResponse, PullResponse, PushResponse, type Cursor } from '../../shared/api';
import type { Mutation } from '../../shared/mutations';
import type { Ticket, User } from '../../shared/domain';

export interface Portal {
  /** The reference server, e.g. http://127.0.0.1:41234 */
  apiUrl: string;
  /** The built console, served as static files. */
  appUrl: string;
  /** The folder the console's files are served from, as they are asked for. */
  consoleDir: string;
  /** Moves the server's clock forward; only a portal started at a fixed `portalStart` has a clock to move. */
  advance: (ms: number) => void;
}

interface RunningPortalServer {
  url: string;
  advance: (ms: number) => void;
  stop(): Promise<void>;
}

/** The servers a test stopped itself: their exit is expected. */
const stopping = new WeakSet<ChildProcess>();

function startServer(dataDir: string, consoleOrigin: string): Promise<{ process: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/main.ts',
      '--demo',
      '--port',
      '0',
      '--data',
      dataDir,
      '--console-origin',
      consoleOrigin,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (match !== null) resolve({ process: child, url: match[0] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      const ended = `the reference server exited (code ${code}, signal ${signal}):\n${output}`;
      // Once started, a test that finds the server gone needs its last words.
      if (stopping.has(child)) return;
      console.error(ended);
      reject(new Error(ended));
    });
  });
}

async function startCliServer(dataDir: string, consoleOrigin: string): Promise<RunningPortalServer> {
  const server = await startServer(dataDir, consoleOrigin);
  return {
    url: server.url,
    advance: () => {
      throw new Error('this portal runs on the real clock: set portalStart to move its clock');
    },
    stop: () => {
      stopping.add(server.process);
      server.process.kill('SIGTERM');
      return Promise.resolve();
    },
  };
}

/** The same server in this process, its clock starting at `start` and running on from there. */
async function startClockedServer(dataDir: string, consoleOrigin: string, start: Date): Promise<RunningPortalServer> {
  // Imported here, so specs on the real clock never load the server (and its native SQLite) in-process.
  const { startServer: startPortal } = await import('../../server/main');
  const startedAt = Date.now();
  let moved = 0;
  const server = await startPortal({
    port: 0,
    dataDir,
    demo: true,
    consoleOrigins: [consoleOrigin],
    clock: () => new Date(start.getTime() + (Date.now() - startedAt) + moved),
  });
  return {
    url: server.url,
    advance: (ms) => {
      moved += ms;
    },
    stop: () => server.close(),
  };
}

/** A copy of the built console (from where vite.config.ts builds it) in `into`, for a test to change. */
async function copyOfBuiltConsole(into: string): Promise<string> {
  const config = await resolveConfig({ logLevel: 'warn' }, 'serve', 'production', 'production', true);
  await cp(resolve(config.root, config.build.outDir), into, { recursive: true });
  return into;
}

export const test = base.extend<{ portal: Portal; portalStart: Date | null; consoleCopy: boolean }>({
  portalStart: [null, { option: true }],
  consoleCopy: [false, { option: true }],
  portal: async ({ portalStart, consoleCopy }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'css-console-e2e-'));
    const copy = consoleCopy ? await copyOfBuiltConsole(join(dataDir, 'console')) : null;
    // The console first: the server allows its origin, and only that, to call it.
    const app: PreviewServer = await preview({
      logLevel: 'warn',
      ...(copy === null ? {} : { build: { outDir: copy } }),
      preview: { port: 0, strictPort: false, open: false },
    });
    const consoleDir = resolve(app.config.root, app.config.build.outDir);
    const appUrl = app.resolvedUrls?.local[0];
    if (appUrl === undefined) throw new Error('the console preview server did not report its address');
    const { origin } = new URL(appUrl);
    const server =
      portalStart === null
        ? await startCliServer(dataDir, origin)
        : await startClockedServer(dataDir, origin, portalStart);
    await use({ apiUrl: server.url, appUrl, consoleDir, advance: server.advance });
    await app.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** Signs in through the login screen, as a user would. */
export async function signIn(page: Page, portal: Portal, email: string, password = 'demo1234'): Promise<void> {
  await page.goto(portal.appUrl);
  await page.getByLabel('Server').fill(portal.apiUrl);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signed in once the first sync has brought the user's tickets: the status bar then says when.
  await expect(page.getByText(/^Last synced /)).toBeVisible();
}

async function apiSignIn(portal: Portal, email: string, password: string): Promise<LoginResponse> {
  const login = await fetch(`${portal.apiUrl}${API_PREFIX}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return LoginResponse.parse(await login.json());
}

/** The user and every ticket the server has in their scope, read straight from its API. */
export async function serverScope(
  portal: Portal,
  email: string,
  password = 'demo1234',
): Promise<{ user: User; tickets: Ticket[] }> {
  const { token, user } = await apiSignIn(portal, email, password);
  const tickets: Ticket[] = [];
  let cursor: Cursor = '0';
  for (;;) {
    const response = await fetch(`${portal.apiUrl}${API_PREFIX}/sync/pull?cursor=${cursor}&limit=1000`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = PullResponse.parse(await response.json());
    tickets.push(...page.tickets);
    cursor = page.cursor;
    if (!page.hasMore) return { user, tickets };
  }
}

/** Another user's changes, pushed straight to the server as their console would. */
export async function pushAs(portal: Portal, email: string, mutations: Mutation[]): Promise<PushResponse> {
  const { token } = await apiSignIn(portal, email, 'demo1234');
  const response = await fetch(`${portal.apiUrl}${API_PREFIX}/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ clientId: randomUUID(), mutations }),
  });
  return PushResponse.parse(await response.json());
}
