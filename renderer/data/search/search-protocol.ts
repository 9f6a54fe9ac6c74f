/** What the console's main thread and the search worker say to each other. */

/** The best matches, capped to what a person reads, and how many there were in all. */
export interface SearchResult {
  ids: string[];
  total: number;
  /** False while the index is still being built: more matches may come. */
  complete: boolean;
}

/** What a search answers before the index has started. */
export const NO_RESULT: SearchResult = { ids: [], total: 0, complete: false };

export type SearchRequest =
  /** Open the user's local database and load (or build) the index. */
  | { kind: 'open'; dbName: string; user: { id: string; name: string; role: 'engineer' | 'lead' } }
  /** Tickets changed: catch up with the database's search backlog. */
  | { kind: 'changed' }
  /** The console is pushing the user's changes: background work waits until `held` is false again. */
  | { kind: 'hold'; held: boolean }
  | { kind: 'search'; call: number; query: string; limit: number };

export type SearchReply =
  | { kind: 'ready' }
  | { kind: 'updated' }
  | { kind: 'result'; call: number; result: SearchResult }
  /** The background check set damaged tickets aside; they will be downloaded again. */
  | { kind: 'damaged'; tickets: number }
  | { kind: 'failed'; call: number | null; message: string };
