/**
 * Free-text search over every cached ticket (MiniSearch): number, title, customer, tenant domain,
 * reseller, requester, description and timeline. Kept current one ticket at a time, never rebuilt
 * on a change.
 */
import MiniSearch from 'minisearch';
import type { TicketSummary } from './summary';

const FIELDS = ['number', 'title', 'customerName', 'tenantDomain', 'resellerName', 'searchText'] as const;

export class TicketSearchIndex {
  private index = TicketSearchIndex.create();

  private static create() {
    return new MiniSearch<TicketSummary>({
      fields: [...FIELDS],
      extractField: (summary, field) => String(summary[field as keyof TicketSummary] ?? ''),
      searchOptions: {
        boost: { number: 4, title: 2, customerName: 2, tenantDomain: 2 },
        prefix: true,
        // Typos are forgiven in words, never in numbers: CSS-100103 must not find CSS-100107.
        fuzzy: (term) => (term.length > 4 && !/\d/.test(term) ? 0.2 : false),
        combineWith: 'AND',
      },
    });
  }

  replaceAll(summaries: readonly TicketSummary[]): void {
    this.index = TicketSearchIndex.create();
    this.index.addAll(summaries);
  }

  upsert(summaries: readonly TicketSummary[]): void {
    for (const summary of summaries) {
      if (this.index.has(summary.id)) this.index.replace(summary);
      else this.index.add(summary);
    }
  }

  remove(ticketIds: readonly string[]): void {
    for (const id of ticketIds) if (this.index.has(id)) this.index.discard(id);
  }

  /** Ids of the tickets matching every word of the query, best match first. */
  search(query: string): string[] {
    return this.index.search(query).map((result) => String(result.id));
  }
}
