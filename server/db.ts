/** The portal's database on either engine: opening it, and every query the server runs, written once. */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { Entitlement } from '../shared/domain/customer';
import { type Role, User } from '../shared/domain/people';
import { TeamMember } from '../shared/domain/team';
import { Ticket } from '../shared/domain/ticket';
import { MutationResult } from '../shared/api/sync';
import { checkIntegrity } from './integrity';
import { migrate } from './migrations';
import { SessionIndex } from './scheduling/session-index';
import { TicketHolder, scopeSql } from './scope';
import type { SqlDatabase, SqlDialect, SqlSession } from './storage/sql';
import { openPostgres } from './storage/postgres';
import { SqliteDatabase } from './storage/sqlite';
import { type StoredTicket, parseStoredTicket } from './stored-ticket';

/** A console user as stored, with the hash their password is checked against. */
export interface UserAccount {
  user: User;
  passwordHash: string;
}

/** The first result of a pushed mutation, who pushed it, and what it was. */
export interface MutationRecord {
  userId: string;
  name: string;
  /** The hash of the mutation's payload (see mutationHash); null for mutations recorded before hashes were. */
  payloadHash: string | null;
  result: MutationResult;
}

const MutationRow = z.object({
  user_id: z.string(),
  name: z.string(),
  payload_hash: z.string().nullable(),
  result: z.string(),
});

const UserRow = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  team_id: z.string(),
  team_name: z.string(),
  time_zone: z.string(),
  password_hash: z.string(),
});

const toAccount = (row: unknown): UserAccount => {
  const r = UserRow.parse(row);
  return {
    user: User.parse({
      id: r.id,
      email: r.email,
      name: r.name,
      role: r.role,
      teamId: r.team_id,
      teamName: r.team_name,
      timeZone: r.time_zone,
    }),
    passwordHash: r.password_hash,
  };
};

// The schemas of what queries return are built once: building a zod schema costs more than running it.
const TicketDataRow = z.object({ data: z.string() });
const toTicket = (row: unknown): Ticket => parseStoredTicket(TicketDataRow.parse(row).data);

const TeamMembers = z.array(TeamMember);

const StoredTicketRow = z.object({ server_seq: z.number().int(), data: z.instanceof(Buffer) });
const ValueRow = z.object({ value: z.number().int() });
const CountRow = z.object({ n: z.number().int() });
const IdRow = z.object({ id: z.string() });

const TicketHolderRow = z.object({ team_id: z.string(), assignee_id: z.string().nullable() });

/** The user as the scope queries bind them. */
const scopeOf = (user: User) => ({ teamId: user.teamId, userId: user.id });

const USER_COLUMNS = `u.id, u.email, u.name, u.role, u.team_id, t.name AS team_name, u.time_zone, u.password_hash
  FROM users u JOIN teams t ON t.id = u.team_id`;

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
  const db = new PortalDatabase(database, { database, changeListeners: new Set(), announced: null }, null);
  await db.beginHistory();
  await database.onChangesElsewhere((announcement) => db.announceChange(holdersIn(announcement)));
  return db;
}

const AnnouncedHolders = z.array(TicketHolder);

/**
 * Who held the tickets another process announced changes to (see writeTicket); null when it does not
 * say, or says it in a way this process cannot read: then every console hears of it.
 */
function holdersIn(announcement: string | null): TicketHolder[] | null {
  if (announcement === null) return null;
  try {
    const holders = AnnouncedHolders.safeParse(JSON.parse(announcement));
    return holders.success ? holders.data : null;
  } catch {
    return null;
  }
}

/** Every statement the server runs, each written once for both engines (see SqlDialect for the rest). */
const SQL = {
  insertTeam: 'INSERT INTO teams (id, name) VALUES (?, ?)',
  insertUser: `INSERT INTO users (id, email, name, role, team_id, time_zone, password_hash)
    VALUES (@id, @email, @name, @role, @teamId, @timeZone, @passwordHash)`,
  insertReseller: 'INSERT INTO resellers (id, name) VALUES (?, ?)',
  insertEndCustomer: 'INSERT INTO end_customers (tenant_domain, company_name, time_zone) VALUES (?, ?, ?)',
  insertEntitlement: `INSERT INTO entitlements (reseller_id, tenant_domain, support_plan, active, on_premise_add_on)
    VALUES (?, ?, ?, ?, ?)`,
  countUsers: 'SELECT count(*) AS n FROM users',
  teamMembers: 'SELECT id, name, role FROM users WHERE team_id = ? ORDER BY name',
  userByEmail: `SELECT ${USER_COLUMNS} WHERE u.email = ?`,
  updatePasswordHash: 'UPDATE users SET password_hash = ? WHERE id = ?',
  insertToken: 'INSERT INTO auth_tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
  deleteExpiredTokens: 'DELETE FROM auth_tokens WHERE expires_at <= ?',
  deleteToken: 'DELETE FROM auth_tokens WHERE token_hash = ?',
  userByToken: `SELECT ${USER_COLUMNS} JOIN auth_tokens a ON a.user_id = u.id WHERE a.token_hash = ? AND a.expires_at > ?`,
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
  mutationById: 'SELECT user_id, name, payload_hash, result FROM applied_mutations WHERE id = ?',
  recordMutation: `INSERT INTO applied_mutations (id, user_id, client_id, ticket_id, name, payload_hash, result, received_at)
    VALUES (@id, @userId, @clientId, @ticketId, @name, @payloadHash, @result, @receivedAt)`,
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

/**
 * Hears that changes were committed, and who held the tickets changed before and after (null: not
 * known, so anyone may have): the change stream tells only the consoles whose scope that touches.
 */
export type ChangeListener = (holders: readonly TicketHolder[] | null) => void;

/** What every session on one database shares: the engine, and who listens for changes. */
interface SharedState {
  readonly database: SqlDatabase;
  readonly changeListeners: Set<ChangeListener>;
  /**
   * From a change until its announcement goes out, who held the tickets changed (keyed by team and
   * assignee), or "anyone" when a change did not say; null when nothing waits to be announced.
   */
  announced: Map<string, TicketHolder> | 'anyone' | null;
}

/**
 * The portal's queries on a session: the database itself, or (in `transaction`'s work) one transaction
 * on it, whose queries all go through that transaction.
 */
export class PortalDatabase {
  /** The engineers' bookings and the scheduling links, kept in step with the tickets by saveTicket. */
  readonly sessions: SessionIndex;
  private readonly scope: Record<Role, ReturnType<typeof scopeQueries>>;

  constructor(
    readonly sql: SqlSession,
    private readonly shared: SharedState,
    /** What the outermost transaction does once it commits; null outside a transaction. */
    private readonly afterCommit: (() => void)[] | null,
  ) {
    this.sessions = new SessionIndex(sql);
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

  async isEmpty(): Promise<boolean> {
    return CountRow.parse(await this.sql.get(SQL.countUsers)).n === 0;
  }

  insertTeam(team: { id: string; name: string }): Promise<void> {
    return this.sql.run(SQL.insertTeam, [team.id, team.name]);
  }

  insertUser(user: Omit<User, 'teamName'>, passwordHash: string): Promise<void> {
    return this.sql.run(SQL.insertUser, { ...user, email: user.email.toLowerCase(), passwordHash });
  }

  insertReseller(reseller: { id: string; name: string }): Promise<void> {
    return this.sql.run(SQL.insertReseller, [reseller.id, reseller.name]);
  }

  insertEndCustomer(customer: { tenantDomain: string; companyName: string; timeZone: string }): Promise<void> {
    return this.sql.run(SQL.insertEndCustomer, [customer.tenantDomain, customer.companyName, customer.timeZone]);
  }

  insertEntitlement(resellerId: string, tenantDomain: string, entitlement: Entitlement): Promise<void> {
    const { supportPlan, active, onPremiseAddOn } = Entitlement.parse(entitlement);
    return this.sql.run(SQL.insertEntitlement, [
      resellerId,
      tenantDomain,
      supportPlan,
      Number(active),
      Number(onPremiseAddOn),
    ]);
  }

  /** Everyone in the team, by name: who its tickets can be assigned to. */
  async teamMembers(teamId: string): Promise<TeamMember[]> {
    return TeamMembers.parse(await this.sql.all(SQL.teamMembers, [teamId]));
  }

  /** E-mail addresses are stored lower-case, so the lookup is case-insensitive. */
  async findAccountByEmail(email: string): Promise<UserAccount | null> {
    const row = await this.sql.get(SQL.userByEmail, [email.toLowerCase()]);
    return row === undefined ? null : toAccount(row);
  }

  updatePasswordHash(userId: string, passwordHash: string): Promise<void> {
    return this.sql.run(SQL.updatePasswordHash, [passwordHash, userId]);
  }

  insertToken(tokenHash: string, userId: string, createdAt: string, expiresAt: string): Promise<void> {
    return this.sql.run(SQL.insertToken, [tokenHash, userId, createdAt, expiresAt]);
  }

  deleteExpiredTokens(now: string): Promise<void> {
    return this.sql.run(SQL.deleteExpiredTokens, [now]);
  }

  deleteToken(tokenHash: string): Promise<void> {
    return this.sql.run(SQL.deleteToken, [tokenHash]);
  }

  async findUserByToken(tokenHash: string, now: string): Promise<User | null> {
    const row = await this.sql.get(SQL.userByToken, [tokenHash, now]);
    return row === undefined ? null : toAccount(row).user;
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
    this.shared.changeListeners.add(listener);
    return () => this.shared.changeListeners.delete(listener);
  }

  /**
   * Tells the listeners, on the next turn of the event loop, that changes were committed to tickets so
   * held (null: not known).
   */
  announceChange(holders: readonly TicketHolder[] | null): void {
    const { shared } = this;
    const waiting = shared.announced !== null;
    if (holders === null) shared.announced = 'anyone';
    else if (shared.announced !== 'anyone') {
      shared.announced ??= new Map();
      for (const holder of holders) shared.announced.set(`${holder.teamId}\u0000${holder.assigneeId ?? ''}`, holder);
    }
    if (waiting) return;
    setImmediate(() => {
      const heard = shared.announced === 'anyone' ? null : [...(shared.announced?.values() ?? [])];
      shared.announced = null;
      for (const listener of shared.changeListeners) listener(heard);
    });
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
    if (this.afterCommit === null) this.announceChange(holders);
    else this.afterCommit.push(() => this.announceChange(holders));
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

  async findMutation(id: string): Promise<MutationRecord | null> {
    const row = await this.sql.get(SQL.mutationById, [id]);
    if (row === undefined) return null;
    const { user_id, name, payload_hash, result } = MutationRow.parse(row);
    return { userId: user_id, name, payloadHash: payload_hash, result: MutationResult.parse(JSON.parse(result)) };
  }

  recordMutation(record: {
    userId: string;
    clientId: string;
    ticketId: string | null;
    name: string;
    payloadHash: string;
    result: MutationResult;
    receivedAt: string;
  }): Promise<void> {
    const { result, ...columns } = record;
    return this.sql.run(SQL.recordMutation, { ...columns, id: result.id, result: JSON.stringify(result) });
  }
}
