// Shared setup for the server tests: a seeded in-memory portal, a fixed clock, and signing in.
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { API_PREFIX } from '../../../shared/api';
import { LoginResponse } from '../../../shared/api/auth';
import type { Ticket } from '../../../shared/domain/ticket';
import type { Mutation } from '../../../shared/mutations';
import { buildServer } from '../../../server/app';
import { type PortalDatabase, openDatabase } from '../../../server/db';
import { demoUsers, seedDemoData } from '../../../server/seed';

export const NOW = new Date('2026-11-25T09:00:00.000Z');

export interface Portal {
  db: PortalDatabase;
  app: FastifyInstance;
  /** Moves the server's clock, e.g. past a token's expiry. */
  setNow(now: Date): void;
  close(): Promise<void>;
}

/** Seeded once per test file; each portal gets its own in-memory copy, so tests cannot see each other's writes. */
let seeded: Promise<Buffer> | undefined;
function seededImage(): Promise<Buffer> {
  seeded ??= (async () => {
    const db = openDatabase(':memory:');
    await seedDemoData(db, { clock: () => NOW });
    const image = db.sqlite.serialize();
    db.close();
    return image;
  })();
  return seeded;
}

export async function seededPortal(): Promise<Portal> {
  let now = NOW;
  const clock = () => now;
  const db = openDatabase(await seededImage());
  const app = buildServer({ db, clock, logger: false });
  return {
    db,
    app,
    setNow: (next) => {
      now = next;
    },
    close: async () => {
      await app.close();
      db.close();
    },
  };
}

export function demoUser(email: string) {
  const user = demoUsers.find((candidate) => candidate.email === email);
  if (user === undefined) throw new Error(`no demo user ${email}`);
  return user;
}

export const giulia = demoUser('giulia.rossi@css.example');
export const marco = demoUser('marco.bianchi@css.example');
export const anna = demoUser('anna.moretti@css.example');
export const david = demoUser('david.novak@css.example');
export const elena = demoUser('elena.kovac@css.example');
export const sofia = demoUser('sofia.conti@css.example');

export async function signIn(app: FastifyInstance, email: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: `${API_PREFIX}/auth/login`,
    payload: { email, password: demoUser(email).password },
  });
  return LoginResponse.parse(response.json()).token;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Every stored ticket, read straight from the database. */
export function allTickets(db: PortalDatabase): Ticket[] {
  return [...db.teamChanges('tm-modern-work', 0, 10_000), ...db.teamChanges('tm-azure', 0, 10_000)];
}

export function addNote(ticketId: string, body = 'Called the customer: logs attached.'): Mutation {
  return {
    id: randomUUID(),
    name: 'addNote',
    args: { ticketId, noteId: randomUUID(), body },
    createdAt: NOW.toISOString(),
  };
}

/** Gives the ticket to a team member, or back to the team queue (null). */
export function assignTicket(ticketId: string, assigneeId: string | null): Mutation {
  return {
    id: randomUUID(),
    name: 'assignTicket',
    args: { ticketId, eventId: randomUUID(), assigneeId },
    createdAt: NOW.toISOString(),
  };
}

/** A reseller and tenant with an active support plan, read straight from the seeded entitlements table. */
export function entitledAccount(db: PortalDatabase) {
  const row = z
    .object({ reseller_id: z.string(), tenant_domain: z.string(), support_plan: z.string(), add_on: z.number() })
    .parse(
      db.sqlite
        .prepare(
          `SELECT reseller_id, tenant_domain, support_plan, on_premise_add_on AS add_on FROM entitlements
             WHERE active = 1 AND support_plan <> 'none' ORDER BY reseller_id, tenant_domain LIMIT 1`,
        )
        .get(),
    );
  return {
    resellerId: row.reseller_id,
    tenantDomain: row.tenant_domain,
    entitlement: { supportPlan: row.support_plan, active: true, onPremiseAddOn: row.add_on === 1 },
  };
}

/** A complete intake for that account, every field as the web form posts it: validation would pass it. */
export function intakeEntries(db: PortalDatabase): Record<string, string> {
  const account = entitledAccount(db);
  return {
    resellerId: account.resellerId,
    contactName: 'Luca Ricci',
    contactEmail: 'luca.ricci@nuvoladigitale.example',
    companyName: 'Bellavista Hotels',
    tenantDomain: account.tenantDomain,
    timeZone: 'Europe/Rome',
    priority: 'high',
    scope: 'exchange_online',
    subject: 'Outbound mail rejected by Gmail',
    description: 'Since Monday every message to Gmail bounces with 550 5.7.26; 40 users are affected.',
  };
}

/** Everything a request could have written, to prove a refused one wrote nothing. */
export function snapshot(db: PortalDatabase) {
  const count = (table: string) => db.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
  return {
    seq: db.currentSeq(),
    tickets: db.sqlite.prepare('SELECT id, version, server_seq, data FROM tickets ORDER BY id').all(),
    appliedMutations: count('applied_mutations'),
    authTokens: count('auth_tokens'),
    users: count('users'),
  };
}
