/** The pull fetcher's worker (see pull-fetcher.ts): fetches a page of tickets and hands its bytes over. */
import type { FetchReply, FetchRequest } from './pull-fetcher';

const scope = self as unknown as {
  postMessage: (reply: FetchReply, transfer?: Transferable[]) => void;
  onmessage: ((event: MessageEvent<FetchRequest>) => void) | null;
};

async function fetchPage({ call, url, headers, timeoutMs }: FetchRequest): Promise<void> {
  try {
    const response = await fetch(url, {
      headers,
      ...(timeoutMs > 0 ? { signal: AbortSignal.timeout(timeoutMs) } : {}),
    });
    const body = await response.arrayBuffer();
    const { status, statusText } = response;
    scope.postMessage({ call, status, statusText, headers: [...response.headers], body }, [body]);
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    scope.postMessage({ call, failed: error instanceof Error ? error.message : String(error), timedOut });
  }
}

scope.onmessage = ({ data: request }) => void fetchPage(request);
