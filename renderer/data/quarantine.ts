/** Setting damaged local records aside: moved to the quarantine table (never deleted), with what was wrong. */
import type { z } from 'zod';
import { describeZodError } from '../../shared/api/errors';
import type { LocalDb, QuarantinedRecord } from './local-db';
import { TALLY_KEY } from './queue-tally';

export interface DamagedRecord {
  table: QuarantinedRecord['table'];
  /** The record's primary key: the record itself may have lost its id. */
  key: string | number;
  record: unknown;
  /** What is wrong with it, field by field (describeZodError): plain data, so a worker can report it. */
  problem: string;
}

/** The record `key` of `table`, which failed its schema with `error`. */
export function damagedRecord(
  table: DamagedRecord['table'],
  key: DamagedRecord['key'],
  record: unknown,
  error: z.ZodError,
): DamagedRecord {
  return { table, key, record, problem: describeZodError(error) };
}

/**
 * Call inside a write transaction over tickets, summaries, outbox, meta and quarantine. Damaged
 * tickets leave the local copy with their queue rows and the cursor goes back to 0, so the next pull
 * brings them back from the server; a damaged queue row alone is removed (the caller rebuilds it from
 * its ticket, and the rows' tally is counted again); damaged changes leave the outbox.
 */
export async function setAside(db: LocalDb, damaged: readonly DamagedRecord[], now: string): Promise<void> {
  if (damaged.length === 0) return;
  await db.quarantine.bulkAdd(damaged.map(({ table, record, problem }) => ({ table, record, problem, at: now })));
  const keysOf = (table: QuarantinedRecord['table']) => damaged.filter((d) => d.table === table).map((d) => d.key);
  const tickets = keysOf('tickets').map(String);
  const damagedRows = keysOf('summaries').map(String);
  const rows = [...tickets, ...damagedRows];
  // A row damaged behind the console's back may have left the rows' tally wrong: it is counted again.
  if (damagedRows.length > 0) await db.meta.delete(TALLY_KEY);
  await db.tickets.bulkDelete(tickets);
  await db.summaries.bulkDelete(rows);
  await db.outbox.bulkDelete(keysOf('outbox').map(Number));
  if (tickets.length > 0 || keysOf('meta').length > 0) await db.meta.put({ key: 'cursor', value: '0' });
}
