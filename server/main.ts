/** Starts the reference portal: `npm run server -- --demo [--port N] [--data DIR | --database URL] [--public-url URL] [--console-origin O]`, or `startServer` in-process. */
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { API_PREFIX, DEFAULT_SERVER_PORT, DESKTOP_CONSOLE_ORIGIN } from '../shared/api';
import { type Clock, systemClock } from '../shared/domain/time';
import { buildServer } from './app';
import { type PortalDatabase, openDatabase, openPostgresDatabase } from './db';
import { CHAT_PAGE_PATH } from './intake/chat-routes';
import { INTAKE_FORM_PATH } from './intake/routes';
import { seedDemoData, demoUsers } from './seed';
import { withoutPassword } from './storage/postgres';

export const DEFAULT_DATA_DIR = join('.data', 'server');
export const DATABASE_FILE = 'portal.sqlite';

/** The portal only ever listens on loopback: it is a local reference server, not a deployment. */
const HOST = '127.0.0.1';

/** The environment variable naming the PostgreSQL database when --database does not. */
export const DATABASE_URL_VARIABLE = 'PORTAL_DATABASE_URL';

const USAGE = `usage: npm run server -- [--demo] [--port N] [--data DIR | --database URL] [--public-url URL] [--console-origin ORIGIN]... [--behind-proxy]
  --demo            seed demo teams, users and tickets into the database if this start creates it
                    (on PostgreSQL: if the database has no users yet)
  --port N          port to listen on, 0 for any free port (default ${DEFAULT_SERVER_PORT})
  --data DIR        directory of the SQLite database file ${DATABASE_FILE} (default ${DEFAULT_DATA_DIR})
  --database URL    the PostgreSQL database instead, such as postgres://portal:password@db.example.com:5432/portal,
                    which several server processes can share (default: $${DATABASE_URL_VARIABLE} when set)
  --public-url URL  the portal's address as customers reach it (behind a proxy), which the scheduling
                    links in replies start with (default: the address it listens on)
  --console-origin ORIGIN
                    an origin the console is served from in a browser, such as https://console.example.com,
                    allowed to call the API (CORS); repeat it for several. The desktop shell's
                    ${DESKTOP_CONSOLE_ORIGIN} is always allowed, no other origin is
  --behind-proxy    a reverse proxy on this machine forwards the requests (see the README, Behind TLS):
                    the caller's address is read from its X-Forwarded-For`;

export interface ServerOptions {
  port: number;
  dataDir: string;
  /** The PostgreSQL database to use instead of the file in dataDir. */
  databaseUrl?: string | null;
  demo: boolean;
  /** The address customers reach the portal at; null for the address it listens on. */
  publicUrl?: string | null;
  /** The origins the console is served from in a browser, besides the desktop shell's. */
  consoleOrigins?: string[];
  /** True when a reverse proxy on this machine forwards the requests. */
  behindProxy?: boolean;
}

export type CliParse = { ok: true; options: ServerOptions } | { ok: true; help: true } | { ok: false; message: string };

const cliOptions = {
  demo: { type: 'boolean', default: false },
  port: { type: 'string' },
  data: { type: 'string' },
  database: { type: 'string' },
  'public-url': { type: 'string' },
  'console-origin': { type: 'string', multiple: true },
  'behind-proxy': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Reads the command line and the environment; pure, so every mistake a user can make is unit-tested. */
export function parseCliArgs(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): CliParse {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: cliOptions, strict: true, allowPositionals: false });
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const {
    demo,
    port,
    data,
    database = env[DATABASE_URL_VARIABLE],
    help,
    'public-url': publicUrl,
    'console-origin': origins = [],
    'behind-proxy': behindProxy,
  } = parsed.values;
  if (help) return { ok: true, help: true };
  const portal = publicUrl === undefined ? null : portalAddress(publicUrl);
  const consoleOrigins = origins.map(consoleOrigin);
  if (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) > 65535)) {
    return { ok: false, message: `--port must be a whole number from 0 to 65535, not "${port}"` };
  }
  if (data !== undefined && data.trim() === '') return { ok: false, message: '--data needs a directory' };
  if (database !== undefined && data !== undefined) {
    return { ok: false, message: "--data is the SQLite file's folder and --database a PostgreSQL database: give one" };
  }
  if (database !== undefined && !isPostgresUrl(database)) {
    return {
      ok: false,
      message:
        `--database (or ${DATABASE_URL_VARIABLE}) must be a PostgreSQL URL such as ` +
        `postgres://portal:password@db.example.com:5432/portal, not "${withoutPassword(database)}"`,
    };
  }
  if (portal === '') {
    return {
      ok: false,
      message: `--public-url must be an http:// or https:// address such as https://support.example.com, not "${publicUrl}"`,
    };
  }
  const badOrigin = origins.find((_origin, index) => consoleOrigins[index] === '');
  if (badOrigin !== undefined) {
    return {
      ok: false,
      message: `--console-origin must be an origin (scheme, host and port, no path) such as https://console.example.com, not "${badOrigin}"`,
    };
  }
  return {
    ok: true,
    options: {
      port: port === undefined ? DEFAULT_SERVER_PORT : Number(port),
      dataDir: data ?? DEFAULT_DATA_DIR,
      ...(database === undefined ? {} : { databaseUrl: database }),
      demo,
      ...(portal === null ? {} : { publicUrl: portal }),
      ...(consoleOrigins.length === 0 ? {} : { consoleOrigins }),
      ...(behindProxy ? { behindProxy } : {}),
    },
  };
}

function isPostgresUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
}

/** An http(s) address without query, fragment or credentials, or null when `text` is not one. */
function httpAddress(text: string): URL | null {
  const url = URL.canParse(text) ? new URL(text) : null;
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') return null;
  return url;
}

/** The address without a trailing slash, or '' when it is not an http(s) address without query or fragment. */
function portalAddress(text: string): string {
  return httpAddress(text)?.href.replace(/\/+$/, '') ?? '';
}

/** The origin as a browser sends it (`https://console.example.com`), or '' when `text` has a path too. */
function consoleOrigin(text: string): string {
  const url = httpAddress(text);
  return url === null || url.pathname !== '/' ? '' : url.origin;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Why --demo left the database without users, for the operator; null when it did not. */
  demoNotSeeded: string | null;
  /** The customer's scheduling pages of the demo's open proposals, when this start seeded them. */
  demoSchedulingPaths: string[];
  close(): Promise<void>;
}

/** What the operator is told when --demo finds an existing database without users. */
function demoNotSeeded(file: string): string {
  return (
    `demo data not seeded: ${resolve(file)} existed before this start and has no users, and --demo seeds only ` +
    'a database it creates. If it should hold your data, restore it from a backup; to start over with demo ' +
    'data, stop the server, move the file (and its -wal and -shm files) away, and start again.'
  );
}

/** Where the server keeps its data, for the operator: the file, or the database URL without its password. */
export const databaseShown = ({ dataDir, databaseUrl }: Pick<ServerOptions, 'dataDir' | 'databaseUrl'>): string =>
  databaseUrl == null ? resolve(dataDir, DATABASE_FILE) : withoutPassword(databaseUrl);

/** The database file in `dataDir`, made if missing, and whether this start made it. */
async function openFile(dataDir: string): Promise<{ db: PortalDatabase; created: boolean }> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DATABASE_FILE);
  const created = !existsSync(file);
  return { db: await openDatabase(file), created };
}

/**
 * Opens (and creates) the database in `dataDir`, or the PostgreSQL database at `databaseUrl`, seeds it in
 * demo mode when this start created it (on PostgreSQL: when it has no users), and listens on 127.0.0.1.
 * Throws DamagedDatabaseError when the database file is damaged, and in words when PostgreSQL cannot be
 * reached.
 */
export async function startServer({
  port,
  dataDir,
  databaseUrl = null,
  demo,
  publicUrl = null,
  consoleOrigins = [],
  behindProxy = false,
  clock = systemClock,
}: ServerOptions & { clock?: Clock }): Promise<RunningServer> {
  const { db, created } =
    databaseUrl === null ? await openFile(dataDir) : { db: await openPostgresDatabase(databaseUrl), created: true };
  try {
    // An existing file without users (0 bytes, or tables and no users) may be one whose data was lost:
    // demo data written into it would hide that, so --demo seeds only a database this start created.
    const seeded = demo && created ? await seedDemoData(db, { clock }) : null;
    const notSeeded = demo && (await db.directory.isEmpty()) ? demoNotSeeded(join(dataDir, DATABASE_FILE)) : null;
    // The listening address is known once listening; scheduling links made before then are paths.
    let listeningUrl: string | null = null;
    const app = buildServer({ db, clock, portalUrl: () => publicUrl ?? listeningUrl, consoleOrigins, behindProxy });
    await app.listen({ host: HOST, port });
    const address = app.server.address();
    const boundPort = typeof address === 'object' && address !== null ? address.port : port;
    listeningUrl = `http://${HOST}:${boundPort}`;
    return {
      url: listeningUrl,
      port: boundPort,
      demoNotSeeded: notSeeded,
      demoSchedulingPaths: seeded?.schedulingPaths ?? [],
      close: async () => {
        await app.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

async function main(args: readonly string[]): Promise<void> {
  const parsed = parseCliArgs(args, process.env);
  if (!parsed.ok) {
    console.error(`error: ${parsed.message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if ('help' in parsed) {
    console.log(USAGE);
    return;
  }
  const { options } = parsed;
  const server = await startServer(options);
  console.log(`CSS ticketing portal listening on ${server.url}${API_PREFIX}`);
  const portal = options.publicUrl ?? server.url;
  console.log(`customer intake form: ${portal}${INTAKE_FORM_PATH} and chat: ${portal}${CHAT_PAGE_PATH}`);
  console.log(`database: ${databaseShown(options)}`);
  if (server.demoNotSeeded !== null) {
    console.warn(server.demoNotSeeded);
  } else if (options.demo) {
    console.log('demo logins:');
    for (const user of demoUsers) {
      console.log(`  ${user.email.padEnd(28)} ${user.password}  ${user.role.padEnd(8)} ${user.teamName}`);
    }
    const [schedulingPath] = server.demoSchedulingPaths;
    if (schedulingPath !== undefined) console.log(`a customer's scheduling page: ${portal}${schedulingPath}`);
  }
  const stop = (signal: string) => {
    console.log(`${signal}: stopping`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** True only when this file is the program being run, not when another module imports it. */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
