/**
 * The queue's rows read a chunk at a time in id order, each checked against its schema: what the queue
 * reader's worker does off the main thread (queue-reader.ts), and what the local store does in-process.
 */
import { type LocalDb, recordsAfter } from './local-db';
import { type DamagedRecord, damagedRecord } from './quarantine';
import { TicketSummary } from './summary';

export interface RowChunk {
  /** The whole rows, as read: their repeated values are not yet shared (see withSharedValues). */
  summaries: TicketSummary[];
  /** Rows that failed their schema, to be set aside and rebuilt from their tickets. */
  damaged: DamagedRecord[];
  /** The id to read on from, or null when the table has no more rows. */
  lastId: string | null;
}

/** Reads the rows after `afterId` in id order, at most `limit`. */
export type RowReader = (afterId: string | null, limit: number) => Promise<RowChunk>;

export async function readRowChunk(db: LocalDb, afterId: string | null, limit: number): Promise<RowChunk> {
  const rows: unknown[] = await recordsAfter(db.summaries, afterId).limit(limit).toArray();
  const summaries: TicketSummary[] = [];
  const damaged: DamagedRecord[] = [];
  let lastId: string | null = afterId;
  for (const row of rows) {
    const parsed = TicketSummary.safeParse(row);
    // The id is the table's key, so every row read has one, whole or not.
    const id = String((row as { id?: unknown }).id);
    lastId = id;
    if (parsed.success) summaries.push(parsed.data);
    else damaged.push(damagedRecord('summaries', id, row, parsed.error));
  }
  return { summaries, damaged, lastId: rows.length < limit ? null : lastId };
}
