/** Pure selectors over the queue: which cached tickets a scope shows, in which order. */
import type { TicketSummary } from '../../data/summary';
import type { QueueScope } from '../../data/stores/queue-store';

export function inScope(summary: TicketSummary, scope: QueueScope, userId: string): boolean {
  if (scope === 'mine') return summary.assigneeId === userId;
  if (scope === 'unassigned') return summary.assigneeId === null;
  return true;
}

/** Most recently updated first; ties broken by ticket number so the order is stable. */
export function byLastUpdate(a: TicketSummary, b: TicketSummary): number {
  return b.updatedAt.localeCompare(a.updatedAt) || a.number.localeCompare(b.number);
}

export function visibleTickets(
  byId: Readonly<Record<string, TicketSummary>>,
  scope: QueueScope,
  userId: string,
): TicketSummary[] {
  return Object.values(byId)
    .filter((summary) => inScope(summary, scope, userId))
    .sort(byLastUpdate);
}

export function scopeCounts(byId: Readonly<Record<string, TicketSummary>>, userId: string): Record<QueueScope, number> {
  const counts: Record<QueueScope, number> = { all: 0, mine: 0, unassigned: 0 };
  for (const summary of Object.values(byId)) {
    counts.all += 1;
    if (inScope(summary, 'mine', userId)) counts.mine += 1;
    if (inScope(summary, 'unassigned', userId)) counts.unassigned += 1;
  }
  return counts;
}
