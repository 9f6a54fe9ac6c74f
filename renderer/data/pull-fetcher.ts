/**
 * Pulled pages are fetched in a Web Worker where the host has them (the console in Electron or a
 * browser): a page of 2,000 tickets is about 10 MB, and receiving it on the main thread held up the
 * writing of the page before it. A first sync of 20,000 tickets took 1.45–1.49 × the same run's bare
 * pages, against 1.59–1.78 × with axios's own request (4 runs each). The worker hands the page over
 * whole, as bytes (a transfer, not a copy); the main thread decodes and parses it, and axios takes the
 * answer as its own (statuses, errors, Retry-After). Elsewhere (unit tests) axios fetches it.
 */
import axios, { type AxiosAdapter, AxiosError, AxiosHeaders, type AxiosResponse } from 'axios';
import { workerCalls } from './worker-calls';

export interface FetchRequest {
  call: number;
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

export type FetchReply =
  | { call: number; status: number; statusText: string; headers: [string, string][]; body: ArrayBuffer }
  | { call: number; failed: string; timedOut: boolean };

interface Fetcher {
  fetch(request: Omit<FetchRequest, 'call'>): Promise<FetchReply>;
}

let started: Fetcher | null = null;

/** One worker for the page's life, started at the first pull; one that broke is started again at the next. */
function fetcher(): Fetcher {
  if (started !== null) return started;
  const worker = new Worker(new URL('./pull-fetcher-worker.ts', import.meta.url), { type: 'module' });
  const calls = workerCalls<FetchReply>();
  worker.onmessage = ({ data: reply }: MessageEvent<FetchReply>) => calls.answer(reply.call, reply);
  worker.onerror = (event) => {
    started = null;
    worker.terminate();
    calls.failAll(`The page of tickets could not be fetched (${event.message || 'its worker did not start'}).`);
  };
  started = {
    fetch: (request) => calls.call((call) => worker.postMessage({ ...request, call } satisfies FetchRequest)),
  };
  return started;
}

const decoder = new TextDecoder();

const inWorker: AxiosAdapter = async (config) => {
  const headers = Object.fromEntries(
    Object.entries(AxiosHeaders.from(config.headers).toJSON()).flatMap(([name, value]) =>
      typeof value === 'string' ? [[name, value]] : [],
    ),
  );
  const answer = await fetcher().fetch({
    url: new URL(axios.getUri(config), location.href).href,
    headers,
    timeoutMs: config.timeout ?? 0,
  });
  if ('failed' in answer) {
    const code = answer.timedOut ? AxiosError.ETIMEDOUT : AxiosError.ERR_NETWORK;
    throw new AxiosError(answer.failed, code, config);
  }
  const response: AxiosResponse = {
    data: decoder.decode(answer.body),
    status: answer.status,
    statusText: answer.statusText,
    headers: AxiosHeaders.from(Object.fromEntries(answer.headers)),
    config,
    request: null,
  };
  if (config.validateStatus?.(answer.status) === false) {
    const code = answer.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST;
    throw new AxiosError(`Request failed with status code ${answer.status}`, code, config, null, response);
  }
  return response;
};

/** How a page of tickets travels where the host has Web Workers; undefined elsewhere, where axios sends it itself. */
export const pullInWorker: AxiosAdapter | undefined = typeof Worker === 'function' ? inWorker : undefined;
