/** The tray's counts: the user's open tickets and their overdue follow-ups, from the local copy's indexes. */
import { dueFollowUps } from './follow-up-alerts';
import type { LocalStore } from './local-store';

export interface DesktopCounts {
  openTickets: number;
  overdueFollowUps: number;
}

/** Counted through the queue rows' indexes; only the user's escalated tickets are read in full. */
export async function desktopCounts(store: LocalStore, userId: string, now: Date): Promise<DesktopCounts> {
  const [counts, escalated, team] = await Promise.all([
    store.scopeCounts(userId),
    store.myTicketsInStage(userId, 'escalated'),
    store.team(),
  ]);
  return {
    openTickets: counts.open.mine,
    overdueFollowUps: dueFollowUps(escalated, team.cadence, now, userId, new Set()).length,
  };
}
