// A server that comes back older (restored from a backup, or a crash took the tail of its log) must not
// lose what a console saw acknowledged, nor make the console skip anyone's change: the real engine and
// the real server, restarted from a copy of its database file taken earlier.
import 'fake-indexeddb/auto';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../renderer/data/api-client';
import { LocalDb } from '../../../renderer/data/local-db';
import { LocalStore } from '../../../renderer/data/local-store';
import { SyncEngine } from '../../../renderer/data/sync-engine';
import type { Cursor } from '../../../shared/api';
import type { Ticket, User } from '../../../shared/domain';
import type { Mutation } from '../../../shared/mutations';
import { DATABASE_FILE, type RunningServer, startServer } from '../../../server/main';
import { allSummaries } from '../../support/local-copy';

const ENGINEER = 'giulia.rossi@css.example';
let dataDir: string;
let server: RunningServer;
let consoles = 0;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'css-rollback-'));
  server = await startServer({ port: 0, dataDir, demo: true });
});

afterEach(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Stops the server (which checkpoints its log into the file) and starts it again on the same port. */
async function restart(restoreFrom?: string): Promise<void> {
  await server.close();
  if (restoreFrom !== undefined) await copyFile(restoreFrom, join(dataDir, DATABASE_FILE));
  server = await startServer({ port: server.port, dataDir, demo: true });
}

/** A copy of the database file as it is now, as a nightly backup would be. */
async function backup(): Promise<string> {
  await server.close();
  const copy = join(dataDir, 'backup.sqlite');
  await copyFile(join(dataDir, DATABASE_FILE), copy);
  server = await startServer({ port: server.port, dataDir, demo: true });
  return copy;
}

async function signIn(): Promise<{ api: ApiClient; user: User }> {
  const { token, user } = await new ApiClient(server.url).login({ email: ENGINEER, password: 'demo1234' });
  return { api: new ApiClient(server.url, token), user };
}

function consoleOf(api: ApiClient, user: User) {
  const store = new LocalStore(new LocalDb(`rollback-${++consoles}`), {
    id: user.id,
    name: user.name,
    role: user.role,
  });
  const lost: number[] = [];
  const engine = new SyncEngine({
    store,
    api,
    connectivity: { isOnline: () => true, watch: () => () => undefined },
    clientId: crypto.randomUUID(),
    onStatus: () => undefined,
    onUnauthenticated: () => undefined,
    onHistoryLost: (resent) => lost.push(resent),
    pageSize: 50,
    // The first request after a restart may go out on a connection the old server closed.
    retries: 2,
    minRetryDelayMs: 0,
  });
  return { store, engine, lost };
}

function note(ticketId: string, body: string): Mutation {
  const id = crypto.randomUUID();
  return { id, name: 'addNote', args: { ticketId, noteId: id, body }, createdAt: new Date().toISOString() };
}

async function serverScope(api: ApiClient): Promise<Ticket[]> {
  const tickets: Ticket[] = [];
  let cursor: Cursor = '0';
  for (;;) {
    const page = await api.pull(cursor, 1000, null);
    tickets.push(...page.tickets);
    cursor = page.cursor;
    if (!page.hasMore) return tickets;
  }
}

async function openTickets(store: LocalStore, user: User, count: number): Promise<string[]> {
  const open = (await allSummaries(store)).filter((row) => row.stage !== 'closed' && row.assigneeId === user.id);
  if (open.length < count) throw new Error(`the demo data gives ${user.name} fewer than ${count} open tickets`);
  return open.slice(0, count).map((row) => row.id);
}

const timesOnServer = (tickets: readonly Ticket[], ticketId: string, entryId: string) =>
  tickets.find((ticket) => ticket.id === ticketId)?.timeline.filter((entry) => entry.id === entryId).length ?? 0;

describe('a server that comes back older', () => {
  it('restarted as it was keeps the console’s cursor: nothing is pulled or sent again', async () => {
    const { api, user } = await signIn();
    const { store, engine, lost } = consoleOf(api, user);
    await engine.sync();
    const [ticketId] = await openTickets(store, user, 1);
    await store.enqueue(note(ticketId!, 'Sent before the restart.'));
    await engine.sync();
    const before = await store.position();

    await restart();
    await engine.sync();
    expect(lost).toEqual([]);
    expect(await store.position()).toEqual({ ...before, resetting: false });
    expect(await store.outboxCounts()).toEqual({ pending: 0, refused: 0 });
    store.db.close();
  });

  it('restored from a backup behind the console: the acknowledged notes are sent again, once each', async () => {
    const { api, user } = await signIn();
    const { store, engine, lost } = consoleOf(api, user);
    await engine.sync();
    const copy = await backup();
    const ticketIds = await openTickets(store, user, 2);
    const notes = ticketIds.map((ticketId, index) => note(ticketId, `Acknowledged note ${index + 1}.`));
    for (const mutation of notes) await store.enqueue(mutation);
    await engine.sync();
    expect(await store.outboxCounts()).toEqual({ pending: 0, refused: 0 });

    await restart(copy);
    await engine.sync();

    expect(lost).toEqual([2]);
    const onServer = await serverScope(api);
    expect(notes.map((mutation, index) => timesOnServer(onServer, ticketIds[index]!, mutation.id))).toEqual([1, 1]);
    expect(await store.outboxCounts()).toEqual({ pending: 0, refused: 0 });
    expect((await store.position()).resetting).toBe(false);
    // The local copy is the server's again, row for row.
    expect((await allSummaries(store)).map((row) => row.id).sort()).toEqual(onServer.map((t) => t.id).sort());
    store.db.close();
  });

  it('restored to before a change the console was told of but has not pulled yet: it is sent again', async () => {
    const { api, user } = await signIn();
    const { store, engine, lost } = consoleOf(api, user);
    await engine.sync();
    const copy = await backup();
    const [ticketId] = await openTickets(store, user, 1);
    const mutation = note(ticketId!, 'Acknowledged, then the connection dropped before the pull.');
    await store.enqueue(mutation);
    // The push is answered; the pull that would follow never happens.
    const { results } = await api.push({ clientId: crypto.randomUUID(), mutations: [mutation] });
    await store.recordPushResults(results, new Date().toISOString());
    expect((await store.position()).latest[0]?.seq).toBeGreaterThan(Number((await store.position()).cursor));

    await restart(copy);
    await engine.sync();

    expect(lost).toEqual([1]);
    expect(timesOnServer(await serverScope(api), ticketId!, mutation.id)).toBe(1);
    store.db.close();
  });

  it('restored behind a change the console was told of, then its next change takes the same number: both reach the server', async () => {
    const { api, user } = await signIn();
    const { store, engine, lost } = consoleOf(api, user);
    await engine.sync();
    const copy = await backup();
    const [ticketId] = await openTickets(store, user, 1);
    const first = note(ticketId!, 'Acknowledged just before the server went back to its backup.');
    await store.enqueue(first);
    const { results } = await api.push({ clientId: crypto.randomUUID(), mutations: [first] });
    await store.recordPushResults(results, new Date().toISOString());

    await restart(copy);
    // The restored server gives the next change the number the lost one had, in its new history.
    const second = note(ticketId!, 'Made after the restore.');
    await store.enqueue(second);
    await engine.sync();

    expect(lost).toEqual([2]);
    const onServer = await serverScope(api);
    expect(timesOnServer(onServer, ticketId!, first.id)).toBe(1);
    expect(timesOnServer(onServer, ticketId!, second.id)).toBe(1);
    store.db.close();
  });

  it('restored, then moved past the console’s cursor by other work: nothing is skipped, nothing vanishes', async () => {
    const { api, user } = await signIn();
    const mine = consoleOf(api, user);
    const other = consoleOf(api, user);
    await mine.engine.sync();
    await other.engine.sync();
    const copy = await backup();
    const [ticketId, otherTicketId] = await openTickets(mine.store, user, 2);
    const mutation = note(ticketId!, 'Seen as sent, then lost by the server.');
    await mine.store.enqueue(mutation);
    await mine.engine.sync();
    const { cursor } = await mine.store.position();

    await restart(copy);
    // The same user's second console keeps working against the restored server, past the first one's cursor.
    const theirs: Mutation[] = [];
    while (Number((await other.store.position()).cursor) <= Number(cursor)) {
      const next = note(otherTicketId!, `Made on the second console (${theirs.length + 1}).`);
      theirs.push(next);
      await other.store.enqueue(next);
      await other.engine.sync();
    }
    await mine.engine.sync();

    expect(mine.lost).toEqual([1]);
    const onServer = await serverScope(api);
    expect(timesOnServer(onServer, ticketId!, mutation.id)).toBe(1);
    const seen = await mine.store.ticketView(otherTicketId!);
    expect(theirs.every((made) => seen?.ticket.timeline.some((entry) => entry.id === made.id))).toBe(true);
    mine.store.db.close();
    other.store.db.close();
  });
});
