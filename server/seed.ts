/**
 * Demo data for an empty portal database: two CSS teams, their users, resellers, end customers with
 * their entitlements, and about 200 tickets in every stage. The same seed and the same "now" always
 * give the same data; every timestamp is relative to that "now", so ticket ages look real.
 */
import { linkIsOpen, schedulingPath } from '../shared/domain/remote-session';
import type { Ticket } from '../shared/domain/ticket';
import type { Clock } from '../shared/domain/time';
import type { PortalDatabase } from './db';
import { demoUsers, resellers, teams } from './demo/organisations';
import { type CustomerAccount, planAccounts, planTickets } from './demo/plans';
import { DemoRandom } from './demo/random';
import { DemoSessions } from './demo/session-story';
import { tellStory } from './demo/story';
import { type ScryptCost, hashPassword } from './password';

export { type DemoUser, DEMO_PASSWORD, demoUsers } from './demo/organisations';

export const DEFAULT_DEMO_SEED = 20261125;

/**
 * The demo users' passwords are hashed cheaply, so seeding stays quick: the password is printed in the
 * README anyway, and each is hashed again at the server's cost at the user's first sign-in.
 */
export const DEMO_PASSWORD_COST: ScryptCost = { logN: 12, r: 8, p: 1 };

export interface SeedSummary {
  users: number;
  customers: number;
  tickets: number;
  /** The scheduling pages of the demo's open proposals, to try the customer's side with. */
  schedulingPaths: string[];
}

/**
 * The demo's customer accounts and tickets as of `now`. Which tickets there are, and what each one is
 * (stage, assignee, escalation, a remote session), is the same whatever `now`: only the times move.
 */
export function demoTickets(now: Date, seed = DEFAULT_DEMO_SEED): { accounts: CustomerAccount[]; tickets: Ticket[] } {
  const random = new DemoRandom(seed);
  const accounts = planAccounts(random);
  const sessions = new DemoSessions();
  const tickets = planTickets(random, accounts, now).map((plan, index) =>
    tellStory(plan, `CSS-${100001 + index}`, random, now, sessions),
  );
  return { accounts, tickets };
}

/** Seeds the demo data, or does nothing (null) when the database already has users. */
export async function seedDemoData(
  db: PortalDatabase,
  { clock, seed = DEFAULT_DEMO_SEED }: { clock: Clock; seed?: number },
): Promise<SeedSummary | null> {
  if (!(await db.directory.isEmpty())) return null;
  const now = clock();
  const { accounts, tickets } = demoTickets(now, seed);
  // Hashed before the transaction: scrypt runs off the main thread, the transaction cannot wait for it.
  const passwordHashes = await Promise.all(demoUsers.map((user) => hashPassword(user.password, DEMO_PASSWORD_COST)));

  const seeded = await db.transaction(async (tx) => {
    // Checked again: another process may have seeded the same database while the passwords were hashed.
    // The change counter is held first, so a second process seeding at the same time waits here.
    await tx.holdChanges();
    if (!(await tx.directory.isEmpty())) return false;
    for (const team of teams) await tx.directory.insertTeam(team);
    for (const [index, { id, email, name, role, teamId, timeZone }] of demoUsers.entries()) {
      await tx.directory.insertUser({ id, email, name, role, teamId, timeZone }, passwordHashes[index] as string);
    }
    for (const reseller of resellers) await tx.directory.insertReseller({ id: reseller.id, name: reseller.name });
    for (const { customer, reseller, entitlement } of accounts) {
      await tx.directory.insertEndCustomer(customer);
      if (entitlement !== null) await tx.directory.insertEntitlement(reseller.id, customer.tenantDomain, entitlement);
    }
    // Change numbers follow the last activity, so a first pull lists tickets in the order they moved.
    const byActivity = [...tickets].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
    for (const ticket of byActivity) await tx.saveTicket({ ...ticket, serverSeq: await tx.nextSeq() });
    return true;
  });
  if (!seeded) return null;
  const schedulingPaths = tickets.flatMap((ticket) =>
    ticket.remoteSessions.flatMap((session) =>
      session.linkToken !== null && linkIsOpen(session, now) ? [schedulingPath(session.linkToken)] : [],
    ),
  );
  return { users: demoUsers.length, customers: accounts.length, tickets: tickets.length, schedulingPaths };
}
