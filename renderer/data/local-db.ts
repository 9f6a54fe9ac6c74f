/**
 * The console's IndexedDB schema (Dexie): one database per user and server, upgraded by versioned
 * migrations — each version is added below the last, never edited once released.
 */
import { type Collection, Dexie, type EntityTable, type Table } from 'dexie';
import type { Ticket } from '../../shared/domain';
import type { OutboxEntry } from './outbox-entry';
import { queueTallyMiddleware } from './queue-tally';
import type { TicketSummary } from './summary';

export type MetaRecord =
  | { key: 'cursor'; value: string }
  /** The server's history the cursor belongs to (see HistoryId); null with cursor 0. */
  | { key: 'history'; value: string | null }
  /** Present while the console pulls everything again after the server lost changes; when it began. */
  | { key: 'resetting'; value: string }
  | { key: 'lastSyncAt'; value: string }
  | { key: 'team'; value: unknown }
  /** When the background check last read every cached ticket. */
  | { key: 'ticketsCheckedAt'; value: string }
  /** Present while queue rows written before sessions were summarized still wait for theirs. */
  | { key: 'sessionRowsPending'; value: string }
  /** Present while queue rows written before escalations were summarized still wait for their clocks. */
  | { key: 'escalationRowsPending'; value: string }
  /** The queue rows counted by stage and assignee, kept with every write to them (see queue-tally.ts). */
  | { key: 'queueTally'; value: unknown };

export interface QuarantinedRecord {
  id: number;
  table: 'tickets' | 'summaries' | 'outbox' | 'meta';
  record: unknown;
  /** What was wrong with it, field by field. */
  problem: string;
  at: string;
}

/** Tickets changed together (a pulled page, a change), at most BACKLOG_ENTRY_TICKETS of them. */
export interface SearchBacklogEntry {
  seq: number;
  ticketIds: string[];
}

/**
 * How many changed tickets one backlog entry names. A page's tickets go in a few entries, not one each:
 * 2,000 small records cost a page's write about as much as its 2,000 tickets.
 */
export const BACKLOG_ENTRY_TICKETS = 500;

/** The backlog entries that name `ticketIds`, to be added in the transaction that changes them. */
export function backlogEntries(ticketIds: readonly string[]): Omit<SearchBacklogEntry, 'seq'>[] {
  const entries: Omit<SearchBacklogEntry, 'seq'>[] = [];
  for (let from = 0; from < ticketIds.length; from += BACKLOG_ENTRY_TICKETS) {
    entries.push({ ticketIds: ticketIds.slice(from, from + BACKLOG_ENTRY_TICKETS) });
  }
  return entries;
}

/** The search index as saved: ticket ids by ordinal and terms in order, both joined by newlines, and each term's postings. */
export interface SearchIndexData {
  ids: string;
  terms: string;
  /** Term i's postings are postings[offsets[i]] to postings[offsets[i + 1]]. */
  offsets: Int32Array;
  postings: Int32Array;
}

export interface SearchIndexSnapshot {
  key: 'snapshot';
  /** The last backlog entry the saved index includes. */
  upToSeq: number;
  /** The format version it was written in (see ticket-search-index.ts). */
  format: number;
  index: SearchIndexData;
}

export class LocalDb extends Dexie {
  /** The server's record of each ticket in scope, exactly as last pulled. */
  tickets!: Table<Ticket, string>;
  /** One row per ticket for the queue, derived from the server record plus pending changes. */
  summaries!: Table<TicketSummary, string>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  meta!: Table<MetaRecord, MetaRecord['key']>;
  /** Records that failed their schema when read back, set aside (never deleted) for support to inspect. */
  quarantine!: EntityTable<QuarantinedRecord, 'id'>;
  /**
   * Tickets changed since the persisted search index was saved, in change order: written in the same
   * transaction as the change, so the index can always catch up, even after a crash.
   */
  searchBacklog!: EntityTable<SearchBacklogEntry, 'seq'>;
  /** The search index as last saved, and the backlog position it includes. */
  searchIndex!: Table<SearchIndexSnapshot, 'snapshot'>;

  constructor(name: string) {
    // A write resolves once it is on disk, not when it has reached the system's cache (Chromium's default
    // since 121), so a change the user made survives a power cut as well as a crash. One flush per
    // transaction: a change, or a pulled page of tickets.
    super(name, { chromeTransactionDurability: 'strict' });
    this.use(queueTallyMiddleware);
    this.version(1).stores({
      tickets: 'id',
      summaries: 'id, stage, status, priority, scope, channel, assigneeId, createdAt, updatedAt',
      outbox: '++seq, &mutation.id, ticketId, state',
      meta: 'key',
    });
    // 2: damaged records are set aside instead of stopping the console.
    this.version(2).stores({ quarantine: '++id, table' });
    // 3: the queue's rows lose the search text (the search index keeps it) and gain indexes that read
    // the first screen and the user's own escalations directly; the search index is persisted.
    this.version(3)
      .stores({
        summaries:
          'id, stage, status, priority, scope, channel, assigneeKey, createdAt, [updatedAt+number], [assigneeKey+stage]',
        searchBacklog: '++seq',
        searchIndex: 'key',
      })
      .upgrade((tx) =>
        tx
          .table('summaries')
          .toCollection()
          .modify((summary: Record<string, unknown>) => {
            delete summary.searchText;
            summary.assigneeKey = typeof summary.assigneeId === 'string' ? summary.assigneeId : '';
          }),
      );
    // 4: queue rows carry the times of the ticket's sessions, indexed for the agenda. Rows already
    // stored gain them from a background pass after the first screen, not here before it.
    this.version(4)
      .stores({
        summaries:
          'id, stage, status, priority, scope, channel, assigneeKey, createdAt, [updatedAt+number], [assigneeKey+stage], *sessionStarts',
      })
      .upgrade((tx) => tx.table('meta').put({ key: 'sessionRowsPending', value: new Date().toISOString() }));
    // 5: acknowledged changes are kept a while (see KEEP_ACKNOWLEDGED_MS), found by when they were acknowledged.
    this.version(5).stores({ outbox: '++seq, &mutation.id, ticketId, state, acknowledgedAt, appliedSeq' });
    // 6: queue rows keep only the indexes something reads (the queue sorts and filters in memory): every
    // index is written again for each pulled ticket, and a first sync writes 50,000 rows.
    this.version(6).stores({
      summaries: 'id, stage, assigneeKey, [updatedAt+number], [assigneeKey+stage], *sessionStarts',
    });
    // 7: every pull asks after the latest acknowledged change of each history the changes came in
    // (see LocalStore.position), found history by history.
    this.version(7).stores({
      outbox: '++seq, &mutation.id, ticketId, state, acknowledgedAt, appliedSeq, [appliedHistory+appliedSeq]',
    });
    // 8: queue rows keep the escalation's clock (the follow-up badge, filter and sort); older rows gain it
    // in the background pass after the first screen (LocalStore.summarizeOlderRows).
    this.version(8)
      .stores({})
      .upgrade((tx) => tx.table('meta').put({ key: 'escalationRowsPending', value: new Date().toISOString() }));
    // 9: the push reads the next batch of unsent changes as one range of an index, in one read, not
    // record by record through a filter (each record a round trip to the database).
    this.version(9).stores({
      outbox:
        '++seq, &mutation.id, ticketId, state, acknowledgedAt, appliedSeq, [appliedHistory+appliedSeq], [state+seq]',
    });
    // 10: the assignee's count reads the front of [assigneeKey+stage]: one index fewer to write per pulled row.
    this.version(10).stores({
      summaries: 'id, stage, [updatedAt+number], [assigneeKey+stage], *sessionStarts',
    });
    // 11: a pulled page's write loses an index and most of its backlog records. Queue rows find a stage,
    // and an assignee in a stage, through one index, [stage+assigneeKey] (built here once from the rows
    // stored); the search backlog names the tickets of a change together, in entries of up to
    // BACKLOG_ENTRY_TICKETS.
    this.version(11)
      .stores({ summaries: 'id, [updatedAt+number], [stage+assigneeKey], *sessionStarts' })
      .upgrade((tx) =>
        tx
          .table('searchBacklog')
          .toCollection()
          .modify((entry: Record<string, unknown>) => {
            entry.ticketIds = [entry.ticketId];
            delete entry.ticketId;
          }),
      );
  }
}

/** Each signed-in user on each server gets a database of their own, so scopes never mix. */
export function localDbName(serverUrl: string, userId: string): string {
  return `css-console:${new URL(serverUrl).host}:${userId}`;
}

/** The table's records after `after` in key order (from the first when null): how a whole table is read a chunk at a time. */
export function recordsAfter<T>(table: Table<T, string>, after: string | null): Collection<T, string> {
  return after === null ? table.orderBy(':id') : table.where(':id').above(after);
}
