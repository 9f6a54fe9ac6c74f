// The local store: optimistic changes are durable in the outbox at once, survive a reopen, and stay
// in view until the server's record includes them.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalDb } from '../../../renderer/data/local-db';
import { LocalStore, RefusedChange } from '../../../renderer/data/local-store';
import type { Mutation } from '../../../shared/mutations';
import { ENGINEER, FIXED_NOW, makeClosure, makeTicket } from '../../fixtures/tickets';

const actor = { ...ENGINEER, role: 'engineer' as const };
let dbCount = 0;
const opened: LocalDb[] = [];

function openStore(name = `test-${++dbCount}`): LocalStore {
  const db = new LocalDb(name);
  opened.push(db);
  return new LocalStore(db, actor);
}

function note(ticketId: string, body: string, n: number): Mutation {
  const id = `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
  return { id, name: 'addNote', args: { ticketId, noteId: id, body }, createdAt: FIXED_NOW };
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('LocalStore', () => {
  it('stores a pulled page with its cursor and shows it in the queue', async () => {
    const store = openStore();
    const ticket = makeTicket();
    await store.applyPullPage([ticket], '17', FIXED_NOW);
    expect(await store.cursor()).toBe('17');
    const [summary] = await store.summaries();
    expect(summary).toMatchObject({ id: ticket.id, number: ticket.number, pendingChanges: 0 });
  });

  it('keeps a new note in the outbox and in view, across a reopen of the database', async () => {
    const name = `reopen-${++dbCount}`;
    const first = openStore(name);
    const ticket = makeTicket();
    await first.applyPullPage([ticket], '1', FIXED_NOW);
    await first.enqueue(note(ticket.id, 'Customer sent the message trace.', 1));
    first.db.close();

    const reopened = openStore(name);
    const view = await reopened.ticketView(ticket.id);
    expect(view?.ticket.timeline.at(-1)).toMatchObject({
      kind: 'internal_note',
      body: 'Customer sent the message trace.',
    });
    expect(view?.unsentEntryIds.size).toBe(1);
    expect(await reopened.outboxCounts()).toEqual({ pending: 1, refused: 0 });
    expect((await reopened.summaries())[0]?.pendingChanges).toBe(1);
  });

  it('refuses a note on a closed ticket before anything is written', async () => {
    const store = openStore();
    const ticket = makeTicket({ stage: 'closed', status: 'closed', closure: makeClosure() });
    await store.applyPullPage([ticket], '1', FIXED_NOW);
    await expect(store.enqueue(note(ticket.id, 'Too late', 2))).rejects.toBeInstanceOf(RefusedChange);
    expect(await store.outboxCounts()).toEqual({ pending: 0, refused: 0 });
  });

  it('keeps an acknowledged note in view until a pull brings the server record that includes it', async () => {
    const store = openStore();
    const ticket = makeTicket();
    await store.applyPullPage([ticket], '1', FIXED_NOW);
    const mutation = note(ticket.id, 'Escalation path agreed with the customer.', 3);
    await store.enqueue(mutation);
    await store.recordPushResults([
      { id: mutation.id, status: 'applied', ticketId: ticket.id, version: ticket.version + 1 },
    ]);

    expect((await store.ticketView(ticket.id))?.ticket.timeline).toHaveLength(ticket.timeline.length + 1);
    expect(await store.pendingEntries(10)).toEqual([]);

    const serverView = (await store.ticketView(ticket.id))!.ticket;
    await store.applyPullPage([{ ...serverView, version: ticket.version + 1 }], '2', FIXED_NOW);
    const view = await store.ticketView(ticket.id);
    expect(view?.ticket.timeline.filter((entry) => entry.id === mutation.id)).toHaveLength(1);
    expect(view?.unsentEntryIds.size).toBe(0);
    expect(await store.db.outbox.count()).toBe(0);
  });

  it('keeps a refused change with its reason and takes it out of view', async () => {
    const store = openStore();
    const ticket = makeTicket();
    await store.applyPullPage([ticket], '1', FIXED_NOW);
    const mutation = note(ticket.id, 'Asked for the tenant id.', 4);
    await store.enqueue(mutation);
    const refusal = {
      code: 'ticket_closed' as const,
      message: `${ticket.number} is closed: reopen it before adding a note.`,
    };
    await store.recordPushResults([{ id: mutation.id, status: 'refused', refusal }]);
    expect(await store.outboxCounts()).toEqual({ pending: 0, refused: 1 });
    expect((await store.db.outbox.toArray())[0]).toMatchObject({ state: 'refused', refusal });
    expect((await store.ticketView(ticket.id))?.ticket.timeline).toHaveLength(ticket.timeline.length);
  });

  it('names the damaged record when a stored ticket no longer matches its schema', async () => {
    const store = openStore();
    const ticket = makeTicket();
    await store.applyPullPage([ticket], '1', FIXED_NOW);
    await store.db.tickets.put({ ...ticket, stage: 'lost' as never });
    await expect(store.ticketView(ticket.id)).rejects.toThrow(/local copy of ticket CSS-100042 is damaged \(stage:/);
  });
});
