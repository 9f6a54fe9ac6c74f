// Damaged local data is set aside at start, the rest re-pulled, the unsent changes kept; and a
// database written by the previous version is upgraded in place.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../../renderer/data/integrity';
import { LocalDb } from '../../../renderer/data/local-db';
import { LocalStore } from '../../../renderer/data/local-store';
import { ENGINEER, FIXED_NOW, makeTicket } from '../../fixtures/tickets';

const actor = { ...ENGINEER, role: 'engineer' as const };
const other = makeTicket({ id: '00000000-0000-4000-8000-000000000002', number: 'CSS-100043' });

function note(ticketId: string, n: number) {
  const id = `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
  return { id, name: 'addNote', args: { ticketId, noteId: id, body: `note ${n}` }, createdAt: FIXED_NOW };
}

describe('checkIntegrity', () => {
  it('sets damaged records aside, keeps the sound changes and pulls again from the start', async () => {
    const db = new LocalDb('integrity-1');
    const store = new LocalStore(db, actor);
    await store.applyPullPage([makeTicket(), other], '42', FIXED_NOW);
    await store.enqueue(note(other.id, 1));
    await db.tickets.put({ ...makeTicket(), priority: 'whenever' as never });
    await db.outbox.add({
      mutation: note(other.id, 9),
      ticketId: other.id,
      actor,
      state: 'lost' as never,
      appliedVersion: null,
      refusal: null,
    });

    expect(await checkIntegrity(db, FIXED_NOW)).toEqual({ quarantined: 2 });

    const quarantined = await db.quarantine.toArray();
    expect(quarantined.map((q) => q.table).sort()).toEqual(['outbox', 'tickets']);
    expect(quarantined.find((q) => q.table === 'tickets')?.problem).toMatch(/^priority:/);
    expect(await db.tickets.get(makeTicket().id)).toBeUndefined();
    expect(await db.summaries.get(makeTicket().id)).toBeUndefined();
    expect(await store.pendingEntries(10)).toHaveLength(1);
    expect(await store.cursor()).toBe('0');
    expect((await store.ticketView(other.id))?.ticket.timeline.at(-1)).toMatchObject({ body: 'note 1' });
    db.close();
  });

  it('leaves a sound local copy untouched', async () => {
    const db = new LocalDb('integrity-2');
    const store = new LocalStore(db, actor);
    await store.applyPullPage([makeTicket()], '7', FIXED_NOW);
    expect(await checkIntegrity(db, FIXED_NOW)).toEqual({ quarantined: 0 });
    expect(await store.cursor()).toBe('7');
    db.close();
  });

  it('upgrades a database written by version 1 without losing the outbox', async () => {
    const v1 = new Dexie('integrity-3');
    v1.version(1).stores({
      tickets: 'id',
      summaries: 'id, stage, status, priority, scope, channel, assigneeId, createdAt, updatedAt',
      outbox: '++seq, &mutation.id, ticketId, state',
      meta: 'key',
    });
    const ticket = makeTicket();
    await v1.table('tickets').put(ticket);
    await v1.table('outbox').add({
      mutation: note(ticket.id, 2),
      ticketId: ticket.id,
      actor,
      state: 'pending',
      appliedVersion: null,
      refusal: null,
    });
    v1.close();

    const db = new LocalDb('integrity-3');
    expect(await checkIntegrity(db, FIXED_NOW)).toEqual({ quarantined: 0 });
    expect(db.verno).toBe(2);
    expect(await new LocalStore(db, actor).pendingEntries(10)).toHaveLength(1);
    db.close();
  });
});
