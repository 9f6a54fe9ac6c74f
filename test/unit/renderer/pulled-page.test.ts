// A pulled page is checked on arrival for what the console reads before a ticket is opened: each
// ticket's counters and queue row. A page with a ticket the queue could not show is refused whole,
// in words that name the ticket's place and field; the rest of a record waits for its first opening.
import 'fake-indexeddb/auto';
import { AxiosHeaders, type AxiosAdapter } from 'axios';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../shared/domain';
import { ApiClient, ApiError } from '../../../renderer/data/api-client';
import { LocalDb } from '../../../renderer/data/local-db';
import { LocalStore } from '../../../renderer/data/local-store';
import { summarize } from '../../../renderer/data/summary';
import { allSummaries } from '../../support/local-copy';
import {
  ENGINEER_MEMBER,
  FIXED_NOW,
  SESSION_SLOTS,
  makeRemoteSession,
  makeTicketInStage,
} from '../../fixtures/tickets';

const ticketAt = (index: number, overrides: Partial<Ticket> = {}) =>
  makeTicketInStage(index % 2 === 0 ? 'investigation' : 'escalated', {
    id: `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
    number: `CSS-1001${String(index).padStart(2, '0')}`,
    serverSeq: index + 1,
    ...overrides,
  });

/** A server whose one page holds `tickets` as JSON, whatever their shape. */
function serverSending(tickets: unknown[]): ApiClient {
  return serverAnswering(
    JSON.stringify({ tickets, removed: [], remaining: 0, cursor: String(tickets.length), hasMore: false }),
  );
}

/** A server whose page is `body`, as it reaches the console. */
function serverAnswering(body: string): ApiClient {
  const adapter: AxiosAdapter = (config) =>
    Promise.resolve({
      data: body,
      status: 200,
      statusText: 'OK',
      headers: new AxiosHeaders({ 'content-type': 'application/json' }),
      config,
      request: {},
    });
  return new ApiClient('http://portal.invalid', 'token', { adapter });
}

async function refusal(server: ApiClient): Promise<ApiError> {
  const error: unknown = await server.pull('0', 500, null).then(
    () => null,
    (failure: unknown) => failure,
  );
  if (!(error instanceof ApiError)) throw new Error(`the page was not refused: ${String(error)}`);
  return error;
}

/** The tickets as JSON objects, one of them changed by `damage`. */
function withDamaged(damage: (ticket: Record<string, unknown>) => void): unknown[] {
  const tickets = [0, 1, 2].map((index) => JSON.parse(JSON.stringify(ticketAt(index))) as Record<string, unknown>);
  damage(tickets[1] as Record<string, unknown>);
  return tickets;
}

describe('a pulled page', () => {
  it('keeps each record as the server sent it, and its queue row is the one the record gives', async () => {
    const sent = [0, 1, 2].map((index) => ticketAt(index));
    const page = await serverSending(sent).pull('0', 500, null);
    expect(page.tickets).toEqual(sent);

    const store = new LocalStore(new LocalDb(`pulled-${crypto.randomUUID()}`), ENGINEER_MEMBER);
    await store.applyPullPage(page.tickets, page.cursor, '2025-03-10T09:00:00.000Z');
    const rows = new Map((await allSummaries(store)).map((row) => [row.id, row]));
    for (const ticket of sent) expect(rows.get(ticket.id)).toEqual(summarize(ticket, 0));
    store.db.close();
  });

  it('is refused in words when what arrives is not JSON (a proxy’s error page)', async () => {
    const error = await refusal(serverAnswering('<html>\n  <body>502 Bad Gateway</body>\n</html>'));
    expect(error.kind).toBe('contract');
    expect(error.message).toBe(
      'The server sent an unexpected page of tickets (not JSON: "<html> <body>502 Bad Gateway</body> </html>").',
    );
  });

  it.each([
    ['a stage the console does not know', (t: Record<string, unknown>) => (t.stage = 'parked'), 'tickets.1.stage'],
    ['no end customer', (t: Record<string, unknown>) => delete t.endCustomer, 'tickets.1.endCustomer'],
    ['an assignee that is only a name', (t: Record<string, unknown>) => (t.assignee = 'bob'), 'tickets.1.assignee'],
    [
      'a change time that is not a time',
      (t: Record<string, unknown>) => (t.updatedAt = 'yesterday'),
      'tickets.1.updatedAt',
    ],
    ['no version', (t: Record<string, unknown>) => delete t.version, 'tickets.1.version'],
    [
      'a proposed session slot that ends before it starts',
      (t: Record<string, unknown>) =>
        (t.remoteSessions = [
          makeRemoteSession({
            proposedSlots: [{ start: '2025-03-11T10:00:00.000Z', end: '2025-03-11T09:00:00.000Z' }],
          }),
        ]),
      'tickets.1.remoteSessions.0.proposedSlots.0.end',
    ],
  ])('is refused whole when a ticket has %s, naming the field', async (_, damage, where) => {
    const error = await refusal(serverSending(withDamaged(damage)));
    expect(error.kind).toBe('contract');
    expect(error.message).toMatch(/^The server sent an unexpected page of tickets \(/);
    expect(error.message).toContain(`${where}:`);
    expect(error.message).not.toMatch(/Cannot read|undefined \(reading/);
  });

  it('is refused when a ticket is not an object at all, in one sentence', async () => {
    const error = await refusal(serverSending([ticketAt(0), 'CSS-100101']));
    expect(error.kind).toBe('contract');
    expect(error.message).toBe(
      'The server sent an unexpected page of tickets (tickets.1: a ticket must be an object).',
    );
  });

  it.each([
    ['as the server has it', false],
    ['with a change of the user not yet sent', true],
  ])('keeps what a newer server adds to a session slot out of the queue row, %s', async (_, withChange) => {
    const session = makeRemoteSession({ status: 'confirmed', confirmedSlot: { ...SESSION_SLOTS[0] } });
    const ticket = ticketAt(0, { remoteSessions: [session] });
    const newer = {
      ...ticket,
      remoteSessions: [{ ...session, confirmedSlot: { ...SESSION_SLOTS[0], status: 'held' } }],
    };
    const store = new LocalStore(new LocalDb(`pulled-${crypto.randomUUID()}`), ENGINEER_MEMBER);
    if (withChange) {
      await store.applyPullPage([ticket], '0', FIXED_NOW);
      const id = '00000000-0000-4000-9000-000000000001';
      await store.enqueue({
        id,
        name: 'addNote',
        args: { ticketId: ticket.id, noteId: id, body: 'Asked for the logs.' },
        createdAt: FIXED_NOW,
      });
    }

    const page = await serverSending([newer]).pull('0', 500, null);
    await store.applyPullPage(page.tickets, page.cursor, FIXED_NOW);
    const [row] = await allSummaries(store);
    expect(row?.sessions).toEqual([
      { sessionId: session.id, engineerId: session.engineer.id, status: 'confirmed', ...SESSION_SLOTS[0] },
    ]);
    expect(row?.pendingChanges).toBe(withChange ? 1 : 0);
    store.db.close();
  });

  it.each([
    ['as the server has it', false],
    ['with a change of the user not yet sent', true],
  ])(
    'lets through a record damaged only where the queue does not read, %s: opening it sets it aside',
    async (_, withChange) => {
      const sent = withDamaged((t) => (t.timeline = 'lost'));
      const page = await serverSending(sent).pull('0', 500, null);
      const store = new LocalStore(new LocalDb(`pulled-${crypto.randomUUID()}`), ENGINEER_MEMBER);
      const damaged = ticketAt(1).id;
      if (withChange) {
        await store.applyPullPage([ticketAt(1)], '0', FIXED_NOW);
        const id = '00000000-0000-4000-9000-000000000002';
        await store.enqueue({
          id,
          name: 'addNote',
          args: { ticketId: damaged, noteId: id, body: 'Asked for the logs.' },
          createdAt: FIXED_NOW,
        });
      }
      await store.applyPullPage(page.tickets, page.cursor, '2025-03-10T09:00:00.000Z');
      const rows = await allSummaries(store);
      expect(rows).toHaveLength(3);
      // The change stays in the outbox, counted on its row, until the server has it.
      expect(rows.find((row) => row.id === damaged)?.pendingChanges).toBe(withChange ? 1 : 0);
      expect((await store.outboxCounts()).pending).toBe(withChange ? 1 : 0);

      await expect(store.ticketView(damaged)).rejects.toThrow(/timeline/);
      expect((await allSummaries(store)).map((row) => row.id)).not.toContain(damaged);
      expect(await store.ticketView(ticketAt(0).id)).not.toBeNull();
      store.db.close();
    },
  );
});
