/**
 * Free-text search over every cached ticket (MiniSearch), kept current one ticket at a time and
 * saved whole, so a start loads it instead of rebuilding it.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { SearchResult } from './search-protocol';
import type { SearchDocument } from './search-document';

/** Bump when the fields or options change: a saved index in an older format is rebuilt. */
export const SEARCH_INDEX_FORMAT = 1;

const OPTIONS: Options<SearchDocument> = {
  fields: ['number', 'title', 'customerName', 'tenantDomain', 'resellerName', 'text'],
  searchOptions: {
    boost: { number: 4, title: 2, customerName: 2, tenantDomain: 2 },
    prefix: true,
    // Typos are forgiven in words, never in numbers: CSS-100103 must not find CSS-100107.
    fuzzy: (term) => (term.length > 4 && !/\d/.test(term) ? 0.2 : false),
    combineWith: 'AND',
  },
};

export class TicketSearchIndex {
  private constructor(private readonly index: MiniSearch<SearchDocument>) {}

  static empty(): TicketSearchIndex {
    return new TicketSearchIndex(new MiniSearch(OPTIONS));
  }

  static fromJSON(json: string): TicketSearchIndex {
    return new TicketSearchIndex(MiniSearch.loadJSON(json, OPTIONS));
  }

  toJSON(): string {
    return JSON.stringify(this.index);
  }

  get size(): number {
    return this.index.documentCount;
  }

  upsert(documents: readonly SearchDocument[]): void {
    for (const document of documents) {
      if (this.index.has(document.id)) this.index.replace(document);
      else this.index.add(document);
    }
  }

  remove(ticketIds: readonly string[]): void {
    for (const id of ticketIds) if (this.index.has(id)) this.index.discard(id);
  }

  /** The tickets matching every word of the query, best match first: the first `limit`, and how many in all. */
  search(query: string, limit: number): Omit<SearchResult, 'complete'> {
    const results = this.index.search(query);
    return { ids: results.slice(0, limit).map((result) => String(result.id)), total: results.length };
  }
}
