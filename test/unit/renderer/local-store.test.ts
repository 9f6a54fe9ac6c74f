// The local store: optimistic changes are durable in the outbox at once, survive a reopen, and stay
// in view until the server's record includes them.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalDb } from '../../../renderer/data/local-db';
import { RefusedChange } from '../../../renderer/data/local-errors';
import { LocalStore } from '../../../renderer/data/local-store';
import { KEEP_ACKNOWLEDGED_MS } from '../../../renderer/data/outbox-entry';
import { DEFAULT_ARRANGEMENT, QueueModel } from '../../../renderer/data/queue-model';
import { DEFAULT_FLOW_POLICY, TeamContext, type Ticket } from '../../../shared/domain';
import type { Mutation } from '../../../shared/mutations';
import {
  COLLEAGUE,
  COLLEAGUE_MEMBER,
  ENGINEER,
  ENGINEER_MEMBER,
  FIXED_NOW,
  LEAD,
  LEAD_MEMBER,
  makeClosure,
  makeRemoteSession,
  makeTicket,
  makeTicketInStage,
} from '../../fixtures/tickets';
import { fillDiskWhen } from '../../support/full-disk';
import { allSummaries } from '../../support/local-copy';

const actor = { ...ENGINEER, role: 'engineer' as const };
const HISTORY = '7b0c2c4e-1f2a-4b3c-8d4e-5f6a7b8c9d0e';
const A_WEEK_LATER = new Date(Date.parse(FIXED_NOW) + KEEP_ACKNOWLEDGED_MS).toISOString();
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
    const [summary] = await allSummaries(store);
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
    expect((await allSummaries(reopened))[0]?.pendingChanges).toBe(1);
  });

  it('refuses a note on a closed ticket before anything is written', async () => {
    const store = openStore();
    const ticket = makeTicket({ stage: 'closed', status: 'closed', closure: makeClosure() });
    await store.applyPullPage([ticket], '1', FIXED_NOW);
    await expect(store.enqueue(note(ticket.id, 'Too late', 2))).rejects.toBeInstanceOf(RefusedChange);
    expect(await store.outboxCounts()).toEqual({ pending: 0, refused: 0 });
  });

  it('reads the pending changes after the last one the server answered for, oldest first', async () => {
    const store = openStore();
    const ticket = makeTicket();
    await store.applyPullPage([ticket], '1', FIXED_NOW);
    const notes = [1, 2, 3, 4].map((n) => note(ticket.id, `Step ${n} done.`, 10 + n));
    for (const mutation of notes) await store.enqueue(mutation);
    const [first, second] = await store.pendingEntries(2);

    expect([first, second].map((entry) => entry?.mutation.id)).toEqual([notes[0]?.id, notes[1]?.id]);
    // The answers to the first two are still being recorded: they are pending, and skipped.
    const after = await store.pendingEntries(10, second?.seq);
    expect(after.map((entry) => entry.mutation.id)).toEqual([notes[2]?.id, notes[3]?.id]);
  });

  it('records answers without a refusal while a background read of the tickets is under way', async () => {
    const store = openStore();
    const ticket = makeTicket();
    await store.applyPullPage([ticket], '1', FIXED_NOW);
    const mutation = note(ticket.id, 'Mail flow restored.', 20);
    await store.enqueue(mutation);
    let recorded = false;
    // Reads until the answer is recorded: recording must not wait for this transaction to end.
    const reading = store.db.transaction('r', store.db.tickets, async () => {
      while (!recorded) await store.db.tickets.get(ticket.id);
    });
    await store.recordPushResults(
      [{ id: mutation.id, status: 'applied', ticketId: ticket.id, version: 2, seq: 2, history: HISTORY }],
      FIXED_NOW,
    );
    recorded = true;
    await reading;
    expect(await store.outboxCounts()).toEqual({ pending: 0, refused: 0 });
  });

  it('keeps an acknowledged note in view until a pull brings it, and in the outbox until the server is known to hold it', async () => {
    const store = openStore();
    const ticket = makeTicket();
    await store.applyPullPage([ticket], '1', FIXED_NOW);
    const mutation = note(ticket.id, 'Escalation path agreed with the customer.', 3);
    await store.enqueue(mutation);
    await store.recordPushResults(
      [
        {
          id: mutation.id,
          status: 'applied',
          ticketId: ticket.id,
          version: ticket.version + 1,
          seq: 2,
          history: HISTORY,
        },
      ],
      FIXED_NOW,
    );

    expect((await store.ticketView(ticket.id))?.ticket.timeline).toHaveLength(ticket.timeline.length + 1);
    expect(await store.pendingEntries(10)).toEqual([]);

    const serverView = (await store.ticketView(ticket.id))!.ticket;
    await store.applyPullPage([{ ...serverView, version: ticket.version + 1 }], '2', FIXED_NOW);
    const view = await store.ticketView(ticket.id);
    expect(view?.ticket.timeline.filter((entry) => entry.id === mutation.id)).toHaveLength(1);
    expect(view?.unsentEntryIds.size).toBe(0);
    // Kept, out of view, should the server lose it: a pull from cursor 2 says the server holds change 2,
    // and a week later the console forgets it.
    expect(await store.db.outbox.count()).toBe(1);
    await store.applyPullPage([], '2', FIXED_NOW);
    expect(await store.db.outbox.count()).toBe(1);
    await store.applyPullPage([], '2', A_WEEK_LATER);
    expect(await store.db.outbox.count()).toBe(0);
  });

  it('sends again the acknowledged changes when the server lost them, and drops the tickets it no longer has', async () => {
    const store = openStore();
    const ticket = makeTicket();
    const lost = makeTicket({ id: '00000000-0000-4000-8000-0000000000aa', number: 'CSS-100043' });
    await store.applyPullPage([ticket, lost], '1', FIXED_NOW, [], HISTORY);
    const mutation = note(ticket.id, 'Logs received.', 3);
    await store.enqueue(mutation);
    await store.recordPushResults(
      [{ id: mutation.id, status: 'applied', ticketId: ticket.id, version: 2, seq: 2, history: HISTORY }],
      FIXED_NOW,
    );
    await store.applyPullPage([{ ...ticket, version: 2 }], '2', FIXED_NOW, [], HISTORY);

    expect(await store.startOver(FIXED_NOW)).toBe(1);
    expect(await store.position()).toEqual({ cursor: '0', history: null, latest: [], resetting: true });
    expect((await store.pendingEntries(10)).map((entry) => entry.mutation.id)).toEqual([mutation.id]);
    // The record the server lost is laid over by the change again, until the server has it once more.
    expect((await store.ticketView(ticket.id))?.unsentEntryIds.has(mutation.id)).toBe(true);

    await store.applyPullPage([ticket], '1', FIXED_NOW, [], HISTORY);
    await store.finishStartOver(new Set([ticket.id]));
    expect(await store.ticketView(lost.id)).toBeNull();
    expect((await allSummaries(store)).map((row) => row.id)).toEqual([ticket.id]);
    expect((await store.position()).resetting).toBe(false);
  });

  it('says so when a change cannot be stored because the disk is full, and keeps nothing of it', async () => {
    const db = new LocalDb(`test-${++dbCount}`);
    opened.push(db);
    let full = false;
    fillDiskWhen(db, () => full);
    const store = new LocalStore(db, actor);
    const ticket = makeTicket();
    await store.applyPullPage([ticket], '1', FIXED_NOW);
    full = true;
    await expect(store.enqueue(note(ticket.id, 'Written on a full disk.', 7))).rejects.toThrow(
      'Your change could not be saved on this computer: its storage is full, so it was not sent. Free some disk space, then make the change again.',
    );
    expect(await store.outboxCounts()).toEqual({ pending: 0, refused: 0 });
    expect((await store.ticketView(ticket.id))?.ticket.timeline).toHaveLength(ticket.timeline.length);
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
    await store.recordPushResults([{ id: mutation.id, status: 'refused', refusal }], FIXED_NOW);
    expect(await store.outboxCounts()).toEqual({ pending: 0, refused: 1 });
    expect((await store.db.outbox.toArray())[0]).toMatchObject({ state: 'refused', refusal });
    expect((await store.ticketView(ticket.id))?.ticket.timeline).toHaveLength(ticket.timeline.length);
  });

  it('drops a ticket that left the scope, with its applied changes, and keeps a pending one for its refusal', async () => {
    const store = openStore();
    const ticket = makeTicket();
    await store.applyPullPage([ticket], '1', FIXED_NOW);
    const applied = note(ticket.id, 'Handed over with the logs.', 5);
    const pending = note(ticket.id, 'One more thing.', 6);
    await store.enqueue(applied);
    await store.enqueue(pending);
    await store.recordPushResults(
      [{ id: applied.id, status: 'applied', ticketId: ticket.id, version: 2, seq: 2, history: HISTORY }],
      FIXED_NOW,
    );

    // The server names it (among tickets never held here) once someone else holds it.
    await store.applyPullPage([], '2', FIXED_NOW, [ticket.id, '00000000-0000-4000-8000-00000000dead']);
    expect(await store.ticketView(ticket.id)).toBeNull();
    expect(await allSummaries(store)).toEqual([]);
    // The applied change stays until a pull from a cursor at or past its change says the server holds it, for a week.
    expect((await store.db.outbox.toArray()).map((entry) => entry.mutation.id)).toEqual([applied.id, pending.id]);
    expect(await store.cursor()).toBe('2');
    await store.applyPullPage([], '3', A_WEEK_LATER);
    expect((await store.db.outbox.toArray()).map((entry) => entry.mutation.id)).toEqual([pending.id]);
  });

  it('names the damaged record when a stored ticket no longer matches its schema', async () => {
    const store = openStore();
    const ticket = makeTicket();
    await store.applyPullPage([ticket], '1', FIXED_NOW);
    await store.db.tickets.put({ ...ticket, stage: 'lost' as never });
    await expect(store.ticketView(ticket.id)).rejects.toThrow(/local copy of ticket CSS-100042 is damaged \(stage:/);
  });
});

describe('LocalStore.scopeCounts', () => {
  it('counts every ticket of each tab and the open ones, which the tabs and the tray show', async () => {
    const store = openStore();
    const ticket = (n: number, overrides: Partial<Ticket>) =>
      makeTicketInStage(overrides.stage ?? 'investigation', {
        id: `00000000-0000-4000-8000-${String(700 + n).padStart(12, '0')}`,
        number: `CSS-${300000 + n}`,
        ...overrides,
      });
    await store.applyPullPage(
      [
        ticket(1, { stage: 'closed', assignee: ENGINEER }),
        ticket(2, { assignee: ENGINEER }),
        ticket(3, { stage: 'closed', assignee: COLLEAGUE }),
      ],
      '3',
      FIXED_NOW,
    );
    expect(await store.scopeCounts(ENGINEER.id)).toEqual({
      all: { all: 3, mine: 2, unassigned: 0 },
      open: { all: 1, mine: 1, unassigned: 0 },
    });
  });
});

describe('LocalStore.ticketsInStage', () => {
  const escalated = (n: number, overrides: Partial<Ticket> = {}) =>
    makeTicketInStage('escalated', {
      id: `00000000-0000-4000-8000-${String(500 + n).padStart(12, '0')}`,
      number: `CSS-${200000 + n}`,
      ...overrides,
    });

  it('reads only the tickets in the stage, with pending changes re-applied', async () => {
    const store = new LocalStore(new LocalDb(`stage-${++dbCount}`), { ...LEAD, role: 'lead' });
    opened.push(store.db);
    const team = { members: [ENGINEER_MEMBER, COLLEAGUE_MEMBER, LEAD_MEMBER], policy: DEFAULT_FLOW_POLICY };
    await store.saveTeam(TeamContext.parse(team));
    const first = escalated(1);
    const second = escalated(2);
    await store.applyPullPage([first, second, makeTicketInStage('investigation')], '3', FIXED_NOW);
    await store.enqueue({
      id: '00000000-0000-4000-9000-000000000901',
      name: 'assignTicket',
      args: { ticketId: second.id, eventId: '00000000-0000-4000-9000-000000000902', assigneeId: COLLEAGUE.id },
      createdAt: FIXED_NOW,
    });

    const tickets = await store.ticketsInStage('escalated');
    expect(tickets.map((ticket) => [ticket.number, ticket.assignee?.name])).toEqual([
      [first.number, ENGINEER.name],
      [second.number, COLLEAGUE.name],
    ]);
    expect(await store.ticketsInStage('resolution')).toEqual([]);
  });

  it('reads the first screen from the index in exactly the order the whole queue is shown in', async () => {
    const store = openStore();
    // Many tickets updated at the same instant: the tie-break must agree too.
    const tickets = Array.from({ length: 30 }, (_, i) =>
      makeTicket({
        id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
        number: `CSS-${100100 + ((i * 7) % 30)}`,
        updatedAt: `2025-03-0${1 + (i % 3)}T09:00:00.000Z`,
      }),
    );
    await store.applyPullPage(tickets, '30', FIXED_NOW);
    const arrangement = { ...DEFAULT_ARRANGEMENT, userId: ENGINEER.id, now: new Date(FIXED_NOW) };
    const model = new QueueModel(arrangement);
    model.add(await allSummaries(store));
    model.arrange(arrangement);
    expect((await store.recentSummaries(10)).map((s) => s.number)).toEqual(
      model.rows.slice(0, 10).map((s) => s.number),
    );
  });

  it('reads the rows of the tickets a search found, in its order, leaving out those not in the local copy', async () => {
    const store = openStore();
    const tickets = Array.from({ length: 3 }, (_, i) =>
      makeTicket({ id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`, number: `CSS-10010${i}` }),
    );
    await store.applyPullPage(tickets, '3', FIXED_NOW);
    const [first, , third] = tickets.map((ticket) => ticket.id);
    const unknown = '00000000-0000-4000-8000-000000000999';
    expect((await store.summariesOf([third ?? '', unknown, first ?? ''])).map((s) => s.number)).toEqual([
      'CSS-100102',
      'CSS-100100',
    ]);
  });
});

describe('LocalStore.summariesWithSessions', () => {
  it("reads the sessions in a window, everyone's or one engineer's", async () => {
    const store = openStore();
    const booked = (n: number, engineer: typeof ENGINEER) =>
      makeTicketInStage('investigation', {
        id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        number: `CSS-10020${n}`,
        remoteSessions: [makeRemoteSession({ engineer })],
      });
    const unbooked = makeTicket({ id: '00000000-0000-4000-8000-000000000003', number: 'CSS-100203' });
    await store.applyPullPage([booked(1, ENGINEER), booked(2, COLLEAGUE), unbooked], '3', FIXED_NOW);
    const numbers = async (engineerId: string | null) =>
      (await store.summariesWithSessions(FIXED_NOW, '2025-03-24T00:00:00.000Z', engineerId))
        .map((row) => row.number)
        .sort();
    expect(await numbers(null)).toEqual(['CSS-100201', 'CSS-100202']);
    expect(await numbers(ENGINEER.id)).toEqual(['CSS-100201']);
    expect(await numbers(COLLEAGUE.id)).toEqual(['CSS-100202']);
    expect(await numbers(LEAD.id)).toEqual([]);
  });
});
