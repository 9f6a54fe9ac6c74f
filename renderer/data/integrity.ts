/**
 * The start-up check of the local copy: every record is parsed with its schema; a damaged one is set
 * aside in the quarantine table, the tickets are pulled again from the beginning, and the outbox —
 * the user's unsent work — keeps every change that is still readable.
 */
import type { z } from 'zod';
import { Ticket } from '../../shared/domain';
import { Cursor } from '../../shared/api';
import { describeZodError } from '../../shared/api/errors';
import type { LocalDb, QuarantinedRecord } from './local-db';
import { OutboxEntry } from './outbox-entry';
import { summarize, TicketSummary } from './summary';

export interface IntegrityReport {
  /** How many records were set aside. */
  quarantined: number;
}

type Table = QuarantinedRecord['table'];

export async function checkIntegrity(db: LocalDb, now: string): Promise<IntegrityReport> {
  return db.transaction('rw', [db.tickets, db.summaries, db.outbox, db.meta, db.quarantine], async () => {
    const damaged: Omit<QuarantinedRecord, 'id'>[] = [];
    const setAside = (table: Table, record: unknown, error: z.ZodError) =>
      damaged.push({ table, record, problem: describeZodError(error), at: now });

    const badTickets: string[] = [];
    await db.tickets.each((record, cursor) => {
      const parsed = Ticket.safeParse(record);
      if (!parsed.success) {
        setAside('tickets', record, parsed.error);
        badTickets.push(String(cursor.primaryKey));
      }
    });

    const badSummaries: string[] = [];
    await db.summaries.each((record, cursor) => {
      const parsed = TicketSummary.safeParse(record);
      if (!parsed.success) {
        setAside('summaries', record, parsed.error);
        badSummaries.push(String(cursor.primaryKey));
      }
    });

    const badChanges: number[] = [];
    await db.outbox.each((record, cursor) => {
      const parsed = OutboxEntry.safeParse(record);
      if (!parsed.success) {
        setAside('outbox', record, parsed.error);
        badChanges.push(Number(cursor.primaryKey));
      }
    });

    const cursor = await db.meta.get('cursor');
    const cursorProblem = cursor === undefined ? null : Cursor.safeParse(cursor.value).error;
    if (cursorProblem) setAside('meta', cursor, cursorProblem);

    if (damaged.length === 0) return { quarantined: 0 };
    await db.quarantine.bulkAdd(damaged);
    await db.tickets.bulkDelete(badTickets);
    await db.summaries.bulkDelete([...new Set([...badTickets, ...badSummaries])]);
    await db.outbox.bulkDelete(badChanges);
    // A summary derives from its ticket: rebuild the damaged ones whose ticket is sound.
    const rebuilt = (await db.tickets.bulkGet(badSummaries)).flatMap((ticket) =>
      ticket === undefined ? [] : [summarize(ticket, 0)],
    );
    await db.summaries.bulkPut(rebuilt);
    // Pull everything again: the server restores what was set aside, and the rest is refreshed.
    await db.meta.put({ key: 'cursor', value: '0' });
    return { quarantined: damaged.length };
  });
}
