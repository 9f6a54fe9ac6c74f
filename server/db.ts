/** The portal's SQLite database: opening it, and every query the server runs, each prepared once. */
import Database from 'better-sqlite3';
import { z } from 'zod';
import { Entitlement } from '../shared/domain/customer';
import { User } from '../shared/domain/people';
import { TeamMember } from '../shared/domain/team';
import { Ticket } from '../shared/domain/ticket';
import { MutationResult } from '../shared/api/sync';
import { migrate } from './migrations';

/** A console user as stored, with the hash their password is checked against. */
export interface UserAccount {
  user: User;
  passwordHash: string;
}

/** The first result of a pushed mutation and who pushed it. */
export interface MutationRecord {
  userId: string;
  result: MutationResult;
}

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

/** A stored ticket is parsed like any other input: a record that fails its schema is a bug, not data. */
const toTicket = (row: unknown): Ticket => {
  const { data } = z.object({ data: z.string() }).parse(row);
  return Ticket.parse(JSON.parse(data));
};

const USER_COLUMNS = `u.id, u.email, u.name, u.role, u.team_id, t.name AS team_name, u.time_zone, u.password_hash
  FROM users u JOIN teams t ON t.id = u.team_id`;

/**
 * Opens (creating if missing) the database at `file`, an empty in-memory one for ':memory:', or an
 * in-memory copy of a serialized database (a Buffer from `sqlite.serialize()`), migrated.
 */
export function openDatabase(file: string | Buffer): PortalDatabase {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  migrate(sqlite);
  return new PortalDatabase(sqlite);
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
    insertToken: prepare('INSERT INTO auth_tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
    deleteExpiredTokens: prepare('DELETE FROM auth_tokens WHERE expires_at <= ?'),
    userByToken: prepare(
      `SELECT ${USER_COLUMNS} JOIN auth_tokens a ON a.user_id = u.id WHERE a.token_hash = ? AND a.expires_at > ?`,
    ),
    currentSeq: prepare('SELECT value FROM change_sequence WHERE id = 1').pluck(),
    nextSeq: prepare('UPDATE change_sequence SET value = value + 1 WHERE id = 1 RETURNING value').pluck(),
    ticketById: prepare('SELECT data FROM tickets WHERE id = ?'),
    saveTicket: prepare(
      `INSERT INTO tickets (id, number, team_id, assignee_id, stage, status, priority, version, server_seq, updated_at, data)
         VALUES (@id, @number, @teamId, @assigneeId, @stage, @status, @priority, @version, @serverSeq, @updatedAt, @data)
         ON CONFLICT (id) DO UPDATE SET
           team_id = excluded.team_id, assignee_id = excluded.assignee_id, stage = excluded.stage,
           status = excluded.status, priority = excluded.priority, version = excluded.version,
           server_seq = excluded.server_seq, updated_at = excluded.updated_at, data = excluded.data`,
    ),
    teamChanges: prepare(`SELECT data FROM tickets WHERE team_id = ? AND server_seq > ? ORDER BY server_seq LIMIT ?`),
    engineerChanges: prepare(
      `SELECT data FROM tickets
         WHERE team_id = ? AND (assignee_id = ? OR assignee_id IS NULL) AND server_seq > ?
         ORDER BY server_seq LIMIT ?`,
    ),
    // What engineerChanges leaves out, by id, within a window of changes: the team's tickets others hold.
    othersChanges: prepare(
      `SELECT id FROM tickets
         WHERE team_id = ? AND assignee_id IS NOT NULL AND assignee_id <> ? AND server_seq > ? AND server_seq <= ?
         ORDER BY server_seq`,
    ).pluck(),
    mutationById: prepare('SELECT user_id, result FROM applied_mutations WHERE id = ?'),
    recordMutation: prepare(
      `INSERT INTO applied_mutations (id, user_id, client_id, ticket_id, name, result, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}

export class PortalDatabase {
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(readonly sqlite: Database.Database) {
    this.statements = prepareStatements(sqlite);
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
    return z.array(TeamMember).parse(this.statements.teamMembers.all(teamId));
  }

  /** E-mail addresses are stored lower-case, so the lookup is case-insensitive. */
  findAccountByEmail(email: string): UserAccount | null {
    const row = this.statements.userByEmail.get(email.toLowerCase());
    return row === undefined ? null : toAccount(row);
  }

  insertToken(tokenHash: string, userId: string, createdAt: string, expiresAt: string): void {
    this.statements.insertToken.run(tokenHash, userId, createdAt, expiresAt);
  }

  deleteExpiredTokens(now: string): void {
    this.statements.deleteExpiredTokens.run(now);
  }

  findUserByToken(tokenHash: string, now: string): User | null {
    const row = this.statements.userByToken.get(tokenHash, now);
    return row === undefined ? null : toAccount(row).user;
  }

  /** The last change number handed out; 0 before any ticket exists. */
  currentSeq(): number {
    return z.number().int().parse(this.statements.currentSeq.get());
  }

  /** Hands out the next change number; call it inside the transaction that writes the change. */
  nextSeq(): number {
    return z.number().int().parse(this.statements.nextSeq.get());
  }

  findTicket(id: string): Ticket | null {
    const row = this.statements.ticketById.get(id);
    return row === undefined ? null : toTicket(row);
  }

  /** Inserts or replaces the ticket, keeping the indexed columns in step with its JSON. */
  saveTicket(ticket: Ticket): void {
    const valid = Ticket.parse(ticket);
    this.statements.saveTicket.run({
      id: valid.id,
      number: valid.number,
      teamId: valid.teamId,
      assigneeId: valid.assignee?.id ?? null,
      stage: valid.stage,
      status: valid.status,
      priority: valid.priority,
      version: valid.version,
      serverSeq: valid.serverSeq,
      updatedAt: valid.updatedAt,
      data: JSON.stringify(valid),
    });
  }

  /** The team's tickets changed after `afterSeq`, in change order. */
  teamChanges(teamId: string, afterSeq: number, limit: number): Ticket[] {
    return this.statements.teamChanges.all(teamId, afterSeq, limit).map(toTicket);
  }

  /** The engineer's own tickets and their team's unassigned queue, changed after `afterSeq`. */
  engineerChanges(teamId: string, userId: string, afterSeq: number, limit: number): Ticket[] {
    return this.statements.engineerChanges.all(teamId, userId, afterSeq, limit).map(toTicket);
  }

  /** Ids of the team's tickets assigned to someone other than `userId`, changed in (afterSeq, uptoSeq]. */
  othersChanges(teamId: string, userId: string, afterSeq: number, uptoSeq: number): string[] {
    return z.array(z.string()).parse(this.statements.othersChanges.all(teamId, userId, afterSeq, uptoSeq));
  }

  findMutation(id: string): MutationRecord | null {
    const row = this.statements.mutationById.get(id);
    if (row === undefined) return null;
    const { user_id, result } = z.object({ user_id: z.string(), result: z.string() }).parse(row);
    return { userId: user_id, result: MutationResult.parse(JSON.parse(result)) };
  }

  recordMutation(record: {
    userId: string;
    clientId: string;
    ticketId: string | null;
    name: string;
    result: MutationResult;
    receivedAt: string;
  }): void {
    const { userId, clientId, ticketId, name, result, receivedAt } = record;
    this.statements.recordMutation.run(result.id, userId, clientId, ticketId, name, JSON.stringify(result), receivedAt);
  }
}
