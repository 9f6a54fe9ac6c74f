// A seeded portal per test run on the test engine, on a real socket at 127.0.0.1: the demo database is
// seeded and signed into once, then copied; every answer is checked against the contract.
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { ApiClient } from '../../renderer/data/api-client';
import { buildServer } from '../../server/app';
import type { PortalDatabase } from '../../server/db';
import { DEMO_PASSWORD, DEMO_PASSWORD_COST, type DemoUser, demoUsers, seedDemoData } from '../../server/seed';
import type { Ticket } from '../../shared/domain';
import { watchContract } from './contract';
import { inProcessApi } from './in-process-api';
import { type Template, type TestDatabase, backupOf, dropTemplate, makeTemplate, openCopy } from './test-database';

export const PORTAL_NOW = new Date('2026-11-25T09:00:00.000Z');

interface SeededImage {
  template: Template;
  /** A bearer token per demo user's e-mail, valid for twelve hours from PORTAL_NOW. */
  tokens: ReadonlyMap<string, string>;
  /** Every ticket as seeded: the state a replay of the pushed mutations starts from. */
  tickets: ReadonlyMap<string, Ticket>;
}

let seeded: Promise<SeededImage> | undefined;

/** Seeding and scrypt sign-ins take about a second, so they happen once per process, not once per run. */
function seededImage(): Promise<SeededImage> {
  seeded ??= (async () => {
    const tokens = new Map<string, string>();
    let tickets = new Map<string, Ticket>();
    const template = await makeTemplate(async (db) => {
      await seedDemoData(db, { clock: () => PORTAL_NOW });
      // At the seed's cost: the runs sign in again and again, which at the server's own would take their time.
      const app = buildServer({ db, clock: () => PORTAL_NOW, logger: false, passwordCost: DEMO_PASSWORD_COST });
      for (const user of demoUsers) {
        const session = await inProcessApi(app, null).login({ email: user.email, password: DEMO_PASSWORD });
        tokens.set(user.email, session.token);
      }
      await app.close();
      const teams = await Promise.all(['tm-modern-work', 'tm-azure'].map((team) => db.teamChanges(team, 0, 10_000)));
      tickets = new Map(teams.flat().map((t) => [t.id, t]));
    });
    return { template, tokens, tickets };
  })();
  return seeded;
}

export interface Portal {
  /** The database and server now running: a restart or a restore replaces both. */
  readonly db: PortalDatabase;
  readonly app: FastifyInstance;
  seededTickets: ReadonlyMap<string, Ticket>;
  now(): Date;
  /** Moves the server's clock forward. */
  advance(ms: number): void;
  /** An ApiClient signed in as the demo user, talking to this portal over HTTP (across restarts: same address). */
  apiFor(user: DemoUser): ApiClient;
  /** The user's bearer token stops working, as when it expires; apiFor answers 401 until signIn. */
  expireToken(user: DemoUser): Promise<void>;
  /** The user signs in again: apiFor carries the new token. */
  signIn(user: DemoUser): Promise<void>;
  /** A copy of the database as it is now, as a backup would be. */
  backup(): Promise<Template>;
  /**
   * The server stops and starts again on the database as it is, or on `image` (restored from a
   * backup). Resolves with the ids of the changes the stopped server had handled, requests in flight
   * when it stopped included.
   */
  restart(image?: Template): Promise<string[]>;
  close(): Promise<void>;
}

export async function openPortal(): Promise<Portal> {
  const seededCopy = await seededImage();
  const tokens = new Map(seededCopy.tokens);
  let now = PORTAL_NOW;
  const clock = () => now;
  /** The port of the first start: a restarted server listens where the consoles expect it. */
  let port = 0;
  /** The backups taken, dropped with the portal. */
  const backups: Template[] = [];
  const listen = async (database: TestDatabase) => {
    const app = buildServer({ db: database.db, clock, logger: false, passwordCost: DEMO_PASSWORD_COST });
    watchContract(app);
    await app.listen({ host: '127.0.0.1', port });
    port = (app.server.address() as AddressInfo).port;
    return { database, db: database.db, app };
  };
  let running = await listen(await openCopy(seededCopy.template));
  const url = `http://127.0.0.1:${port}`;
  /** Once no request is in flight: what the server had handled, and its database as it stopped. */
  const stop = async (): Promise<string[]> => {
    await running.app.close();
    // A real restart takes long enough for the clients to see their kept-alive connections closed.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { sql } = running.db;
    const handled = await sql.all(`SELECT id FROM applied_mutations ORDER BY ${sql.dialect.mutationOrder}`);
    return handled.map((row) => String(row.id));
  };
  return {
    get db() {
      return running.db;
    },
    get app() {
      return running.app;
    },
    seededTickets: seededCopy.tickets,
    now: () => now,
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    apiFor: (user) => new ApiClient(url, tokens.get(user.email) ?? null),
    expireToken: (user) => running.db.sql.run('DELETE FROM auth_tokens WHERE user_id = ?', [user.id]),
    signIn: async (user) => {
      const session = await inProcessApi(running.app, null).login({ email: user.email, password: DEMO_PASSWORD });
      tokens.set(user.email, session.token);
    },
    backup: async () => {
      const backup = await backupOf(running.db);
      backups.push(backup);
      return backup;
    },
    restart: async (image) => {
      const handled = await stop();
      if (image === undefined) {
        running = await listen(await running.database.reopen());
      } else {
        await running.database.drop();
        running = await listen(await openCopy(image));
      }
      return handled;
    },
    close: async () => {
      await stop();
      await running.database.drop();
      for (const backup of backups.splice(0)) await dropTemplate(backup);
    },
  };
}

export function demoUser(email: string): DemoUser {
  const user = demoUsers.find((candidate) => candidate.email === email);
  if (user === undefined) throw new Error(`no demo user ${email}`);
  return user;
}
