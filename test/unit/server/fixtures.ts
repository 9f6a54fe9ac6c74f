// Shared setup for the server tests: a seeded portal on the test engine, a fixed clock, signing in, and the contract check.
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import { appendFileSync, closeSync, openSync, writeSync } from 'node:fs';
import { afterAll, afterEach } from 'vitest';
import { z } from 'zod';
import { API_PREFIX } from '../../../shared/api';
import { LoginResponse } from '../../../shared/api/auth';
import { type MutationResult, PullResponse, PushResponse } from '../../../shared/api/sync';
import type { Ticket } from '../../../shared/domain/ticket';
import type { Mutation } from '../../../shared/mutations';
import { type ServerDependencies, buildServer } from '../../../server/app';
import { type PortalDatabase, openDatabase } from '../../../server/db';
import { DEMO_PASSWORD_COST, demoUsers, seedDemoData } from '../../../server/seed';
import { checkedResponses, takeContractViolations, watchContract } from '../../support/contract';
import { type Template, makeTemplate, openCopy } from '../../support/test-database';

export const NOW = new Date('2026-11-25T09:00:00.000Z');

// Every answer a seeded portal gives in a test must be one the OpenAPI document describes: the test that
// saw one it does not fails (answers given in a beforeAll fail the file's first test).
afterEach(() => {
  const violations = takeContractViolations();
  if (violations.length > 0) {
    throw new Error(`answers that break the OpenAPI document:\n${violations.join('\n')}`);
  }
});

// CONTRACT_TALLY=<file> appends what the file's tests exercised of the document: `METHOD path status count` lines.
afterAll(() => {
  const file = process.env.CONTRACT_TALLY;
  if (file === undefined) return;
  appendFileSync(file, [...checkedResponses].map(([answer, count]) => `${answer} ${count}\n`).join(''));
});

export interface Portal {
  db: PortalDatabase;
  app: FastifyInstance;
  /** Moves the server's clock, e.g. past a token's expiry. */
  setNow(now: Date): void;
  close(): Promise<void>;
}

/** Seeded once per test file; each portal gets its own copy, so tests cannot see each other's writes. */
let seeded: Promise<Template> | undefined;
function seededTemplate(): Promise<Template> {
  seeded ??= makeTemplate(async (db) => {
    await seedDemoData(db, { clock: () => NOW });
  });
  return seeded;
}

/** Seeds the demo database into the SQLite file `file`, as a server that seeded it and stopped would leave it. */
export async function writeSeededDatabase(file: string): Promise<void> {
  const db = await openDatabase(file);
  await seedDemoData(db, { clock: () => NOW });
  await db.close();
}

/** Writes garbage over the page in the middle of a database file, as a failing disk or a torn copy would. */
export function damageMiddlePage(file: string): void {
  const sqlite = new Database(file, { readonly: true });
  const pageSize = z.number().parse(sqlite.pragma('page_size', { simple: true }));
  const pageCount = z.number().parse(sqlite.pragma('page_count', { simple: true }));
  sqlite.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xab), 0, pageSize, Math.floor(pageCount / 2) * pageSize);
  closeSync(fd);
}

/** The server's settings a test may choose. */
export type PortalSettings = Pick<ServerDependencies, 'consoleOrigins' | 'behindProxy' | 'passwordCost'>;

/** The seeded demo portal, or one opened on a copy of `template` (a backup, or the database of a restart). */
export async function seededPortal(template?: Template, settings: PortalSettings = {}): Promise<Portal> {
  let now = NOW;
  const clock = () => now;
  const { db, drop } = await openCopy(template ?? (await seededTemplate()));
  // Signing in at the seed's cost keeps each test's sign-ins quick; auth.test.ts signs in at the
  // server's own cost and sees those hashes upgraded.
  const app = buildServer({ db, clock, logger: false, passwordCost: DEMO_PASSWORD_COST, ...settings });
  watchContract(app);
  return {
    db,
    app,
    setNow: (next) => {
      now = next;
    },
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

/** Starts the portal listening on a free loopback port, for tests of real HTTP: its address. */
export const listen = (portal: Portal): Promise<string> => portal.app.listen({ host: '127.0.0.1', port: 0 });

/** A sign-in over real HTTP to the portal listening at `address`, answered whatever it is. */
export const signInOver = (address: string, email: string, password: string): Promise<Response> =>
  fetch(`${address}${API_PREFIX}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

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
export async function allTickets(db: PortalDatabase): Promise<Ticket[]> {
  return [...(await db.teamChanges('tm-modern-work', 0, 10_000)), ...(await db.teamChanges('tm-azure', 0, 10_000))];
}

/** The first stored ticket that matches, for tests that need one of a kind. */
export async function ticketWhere(db: PortalDatabase, predicate: (ticket: Ticket) => boolean): Promise<Ticket> {
  const found = (await allTickets(db)).find(predicate);
  if (found === undefined) throw new Error('the demo data has no such ticket');
  return found;
}

/** Pushes the mutations in one batch as the token's user; a push not answered 200 fails the test. */
export async function push(app: FastifyInstance, token: string, mutations: Mutation[]): Promise<MutationResult[]> {
  const response = await app.inject({
    method: 'POST',
    url: `${API_PREFIX}/sync/push`,
    headers: bearer(token),
    payload: { clientId: randomUUID(), mutations },
  });
  if (response.statusCode !== 200) throw new Error(`the push was answered ${response.statusCode}: ${response.body}`);
  return PushResponse.parse(response.json()).results;
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
export async function entitledAccount(db: PortalDatabase) {
  const row = z
    .object({ reseller_id: z.string(), tenant_domain: z.string(), support_plan: z.string(), add_on: z.number() })
    .parse(
      await db.sql.get(
        `SELECT reseller_id, tenant_domain, support_plan, on_premise_add_on AS add_on FROM entitlements
           WHERE active = 1 AND support_plan <> 'none' ORDER BY reseller_id, tenant_domain LIMIT 1`,
      ),
    );
  return {
    resellerId: row.reseller_id,
    tenantDomain: row.tenant_domain,
    entitlement: { supportPlan: row.support_plan, active: true, onPremiseAddOn: row.add_on === 1 },
  };
}

/** A complete intake for that account, every field as the web form posts it: validation would pass it. */
export async function intakeEntries(db: PortalDatabase): Promise<Record<string, string>> {
  const account = await entitledAccount(db);
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
export async function snapshot(db: PortalDatabase) {
  const count = async (table: string) => (await db.sql.get(`SELECT count(*) AS n FROM ${table}`))?.n;
  return {
    seq: await db.currentSeq(),
    tickets: await db.sql.all('SELECT id, version, server_seq, data FROM tickets ORDER BY id'),
    appliedMutations: await count('applied_mutations'),
    authTokens: await count('auth_tokens'),
    users: await count('users'),
  };
}

/** A scheduling-link token as the console makes one: 32 URL-safe characters. */
export const linkToken = (): string => randomBytes(24).toString('base64url');

/** One hour from `hoursAfterNow` hours after NOW. */
export function slotAt(hoursAfterNow: number, minutes = 60): { start: string; end: string } {
  const start = NOW.getTime() + hoursAfterNow * 3_600_000;
  return { start: new Date(start).toISOString(), end: new Date(start + minutes * 60_000).toISOString() };
}

export function proposeSession(
  ticketId: string,
  slots: { start: string; end: string }[],
  args: { sessionId?: string; linkToken?: string; overlapReason?: string | null } = {},
): Mutation {
  return {
    id: randomUUID(),
    name: 'proposeSession',
    args: {
      ticketId,
      sessionId: args.sessionId ?? randomUUID(),
      slots,
      meetingLink: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_demo%40thread.v2/0',
      linkToken: args.linkToken ?? linkToken(),
      message: 'To look at this together, I would like to schedule a remote session.',
      replyId: randomUUID(),
      overlapReason: args.overlapReason ?? null,
    },
    createdAt: NOW.toISOString(),
  };
}

export function confirmSession(
  ticketId: string,
  sessionId: string,
  slot: { start: string; end: string },
  overlapReason: string | null = null,
): Mutation {
  return {
    id: randomUUID(),
    name: 'confirmSession',
    args: { ticketId, sessionId, slot, meetingLink: null, eventId: randomUUID(), overlapReason },
    createdAt: NOW.toISOString(),
  };
}

export function cancelSession(ticketId: string, sessionId: string, reason = 'The engineer is ill today.'): Mutation {
  return {
    id: randomUUID(),
    name: 'cancelSession',
    args: { ticketId, sessionId, reason, eventId: randomUUID(), replyId: randomUUID() },
    createdAt: NOW.toISOString(),
  };
}

/** The tickets the token's user pulls after `cursor`. */
export async function pullAfter(app: FastifyInstance, token: string, cursor: number): Promise<Ticket[]> {
  const response = await app.inject({
    method: 'GET',
    url: `${API_PREFIX}/sync/pull?cursor=${cursor}`,
    headers: bearer(token),
  });
  if (response.statusCode !== 200) throw new Error(`the pull was answered ${response.statusCode}: ${response.body}`);
  return PullResponse.parse(response.json()).tickets;
}
