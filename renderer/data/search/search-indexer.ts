/**
 * Keeps the search index equal to the local copy: loads the saved index, catches up with the tickets
 * changed since it was saved (the search backlog, written in the same transaction as each change),
 * and saves it again. Runs in the search worker; tests run it directly.
 */
import { Ticket } from '../../../shared/domain';
import { type LocalDb, recordsAfter, type SearchBacklogEntry } from '../local-db';
import type { LocalStore } from '../local-store';
import { groupByTicket } from '../outbox-entry';
import { rebase } from '../rebase';
import { SearchSource, searchDocumentOf, type SearchDocument } from './search-document';
import type { SearchResult } from './search-protocol';
import { SEARCH_INDEX_FORMAT, TicketSearchIndex } from './ticket-search-index';

/** Tickets read per transaction while indexing: small enough to let searches in between. */
const CHUNK = 500;

export class SearchIndexer {
  private index = TicketSearchIndex.empty();
  /** The last backlog entry the index includes. */
  private upToSeq = 0;
  private opened = false;

  constructor(
    private readonly db: LocalDb,
    private readonly store: LocalStore,
    /** Called between chunks of work, so a worker can answer searches meanwhile. */
    private readonly pause: () => Promise<void> = () => Promise.resolve(),
  ) {}

  get indexedTickets(): number {
    return this.index.size;
  }

  /**
   * Loads the saved index (or builds one when there is none, or it is unreadable), then catches up.
   * Says which it did: a rebuilt index is worth saving.
   */
  async open(): Promise<'loaded' | 'rebuilt'> {
    const snapshot = await this.db.searchIndex.get('snapshot');
    let loaded = false;
    if (snapshot?.format === SEARCH_INDEX_FORMAT) {
      try {
        this.index = TicketSearchIndex.load(snapshot.index);
        this.upToSeq = snapshot.upToSeq;
        loaded = true;
      } catch (error) {
        console.warn(`The saved search index could not be read and is rebuilt: ${String(error)}`);
      }
    }
    if (!loaded) await this.rebuild();
    await this.catchUp();
    this.opened = true;
    return loaded ? 'loaded' : 'rebuilt';
  }

  /** Indexes every cached ticket from scratch. */
  async rebuild(): Promise<void> {
    // Changes made while rebuilding are in the backlog after this point, and caught up afterwards.
    this.upToSeq = (await this.db.searchBacklog.orderBy(':id').last())?.seq ?? 0;
    this.index = TicketSearchIndex.empty();
    let after: string | null = null;
    for (;;) {
      const ids: string[] = await recordsAfter(this.db.tickets, after).limit(CHUNK).primaryKeys();
      if (ids.length === 0) return;
      this.index.upsert(await this.documentsOf(ids));
      after = ids.at(-1) ?? null;
      await this.pause();
    }
  }

  /**
   * Re-indexes the tickets changed since the index was last brought up to date, up to about `most`
   * tickets (whole chunks); returns how many tickets it re-indexed.
   */
  async catchUp(most = Infinity): Promise<number> {
    let changes = 0;
    while (changes < most) {
      const read = await this.db.searchBacklog.where(':id').above(this.upToSeq).limit(CHUNK).toArray();
      const entries = aboutAChunk(read);
      const last = entries.at(-1);
      if (last === undefined) return changes;
      const ids = [...new Set(entries.flatMap((entry) => entry.ticketIds))];
      const documents = await this.documentsOf(ids);
      const found = new Set(documents.map((document) => document.id));
      this.index.remove(ids.filter((id) => !found.has(id)));
      this.index.upsert(documents);
      this.upToSeq = last.seq;
      changes += ids.length;
      await this.pause();
    }
    return changes;
  }

  /** Answers from the index as it stands; `complete` is false until it has been loaded or built. */
  search(query: string, limit: number): SearchResult {
    return { ...this.index.search(query, limit), complete: this.opened };
  }

  /**
   * Saves the index, then forgets the backlog it includes. Two transactions: the index is large, and
   * writing it must not hold back the changes that add to the backlog meanwhile; what is left of the
   * backlog should the second not happen lies below the saved index's point, and is never read again.
   */
  async save(): Promise<void> {
    const index = this.index.save();
    const upToSeq = this.upToSeq;
    await this.db.searchIndex.put({ key: 'snapshot', upToSeq, format: SEARCH_INDEX_FORMAT, index });
    await this.db.searchBacklog.where(':id').belowOrEqual(upToSeq).delete();
  }

  /**
   * The tickets as the user sees them (their unsent changes included). A damaged record is left out:
   * reading the ticket sets it aside, and the background check finds it.
   */
  private async documentsOf(ids: readonly string[]): Promise<SearchDocument[]> {
    // Two reads, not one transaction: a transaction over the outbox holds back the push's recording of
    // the server's answers, and the tickets' read is the long one. A change landing in between leaves a
    // backlog entry, so the ticket is indexed again.
    const entries = await this.db.transaction('r', [this.db.outbox], () =>
      this.db.outbox
        .where('ticketId')
        .anyOf([...ids])
        .sortBy('seq'),
    );
    const [records, team] = await this.db.transaction('r', [this.db.tickets, this.db.meta], () =>
      Promise.all([this.db.tickets.bulkGet([...ids]), this.store.team()]),
    );
    const byTicket = groupByTicket(entries);
    return records.flatMap((record) => {
      const own = record === undefined ? undefined : byTicket.get(record.id);
      if (own === undefined) {
        const source = SearchSource.safeParse(record);
        return source.success ? [searchDocumentOf(source.data)] : [];
      }
      // Only a ticket with unsent changes is parsed in full: they are laid over it as the user sees it.
      const ticket = Ticket.safeParse(record);
      return ticket.success ? [searchDocumentOf(rebase(ticket.data, own, team).ticket)] : [];
    });
  }
}

/** The first entries, as long as they name no more than CHUNK tickets together (the first whatever it names). */
function aboutAChunk(entries: readonly SearchBacklogEntry[]): SearchBacklogEntry[] {
  let tickets = 0;
  const taken: SearchBacklogEntry[] = [];
  for (const entry of entries) {
    tickets += entry.ticketIds.length;
    if (taken.length > 0 && tickets > CHUNK) break;
    taken.push(entry);
  }
  return taken;
}
