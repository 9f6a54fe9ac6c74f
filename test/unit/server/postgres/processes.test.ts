// Two server processes on one PostgreSQL database (as behind a load balancer): the same mutations pushed
// to both at once are each applied once, change numbers stay unique, and a pull racing the pushes, from
// either process, skips no change. Runs in the vitest project `postgres` only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../../../shared/api';
import { LoginResponse } from '../../../../shared/api/auth';
import { type MutationResult, PullResponse, PushResponse } from '../../../../shared/api/sync';
import type { Ticket } from '../../../../shared/domain/ticket';
import type { Mutation } from '../../../../shared/mutations';
import { eventsOf } from '../../../support/server-events';
import { type ServerProcess, startServerProcess } from '../../../support/server-process';
import { newPostgresDatabase } from '../../../support/test-database';
import { addNote, giulia, marco } from '../fixtures';

async function signInOver(server: ServerProcess, user = giulia): Promise<string> {
  const response = await fetch(`${server.url}${API_PREFIX}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  return LoginResponse.parse(await response.json()).token;
}

async function pull(server: ServerProcess, token: string, cursor: string): Promise<PullResponse> {
  const response = await fetch(`${server.url}${API_PREFIX}/sync/pull?cursor=${cursor}&limit=2000`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`the pull was answered ${response.status}: ${await response.text()}`);
  return PullResponse.parse(await response.json());
}

async function push(server: ServerProcess, token: string, clientId: string, mutations: Mutation[]) {
  const response = await fetch(`${server.url}${API_PREFIX}/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ clientId, mutations }),
  });
  if (!response.ok) throw new Error(`the push was answered ${response.status}: ${await response.text()}`);
  return PushResponse.parse(await response.json()).results;
}

/** The user's change stream on `server`, past the event every console gets on connecting. */
async function changesOver(server: ServerProcess, token: string, signal: AbortSignal) {
  const stream = await fetch(`${server.url}${API_PREFIX}/sync/changes`, {
    headers: { authorization: `Bearer ${token}` },
    signal,
  });
  const next = eventsOf(stream.body as ReadableStream<Uint8Array>);
  await next();
  return next;
}

/** A pull's page, with the cursor it was asked from. */
interface Page {
  from: number;
  page: PullResponse;
}

describe('two server processes on one PostgreSQL database', () => {
  let drop: () => Promise<void>;
  let servers: [ServerProcess, ServerProcess];

  beforeAll(async () => {
    const database = await newPostgresDatabase();
    drop = database.drop;
    // Started together with --demo: the database is migrated and seeded once.
    const start = () => startServerProcess(['--demo', '--database', database.url]);
    const [a, b] = await Promise.all([start(), start()]);
    servers = [a, b];
  }, 60_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await drop();
  });

  it('applies each mutation pushed to both at once exactly once, and a pull racing the pushes skips none', async () => {
    const [a, b] = servers;
    // Signed in on one process, the token works on the other: tokens live in the database.
    const token = await signInOver(a);
    const before = await pull(b, token, '0');
    const tickets = before.tickets
      .filter((ticket) => ticket.assignee?.id === giulia.id && ticket.stage === 'investigation')
      .slice(0, 4);
    expect(tickets).toHaveLength(4);
    // Several notes to each ticket, so the processes contend for the same rows as well as the sequence.
    const mutations = Array.from({ length: 48 }, (_, index) =>
      addNote((tickets[index % tickets.length] as Ticket).id, `Note ${index + 1}, sent to both servers.`),
    );
    const clientId = randomUUID();
    const batches = Array.from({ length: 6 }, (_, index) => mutations.slice(index * 8, index * 8 + 8));

    let pushing = true;
    const pages: Page[] = [];
    const racingPull = (async () => {
      let cursor = before.cursor;
      // Pulls until a page asked for after the last push was answered says there is no more: a page
      // asked for while a push was still on its way may be answered after it and miss its change.
      for (let turn = 0, last = false; !last || pages.at(-1)?.page.hasMore !== false; turn++) {
        last = !pushing;
        const page = await pull(turn % 2 === 0 ? a : b, token, cursor);
        pages.push({ from: Number(cursor), page });
        cursor = page.cursor;
      }
    })();
    const answers = await Promise.all(
      batches.map((batch) => Promise.all([push(a, token, clientId, batch), push(b, token, clientId, batch)])),
    );
    pushing = false;
    await racingPull;

    // Each process answers each mutation with the one result recorded: applied once, one change number each.
    for (const [fromA, fromB] of answers) expect(fromB).toEqual(fromA);
    const results: MutationResult[] = answers.flatMap(([fromA]) => fromA);
    const applied = results.flatMap((result) =>
      result.status === 'applied' ? [{ ...result, seq: result.seq ?? 0 }] : [],
    );
    expect(applied.map((result) => result.id)).toEqual(mutations.map((mutation) => mutation.id));
    const seqs = applied.map((result) => result.seq).sort((x, y) => x - y);
    const first = Number(before.cursor) + 1;
    expect(seqs).toEqual(Array.from({ length: mutations.length }, (_, index) => first + index));

    // Each ticket holds each of its notes once, at a version one higher per note.
    const after = await pull(a, token, before.cursor);
    for (const ticket of tickets) {
      const stored = after.tickets.find((candidate) => candidate.id === ticket.id);
      const notes = mutations.filter((mutation) => (mutation.args as { ticketId: string }).ticketId === ticket.id);
      expect(stored?.version).toBe(ticket.version + notes.length);
      const bodies = stored?.timeline.flatMap((entry) => (entry.kind === 'internal_note' ? [entry.body] : []));
      for (const note of notes) {
        expect(bodies?.filter((body) => body === (note.args as { body: string }).body)).toHaveLength(1);
      }
    }

    // No pull skipped a change: the first page whose cursor reached a change's number holds its ticket
    // at that change's version or later.
    for (const result of applied) {
      const reached = pages.find(({ page }) => Number(page.cursor) >= result.seq);
      expect(reached, `no pull reached change ${result.seq}`).toBeDefined();
      const held = reached?.page.tickets.find((ticket) => ticket.id === result.ticketId);
      expect(held?.version ?? 0, `the pull from ${reached?.from} skipped change ${result.seq}`).toBeGreaterThanOrEqual(
        result.version,
      );
    }
  }, 120_000);

  it("announces the changes stored by either process on one's change stream, each with its number", async () => {
    const [a, b] = servers;
    const token = await signInOver(b);
    const aborted = new AbortController();
    const next = await changesOver(a, token, aborted.signal);
    const { tickets } = await pull(b, token, '0');
    const ticket = tickets.find((candidate) => candidate.assignee?.id === giulia.id && candidate.stage !== 'closed');
    if (ticket === undefined) throw new Error('the demo data gives Giulia an open ticket');
    const seqOf = (results: MutationResult[]) => ({ seq: results[0]?.status === 'applied' && results[0].seq });
    const elsewhere = await push(b, token, randomUUID(), [addNote(ticket.id, 'Stored through the other server.')]);
    expect(await next()).toEqual({ event: 'change', data: seqOf(elsewhere) });
    const here = await push(a, token, randomUUID(), [addNote(ticket.id, 'Stored through this server.')]);
    expect(await next()).toEqual({ event: 'change', data: seqOf(here) });
    const later = await push(b, token, randomUUID(), [addNote(ticket.id, 'Stored through the other server again.')]);
    expect(await next()).toEqual({ event: 'change', data: seqOf(later) });
    aborted.abort();
  });

  it("announces the other process's changes only to the consoles whose scope holds the ticket", async () => {
    const [a, b] = servers;
    const [ofGiulia, ofMarco] = await Promise.all([signInOver(b), signInOver(a, marco)]);
    const aborted = new AbortController();
    const next = await changesOver(a, ofMarco, aborted.signal);
    const { tickets } = await pull(b, ofGiulia, '0');
    const open = tickets.filter((candidate) => candidate.stage !== 'closed');
    const own = open.find((candidate) => candidate.assignee?.id === giulia.id);
    const queued = open.find((candidate) => candidate.assignee === null);
    if (own === undefined || queued === undefined)
      throw new Error('the demo data gives Giulia an open ticket and her team a queued one');
    // Giulia's own ticket is not Marco's to pull: his console, on the other process, is not told of it.
    const notHis = await push(b, ofGiulia, randomUUID(), [addNote(own.id, 'Only Giulia and her lead pull this.')]);
    const inQueue = await push(b, ofGiulia, randomUUID(), [addNote(queued.id, 'The whole team pulls this.')]);
    expect(notHis[0]?.status).toBe('applied');
    const applied = inQueue[0];
    if (applied?.status !== 'applied') throw new Error(`the note on the queued ticket was ${applied?.status}`);
    expect(await next()).toEqual({ event: 'change', data: { seq: applied.seq } });
    aborted.abort();
  });
});
