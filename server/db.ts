/** The portal's SQLite database: opening it, and every query the server runs, each prepared once. */
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
import { scopeSql } from './scope';
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

/** A counter's value or a count. */
const Whole = z.number().int();
const HistoryId = z.string().nullable();
const TicketIds = z.array(z.string());
const TeamMembers = z.array(TeamMember);

const StoredTicketRow = z.object({ server_seq: z.number().int(), data: z.instanceof(Buffer) });

const TicketHolderRow = z.object({ team_id: z.string(), assignee_id: z.string().nullable() });

/** The user as the scope queries bind them. */
const scopeOf = (user: User) => ({ teamId: user.teamId, userId: user.id });

const USER_COLUMNS = `u.id, u.email, u.name, u.role, u.team_id, t.name AS team_name, u.time_zone, u.password_hash
  FROM users u JOIN teams t ON t.id = u.team_id`;

/** Ticket numbers are CSS- and the ticket number sequence's value, in six digits or more (see TicketNumber). */
const formatTicketNumber = (value: number) => `CSS-${String(value).padStart(6, '0')}`;
const ticketNumberValue = (number: string) => Number(number.slice('CSS-'.length));

/**
 * Opens (creating if missing) the database at `file`, an empty in-memory one for ':memory:', or an
 * in-memory copy of a serialized database (a Buffer from `sqlite.serialize()`), checked and migrated.
 * Throws DamagedDatabaseError, naming the file, when SQLite finds it damaged.
 */
export function openDatabase(file: string | Buffer): PortalDatabase {
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
    migrate(sqlite);
    const db = new PortalDatabase(sqlite);
    db.beginHistory();
    return db;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** Every statement the server runs, prepared once per connection. */
function prepareStatements(sqlite: Database.Database) {
  const prepare = (sql: string) => sqlite.prepare(sql);
  return {
    insertTeam: prepare('INSERT INTO teams (id, name) VALUES (?, ?)'),
    insertUser: prepare(
      `INSERT INTO users (id, email, name, role, team_id, time_zone, password_hash)
         VALUES (@id, @email, @name, @role, @teamId, @timeZone, @passwordHash)`,
    ),
    insertReseller: prepare('INSERT INTO resellers (id, name) VALUES (?, ?)'),
    insertEndCustomer: prepare('INSERT INTO end_customers (tenant_domain, company_name, time_zone) VALUES (?, ?, ?)'),
    insertEntitlement: prepare(
      `INSERT INTO entitlements (reseller_id, tenant_domain, support_plan, active, on_premise_add_on)
         VALUES (?, ?, ?, ?, ?)`,
    ),
    countUsers: prepare('SELECT count(*) AS n FROM users').pluck(),
    teamMembers: prepare('SELECT id, name, role FROM users WHERE team_id = ? ORDER BY name'),
    userByEmail: prepare(`SELECT ${USER_COLUMNS} WHERE u.email = ?`),
    updatePasswordHash: prepare('UPDATE users SET password_hash = ? WHERE id = ?'),
    insertToken: prepare('INSERT INTO auth_tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
    deleteExpiredTokens: prepare('DELETE FROM auth_tokens WHERE expires_at <= ?'),
    deleteToken: prepare('DELETE FROM auth_tokens WHERE token_hash = ?'),
    userByToken: prepare(
      `SELECT ${USER_COLUMNS} JOIN auth_tokens a ON a.user_id = u.id WHERE a.token_hash = ? AND a.expires_at > ?`,
    ),
    currentSeq: prepare('SELECT value FROM change_sequence WHERE id = 1').pluck(),
    beginHistory: prepare(
      `INSERT INTO change_histories (id, first_seq)
         SELECT ?, CASE WHEN EXISTS (SELECT 1 FROM change_histories) THEN value + 1 ELSE 1 END
         FROM change_sequence WHERE id = 1`,
    ),
    historyOf: prepare(
      'SELECT id FROM change_histories WHERE first_seq <= ? ORDER BY first_seq DESC, seq DESC LIMIT 1',
    ).pluck(),
    nextSeq: prepare('UPDATE change_sequence SET value = value + 1 WHERE id = 1 RETURNING value').pluck(),
    nextTicketNumber: prepare(
      'UPDATE ticket_number_sequence SET value = value + 1 WHERE id = 1 RETURNING value',
    ).pluck(),
    // Tickets numbered elsewhere (the demo seed) move the sequence past their number, so intake never repeats one.
    passTicketNumber: prepare('UPDATE ticket_number_sequence SET value = @value WHERE id = 1 AND value < @value'),
    ticketById: prepare('SELECT data FROM tickets WHERE id = ?'),
    saveTicket: prepare(
      `INSERT INTO tickets (id, number, team_id, assignee_id, stage, status, priority, version, server_seq, updated_at, data)
         VALUES (@id, @number, @teamId, @assigneeId, @stage, @status, @priority, @version, @serverSeq, @updatedAt, @data)
         ON CONFLICT (id) DO UPDATE SET
           team_id = excluded.team_id, assignee_id = excluded.assignee_id, stage = excluded.stage,
           status = excluded.status, priority = excluded.priority, version = excluded.version,
           server_seq = excluded.server_seq, updated_at = excluded.updated_at, data = excluded.data`,
    ),
    ticketHolder: prepare('SELECT team_id, assignee_id FROM tickets WHERE id = ?'),
    recordScopeExit: prepare(
      'INSERT INTO ticket_scope_exits (ticket_id, team_id, assignee_id, server_seq) VALUES (?, ?, ?, ?)',
    ),
    scope: { lead: prepareScopeQueries(sqlite, 'lead'), engineer: prepareScopeQueries(sqlite, 'engineer') },
    mutationById: prepare('SELECT user_id, name, payload_hash, result FROM applied_mutations WHERE id = ?'),
    recordMutation: prepare(
      `INSERT INTO applied_mutations (id, user_id, client_id, ticket_id, name, payload_hash, result, received_at)
         VALUES (@id, @userId, @clientId, @ticketId, @name, @payloadHash, @result, @receivedAt)`,
    ),
  };
}

/** The queries of one role's scope, each built from the scope rule (scope.ts). */
function prepareScopeQueries(sqlite: Database.Database, role: Role) {
  const holds = scopeSql[role];
  return {
    // Cast, so the JSON comes back as bytes (see StoredTicket).
    changes: sqlite.prepare(
      `SELECT server_seq, CAST(data AS BLOB) AS data FROM tickets
         WHERE ${holds('team_id', 'assignee_id')} AND server_seq > @afterSeq
         ORDER BY server_seq LIMIT @limit`,
    ),
    count: sqlite
      .prepare(`SELECT count(*) FROM tickets WHERE ${holds('team_id', 'assignee_id')} AND server_seq > @afterSeq`)
      .pluck(),
    // A ticket the user could have held (its holder then was in their scope) that is not in it now.
    left: sqlite
      .prepare(
        `SELECT e.ticket_id FROM ticket_scope_exits e JOIN tickets t ON t.id = e.ticket_id
           WHERE ${holds('e.team_id', 'e.assignee_id')} AND e.server_seq > @afterSeq AND e.server_seq <= @uptoSeq
             AND NOT (${holds('t.team_id', 't.assignee_id')})
           GROUP BY e.ticket_id ORDER BY min(e.server_seq)`,
      )
      .pluck(),
  };
}

export class PortalDatabase {
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly changeListeners = new Set<() => void>();
  private changeAnnounced = true;
  /** The engineers' bookings and the scheduling links, kept in step with the tickets by saveTicket. */
  readonly sessions: SessionIndex;

  constructor(readonly sqlite: Database.Database) {
    this.statements = prepareStatements(sqlite);
    this.sessions = new SessionIndex(sqlite);
  }

  /** Runs `work` in one transaction: all of its writes commit together, or none do. */
  transaction<T>(work: () => T): T {
    return this.sqlite.transaction(work)();
  }

  close(): void {
    this.sqlite.close();
  }

  isEmpty(): boolean {
    return this.statements.countUsers.get() === 0;
  }

  insertTeam(team: { id: string; name: string }): void {
    this.statements.insertTeam.run(team.id, team.name);
  }

  insertUser(user: Omit<User, 'teamName'>, passwordHash: string): void {
    this.statements.insertUser.run({ ...user, email: user.email.toLowerCase(), passwordHash });
  }

  insertReseller(reseller: { id: string; name: string }): void {
    this.statements.insertReseller.run(reseller.id, reseller.name);
  }

  insertEndCustomer(customer: { tenantDomain: string; companyName: string; timeZone: string }): void {
    this.statements.insertEndCustomer.run(customer.tenantDomain, customer.companyName, customer.timeZone);
  }

  insertEntitlement(resellerId: string, tenantDomain: string, entitlement: Entitlement): void {
    const { supportPlan, active, onPremiseAddOn } = Entitlement.parse(entitlement);
    this.statements.insertEntitlement.run(
      resellerId,
      tenantDomain,
      supportPlan,
      Number(active),
      Number(onPremiseAddOn),
    );
  }

  /** Everyone in the team, by name: who its tickets can be assigned to. */
  teamMembers(teamId: string): TeamMember[] {
    return TeamMembers.parse(this.statements.teamMembers.all(teamId));
  }

  /** E-mail addresses are stored lower-case, so the lookup is case-insensitive. */
  findAccountByEmail(email: string): UserAccount | null {
    const row = this.statements.userByEmail.get(email.toLowerCase());
    return row === undefined ? null : toAccount(row);
  }

  updatePasswordHash(userId: string, passwordHash: string): void {
    this.statements.updatePasswordHash.run(passwordHash, userId);
  }

  insertToken(tokenHash: string, userId: string, createdAt: string, expiresAt: string): void {
    this.statements.insertToken.run(tokenHash, userId, createdAt, expiresAt);
  }

  deleteExpiredTokens(now: string): void {
    this.statements.deleteExpiredTokens.run(now);
  }

  deleteToken(tokenHash: string): void {
    this.statements.deleteToken.run(tokenHash);
  }

  findUserByToken(tokenHash: string, now: string): User | null {
    const row = this.statements.userByToken.get(tokenHash, now);
    return row === undefined ? null : toAccount(row).user;
  }

  /** The history changes made now belong to; set by beginHistory. */
  currentHistory: string | null = null;

  /** Begins a new history of changes at the next change: openDatabase does, each time it opens one. */
  beginHistory(): void {
    this.currentHistory = randomUUID();
    this.statements.beginHistory.run(this.currentHistory);
  }

  /** The history the change `seq` was made in (see change_histories); null for 0, before any change. */
  historyOf(seq: number): string | null {
    if (seq < 1) return null;
    return HistoryId.parse(this.statements.historyOf.get(seq) ?? null);
  }

  /** The last change number handed out; 0 before any ticket exists. */
  currentSeq(): number {
    return Whole.parse(this.statements.currentSeq.get());
  }

  /** Hands out the next change number; call it inside the transaction that writes the change. */
  nextSeq(): number {
    this.announceChange();
    return Whole.parse(this.statements.nextSeq.get());
  }

  /**
   * Calls `listener` after changes are stored (the change stream tells the consoles to pull); returns
   * the unsubscribe. Transactions here are synchronous, so a listener called on the next turn of the
   * event loop runs after the commit; a burst of changes is announced once.
   */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private announceChange(): void {
    if (!this.changeAnnounced) return;
    this.changeAnnounced = false;
    setImmediate(() => {
      this.changeAnnounced = true;
      for (const listener of this.changeListeners) listener();
    });
  }

  /**
   * Hands out the next ticket number, from a counter rather than the highest number stored: numbers
   * grow past six digits (CSS-999999, CSS-1000000) where text order would stop. Call it inside the
   * transaction that saves the ticket, so two tickets never get the same one.
   */
  nextTicketNumber(): string {
    return formatTicketNumber(Whole.parse(this.statements.nextTicketNumber.get()));
  }

  findTicket(id: string): Ticket | null {
    const row = this.statements.ticketById.get(id);
    return row === undefined ? null : toTicket(row);
  }

  /**
   * Inserts or replaces the ticket, keeping the indexed columns and its sessions' bookings and links in
   * step with its JSON, and records it leaving its holder (another assignee, the queue, another team) for
   * the pulls of whoever held it. All in one transaction (a savepoint inside the caller's).
   */
  saveTicket(ticket: Ticket): void {
    const valid = Ticket.parse(ticket);
    this.transaction(() => this.writeTicket(valid));
  }

  private writeTicket(valid: Ticket): void {
    const assigneeId = valid.assignee?.id ?? null;
    const row = this.statements.ticketHolder.get(valid.id);
    if (row === undefined) {
      this.statements.passTicketNumber.run({ value: ticketNumberValue(valid.number) });
    } else {
      const held = TicketHolderRow.parse(row);
      if (held.team_id !== valid.teamId || held.assignee_id !== assigneeId) {
        this.statements.recordScopeExit.run(valid.id, held.team_id, held.assignee_id, valid.serverSeq);
      }
    }
    this.statements.saveTicket.run({
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
    this.sessions.index(valid);
  }

  /** The team's tickets changed after `afterSeq`, in change order, parsed: what a lead's scope holds. */
  teamChanges(teamId: string, afterSeq: number, limit: number): Ticket[] {
    return this.statements.scope.lead.changes
      .all({ teamId, afterSeq, limit })
      .map((row) => parseStoredTicket(StoredTicketRow.parse(row).data));
  }

  /** The tickets in the user's scope changed after `afterSeq`, in change order, as stored. */
  storedChangesInScope(user: User, afterSeq: number, limit: number): StoredTicket[] {
    return this.statements.scope[user.role].changes.all({ ...scopeOf(user), afterSeq, limit }).map((row) => {
      const { server_seq, data } = StoredTicketRow.parse(row);
      return { serverSeq: server_seq, json: data };
    });
  }

  /** How many tickets in the user's scope have changed after `afterSeq`. */
  countChangesInScope(user: User, afterSeq: number): number {
    return Whole.parse(this.statements.scope[user.role].count.get({ ...scopeOf(user), afterSeq }));
  }

  /** Ids of the tickets that left the user's scope in (afterSeq, uptoSeq] and are not back in it. */
  leftScope(user: User, afterSeq: number, uptoSeq: number): string[] {
    return TicketIds.parse(this.statements.scope[user.role].left.all({ ...scopeOf(user), afterSeq, uptoSeq }));
  }

  findMutation(id: string): MutationRecord | null {
    const row = this.statements.mutationById.get(id);
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
  }): void {
    const { result, ...columns } = record;
    this.statements.recordMutation.run({ ...columns, id: result.id, result: JSON.stringify(result) });
  }
}
