// The queue tabs' counts at start-up come from a tally kept with every write to the queue rows: after
// any writes, in any mix and in parallel within a transaction, it is what counting the rows gives.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalDb } from '../../../renderer/data/local-db';
import { LocalStore } from '../../../renderer/data/local-store';
import type { TicketSummary } from '../../../renderer/data/summary';
import { Stage } from '../../../shared/domain';
import { ENGINEER } from '../../fixtures/tickets';

const opened: LocalDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});
let dbCount = 0;

const STAGES = Stage.options;
const ASSIGNEES = [ENGINEER.id, 'someone-else', null] as const;

/** A queue row as far as the tally and the table's indexes read it. */
const row = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
  stage: fc.constantFrom(...STAGES),
  assigneeId: fc.constantFrom(...ASSIGNEES),
});
const rowOf = ({ id, stage, assigneeId }: { id: string; stage: string; assigneeId: string | null }) =>
  ({
    id,
    stage,
    assigneeId,
    assigneeKey: assigneeId ?? '',
    updatedAt: '2026-11-30T09:00:00.000Z',
    number: id,
    sessionStarts: [],
  }) as unknown as TicketSummary;
const ids = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 3 });

type Write = (db: LocalDb) => Promise<unknown>;
const write: fc.Arbitrary<Write> = fc.oneof(
  row.map((r) => (db: LocalDb) => db.summaries.put(rowOf(r))),
  // The same ticket twice in one write: the second replaces the first.
  fc.array(row, { maxLength: 4 }).map((rs) => (db: LocalDb) => db.summaries.bulkPut(rs.map(rowOf))),
  fc
    .array(row, { maxLength: 3 })
    .map((rs) => (db: LocalDb) => db.summaries.bulkAdd(rs.map(rowOf)).catch(() => undefined)),
  ids.map((keys) => (db: LocalDb) => db.summaries.bulkDelete(keys)),
  fc
    .constantFrom(...STAGES)
    .map(
      (stage) => (db: LocalDb) =>
        db.summaries.where('[stage+assigneeKey]').between([stage, ''], [stage, '\uffff']).delete(),
    ),
  fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom(...STAGES)).map(
    ([id, stage]) =>
      (db: LocalDb) =>
        db.summaries.update(id, { stage }),
  ),
  fc.constantFrom(...STAGES).map((stage) => (db: LocalDb) => db.summaries.toCollection().modify({ stage })),
  fc.constant((db: LocalDb) => db.summaries.clear()),
);

/** Counted from the rows themselves, as the queue counts them once it has read every row. */
async function countedRows(db: LocalDb) {
  const rows = await db.summaries.toArray();
  const tabs = (shown: TicketSummary[]) => ({
    all: shown.length,
    mine: shown.filter((r) => r.assigneeId === ENGINEER.id).length,
    unassigned: shown.filter((r) => r.assigneeId === null).length,
  });
  return { all: tabs(rows), open: tabs(rows.filter((r) => r.stage !== 'closed')) };
}

describe('the queue rows’ tally', () => {
  it('is the rows’ count after any writes, one after another or together in a transaction', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(write, { minLength: 1, maxLength: 3 }), { maxLength: 8 }),
        async (transactions) => {
          const db = new LocalDb(`tally-${++dbCount}`);
          opened.push(db);
          const store = new LocalStore(db, { ...ENGINEER, role: 'engineer' });
          await store.scopeCounts(ENGINEER.id);
          for (const writes of transactions) {
            await db.transaction('rw', [db.summaries, db.meta], () => Promise.all(writes.map((w) => w(db))));
          }
          expect(await store.scopeCounts(ENGINEER.id)).toEqual(await countedRows(db));
          db.close();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('stays right when two windows write the rows in turn, and when a transaction is rolled back', async () => {
    // Each window knows the rows it wrote from an empty table; a write it did not see, or one undone,
    // must make it read the rows again rather than count from what it remembers.
    const transaction = fc.record({
      window: fc.constantFrom(0, 1),
      writes: fc.array(write, { minLength: 1, maxLength: 3 }),
      rolledBack: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(transaction, { maxLength: 10 }), async (transactions) => {
        const name = `tally-${++dbCount}`;
        const windows = [new LocalDb(name), new LocalDb(name)];
        opened.push(...windows);
        const store = new LocalStore(windows[0] as LocalDb, { ...ENGINEER, role: 'engineer' });
        await store.scopeCounts(ENGINEER.id);
        for (const { window, writes, rolledBack } of transactions) {
          const db = windows[window] as LocalDb;
          await db
            .transaction('rw', [db.summaries, db.meta], async () => {
              await Promise.all(writes.map((w) => w(db)));
              if (rolledBack) throw new Error('rolled back');
            })
            .catch((error: unknown) => {
              if (!(error instanceof Error && error.message === 'rolled back')) throw error;
            });
        }
        expect(await store.scopeCounts(ENGINEER.id)).toEqual(await countedRows(windows[0] as LocalDb));
        for (const db of windows) db.close();
      }),
      { numRuns: 150 },
    );
  });

  it('is counted from the rows when a local copy from before it has none, and kept from then on', async () => {
    const db = new LocalDb(`tally-${++dbCount}`);
    opened.push(db);
    const store = new LocalStore(db, { ...ENGINEER, role: 'engineer' });
    await db.transaction('rw', [db.summaries, db.meta], () =>
      db.summaries.bulkPut([
        rowOf({ id: 'a', stage: 'closed', assigneeId: ENGINEER.id }),
        rowOf({ id: 'b', stage: 'investigation', assigneeId: null }),
      ]),
    );
    expect(await db.meta.get('queueTally')).toBeUndefined();
    expect(await store.scopeCounts(ENGINEER.id)).toEqual({
      all: { all: 2, mine: 1, unassigned: 1 },
      open: { all: 1, mine: 0, unassigned: 1 },
    });
    await db.transaction('rw', [db.summaries, db.meta], () => db.summaries.delete('b'));
    expect(await store.scopeCounts(ENGINEER.id)).toEqual(await countedRows(db));
    expect((await store.scopeCounts(ENGINEER.id)).open.all).toBe(0);
  });

  it('says what is wrong when the rows are written without the table that keeps their tally', async () => {
    const db = new LocalDb(`tally-${++dbCount}`);
    opened.push(db);
    await expect(db.summaries.put(rowOf({ id: 'a', stage: 'closed', assigneeId: null }))).rejects.toThrow(
      /written only in a transaction that includes the meta table/,
    );
    expect(await db.summaries.count()).toBe(0);
  });
});
