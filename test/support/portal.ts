// A seeded in-memory portal per test run: the demo database is seeded and signed into once, then copied.
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../server/app';
import { type PortalDatabase, openDatabase } from '../../server/db';
import { DEMO_PASSWORD, type DemoUser, demoUsers, seedDemoData } from '../../server/seed';
import type { Ticket } from '../../shared/domain';
import { inProcessApi } from './in-process-api';

export const PORTAL_NOW = new Date('2026-11-25T09:00:00.000Z');

interface SeededImage {
  image: Buffer;
  /** A bearer token per demo user's e-mail, valid for twelve hours from PORTAL_NOW. */
  tokens: ReadonlyMap<string, string>;
  /** Every ticket as seeded: the state a replay of the pushed mutations starts from. */
  tickets: ReadonlyMap<string, Ticket>;
}

let seeded: Promise<SeededImage> | undefined;

/** Seeding and scrypt sign-ins take about a second, so they happen once per process, not once per run. */
function seededImage(): Promise<SeededImage> {
  seeded ??= (async () => {
    const db = openDatabase(':memory:');
    await seedDemoData(db, { clock: () => PORTAL_NOW });
    const app = buildServer({ db, clock: () => PORTAL_NOW, logger: false });
    const tokens = new Map<string, string>();
    for (const user of demoUsers) {
      const session = await inProcessApi(app, null).login({ email: user.email, password: DEMO_PASSWORD });
      tokens.set(user.email, session.token);
    }
    await app.close();
    const tickets = new Map(
      ['tm-modern-work', 'tm-azure'].flatMap((team) => db.teamChanges(team, 0, 10_000)).map((t) => [t.id, t]),
    );
    const image = db.sqlite.serialize();
    db.close();
    return { image, tokens, tickets };
  })();
  return seeded;
}

export interface Portal {
  db: PortalDatabase;
  app: FastifyInstance;
  seededTickets: ReadonlyMap<string, Ticket>;
  now(): Date;
  /** Moves the server's clock forward. */
  advance(ms: number): void;
  /** An ApiClient signed in as the demo user, talking to this portal in-process. */
  apiFor(user: DemoUser): ReturnType<typeof inProcessApi>;
  close(): Promise<void>;
}

export async function openPortal(): Promise<Portal> {
  const { image, tokens, tickets } = await seededImage();
  let now = PORTAL_NOW;
  const db = openDatabase(image);
  const app = buildServer({ db, clock: () => now, logger: false });
  return {
    db,
    app,
    seededTickets: tickets,
    now: () => now,
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    apiFor: (user) => inProcessApi(app, tokens.get(user.email) ?? null),
    close: async () => {
      await app.close();
      db.close();
    },
  };
}

export function demoUser(email: string): DemoUser {
  const user = demoUsers.find((candidate) => candidate.email === email);
  if (user === undefined) throw new Error(`no demo user ${email}`);
  return user;
}
