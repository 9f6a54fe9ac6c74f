/** Which changed tickets deserve a desktop notification: new in the engineer's queue, priority High or Critical. */
import type { Priority } from '../../shared/domain';
import type { NotifyRequest } from '../../shared/bridge';
import type { TicketSummary } from './summary';

const URGENT: ReadonlySet<Priority | null> = new Set<Priority>(['critical', 'high']);
const PRIORITY_WORD: Record<string, string> = { critical: 'Critical', high: 'High' };

/**
 * The tickets among `summaries` created since `since` (when the console opened: tickets that
 * arrived while it was closed are in the queue, not announced), assigned to `userId` or in the team
 * queue, High or Critical, and not in `announced` (ids already notified).
 */
export function newUrgentTickets(
  summaries: readonly TicketSummary[],
  userId: string,
  since: Date,
  announced: ReadonlySet<string>,
): (NotifyRequest & { ticketId: string })[] {
  return summaries.flatMap((summary) => {
    const inMyQueue = summary.assigneeId === userId || summary.assigneeId === null;
    const isNew = Date.parse(summary.createdAt) >= since.getTime() && summary.stage !== 'closed';
    if (!inMyQueue || !isNew || !URGENT.has(summary.priority) || announced.has(summary.id)) return [];
    const who = summary.customerName ?? summary.resellerName;
    return [
      {
        title: `New ${PRIORITY_WORD[summary.priority ?? ''] ?? ''} ticket: ${summary.number}`.slice(0, 120),
        body: `${who}: ${summary.title}`.slice(0, 500),
        tag: `new-ticket:${summary.id}`,
        ticketId: summary.id,
      },
    ];
  });
}
