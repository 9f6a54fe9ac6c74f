/**
 * The queue's rows read a chunk at a time, each checked against its schema: what the queue reader's
 * worker does off the main thread (queue-reader.ts), and what the local store does in-process. They
 * are read down the update index, in the queue's default order (last update first): the queue then
 * finds them sorted, and sorting 50,000 rows that are already in order is a single pass.
 */
import { type LocalDb } from './local-db';
import { type DamagedRecord, damagedRecord } from './quarantine';
import { TicketSummary } from './summary';

/** A row's key in the update index, [updatedAt+number]: where the queue's default order places it. */
export type RowPlace = [updatedAt: string, number: string];

export interface RowChunk {
  /** The whole rows, as read: their repeated values are not yet shared (see withSharedValues). */
  summaries: TicketSummary[];
  /** Rows that failed their schema, to be set aside and rebuilt from their tickets. */
  damaged: DamagedRecord[];
  /** Where the next chunk starts: the place of the last row read; null once every row has been read. */
  next: RowPlace | null;
}

/** Reads the rows after `after` in the update index, newest first, at most `limit`. */
export type RowReader = (after: RowPlace | null, limit: number) => Promise<RowChunk>;

export async function readRowChunk(db: LocalDb, after: RowPlace | null, limit: number): Promise<RowChunk> {
  const byUpdate =
    after === null ? db.summaries.orderBy('[updatedAt+number]') : db.summaries.where('[updatedAt+number]').below(after);
  const rows: unknown[] = await byUpdate.reverse().limit(limit).toArray();
  const summaries: TicketSummary[] = [];
  const damaged: DamagedRecord[] = [];
  for (const row of rows) {
    const parsed = TicketSummary.safeParse(row);
    if (parsed.success) summaries.push(parsed.data);
    else damaged.push(damagedRecord('summaries', idOf(row), row, parsed.error));
  }
  const last = rows.at(-1) as { updatedAt: string; number: string } | undefined;
  if (rows.length === limit && last !== undefined) return { summaries, damaged, next: [last.updatedAt, last.number] };
  damaged.push(...(await unindexedRows(db)));
  return { summaries, damaged, next: null };
}

// The id is the table's key, so every row read has one, whole or not.
const idOf = (row: unknown) => String((row as { id?: unknown }).id);

/**
 * The rows the update index does not hold, which its walk never meets: their update time or number is
 * no key at all, so they fail their schema. Looked for only when the index holds fewer rows than the table.
 */
async function unindexedRows(db: LocalDb): Promise<DamagedRecord[]> {
  // One read transaction: the counts and the scan see the same rows.
  const unindexed = await db.transaction('r', db.summaries, async (): Promise<unknown[]> => {
    const [rows, indexed] = await Promise.all([
      db.summaries.count(),
      db.summaries.orderBy('[updatedAt+number]').count(),
    ]);
    if (indexed >= rows) return [];
    return db.summaries.filter((row) => !isKey([row.updatedAt, row.number])).toArray();
  });
  return unindexed.flatMap((row) => {
    const parsed = TicketSummary.safeParse(row);
    return parsed.success ? [] : [damagedRecord('summaries', idOf(row), row, parsed.error)];
  });
}

function isKey(value: unknown): boolean {
  try {
    indexedDB.cmp(value, value);
    return true;
  } catch {
    return false;
  }
}
