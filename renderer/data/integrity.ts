/**
 * Checks of the local copy against its schemas. At start only the outbox (the user's unsent work) and
 * the cursor are checked — they are small and everything else depends on them; the tickets are
 * checked in the background, a chunk at a time, and each is checked again when it is opened. A damaged
 * record is set aside in the quarantine table and the tickets are pulled again from the beginning.
 */
import { Ticket } from '../../shared/domain';
import { Cursor } from '../../shared/api';
import { backlogEntries, type LocalDb, recordsAfter } from './local-db';
import { OutboxEntry } from './outbox-entry';
import { type DamagedRecord, damagedRecord, setAside } from './quarantine';

/** Tickets parsed per read transaction in the background check. */
const CHUNK = 500;

export interface OutboxReport {
  /** Unsent changes that could not be read and were set aside. */
  unreadableChanges: number;
}

export async function checkOutbox(db: LocalDb, now: string): Promise<OutboxReport> {
  return db.transaction('rw', [db.tickets, db.summaries, db.outbox, db.meta, db.quarantine], async () => {
    // Read whole, not with a cursor, which waits for the database once per change: 1,000 unsent changes
    // took about 190 ms to check that way, 135 ms read whole (three starts each).
    const [keys, records] = await Promise.all([db.outbox.toCollection().primaryKeys(), db.outbox.toArray()]);
    const damaged = records.flatMap((record: unknown, index): DamagedRecord[] => {
      const parsed = OutboxEntry.safeParse(record);
      return parsed.success ? [] : [damagedRecord('outbox', Number(keys[index]), record, parsed.error)];
    });
    const unreadableChanges = damaged.length;
    const cursor = await db.meta.get('cursor');
    const cursorProblem = cursor === undefined ? undefined : Cursor.safeParse(cursor.value).error;
    if (cursorProblem !== undefined) damaged.push(damagedRecord('meta', 'cursor', cursor, cursorProblem));
    await setAside(db, damaged, now);
    return { unreadableChanges };
  });
}

/**
 * Parses every cached ticket, `CHUNK` at a time with `pause()` in between, and sets the damaged ones
 * aside. Returns how many were.
 */
export async function checkCachedTickets(
  db: LocalDb,
  now: string,
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<number> {
  const suspects: string[] = [];
  let after: string | null = null;
  for (;;) {
    const records: Ticket[] = await recordsAfter(db.tickets, after).limit(CHUNK).toArray();
    for (const record of records) if (!Ticket.safeParse(record).success) suspects.push(String(record.id));
    if (records.length < CHUNK) break;
    after = String(records.at(-1)?.id);
    await pause();
  }
  if (suspects.length === 0) return 0;
  // Checked again in the writing transaction: a pull may have replaced a record since it was read.
  return db.transaction(
    'rw',
    [db.tickets, db.summaries, db.outbox, db.meta, db.quarantine, db.searchBacklog],
    async () => {
      const records = await db.tickets.bulkGet(suspects);
      const damaged = records.flatMap((record, i): DamagedRecord[] => {
        const parsed = Ticket.safeParse(record);
        const key = suspects[i] as string;
        return record === undefined || parsed.success ? [] : [damagedRecord('tickets', key, record, parsed.error)];
      });
      await setAside(db, damaged, now);
      await db.searchBacklog.bulkAdd(backlogEntries(damaged.map((d) => String(d.key))));
      return damaged.length;
    },
  );
}
