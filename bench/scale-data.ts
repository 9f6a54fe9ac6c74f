/**
 * The bench's portal database: the demo organisation (teams, users, customers, 200 demo tickets)
 * seeded as the server's --demo mode does, plus enough tickets told by the demo's own story functions
 * that the lead's team holds exactly N.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { openDatabase } from '../server/db';
import { DATABASE_FILE } from '../server/main';
import { type DemoTeamId, demoUsers } from '../server/demo/organisations';
import { type TicketPlan, planAccounts, planTickets } from '../server/demo/plans';
import { DemoRandom } from '../server/demo/random';
import { tellStory } from '../server/demo/story';
import { DEFAULT_DEMO_SEED, seedDemoData } from '../server/seed';
import { systemClock } from '../shared/domain/time';

export const LEAD = demoUsers.find((user) => user.email === 'anna.moretti@css.example') as (typeof demoUsers)[number];
export const TEAM: DemoTeamId = LEAD.teamId;

/** The demo tickets take CSS-100001 to CSS-100200; ticket numbers have six digits. */
const FIRST_EXTRA_NUMBER = 100201;
const LAST_NUMBER = 999999;
/** Any seed but the demo's, so the extra tickets' ids (drawn from the seeded source) never repeat the demo's. */
const EXTRA_SEED = DEFAULT_DEMO_SEED + 13;

const databaseFile = (dataDir: string) => join(dataDir, DATABASE_FILE);

/** `count` plans of the team, drawn from as many demo-sized batches as it takes, oldest first. */
function teamPlans(random: DemoRandom, count: number, now: Date): TicketPlan[] {
  // The same seed gives the same accounts as seedDemoData, so entitlements match the stored customers.
  const accounts = planAccounts(new DemoRandom(DEFAULT_DEMO_SEED));
  const plans: TicketPlan[] = [];
  while (plans.length < count) {
    plans.push(...planTickets(random, accounts, now).filter((plan) => plan.teamId === TEAM));
  }
  return plans.slice(0, count).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** Seeds a fresh database in `dataDir` so the lead's team holds `tickets` tickets; resolves with the current change number. */
export async function createPortalData(dataDir: string, tickets: number): Promise<{ seq: number }> {
  mkdirSync(dataDir, { recursive: true });
  const db = await openDatabase(databaseFile(dataDir));
  try {
    const now = systemClock();
    await seedDemoData(db, { clock: () => now });
    const demoInTeam = z
      .object({ n: z.number() })
      .parse(await db.sql.get('SELECT count(*) AS n FROM tickets WHERE team_id = ?', [TEAM])).n;
    const extra = tickets - demoInTeam;
    if (extra < 0)
      throw new Error(`the demo data alone gives the team ${demoInTeam} tickets: ask for at least that many`);
    if (FIRST_EXTRA_NUMBER + extra - 1 > LAST_NUMBER) throw new Error(`ticket numbers run out above ${LAST_NUMBER}`);

    const random = new DemoRandom(EXTRA_SEED);
    const told = teamPlans(random, extra, now).map((plan, index) =>
      tellStory(plan, `CSS-${FIRST_EXTRA_NUMBER + index}`, random, now),
    );
    await db.transaction(async (tx) => {
      // As seedDemoData does: change numbers follow the last activity.
      const byActivity = told.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
      for (const ticket of byActivity) await tx.saveTicket({ ...ticket, serverSeq: await tx.nextSeq() });
    });
    return { seq: await db.currentSeq() };
  } finally {
    await db.close();
  }
}

/** The server's database opened read-only beside the running server: the raw SELECT baseline and the current change number. */
export function openReadOnly(dataDir: string): Database.Database {
  return new Database(databaseFile(dataDir), { readonly: true, fileMustExist: true });
}

/** The current change number as the server sees it: a complete first sync ends with the console's cursor here. */
export function currentSeq(dataDir: string): number {
  const db = openReadOnly(dataDir);
  try {
    return z.number().parse(db.prepare('SELECT value FROM change_sequence WHERE id = 1').pluck().get());
  } finally {
    db.close();
  }
}
