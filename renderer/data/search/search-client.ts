/**
 * The main thread's side of search: a Web Worker where the host has them (the console in Electron or
 * a browser), the same service in-process elsewhere (unit tests). Answers arrive by call number, so
 * a slow answer to an older keystroke is never mistaken for the newest.
 */
import type { TeamMember } from '../../../shared/domain';
import type { SearchReply, SearchRequest, SearchResult } from './search-protocol';
import { SearchService } from './search-service';
import { workerCalls } from '../worker-calls';

/** The most matches handed to the queue: more than anyone scrolls through, few enough to show at once. */
export const SEARCH_RESULT_LIMIT = 1000;

export interface SearchEvents {
  /** The index took in changed tickets: a search on screen may now answer differently. */
  onUpdated: () => void;
  /** The background check set damaged tickets aside. */
  onDamaged: (tickets: number) => void;
}

export interface SearchClient {
  search(query: string): Promise<SearchResult>;
  /** Tickets changed in the local database. */
  changed(): void;
  /**
   * The console is busy syncing (true, said again while it lasts) or done (false): the index's background
   * work waits meanwhile.
   */
  hold(held: boolean): void;
  close(): void;
}

export function startSearch(dbName: string, user: TeamMember, events: SearchEvents): SearchClient {
  const calls = workerCalls<SearchResult>();

  const receive = (reply: SearchReply) => {
    switch (reply.kind) {
      case 'result':
        calls.answer(reply.call, reply.result);
        return;
      case 'failed':
        if (reply.call === null) console.warn(`search: ${reply.message}`);
        else calls.fail(reply.call, reply.message);
        return;
      case 'updated':
        events.onUpdated();
        return;
      case 'damaged':
        events.onDamaged(reply.tickets);
        return;
      case 'ready':
        events.onUpdated();
        return;
    }
  };

  let send: (request: SearchRequest) => void;
  let stop: () => void;
  if (typeof Worker === 'function') {
    const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<SearchReply>) => receive(event.data);
    worker.onerror = (event) => console.warn(`search worker: ${event.message}`);
    send = (request) => worker.postMessage(request);
    stop = () => worker.terminate();
  } else {
    const service = new SearchService(receive);
    send = (request) => service.handle(request);
    stop = () => service.close();
  }
  send({ kind: 'open', dbName, user });

  return {
    search: (query) => calls.call((call) => send({ kind: 'search', call, query, limit: SEARCH_RESULT_LIMIT })),
    changed: () => send({ kind: 'changed' }),
    hold: (held) => send({ kind: 'hold', held }),
    close() {
      stop();
      calls.failAll('Search stopped before this search was answered.');
    },
  };
}
