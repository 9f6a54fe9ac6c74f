// The database the server tests run on: SQLite in memory, or PostgreSQL when PORTAL_TEST_ENGINE=postgres
// (vitest.config.ts runs the server suite once on each), each test on a copy of a database seeded once.
import pg from 'pg';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll } from 'vitest';
import { type PortalDatabase, openDatabase, openPostgresDatabase } from '../../server/db';
import { withoutPassword } from '../../server/storage/postgres';
import { imageOf } from './sqlite-image';

export type TestEngine = 'sqlite' | 'postgres';

export const TEST_ENGINE: TestEngine = process.env.PORTAL_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/** The server the PostgreSQL tests make their databases on; .ci/run sets it, this is the same role. */
export const TEST_POSTGRES_URL =
  process.env.PORTAL_TEST_POSTGRES_URL ?? 'postgres://portal:portal@127.0.0.1:5432/postgres';

/** A database the tests copy from: a SQLite image, or a PostgreSQL database used as a template. */
export type Template = { engine: 'sqlite'; image: Buffer } | { engine: 'postgres'; name: string };

const urlOf = (name: string): string => {
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.href;
};

let admin: pg.Pool | undefined;
/** Databases this file made, dropped once its tests are done. */
const made = new Set<string>();

async function postgresAdmin(): Promise<pg.Pool> {
  if (admin === undefined) {
    const pool = new pg.Pool({ connectionString: TEST_POSTGRES_URL, max: 2 });
    try {
      await pool.query('SELECT 1');
    } catch (error) {
      await pool.end();
      throw new Error(
        `the server tests on PostgreSQL cannot reach ${withoutPassword(TEST_POSTGRES_URL)} ` +
          `(${error instanceof Error ? error.message : String(error)}). Start PostgreSQL (pg_ctlcluster 15 main start) ` +
          'and create the tests\' role (su postgres -c "psql -c \\"CREATE ROLE portal LOGIN CREATEDB PASSWORD \'portal\'\\""), ' +
          'or point PORTAL_TEST_POSTGRES_URL at a server where the role may create databases; .ci/run does both.',
        { cause: error },
      );
    }
    admin = pool;
  }
  return admin;
}

afterAll(async () => {
  if (admin === undefined) return;
  for (const name of made) await dropDatabase(name);
  await admin.end();
  admin = undefined;
});

/** A new, empty PostgreSQL database of this test run's, or a copy of `template`. */
async function createDatabase(template?: string): Promise<string> {
  const pool = await postgresAdmin();
  const name = `portal_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  await pool.query(`CREATE DATABASE ${name}${template === undefined ? '' : ` TEMPLATE ${template}`}`);
  made.add(name);
  return name;
}

/**
 * Once its connections are closed. Not WITH (FORCE): a role that is not a superuser may not end the
 * autovacuum worker PostgreSQL may have started on it, which a plain DROP ends itself.
 */
async function dropDatabase(name: string): Promise<void> {
  await (await postgresAdmin()).query(`DROP DATABASE IF EXISTS ${name}`);
  made.delete(name);
}

/** A new PostgreSQL database without tables, as an operator creates one for the portal: its URL. */
export async function newPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = await createDatabase();
  return { url: urlOf(name), drop: () => dropDatabase(name) };
}

/** A new empty database on the test engine, and its PostgreSQL URL when it is on PostgreSQL. */
export async function emptyDatabase(): Promise<{ db: PortalDatabase; url: string | null; drop: () => Promise<void> }> {
  if (TEST_ENGINE === 'sqlite') {
    const db = await openDatabase(':memory:');
    return { db, url: null, drop: () => db.close() };
  }
  const { url, drop } = await newPostgresDatabase();
  const db = await openPostgresDatabase(url);
  return {
    db,
    url,
    drop: async () => {
      await db.close();
      await drop();
    },
  };
}

/** The database `fill` leaves a new one in, to copy from. */
export async function makeTemplate(fill: (db: PortalDatabase) => Promise<void>): Promise<Template> {
  const { db, url } = await emptyDatabase();
  await fill(db);
  if (url === null) {
    const image = imageOf(db);
    await db.close();
    return { engine: 'sqlite', image };
  }
  await db.close();
  return { engine: 'postgres', name: new URL(url).pathname.slice(1) };
}

/** A database on its own holding what `template` holds, opened as the server opens its own. */
export interface TestDatabase {
  db: PortalDatabase;
  /** Closes it and opens it again, as a server that stops and starts does. */
  reopen: () => Promise<TestDatabase>;
  /** Closes it and throws it away. */
  drop: () => Promise<void>;
}

function sqliteCopy(image: Buffer): Promise<TestDatabase> {
  return openDatabase(image).then((db) => ({
    db,
    reopen: async () => {
      const now = imageOf(db);
      await db.close();
      return sqliteCopy(now);
    },
    drop: () => db.close(),
  }));
}

async function postgresCopy(name: string): Promise<TestDatabase> {
  const db = await openPostgresDatabase(urlOf(name));
  return {
    db,
    reopen: async () => {
      await db.close();
      return postgresCopy(name);
    },
    drop: async () => {
      await db.close();
      await dropDatabase(name);
    },
  };
}

export async function openCopy(template: Template): Promise<TestDatabase> {
  if (template.engine === 'sqlite') return sqliteCopy(template.image);
  return postgresCopy(await createDatabase(template.name));
}

/** Throws away a copy made by backupOf or makeTemplate once nothing will be opened on it again. */
export async function dropTemplate(template: Template): Promise<void> {
  if (template.engine === 'postgres') await dropDatabase(template.name);
}

/** A copy of the database as it is now, as a backup would be: on PostgreSQL, by pg_dump and pg_restore, as an operator takes one. */
export async function backupOf(db: PortalDatabase): Promise<Template> {
  if (TEST_ENGINE === 'sqlite') return { engine: 'sqlite', image: imageOf(db) };
  const source = (await db.sql.get('SELECT current_database() AS name'))?.name;
  if (typeof source !== 'string') throw new Error('the database has no name');
  const dump = join(tmpdir(), `${source}-${randomBytes(4).toString('hex')}.dump`);
  const name = await createDatabase();
  try {
    await run('pg_dump', ['--format=custom', `--file=${dump}`, `--dbname=${urlOf(source)}`]);
    await run('pg_restore', ['--no-owner', `--dbname=${urlOf(name)}`, dump]);
  } finally {
    rmSync(dump, { force: true });
  }
  return { engine: 'postgres', name };
}

const run = promisify(execFile);
