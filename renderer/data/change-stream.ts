/**
 * The server's change stream (GET /sync/changes, server-sent events) heard by the console: each
 * announced change starts a sync, so new work arrives within moments rather than at the next interval.
 * Read with fetch, which can send the bearer token (EventSource cannot); reconnects with backoff while
 * the computer is online, and never stands in for the interval sync, which goes on regardless.
 */
import { API_PREFIX } from '../../shared/api';
import type { Connectivity } from './connectivity';

export interface ChangeStreamOptions {
  serverUrl: string;
  token: string;
  connectivity: Connectivity;
  /** A change was stored on the server (or the stream just connected): pull now. */
  onChange: () => void;
  /** The first wait before reconnecting; it doubles up to `maxRetryMs`. */
  minRetryMs?: number;
  maxRetryMs?: number;
}

/** Listens until the returned stop is called. */
export function watchChanges({
  serverUrl,
  token,
  connectivity,
  onChange,
  minRetryMs = 1_000,
  maxRetryMs = 60_000,
}: ChangeStreamOptions): () => void {
  const stopped = new AbortController();
  let retryMs = minRetryMs;
  let wake: (() => void) | null = null;
  const unwatch = connectivity.watch((online) => {
    if (online) wake?.();
  });

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
      stopped.signal.addEventListener('abort', done, { once: true });
    });

  const listen = async () => {
    const response = await fetch(new URL(`${API_PREFIX}/sync/changes`, serverUrl), {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      signal: stopped.signal,
    });
    // A refused token is the sync's to report (it asks for a new sign-in); the stream just waits.
    if (!response.ok || response.body === null) return;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      retryMs = minRetryMs;
      buffered += decoder.decode(value, { stream: true });
      const events = buffered.split('\n\n');
      buffered = events.pop() ?? '';
      if (events.some((event) => event.split('\n').includes('event: change'))) onChange();
    }
  };

  void (async () => {
    while (!stopped.signal.aborted) {
      if (connectivity.isOnline()) await listen().catch(() => undefined);
      if (stopped.signal.aborted) break;
      // Offline, the wait ends as soon as the computer is online again.
      await sleep(connectivity.isOnline() ? retryMs : maxRetryMs);
      retryMs = Math.min(retryMs * 2, maxRetryMs);
    }
  })();

  return () => {
    unwatch();
    stopped.abort();
  };
}
