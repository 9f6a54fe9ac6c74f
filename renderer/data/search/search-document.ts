/** What free-text search reads of a ticket: number, title, customer, tenant, reseller, requester, description and timeline. */
import { z } from 'zod';
import { Ticket } from '../../../shared/domain';

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

/**
 * What of a stored ticket the index reads, checked on its own: indexing must not pay for a full parse
 * of every timeline entry (the ticket is parsed in full when opened, and by the background check).
 */
export const SearchSource = Ticket.pick({
  id: true,
  number: true,
  title: true,
  description: true,
  endCustomer: true,
  requester: true,
}).extend({
  timeline: z.array(
    z.union([
      z.object({ kind: z.literal('system_event'), text: z.string() }),
      z.object({ kind: z.string(), body: z.string() }),
    ]),
  ),
});
export type SearchSource = z.infer<typeof SearchSource>;

export function searchDocumentOf(ticket: SearchSource): SearchDocument {
  const said = ticket.timeline.map((entry) => ('text' in entry ? entry.text : entry.body));
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
