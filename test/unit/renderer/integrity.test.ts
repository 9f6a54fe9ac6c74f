// Damaged local data is set aside — the outbox at start, tickets in the background or when opened —
// the rest re-pulled, the unsent changes kept; and a database written by an earlier version is
// upgraded in place.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { checkCachedTickets, checkOutbox } from '../../../renderer/data/integrity';
import { LocalDataError } from '../../../renderer/data/local-errors';
import { LocalStore } from '../../../renderer/data/local-store';
import { LocalDb } from '../../../renderer/data/local-db';
import { summarize, type TicketSummary } from '../../../renderer/data/summary';
import { RemoteSession } from '../../../shared/domain/remote-session';
import { allSummaries } from '../../support/local-copy';
import { ENGINEER, FIXED_NOW, makeTicket, makeTicketInStage } from '../../fixtures/tickets';

const actor = { ...ENGINEER, role: 'engineer' as const };
const other = makeTicket({ id: '00000000-0000-4000-8000-000000000002', number: 'CSS-100043' });

function note(ticketId: string, n: number) {
  const id = `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
  return { id, name: 'addNote', args: { ticketId, noteId: id, body: `note ${n}` }, createdAt: FIXED_NOW };
}

async function damagedCopy(name: string) {
  const db = new LocalDb(name);
  const store = new LocalStore(db, actor);
  await store.applyPullPage([makeTicket(), other], '42', FIXED_NOW);
  await store.enqueue(note(other.id, 1));
  await db.tickets.put({ ...makeTicket(), priority: 'whenever' as never });
  return { db, store };
}

describe('checkOutbox', () => {
  it('sets unreadable changes aside, counts them and keeps the sound ones', async () => {
    const { db, store } = await damagedCopy('integrity-outbox');
    await db.outbox.add({
      mutation: note(other.id, 9),
      ticketId: other.id,
      actor,
      state: 'lost' as never,
      appliedVersion: null,
      appliedSeq: null,
      appliedHistory: null,
      acknowledgedAt: null,
      refusal: null,
    });

    expect(await checkOutbox(db, FIXED_NOW)).toEqual({ unreadableChanges: 1 });

    const quarantined = await db.quarantine.toArray();
    expect(quarantined.map((q) => q.table)).toEqual(['outbox']);
    expect(await store.pendingEntries(10)).toHaveLength(1);
    // The tickets are not read at start: the damaged one is still there, for the background check.
    expect(await db.tickets.count()).toBe(2);
    expect(await store.cursor()).toBe('42');
    db.close();
  });

  it('sets a damaged cursor aside and pulls again from the start', async () => {
    const db = new LocalDb('integrity-cursor');
    await db.meta.put({ key: 'cursor', value: 'twelve' });
    expect(await checkOutbox(db, FIXED_NOW)).toEqual({ unreadableChanges: 0 });
    expect(await new LocalStore(db, actor).cursor()).toBe('0');
    expect(await db.quarantine.count()).toBe(1);
    db.close();
  });
});

describe('checkCachedTickets', () => {
  it('sets damaged tickets aside in the background and pulls again from the start, keeping the outbox', async () => {
    const { db, store } = await damagedCopy('integrity-tickets');
    let pauses = 0;

    const pause = () => {
      pauses += 1;
      return Promise.resolve();
    };
    expect(await checkCachedTickets(db, FIXED_NOW, pause)).toBe(1);

    const [quarantined] = await db.quarantine.toArray();
    expect(quarantined?.table).toBe('tickets');
    expect(quarantined?.problem).toMatch(/^priority:/);
    expect(await db.tickets.get(makeTicket().id)).toBeUndefined();
    expect((await allSummaries(store)).map((s) => s.number)).toEqual([other.number]);
    expect(await store.pendingEntries(10)).toHaveLength(1);
    expect(await store.cursor()).toBe('0');
    expect((await store.ticketView(other.id))?.ticket.timeline.at(-1)).toMatchObject({ body: 'note 1' });
    expect(pauses).toBe(0); // two tickets fit in one chunk
    db.close();
  });

  it('leaves a sound local copy untouched', async () => {
    const db = new LocalDb('integrity-sound');
    const store = new LocalStore(db, actor);
    await store.applyPullPage([makeTicket()], '7', FIXED_NOW);
    expect(await checkCachedTickets(db, FIXED_NOW)).toBe(0);
    expect(await store.cursor()).toBe('7');
    db.close();
  });
});

describe('a damaged ticket found when it is opened', () => {
  it('is set aside with a clear error, and the tickets are pulled again', async () => {
    const { db, store } = await damagedCopy('integrity-lazy');
    const heard: string[][] = [];
    store.subscribe(({ ticketIds }) => heard.push([...ticketIds]));

    const opening = store.ticketView(makeTicket().id);
    await expect(opening).rejects.toThrow(LocalDataError);
    await expect(opening).rejects.toThrow(/CSS-100042 is damaged \(priority:.*set aside and is downloaded again/);

    expect(await db.tickets.get(makeTicket().id)).toBeUndefined();
    expect(await db.quarantine.count()).toBe(1);
    expect(await store.cursor()).toBe('0');
    expect(heard).toEqual([[makeTicket().id]]);
    db.close();
  });

  it('damaged queue rows are rebuilt from their tickets when the queue is read, and the tabs count them again', async () => {
    const db = new LocalDb('integrity-row');
    const store = new LocalStore(db, actor);
    const other = makeTicket({ id: '00000000-0000-4000-8000-000000000002', number: 'CSS-100043' });
    await store.applyPullPage([makeTicket(), other], '7', FIXED_NOW);
    expect((await store.scopeCounts(actor.id)).open.all).toBe(2);
    // Damaged behind the console's back, as a disk damages it: one in a field the queue shows, one in the
    // update time, which also takes it out of the update index the queue is read through.
    const [row, otherRow] = await db.summaries.bulkGet([makeTicket().id, other.id]);
    const raw = db.backendDB().transaction('summaries', 'readwrite');
    raw.objectStore('summaries').put({ ...row, stage: 'somewhere' });
    raw.objectStore('summaries').put({ ...otherRow, updatedAt: undefined });
    await new Promise((resolve) => (raw.oncomplete = resolve));

    expect((await allSummaries(store)).map((s) => [s.number, s.stage, s.updatedAt]).sort()).toEqual(
      [makeTicket(), other].map((t) => [t.number, t.stage, t.updatedAt]).sort(),
    );
    expect((await db.quarantine.toArray()).map((q) => q.table)).toEqual(['summaries', 'summaries']);
    expect(await store.cursor()).toBe('7');
    expect(await store.scopeCounts(actor.id)).toEqual({
      all: { all: 2, mine: 2, unassigned: 0 },
      open: { all: 2, mine: 2, unassigned: 0 },
    });
    db.close();
  });
});

describe('LocalDb upgrades', () => {
  it('upgrades a database written by version 1 without losing the outbox, and slims the queue rows', async () => {
    const v1 = new Dexie('integrity-v1');
    v1.version(1).stores({
      tickets: 'id',
      summaries: 'id, stage, status, priority, scope, channel, assigneeId, createdAt, updatedAt',
      outbox: '++seq, &mutation.id, ticketId, state',
      meta: 'key',
    });
    const ticket = makeTicket();
    await v1.table('tickets').put(ticket);
    await v1.table('summaries').put({ id: ticket.id, assigneeId: null, searchText: 'long text' });
    await v1.table('outbox').add({
      mutation: note(ticket.id, 2),
      ticketId: ticket.id,
      actor,
      state: 'pending',
      appliedVersion: null,
      refusal: null,
    });
    v1.close();

    const db = new LocalDb('integrity-v1');
    expect(await checkOutbox(db, FIXED_NOW)).toEqual({ unreadableChanges: 0 });
    expect(db.verno).toBe(11);
    expect(await new LocalStore(db, actor).pendingEntries(10)).toHaveLength(1);
    expect(await db.summaries.get(ticket.id)).toEqual({ id: ticket.id, assigneeId: null, assigneeKey: '' });
    db.close();
  });

  it('gives queue rows stored before version 4 their sessions in a background pass, once', async () => {
    const v3 = new Dexie('sessions-v3');
    v3.version(3).stores({
      tickets: 'id',
      summaries:
        'id, stage, status, priority, scope, channel, assigneeKey, createdAt, [updatedAt+number], [assigneeKey+stage]',
      outbox: '++seq, &mutation.id, ticketId, state',
      meta: 'key',
      quarantine: '++id, table',
      searchBacklog: '++seq',
      searchIndex: 'key',
    });
    const slot = { start: '2025-03-12T14:00:00.000Z', end: '2025-03-12T15:00:00.000Z' };
    const withSession = makeTicket({
      stage: 'investigation',
      status: 'in_progress',
      remoteSessions: [
        RemoteSession.parse({
          id: '00000000-0000-4000-9000-000000000001',
          status: 'confirmed',
          proposedSlots: [slot],
          confirmedSlot: slot,
          meetingLink: 'https://teams.microsoft.com/l/meetup-join/abc',
          outcomeNotes: null,
          engineer: ENGINEER,
          createdAt: FIXED_NOW,
        }),
      ],
    });
    const without = makeTicket({ id: '00000000-0000-4000-8000-000000000002', number: 'CSS-100043' });
    await v3.table('tickets').bulkPut([withSession, without]);
    const olderRow: Partial<TicketSummary> = summarize(withSession, 0);
    delete olderRow.sessions;
    delete olderRow.sessionStarts;
    await v3.table('summaries').bulkPut([olderRow, { ...summarize(without, 0), sessions: undefined }]);
    v3.close();

    const db = new LocalDb('sessions-v3');
    const store = new LocalStore(db, actor);
    expect(await store.summariesWithSessions('2025-03-12T00:00:00.000Z', '2025-03-13T00:00:00.000Z')).toEqual([]);
    await store.summarizeOlderRows(1);
    const found = await store.summariesWithSessions('2025-03-12T00:00:00.000Z', '2025-03-13T00:00:00.000Z');
    expect(found.map((row) => [row.number, row.sessions])).toEqual([
      [
        withSession.number,
        [{ sessionId: '00000000-0000-4000-9000-000000000001', status: 'confirmed', engineerId: ENGINEER.id, ...slot }],
      ],
    ]);
    expect(await db.meta.get('sessionRowsPending')).toBeUndefined();
    db.close();
  });

  it('keeps the queue rows and the search backlog of version 5 through the indexes versions 6, 10 and 11 change', async () => {
    const v5 = new Dexie('queue-rows-v5');
    v5.version(5).stores({
      tickets: 'id',
      summaries:
        'id, stage, status, priority, scope, channel, assigneeKey, createdAt, [updatedAt+number], [assigneeKey+stage], *sessionStarts',
      outbox: '++seq, &mutation.id, ticketId, state, acknowledgedAt, appliedSeq',
      meta: 'key',
      quarantine: '++id, table',
      searchBacklog: '++seq',
      searchIndex: 'key',
    });
    const mine = makeTicket({ stage: 'escalated', assignee: ENGINEER, updatedAt: '2025-03-10T10:00:00.000Z' });
    const queued = makeTicket({ id: '00000000-0000-4000-8000-000000000002', number: 'CSS-100043', assignee: null });
    const done = makeTicketInStage('closed', {
      id: '00000000-0000-4000-8000-000000000003',
      number: 'CSS-100044',
      assignee: ENGINEER,
      updatedAt: '2025-03-01T10:00:00.000Z',
    });
    await v5.table('tickets').bulkPut([mine, queued, done]);
    await v5.table('summaries').bulkPut([summarize(mine, 0), summarize(queued, 0), summarize(done, 0)]);
    await v5.table('searchBacklog').bulkAdd([{ ticketId: mine.id }, { ticketId: queued.id }]);
    v5.close();

    const db = new LocalDb('queue-rows-v5');
    const store = new LocalStore(db, actor);
    expect((await store.recentSummaries(10)).map((row) => row.number)).toEqual([
      mine.number,
      queued.number,
      done.number,
    ]);
    expect(await store.scopeCounts(ENGINEER.id)).toEqual({
      all: { all: 3, mine: 2, unassigned: 1 },
      open: { all: 2, mine: 1, unassigned: 1 },
    });
    expect((await store.ticketsInStage('escalated')).map((ticket) => ticket.id)).toEqual([mine.id]);
    expect(db.summaries.schema.indexes.map((index) => index.name).sort()).toEqual([
      '[stage+assigneeKey]',
      '[updatedAt+number]',
      'sessionStarts',
    ]);
    expect(await db.searchBacklog.toArray()).toEqual([
      { seq: 1, ticketIds: [mine.id] },
      { seq: 2, ticketIds: [queued.id] },
    ]);
    db.close();
  });

  it("gives queue rows stored before version 8 their escalation's clock in a background pass", async () => {
    const v7 = new Dexie('escalations-v7');
    v7.version(7).stores({
      tickets: 'id',
      summaries: 'id, stage, assigneeKey, [updatedAt+number], [assigneeKey+stage], *sessionStarts',
      outbox: '++seq, &mutation.id, ticketId, state, acknowledgedAt, appliedSeq, [appliedHistory+appliedSeq]',
      meta: 'key',
      quarantine: '++id, table',
      searchBacklog: '++seq',
      searchIndex: 'key',
    });
    const escalated = makeTicketInStage('escalated', { assignee: ENGINEER });
    const olderRow: Partial<TicketSummary> = summarize(escalated, 0);
    delete olderRow.escalation;
    await v7.table('tickets').put(escalated);
    await v7.table('summaries').put(olderRow);
    v7.close();

    const db = new LocalDb('escalations-v7');
    const store = new LocalStore(db, actor);
    expect((await allSummaries(store)).map((row) => row.escalation)).toEqual([null]);
    await store.summarizeOlderRows();
    const [row] = await allSummaries(store);
    expect(row?.escalation).toMatchObject({ openedAt: escalated.escalation?.openedAt, status: 'open' });
    expect(await db.meta.get('escalationRowsPending')).toBeUndefined();
    db.close();
  });
});
