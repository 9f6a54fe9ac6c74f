/** Pure selectors over the queue: which cached tickets the scope, filters and search show, in which order. */
import { PRIORITY_RANK } from '../../../shared/domain';
import type { QueueFilters, QueueScope, QueueSort } from '../../data/stores/queue-store';
import type { TicketSummary } from '../../data/summary';

export function inScope(summary: TicketSummary, scope: QueueScope, userId: string): boolean {
  if (scope === 'mine') return summary.assigneeId === userId;
  if (scope === 'unassigned') return summary.assigneeId === null;
  return true;
}

const matchesOne = <T>(chosen: readonly T[], value: T) => chosen.length === 0 || chosen.includes(value);

export function matchesFilters(summary: TicketSummary, filters: QueueFilters): boolean {
  return (
    matchesOne(filters.stage, summary.stage) &&
    matchesOne(filters.status, summary.status) &&
    (filters.priority.length === 0 || (summary.priority !== null && filters.priority.includes(summary.priority))) &&
    (filters.scope.length === 0 || (summary.scope !== null && filters.scope.includes(summary.scope))) &&
    matchesOne(filters.channel, summary.channel) &&
    matchesOne(filters.assignee, summary.assigneeId ?? '')
  );
}

/** Ties are broken by ticket number, so the order is stable. */
const byNumber = (a: TicketSummary, b: TicketSummary) => a.number.localeCompare(b.number);

export const SORTS: Record<QueueSort, (a: TicketSummary, b: TicketSummary) => number> = {
  /** Most recently updated first. */
  lastUpdate: (a, b) => b.updatedAt.localeCompare(a.updatedAt) || byNumber(a, b),
  /** Oldest first: the tickets waiting longest. */
  age: (a, b) => a.createdAt.localeCompare(b.createdAt) || byNumber(a, b),
  /** Critical first; tickets without a priority last. */
  priority: (a, b) =>
    (a.priority === null ? 9 : PRIORITY_RANK[a.priority]) - (b.priority === null ? 9 : PRIORITY_RANK[b.priority]) ||
    b.updatedAt.localeCompare(a.updatedAt) ||
    byNumber(a, b),
};

export interface QueueView {
  scope: QueueScope;
  filters: QueueFilters;
  sort: QueueSort;
  /** Ids matching the free-text search, best first; null when there is no search. */
  hits: readonly string[] | null;
}

export function visibleTickets(
  byId: Readonly<Record<string, TicketSummary>>,
  { scope, filters, sort, hits }: QueueView,
  userId: string,
): TicketSummary[] {
  const candidates = hits === null ? Object.values(byId) : hits.flatMap((id) => byId[id] ?? []);
  const shown = candidates.filter((s) => inScope(s, scope, userId) && matchesFilters(s, filters));
  return hits === null ? shown.sort(SORTS[sort]) : shown;
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
