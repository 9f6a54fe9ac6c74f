/**
 * How many queue rows the local copy holds per stage and assignee, kept in the database as the rows
 * change, in the same transaction: the tabs' counts at start-up come from this one record. Counting
 * the rows through their index instead took 200-250 ms at 50,000 tickets, before the first row.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';
import { z } from 'zod';
import { Stage } from '../../shared/domain';

/** How many tickets each of the queue's tabs holds. */
export interface ScopeCounts {
  all: number;
  mine: number;
  unassigned: number;
}

/** The tabs' counts of every ticket, and of the open ones (what the tabs show while closed ones are hidden). */
export interface QueueCounts {
  all: ScopeCounts;
  open: ScopeCounts;
}

export const QueueTally = z.object({
  /** Every row, whatever it holds. */
  rows: z.number().int().nonnegative(),
  /** Rows by stage, then by assignee key ('' when unassigned); only the rows the [stage+assigneeKey] index holds. */
  stages: z.record(z.string(), z.record(z.string(), z.number().int().positive())),
  /** The connection that wrote the tally last (see KnownRows); none when it was counted from the rows. */
  writer: z.string().optional(),
  /** How many writes that connection has counted in it. */
  writes: z.number().int().nonnegative().optional(),
});
export type QueueTally = z.infer<typeof QueueTally>;

/** The tally's record in the meta table. */
export const TALLY_KEY = 'queueTally';

/** The row's place in the tally: its stage and assignee key, when both are text (as the index holds them). */
function placeOf(row: unknown): readonly [string, string] | null {
  if (typeof row !== 'object' || row === null) return null;
  const { stage, assigneeKey } = row as { stage?: unknown; assigneeKey?: unknown };
  return typeof stage === 'string' && typeof assigneeKey === 'string' ? [stage, assigneeKey] : null;
}

function count(tally: QueueTally, place: readonly [string, string] | null, by: 1 | -1): void {
  tally.rows += by;
  if (place === null) return;
  const [stage, assigneeKey] = place;
  const assignees = (tally.stages[stage] ??= {});
  const n = (assignees[assigneeKey] ?? 0) + by;
  if (n > 0) assignees[assigneeKey] = n;
  else delete assignees[assigneeKey];
}

/** The tally of `rows` rows whose [stage+assigneeKey] index keys are `places`. */
export function tallyOf(rows: number, places: readonly unknown[]): QueueTally {
  const tally: QueueTally = { rows: 0, stages: {} };
  for (const place of places) {
    const [stage, assigneeKey] = Array.isArray(place) ? (place as unknown[]) : [];
    count(tally, placeOf({ stage, assigneeKey }), 1);
  }
  tally.rows = rows;
  return tally;
}

/** The tabs' counts for `userId`: "mine" is assigned to them, "open" leaves closed tickets out. */
export function countsOfTally(tally: QueueTally, userId: string): QueueCounts {
  const inStages = (stages: readonly Stage[], assigneeKey: string) =>
    stages.reduce((sum, stage) => sum + (tally.stages[stage]?.[assigneeKey] ?? 0), 0);
  const open = Stage.options.filter((stage) => stage !== 'closed');
  const closed = Object.values(tally.stages.closed ?? {}).reduce((sum, n) => sum + n, 0);
  const mine = inStages(open, userId);
  const unassigned = inStages(open, '');
  return {
    all: {
      all: tally.rows,
      mine: mine + inStages(['closed'], userId),
      unassigned: unassigned + inStages(['closed'], ''),
    },
    open: { all: tally.rows - closed, mine, unassigned },
  };
}

type Place = readonly [string, string] | null;

/**
 * Where each row stands, as one connection knows it for having counted every write since the table was
 * empty: a first sync then counts its pages without reading 50,000 rows back one by one. It is only
 * trusted while the stored tally is the one this connection last wrote (its writer and writes): a
 * write from another window, a rolled-back transaction or a tally counted again from the rows makes
 * the connection read the rows again, as before.
 */
interface KnownRows {
  writes: number;
  places: Map<unknown, Place>;
}

/** One connection's knowledge: its name in the tally, and the rows it knows (null once it is not sure). */
interface Connection {
  writer: string;
  known: KnownRows | null;
  /** One shared place per stage and assignee, however many rows stand there. */
  shared: Map<string, Place>;
}

function sharedPlace(connection: Connection, row: unknown): Place {
  const place = placeOf(row);
  if (place === null) return null;
  const key = `${place[0]}\u0000${place[1]}`;
  const known = connection.shared.get(key);
  if (known !== undefined) return known;
  connection.shared.set(key, place);
  return place;
}

/** The keys a write names and where the rows it finds there stand (undefined: no row), known or read in its transaction. */
async function placesBefore(
  table: DBCoreTable,
  req: DBCoreMutateRequest,
  connection: Connection,
  known: KnownRows | null,
): Promise<{ keys: unknown[]; places: (Place | undefined)[] }> {
  const extractKey = (row: unknown): unknown => table.schema.primaryKey.extractKey?.(row);
  const placeOfRow = (row: unknown) => (row === undefined ? undefined : sharedPlace(connection, row));
  if (req.type === 'deleteRange') {
    const query = { index: table.schema.primaryKey, range: req.range };
    const rows = (await table.query({ trans: req.trans, values: true, query })).result;
    return { keys: rows.map(extractKey), places: rows.map(placeOfRow) };
  }
  const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map(extractKey));
  if (known !== null) return { keys, places: keys.map((key) => known.places.get(key)) };
  return { keys, places: (await table.getMany({ trans: req.trans, keys })).map(placeOfRow) };
}

/** `req` carried out on the queue rows, and the tally (when there is one) counted again in the same transaction. */
async function tallied(
  rows: DBCoreTable,
  meta: DBCoreTable,
  req: DBCoreMutateRequest,
  connection: Connection,
): Promise<DBCoreMutateResponse> {
  // Dexie's IndexedDB layer hands the browser's transaction down as it is.
  if (!(req.trans as unknown as IDBTransaction).objectStoreNames.contains('meta'))
    throw new Error(
      'Queue rows are written only in a transaction that includes the meta table, which keeps their tally.',
    );
  const record = (await meta.get({ trans: req.trans, key: TALLY_KEY })) as { value?: unknown } | undefined;
  const stored = QueueTally.safeParse(record?.value);
  const mine = connection.known;
  // Until this write is stored, what the connection knew may be rolled back with its transaction.
  connection.known = null;
  // No tally, or a damaged one: the next read counts the rows (LocalStore.queueTally).
  if (!stored.success) return rows.mutate(req);
  const tally = stored.data;
  const writes = tally.writes ?? 0;
  const known =
    mine !== null && tally.writer === connection.writer && mine.writes === writes
      ? mine
      : tally.rows === 0
        ? { writes, places: new Map<unknown, Place>() }
        : null;
  const before = await placesBefore(rows, req, connection, known);
  const response = await rows.mutate(req);
  // A key named twice in one write is replaced twice: each time, what the one before left is what goes.
  const current = new Map<unknown, Place | undefined>();
  before.keys.forEach((key, index) => {
    if (response.failures[index] !== undefined) return;
    const replaced = current.has(key) ? current.get(key) : before.places[index];
    if (replaced !== undefined) count(tally, replaced, -1);
    const written: unknown = req.type === 'add' || req.type === 'put' ? req.values[index] : undefined;
    const place = written === undefined ? undefined : sharedPlace(connection, written);
    if (place !== undefined) count(tally, place, 1);
    current.set(key, place);
  });
  tally.writer = connection.writer;
  tally.writes = writes + 1;
  await meta.mutate({ trans: req.trans, type: 'put', values: [{ key: TALLY_KEY, value: tally }] });
  if (known !== null) {
    for (const [key, place] of current) {
      if (place === undefined) known.places.delete(key);
      else known.places.set(key, place);
    }
    known.writes = tally.writes;
    connection.known = known;
  }
  return response;
}

/**
 * Keeps the tally with every write to the queue rows, whoever makes it. A transaction that writes them
 * includes the meta table; its writes to them are carried out one after the other, each counted against
 * the rows it found.
 */
export const queueTallyMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'queueTally',
  create(down) {
    // One queue per transaction for the whole database: Dexie builds a table's layer again for each
    // transaction that asks for the table by name, and every one of them must wait for the others.
    const writes = new WeakMap<object, Promise<unknown>>();
    const connection: Connection = { writer: crypto.randomUUID(), known: null, shared: new Map() };
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'summaries') return table;
        const meta = down.table('meta');
        return {
          ...table,
          mutate(req) {
            const write = (writes.get(req.trans) ?? Promise.resolve()).then(() =>
              tallied(table, meta, req, connection),
            );
            writes.set(
              req.trans,
              write.catch(() => undefined),
            );
            return write;
          },
        };
      },
    };
  },
};
