/** What free-text search reads of a ticket: number, title, customer, tenant, reseller, requester, description and timeline. */
import type { Ticket } from '../../../shared/domain';

export interface SearchDocument {
  id: string;
  number: string;
  title: string;
  customerName: string;
  tenantDomain: string;
  resellerName: string;
  /** Requester, description and what was said on the timeline. */
  text: string;
}

/** Enough text to find a ticket by what was said on it, without indexing every word of long timelines. */
const TEXT_LIMIT = 4000;

export function searchDocumentOf(ticket: Ticket): SearchDocument {
  const said = ticket.timeline.map((entry) => (entry.kind === 'system_event' ? entry.text : entry.body));
  return {
    id: ticket.id,
    number: ticket.number,
    title: ticket.title,
    customerName: ticket.endCustomer.companyName ?? '',
    tenantDomain: ticket.endCustomer.tenantDomain ?? '',
    resellerName: ticket.requester.resellerName,
    text: [ticket.requester.name, ticket.requester.email, ticket.description, ...said].join('\n').slice(0, TEXT_LIMIT),
  };
}
