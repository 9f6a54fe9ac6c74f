/** Starts the reference portal: `npm run server -- --demo [--port N] [--data DIR]`, or `startServer` in-process. */
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { API_PREFIX, DEFAULT_SERVER_PORT } from '../shared/api';
import { type Clock, systemClock } from '../shared/domain/time';
import { buildServer } from './app';
import { openDatabase } from './db';
import { INTAKE_FORM_PATH } from './intake/routes';
import { seedDemoData, demoUsers } from './seed';

export const DEFAULT_DATA_DIR = join('.data', 'server');
export const DATABASE_FILE = 'portal.sqlite';

/** The portal only ever listens on loopback: it is a local reference server, not a deployment. */
const HOST = '127.0.0.1';

const USAGE = `usage: npm run server -- [--demo] [--port N] [--data DIR]
  --demo        seed demo teams, users and tickets into the database if this start creates it
  --port N      port to listen on, 0 for any free port (default ${DEFAULT_SERVER_PORT})
  --data DIR    directory of the database file ${DATABASE_FILE} (default ${DEFAULT_DATA_DIR})`;

export interface ServerOptions {
  port: number;
  dataDir: string;
  demo: boolean;
}

export type CliParse = { ok: true; options: ServerOptions } | { ok: true; help: true } | { ok: false; message: string };

const cliOptions = {
  demo: { type: 'boolean', default: false },
  port: { type: 'string' },
  data: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Reads the command line; pure, so every mistake a user can make is unit-tested. */
export function parseCliArgs(args: readonly string[]): CliParse {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: cliOptions, strict: true, allowPositionals: false });
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const { demo, port, data, help } = parsed.values;
  if (help) return { ok: true, help: true };
  if (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) > 65535)) {
    return { ok: false, message: `--port must be a whole number from 0 to 65535, not "${port}"` };
  }
  if (data !== undefined && data.trim() === '') return { ok: false, message: '--data needs a directory' };
  return {
    ok: true,
    options: { port: port === undefined ? DEFAULT_SERVER_PORT : Number(port), dataDir: data ?? DEFAULT_DATA_DIR, demo },
  };
}

export interface RunningServer {
  url: string;
  port: number;
  /** Why --demo left the database without users, for the operator; null when it did not. */
  demoNotSeeded: string | null;
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

/**
 * Opens (and creates) the database in `dataDir`, seeds it in demo mode when this start created it, and
 * listens on 127.0.0.1. Throws DamagedDatabaseError when the database file is damaged.
 */
export async function startServer({
  port,
  dataDir,
  demo,
  clock = systemClock,
}: ServerOptions & { clock?: Clock }): Promise<RunningServer> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DATABASE_FILE);
  const created = !existsSync(file);
  const db = openDatabase(file);
  try {
    // An existing file without users (0 bytes, or tables and no users) may be one whose data was lost:
    // demo data written into it would hide that, so --demo seeds only a database this start created.
    if (demo && created) await seedDemoData(db, { clock });
    const notSeeded = demo && db.isEmpty() ? demoNotSeeded(file) : null;
    const app = buildServer({ db, clock });
    await app.listen({ host: HOST, port });
    const address = app.server.address();
    const boundPort = typeof address === 'object' && address !== null ? address.port : port;
    return {
      url: `http://${HOST}:${boundPort}`,
      port: boundPort,
      demoNotSeeded: notSeeded,
      close: async () => {
        await app.close();
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

async function main(args: readonly string[]): Promise<void> {
  const parsed = parseCliArgs(args);
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
  console.log(`customer intake form: ${server.url}${INTAKE_FORM_PATH}`);
  console.log(`database: ${resolve(options.dataDir, DATABASE_FILE)}`);
  if (server.demoNotSeeded !== null) {
    console.warn(server.demoNotSeeded);
  } else if (options.demo) {
    console.log('demo logins:');
    for (const user of demoUsers) {
      console.log(`  ${user.email.padEnd(28)} ${user.password}  ${user.role.padEnd(8)} ${user.teamName}`);
    }
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
