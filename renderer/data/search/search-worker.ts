/**
 * The search worker: owns the search index off the console's main thread, so typing never waits for
 * it; catches up as tickets change, saves the index when sync goes quiet, and checks the cached
 * tickets in the background.
 */
import { SearchService } from './search-service';
import type { SearchReply, SearchRequest } from './search-protocol';

const scope = self as unknown as {
  postMessage: (reply: SearchReply) => void;
  onmessage: ((event: MessageEvent<SearchRequest>) => void) | null;
};

const service = new SearchService((reply) => scope.postMessage(reply));
scope.onmessage = (event) => service.handle(event.data);
