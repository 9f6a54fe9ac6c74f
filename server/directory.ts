/**
 * Who and what the portal knows besides its tickets: the teams and their users, the users' sign-in
 * tokens, and the resellers, end customers and entitlements the tickets are checked against.
 */
import { z } from 'zod';
import { Entitlement } from '../shared/domain/customer';
import { User } from '../shared/domain/people';
import { TeamMember } from '../shared/domain/team';
import type { SqlSession } from './storage/sql';

/** A console user as stored, with the hash their password is checked against. */
export interface UserAccount {
  user: User;
  passwordHash: string;
}

const USER_COLUMNS = `u.id, u.email, u.name, u.role, u.team_id, t.name AS team_name, u.time_zone, u.password_hash
  FROM users u JOIN teams t ON t.id = u.team_id`;

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
} as const;

// The schemas of what queries return are built once: building a zod schema costs more than running it.
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
const UserCountRow = z.object({ n: z.number().int() });
const TeamMembers = z.array(TeamMember);

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

/** The directory's queries on a session of the portal's database (see PortalDatabase.directory). */
export class PortalDirectory {
  constructor(private readonly sql: SqlSession) {}

  /** True before the first user is stored: a new database, to be seeded. */
  async isEmpty(): Promise<boolean> {
    return UserCountRow.parse(await this.sql.get(SQL.countUsers)).n === 0;
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
}
