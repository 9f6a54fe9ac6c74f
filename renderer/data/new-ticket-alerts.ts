/**
 * New tickets in the user's queue while the console is open: each is highlighted in the queue until
 * opened, and a High or Critical one also becomes a desktop notification.
 */
import type { Priority } from '../../shared/domain';
import type { NotifyRequest } from '../../shared/bridge';
import type { TicketSummary } from './summary';

const URGENT: ReadonlySet<Priority | null> = new Set<Priority>(['critical', 'high']);
const PRIORITY_WORD: Record<string, string> = { critical: 'Critical', high: 'High' };

/**
 * The tickets among `summaries` created since `since` (when the console opened: tickets that arrived
 * while it was closed are in the queue, not announced), open, assigned to `userId` or in the team queue,
 * and not in `seen` (ids already announced).
 */
export function newArrivals(
  summaries: readonly TicketSummary[],
  userId: string,
  since: Date,
  seen: ReadonlySet<string>,
): TicketSummary[] {
  return summaries.filter(
    (summary) =>
      (summary.assigneeId === userId || summary.assigneeId === null) &&
      summary.stage !== 'closed' &&
      Date.parse(summary.createdAt) >= since.getTime() &&
      !seen.has(summary.id),
  );
}

/** The desktop notification a new ticket deserves: only High and Critical ones interrupt. */
export function arrivalNotice(summary: TicketSummary): (NotifyRequest & { ticketId: string }) | null {
  if (!URGENT.has(summary.priority)) return null;
  const who = summary.customerName ?? summary.resellerName;
  return {
    title: `New ${PRIORITY_WORD[summary.priority ?? ''] ?? ''} ticket: ${summary.number}`.slice(0, 120),
    body: `${who}: ${summary.title}`.slice(0, 500),
    tag: `new-ticket:${summary.id}`,
    ticketId: summary.id,
  };
}
