// The command line and startServer: argument mistakes, a real listener on 127.0.0.1, a database kept across restarts.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { API_PREFIX, DEFAULT_SERVER_PORT } from '../../../shared/api';
import { LoginResponse } from '../../../shared/api/auth';
import { PullResponse } from '../../../shared/api/sync';
import { openDatabase } from '../../../server/db';
import { DATABASE_FILE, DEFAULT_DATA_DIR, parseCliArgs, startServer } from '../../../server/main';
import { TEST_ENGINE, newPostgresDatabase } from '../../support/test-database';
import { NOW, damageMiddlePage, giulia, writeSeededDatabase } from './fixtures';

const ROOT = join(import.meta.dirname, '../../..');

/** Runs the server's command line to its end: its exit code and what it wrote to stderr. */
async function runCli(args: string[]) {
  const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
    cwd: ROOT,
    // A server that started instead of refusing is stopped, and the test fails on its exit code.
    timeout: 30_000,
  });
  return (await run.then(
    () => null,
    (error: unknown) => error,
  )) as { code: number; stderr: string } | null;
}

describe('parseCliArgs', () => {
  it('defaults to port 4317, .data/server, no demo', () => {
    expect(parseCliArgs([])).toEqual({
      ok: true,
      options: { port: DEFAULT_SERVER_PORT, dataDir: DEFAULT_DATA_DIR, demo: false },
    });
    expect(DEFAULT_DATA_DIR).toBe(join('.data', 'server'));
  });

  it('reads --demo, --port and --data', () => {
    expect(parseCliArgs(['--demo', '--port', '0', '--data', '/tmp/portal'])).toEqual({
      ok: true,
      options: { port: 0, dataDir: '/tmp/portal', demo: true },
    });
    expect(parseCliArgs(['--port=8080'])).toMatchObject({ ok: true, options: { port: 8080 } });
    expect(parseCliArgs(['--help'])).toEqual({ ok: true, help: true });
  });

  it.each([
    [['--port', 'abc'], /--port must be a whole number/],
    [['--port', '65536'], /--port must be a whole number/],
    [['--port', '1.5'], /--port must be a whole number/],
    [['--port'], /argument missing/],
    [['--data', ''], /--data needs a directory/],
    [['--verbose'], /Unknown option '--verbose'/],
    [['demo'], /Unexpected argument 'demo'/],
    [['--public-url', 'support.example.com'], /--public-url must be an http:\/\/ or https:\/\/ address/],
    [['--public-url', 'ftp://support.example.com'], /--public-url must be an http:\/\/ or https:\/\/ address/],
    [['--public-url', 'https://support.example.com/?x=1'], /--public-url must be an http:\/\/ or https:\/\/ address/],
    [['--console-origin', 'null'], /--console-origin must be an origin/],
    [['--console-origin', '*'], /--console-origin must be an origin/],
    [['--console-origin', 'https://console.example.com/app'], /--console-origin must be an origin/],
    [['--console-origin', 'file:///tmp/console'], /--console-origin must be an origin/],
  ])('refuses %j with a clear message', (args, message) => {
    const parsed = parseCliArgs(args);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });

  const postgresUrl = 'postgres://portal:s3cret@db.example.com:5432/portal';

  it('reads --database, or PORTAL_DATABASE_URL when it is not given', () => {
    expect(parseCliArgs(['--database', postgresUrl])).toEqual({
      ok: true,
      options: { port: DEFAULT_SERVER_PORT, dataDir: DEFAULT_DATA_DIR, databaseUrl: postgresUrl, demo: false },
    });
    expect(parseCliArgs([], { PORTAL_DATABASE_URL: postgresUrl })).toMatchObject({
      options: { databaseUrl: postgresUrl },
    });
    const other = 'postgresql://portal@127.0.0.1/other';
    expect(parseCliArgs(['--database', other], { PORTAL_DATABASE_URL: postgresUrl })).toMatchObject({
      options: { databaseUrl: other },
    });
  });

  it('refuses a --database that is not a PostgreSQL URL, or beside --data, without showing the password', () => {
    const refusal = (args: string[]) => {
      const parsed = parseCliArgs(args);
      return parsed.ok ? null : parsed.message;
    };
    expect(refusal(['--database', 'mysql://portal:s3cret@db.example.com/portal'])).toBe(
      '--database (or PORTAL_DATABASE_URL) must be a PostgreSQL URL such as ' +
        'postgres://portal:password@db.example.com:5432/portal, not "mysql://portal:***@db.example.com/portal"',
    );
    expect(refusal(['--database', postgresUrl, '--data', '/tmp/portal'])).toMatch(/give one/);
  });

  it('reads --behind-proxy', () => {
    expect(parseCliArgs(['--behind-proxy'])).toMatchObject({ ok: true, options: { behindProxy: true } });
  });

  it('reads each --console-origin as the origin a browser sends', () => {
    expect(
      parseCliArgs(['--console-origin', 'https://console.example.com/', '--console-origin', 'http://localhost:4173']),
    ).toMatchObject({
      ok: true,
      options: { consoleOrigins: ['https://console.example.com', 'http://localhost:4173'] },
    });
  });

  it("reads --public-url, the portal's address as customers reach it, without a trailing slash", () => {
    expect(parseCliArgs(['--public-url', 'https://support.example.com/portal/'])).toMatchObject({
      ok: true,
      options: { publicUrl: 'https://support.example.com/portal' },
    });
  });

  it('exits with code 2 and the usage when run with a bad argument', async () => {
    const failure = await runCli(['--port', 'abc']);
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toMatch(/--port must be a whole number.*\n.*usage:/s);
  });
});

describe('startServer', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-'));
    dirs.push(dir);
    return join(dir, 'data');
  };

  async function signInOver(url: string) {
    const response = await fetch(`${url}${API_PREFIX}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: giulia.email, password: giulia.password }),
    });
    return LoginResponse.parse(await response.json()).token;
  }

  it('creates the data directory, seeds demo data and serves it on 127.0.0.1 on a free port', async () => {
    const dataDir = tempDir();
    const server = await startServer({ port: 0, dataDir, demo: true, clock: () => NOW });
    try {
      expect(server.port).toBeGreaterThan(0);
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
      expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(true);
      expect(server.demoNotSeeded).toBeNull();
      expect(await (await fetch(`${server.url}${API_PREFIX}/health`)).json()).toEqual({ ok: true });
      const token = await signInOver(server.url);
      const pull = await fetch(`${server.url}${API_PREFIX}/sync/pull`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(PullResponse.parse(await pull.json()).tickets.length).toBeGreaterThan(0);
      const intakeForm = await fetch(`${server.url}/intake`);
      expect(intakeForm.status).toBe(200);
      expect(await intakeForm.text()).toContain('Nuvola Digitale S.r.l.');
    } finally {
      await server.close();
    }
  });

  it("gives the team the listening address, or --public-url, as the portal's address for scheduling links", async () => {
    const dataDir = tempDir();
    const team = async (url: string) => {
      const response = await fetch(`${url}${API_PREFIX}/team`, {
        headers: { authorization: `Bearer ${await signInOver(url)}` },
      });
      return ((await response.json()) as { portalUrl: string | null }).portalUrl;
    };
    const listening = await startServer({ port: 0, dataDir, demo: true, clock: () => NOW });
    try {
      expect(await team(listening.url)).toBe(listening.url);
      expect(listening.demoSchedulingPaths.length).toBeGreaterThan(0);
      const page = await fetch(`${listening.url}${listening.demoSchedulingPaths[0]}`);
      expect(page.status).toBe(200);
    } finally {
      await listening.close();
    }
    const behindProxy = await startServer({
      port: 0,
      dataDir,
      demo: false,
      publicUrl: 'https://support.example.com',
      clock: () => NOW,
    });
    try {
      expect(await team(behindProxy.url)).toBe('https://support.example.com');
    } finally {
      await behindProxy.close();
    }
  });

  it('keeps the database across restarts and does not seed it twice', async () => {
    const dataDir = tempDir();
    const first = await startServer({ port: 0, dataDir, demo: true, clock: () => NOW });
    const token = await signInOver(first.url);
    await first.close();

    const second = await startServer({ port: 0, dataDir, demo: true, clock: () => NOW });
    try {
      const pull = await fetch(`${second.url}${API_PREFIX}/sync/pull?limit=1000`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(pull.status).toBe(200);
      const { cursor } = PullResponse.parse(await pull.json());
      expect(cursor).toBe('200');
    } finally {
      await second.close();
    }
  });

  it.each([
    ['a 0-byte file', (file: string) => Promise.resolve(writeFileSync(file, ''))],
    ['a database with its tables but no users', async (file: string) => (await openDatabase(file)).close()],
  ])('does not seed %s that existed before this start with --demo, and says why', async (_case, create) => {
    const dataDir = tempDir();
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, DATABASE_FILE);
    await create(file);

    const server = await startServer({ port: 0, dataDir, demo: true, clock: () => NOW });
    try {
      expect(server.demoNotSeeded).toContain(
        `demo data not seeded: ${file} existed before this start and has no users`,
      );
      expect(server.demoNotSeeded).toContain('restore it from a backup');
      const response = await fetch(`${server.url}${API_PREFIX}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: giulia.email, password: giulia.password }),
      });
      expect(response.status).toBe(401);
    } finally {
      await server.close();
    }
    const db = await openDatabase(file);
    expect([await db.directory.isEmpty(), await db.currentSeq()]).toEqual([true, 0]);
    await db.close();
  });

  it('refuses a damaged database from the command line with exit code 1, naming the file and what to do', async () => {
    const dataDir = tempDir();
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, DATABASE_FILE);
    await writeSeededDatabase(file);
    damageMiddlePage(file);

    const failure = await runCli(['--demo', '--port', '0', '--data', dataDir]);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(`error: the database ${file} is damaged (`);
    expect(failure?.stderr).toContain('restore the file from your latest backup');
  });

  it('says, from the command line, that PostgreSQL cannot be reached, with the password hidden', async () => {
    const failure = await runCli(['--port', '0', '--database', 'postgres://portal:s3cret@127.0.0.1:1/portal']);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(
      'error: cannot reach the PostgreSQL database postgres://portal:***@127.0.0.1:1/portal: nothing answers at ' +
        '127.0.0.1:1: start PostgreSQL there, or correct the host and port',
    );
    expect(failure?.stderr).not.toContain('s3cret');
  });

  // Only where the suite runs on PostgreSQL: SQLite's file belongs to one server.
  if (TEST_ENGINE === 'postgres') {
    it('starts two servers on one PostgreSQL database: migrated and seeded once, each serving the same data', async () => {
      const { url, drop } = await newPostgresDatabase();
      const [first, second] = await Promise.all([
        startServer({ port: 0, dataDir: tempDir(), databaseUrl: url, demo: true, clock: () => NOW }),
        startServer({ port: 0, dataDir: tempDir(), databaseUrl: url, demo: true, clock: () => NOW }),
      ]);
      try {
        const pulls = await Promise.all(
          [first, second].map(async (server) => {
            const token = await signInOver(server.url);
            const pull = await fetch(`${server.url}${API_PREFIX}/sync/pull?limit=2000`, {
              headers: { authorization: `Bearer ${token}` },
            });
            return PullResponse.parse(await pull.json()).tickets.map((ticket) => ticket.id);
          }),
        );
        expect(pulls[0]).toHaveLength(new Set(pulls[0]).size);
        expect(pulls[1]).toEqual(pulls[0]);
        expect([first.demoNotSeeded, second.demoNotSeeded]).toEqual([null, null]);
      } finally {
        await Promise.all([first.close(), second.close()]);
        await drop();
      }
    });
  }

  it('serves an empty portal without --demo', async () => {
    const server = await startServer({ port: 0, dataDir: tempDir(), demo: false });
    try {
      const response = await fetch(`${server.url}${API_PREFIX}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: giulia.email, password: giulia.password }),
      });
      expect(response.status).toBe(401);
    } finally {
      await server.close();
    }
  });
});
