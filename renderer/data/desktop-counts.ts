/** The tray's counts: the user's open tickets and their overdue follow-ups. */
import { dueFollowUps } from './follow-up-alerts';
import type { LocalStore } from './local-store';

export interface DesktopCounts {
  openTickets: number;
  overdueFollowUps: number;
}

/**
 * `openTickets` comes from the queue's own counts (kept as rows change, so a synced page costs no count
 * of the whole local copy); only the user's escalated tickets are read, through their index.
 */
export async function desktopCounts(
  store: LocalStore,
  userId: string,
  now: Date,
  openTickets: number,
): Promise<DesktopCounts> {
  const [escalated, team] = await Promise.all([store.myTicketsInStage(userId, 'escalated'), store.team()]);
  return {
    openTickets,
    overdueFollowUps: dueFollowUps(escalated, team.cadence, now, userId, new Set()).length,
  };
}
