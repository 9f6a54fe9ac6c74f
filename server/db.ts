/**
 * The portal's database on either engine: opening it, and its queries, each written once for both engines:
 * the tickets and their change history here, the rest in its parts (the directory of teams and users, the
 * log of applied mutations, the index of remote sessions).
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { Role, User } from '../shared/domain/people';
import { Ticket } from '../shared/domain/ticket';
import { type ChangeListener, ChangeAnnouncer, holdersIn } from './change-announcer';
import { PortalDirectory } from './directory';
import { checkIntegrity } from './integrity';
import { migrate } from './migrations';
import { MutationLog } from './mutation-log';
import { SessionIndex } from './scheduling/session-index';
import { type TicketHolder, scopeSql } from './scope';
import type { SqlDatabase, SqlDialect, SqlSession } from './storage/sql';
import { openPostgres } from './storage/postgres';
import { SqliteDatabase } from './storage/sqlite';
import { type StoredTicket, parseStoredTicket } from './stored-ticket';

// The schemas of what queries return are built once: building a zod schema costs more than running it.
const TicketDataRow = z.object({ data: z.string() });
const toTicket = (row: unknown): Ticket => parseStoredTicket(TicketDataRow.parse(row).data);

const StoredTicketRow = z.object({ server_seq: z.number().int(), data: z.instanceof(Buffer) });
const ValueRow = z.object({ value: z.number().int() });
const CountRow = z.object({ n: z.number().int() });
const IdRow = z.object({ id: z.string() });

const TicketHolderRow = z.object({ team_id: z.string(), assignee_id: z.string().nullable() });

/** The user as the scope queries bind them. */
const scopeOf = (user: User) => ({ teamId: user.teamId, userId: user.id });

/** Ticket numbers are CSS- and the ticket number sequence's value, in six digits or more (see TicketNumber). */
const formatTicketNumber = (value: number) => `CSS-${String(value).padStart(6, '0')}`;
const ticketNumberValue = (number: string) => Number(number.slice('CSS-'.length));

/**
 * Opens (creating if missing) the SQLite database at `file`, an empty in-memory one for ':memory:', or an
 * in-memory copy of a serialized database (a Buffer from `sqlite.serialize()`), checked and migrated.
 * Throws DamagedDatabaseError, naming the file, when SQLite finds it damaged.
 */
export async function openDatabase(file: string | Buffer): Promise<PortalDatabase> {
  const sqlite = new Database(file);
  try {
    checkIntegrity(sqlite, typeof file === 'string' && file !== ':memory:' ? resolve(file) : 'in memory');
    sqlite.pragma('journal_mode = WAL');
    // A push is answered once its transaction commits, so the commit must be on disk by then: in WAL mode
    // NORMAL syncs only at checkpoints, and a power cut could take back changes already acknowledged.
    // bench/server-durability.ts measures what FULL costs.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    return await openPortalDatabase(new SqliteDatabase(sqlite));
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * Opens the PostgreSQL database at `url` (postgres://user:password@host:5432/database), migrated. Throws,
 * in words and with the password hidden, when it cannot be reached.
 */
export async function openPostgresDatabase(url: string): Promise<PortalDatabase> {
  const database = await openPostgres(url);
  try {
    return await openPortalDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** The portal's database on an engine's open database: migrated, with a history begun for this start. */
async function openPortalDatabase(database: SqlDatabase): Promise<PortalDatabase> {
  await migrate(database);
  const announcer = new ChangeAnnouncer();
  const db = new PortalDatabase(database, { database, announcer }, null);
  await db.beginHistory();
  await database.onChangesElsewhere((announcement) => announcer.announce(holdersIn(announcement)));
  return db;
}

/** The statements of the tickets and their history, each written once for both engines (see SqlDialect for the rest). */
const SQL = {
  currentSeq: 'SELECT value FROM change_sequence WHERE id = 1',
  beginHistory: `INSERT INTO change_histories (id, first_seq)
    SELECT ?, CASE WHEN EXISTS (SELECT 1 FROM change_histories) THEN value + 1 ELSE 1 END
    FROM change_sequence WHERE id = 1`,
  historyOf: 'SELECT id FROM change_histories WHERE first_seq <= ? ORDER BY first_seq DESC, seq DESC LIMIT 1',
  // The counter's row stays locked until the transaction ends: the next number is handed out only once
  // this one is committed (or rolled back), so change numbers commit in order, whatever the processes.
  nextSeq: 'UPDATE change_sequence SET value = value + 1 WHERE id = 1 RETURNING value',
  nextTicketNumber: 'UPDATE ticket_number_sequence SET value = value + 1 WHERE id = 1 RETURNING value',
  // Tickets numbered elsewhere (the demo seed) move the sequence past their number, so intake never repeats one.
  passTicketNumber: 'UPDATE ticket_number_sequence SET value = @value WHERE id = 1 AND value < @value',
  ticketById: 'SELECT data FROM tickets WHERE id = ?',
  saveTicket: `INSERT INTO tickets (id, number, team_id, assignee_id, stage, status, priority, version, server_seq, updated_at, data)
    VALUES (@id, @number, @teamId, @assigneeId, @stage, @status, @priority, @version, @serverSeq, @updatedAt, @data)
    ON CONFLICT (id) DO UPDATE SET
      team_id = excluded.team_id, assignee_id = excluded.assignee_id, stage = excluded.stage,
      status = excluded.status, priority = excluded.priority, version = excluded.version,
      server_seq = excluded.server_seq, updated_at = excluded.updated_at, data = excluded.data`,
  ticketHolder: 'SELECT team_id, assignee_id FROM tickets WHERE id = ?',
  recordScopeExit: 'INSERT INTO ticket_scope_exits (ticket_id, team_id, assignee_id, server_seq) VALUES (?, ?, ?, ?)',
} as const;

/** The queries of one role's scope, each built from the scope rule (scope.ts), in the engine's dialect. */
function scopeQueries(role: Role, dialect: SqlDialect) {
  const holds = scopeSql[role];
  return {
    changes: `SELECT server_seq, ${dialect.utf8Bytes('data')} AS data FROM tickets
      WHERE ${holds('team_id', 'assignee_id')} AND server_seq > @afterSeq
      ORDER BY server_seq LIMIT @limit`,
    count: `SELECT count(*) AS n FROM tickets WHERE ${holds('team_id', 'assignee_id')} AND server_seq > @afterSeq`,
    // A ticket the user could have held (its holder then was in their scope) that is not in it now.
    left: `SELECT e.ticket_id AS id FROM ticket_scope_exits e JOIN tickets t ON t.id = e.ticket_id
      WHERE ${holds('e.team_id', 'e.assignee_id')} AND e.server_seq > @afterSeq AND e.server_seq <= @uptoSeq
        AND NOT (${holds('t.team_id', 't.assignee_id')})
      GROUP BY e.ticket_id ORDER BY min(e.server_seq)`,
  };
}

/** What every session on one database shares: the engine, and who hears of its changes. */
interface SharedState {
  readonly database: SqlDatabase;
  readonly announcer: ChangeAnnouncer;
}

/**
 * The portal's queries on a session: the database itself, or (in `transaction`'s work) one transaction
 * on it, whose queries all go through that transaction.
 */
export class PortalDatabase {
  /** The engineers' bookings and the scheduling links, kept in step with the tickets by saveTicket. */
  readonly sessions: SessionIndex;
  /** Teams, users and their sign-in tokens, resellers, end customers and entitlements. */
  readonly directory: PortalDirectory;
  /** The mutations applied or refused, each with its first result. */
  readonly mutations: MutationLog;
  private readonly scope: Record<Role, ReturnType<typeof scopeQueries>>;

  constructor(
    readonly sql: SqlSession,
    private readonly shared: SharedState,
    /** What the outermost transaction does once it commits; null outside a transaction. */
    private readonly afterCommit: (() => void)[] | null,
  ) {
    this.sessions = new SessionIndex(sql);
    this.directory = new PortalDirectory(sql);
    this.mutations = new MutationLog(sql);
    this.scope = { lead: scopeQueries('lead', sql.dialect), engineer: scopeQueries('engineer', sql.dialect) };
  }

  /** The engine's open database, for what only it knows (its version, its file). */
  get database(): SqlDatabase {
    return this.shared.database;
  }

  /**
   * Runs `work` in one transaction: all of its writes commit together, or none do. The work's queries go
   * through the database it is given; inside another transaction it is a savepoint of it.
   */
  async transaction<T>(work: (db: PortalDatabase) => Promise<T>): Promise<T> {
    if (this.afterCommit !== null) {
      return this.sql.transaction((session) => work(new PortalDatabase(session, this.shared, this.afterCommit)));
    }
    let committed: (() => void)[] = [];
    const result = await this.sql.transaction((session) => {
      // Afresh at each attempt: an engine may run the work again after a conflict with another process.
      committed = [];
      return work(new PortalDatabase(session, this.shared, committed));
    });
    for (const done of committed) done();
    return result;
  }

  /** Runs `work`, which only reads, on one snapshot: its queries all see the same committed changes. */
  readTransaction<T>(work: (db: PortalDatabase) => Promise<T>): Promise<T> {
    return this.sql.transaction((session) => work(new PortalDatabase(session, this.shared, [])), 'snapshot');
  }

  close(): Promise<void> {
    return this.shared.database.close();
  }

  /**
   * Begins a new history of changes at the next change: openPortalDatabase does, each time a server
   * starts on the database. It waits for the changes being written to commit (it takes the counter's
   * row), so none of theirs falls into the new history.
   */
  async beginHistory(): Promise<void> {
    await this.transaction(async (db) => {
      await db.holdChanges();
      await db.sql.run(SQL.beginHistory, [randomUUID()]);
    });
  }

  /**
   * Holds the change counter until the transaction this runs in ends: every change being written commits
   * first, and none is written meanwhile, by any process.
   */
  async holdChanges(): Promise<void> {
    await this.sql.get(`${SQL.currentSeq}${this.sql.dialect.forUpdate}`);
  }

  /** The history the change `seq` was made in (see change_histories); null for 0, before any change. */
  async historyOf(seq: number): Promise<string | null> {
    if (seq < 1) return null;
    const row = await this.sql.get(SQL.historyOf, [seq]);
    return row === undefined ? null : IdRow.parse(row).id;
  }

  /** The last change number handed out; 0 before any ticket exists. */
  async currentSeq(): Promise<number> {
    return ValueRow.parse(await this.sql.get(SQL.currentSeq)).value;
  }

  /** Hands out the next change number; call it inside the transaction that writes the change. */
  async nextSeq(): Promise<number> {
    return ValueRow.parse(await this.sql.get(SQL.nextSeq)).value;
  }

  /**
   * Calls `listener` after changes are committed (the change stream tells the consoles to pull); returns
   * the unsubscribe. A burst of changes is announced once, on the next turn of the event loop, with
   * every holder of the burst.
   */
  onChange(listener: ChangeListener): () => void {
    return this.shared.announcer.listen(listener);
  }

  /**
   * Hands out the next ticket number, from a counter rather than the highest number stored: numbers
   * grow past six digits (CSS-999999, CSS-1000000) where text order would stop. Call it inside the
   * transaction that saves the ticket, so two tickets never get the same one.
   */
  async nextTicketNumber(): Promise<string> {
    return formatTicketNumber(ValueRow.parse(await this.sql.get(SQL.nextTicketNumber)).value);
  }

  async findTicket(id: string): Promise<Ticket | null> {
    const row = await this.sql.get(SQL.ticketById, [id]);
    return row === undefined ? null : toTicket(row);
  }

  /**
   * The ticket, held for the transaction this runs in until it ends: another process's change to it
   * waits, so a change is always made to the latest version. Call it inside the transaction that saves it.
   */
  async lockTicket(id: string): Promise<Ticket | null> {
    const row = await this.sql.get(`${SQL.ticketById}${this.sql.dialect.forUpdate}`, [id]);
    return row === undefined ? null : toTicket(row);
  }

  /**
   * Inserts or replaces the ticket, keeping the indexed columns and its sessions' bookings and links in
   * step with its JSON, and records it leaving its holder (another assignee, the queue, another team) for
   * the pulls of whoever held it. All in one transaction (a savepoint inside the caller's).
   */
  async saveTicket(ticket: Ticket): Promise<void> {
    const valid = Ticket.parse(ticket);
    await this.transaction((db) => db.writeTicket(valid));
  }

  private async writeTicket(valid: Ticket): Promise<void> {
    const assigneeId = valid.assignee?.id ?? null;
    // Whoever holds it now hears of the change, and whoever held it until now, for it leaves their scope.
    const holders: TicketHolder[] = [{ teamId: valid.teamId, assigneeId }];
    const row = await this.sql.get(SQL.ticketHolder, [valid.id]);
    if (row === undefined) {
      await this.sql.run(SQL.passTicketNumber, { value: ticketNumberValue(valid.number) });
    } else {
      const held = TicketHolderRow.parse(row);
      if (held.team_id !== valid.teamId || held.assignee_id !== assigneeId) {
        await this.sql.run(SQL.recordScopeExit, [valid.id, held.team_id, held.assignee_id, valid.serverSeq]);
        holders.push({ teamId: held.team_id, assigneeId: held.assignee_id });
      }
    }
    await this.sql.run(SQL.saveTicket, {
      id: valid.id,
      number: valid.number,
      teamId: valid.teamId,
      assigneeId,
      stage: valid.stage,
      status: valid.status,
      priority: valid.priority,
      version: valid.version,
      serverSeq: valid.serverSeq,
      updatedAt: valid.updatedAt,
      data: JSON.stringify(valid),
    });
    await this.sessions.index(valid);
    // The other processes hear who held it once the transaction commits; this one right after (below).
    const { announceChanges } = this.sql.dialect;
    if (announceChanges !== null) await this.sql.run(announceChanges, [JSON.stringify(holders)]);
    if (this.afterCommit === null) this.shared.announcer.announce(holders);
    else this.afterCommit.push(() => this.shared.announcer.announce(holders));
  }

  /** The team's tickets changed after `afterSeq`, in change order, parsed: what a lead's scope holds. */
  async teamChanges(teamId: string, afterSeq: number, limit: number): Promise<Ticket[]> {
    const rows = await this.sql.all(this.scope.lead.changes, { teamId, afterSeq, limit });
    return rows.map((row) => parseStoredTicket(StoredTicketRow.parse(row).data));
  }

  /** The tickets in the user's scope changed after `afterSeq`, in change order, as stored. */
  async storedChangesInScope(user: User, afterSeq: number, limit: number): Promise<StoredTicket[]> {
    const rows = await this.sql.all(this.scope[user.role].changes, { ...scopeOf(user), afterSeq, limit });
    return rows.map((row) => {
      const { server_seq, data } = StoredTicketRow.parse(row);
      return { serverSeq: server_seq, json: data };
    });
  }

  /** How many tickets in the user's scope have changed after `afterSeq`. */
  async countChangesInScope(user: User, afterSeq: number): Promise<number> {
    return CountRow.parse(await this.sql.get(this.scope[user.role].count, { ...scopeOf(user), afterSeq })).n;
  }

  /** Ids of the tickets that left the user's scope in (afterSeq, uptoSeq] and are not back in it. */
  async leftScope(user: User, afterSeq: number, uptoSeq: number): Promise<string[]> {
    const rows = await this.sql.all(this.scope[user.role].left, { ...scopeOf(user), afterSeq, uptoSeq });
    return rows.map((row) => IdRow.parse(row).id);
  }
}
