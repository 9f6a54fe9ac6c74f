/** The queue's row for a ticket: the few fields the list shows, filters and sorts by, kept beside the full record. */
import { z } from 'zod';
import { Channel, Instant, Priority, Scope, Stage, Status, type Ticket } from '../../shared/domain';

export const TicketSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  stage: Stage,
  status: Status,
  priority: Priority.nullable(),
  scope: Scope.nullable(),
  channel: Channel,
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  customerName: z.string().nullable(),
  tenantDomain: z.string().nullable(),
  resellerName: z.string(),
  createdAt: Instant,
  updatedAt: Instant,
  /** Local changes not yet acknowledged by the server. */
  pendingChanges: z.number().int().min(0),
  /** What free-text search reads besides the fields above: requester, description, timeline. */
  searchText: z.string(),
});
export type TicketSummary = z.infer<typeof TicketSummary>;

/** Enough text to find a ticket by what was said on it, without holding every timeline in memory. */
const SEARCH_TEXT_LIMIT = 4000;

function searchTextOf(ticket: Ticket): string {
  const said = ticket.timeline.map((entry) => (entry.kind === 'system_event' ? entry.text : entry.body));
  return [ticket.requester.name, ticket.requester.email, ticket.description, ...said]
    .join('\n')
    .slice(0, SEARCH_TEXT_LIMIT);
}

export function summarize(ticket: Ticket, pendingChanges: number): TicketSummary {
  return {
    id: ticket.id,
    number: ticket.number,
    title: ticket.title,
    stage: ticket.stage,
    status: ticket.status,
    priority: ticket.priority,
    scope: ticket.scope,
    channel: ticket.channel,
    assigneeId: ticket.assignee?.id ?? null,
    assigneeName: ticket.assignee?.name ?? null,
    customerName: ticket.endCustomer.companyName,
    tenantDomain: ticket.endCustomer.tenantDomain,
    resellerName: ticket.requester.resellerName,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    pendingChanges,
    searchText: searchTextOf(ticket),
  };
}
