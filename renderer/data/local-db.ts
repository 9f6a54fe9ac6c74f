/**
 * The console's IndexedDB schema (Dexie): one database per user and server, upgraded by versioned
 * migrations — each version is added below the last, never edited once released.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Ticket } from '../../shared/domain';
import type { OutboxEntry } from './outbox-entry';
import type { TicketSummary } from './summary';

export type MetaRecord =
  { key: 'cursor'; value: string } | { key: 'lastSyncAt'; value: string } | { key: 'team'; value: unknown };

export interface QuarantinedRecord {
  id: number;
  table: 'tickets' | 'summaries' | 'outbox' | 'meta';
  record: unknown;
  /** What was wrong with it, field by field. */
  problem: string;
  at: string;
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

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      tickets: 'id',
      summaries: 'id, stage, status, priority, scope, channel, assigneeId, createdAt, updatedAt',
      outbox: '++seq, &mutation.id, ticketId, state',
      meta: 'key',
    });
    // 2: damaged records are set aside instead of stopping the console.
    this.version(2).stores({ quarantine: '++id, table' });
  }
}

/** Each signed-in user on each server gets a database of their own, so scopes never mix. */
export function localDbName(serverUrl: string, userId: string): string {
  return `css-console:${new URL(serverUrl).host}:${userId}`;
}
