/** The tray's counts: the user's open tickets and their overdue follow-ups. */
import type { FollowUpCadence } from '../../shared/domain';
import { dueFollowUps } from './follow-up-alerts';
import type { TicketSummary } from './summary';

export interface DesktopCounts {
  openTickets: number;
  overdueFollowUps: number;
}

/**
 * `openTickets` comes from the queue's own counts and `escalations` are the user's escalated rows as
 * the queue keeps them, so a synced page or a minute passing costs no read of the local copy.
 */
export function desktopCounts(
  escalations: Iterable<TicketSummary>,
  cadence: FollowUpCadence,
  now: Date,
  openTickets: number,
): DesktopCounts {
  return { openTickets, overdueFollowUps: dueFollowUps(escalations, cadence, now, new Set()).length };
}
