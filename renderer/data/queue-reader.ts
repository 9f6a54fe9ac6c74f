/**
 * Reads the queue's rows for the main thread in a Web Worker where the host has them (the console in
 * Electron or a browser), in-process elsewhere (unit tests). Reading and checking a row costs tens of
 * µs on the thread that does it, and at 50,000 rows that was the longest work start-up left on the main
 * thread after the first row: what is left there is taking the checked rows in.
 */
import type { LocalDb } from './local-db';
import { type RowChunk, type RowPlace, readRowChunk, type RowReader } from './row-chunk';
import { workerCalls } from './worker-calls';

export type QueueReaderRequest =
  { kind: 'open'; dbName: string } | { kind: 'read'; call: number; after: RowPlace | null; limit: number };

export type QueueReaderReply = { call: number; chunk: RowChunk } | { call: number; failed: string };

export interface QueueReader {
  read: RowReader;
  /** Stops the worker; a read still waiting fails. */
  close(): void;
}

export function startQueueReader(db: LocalDb): QueueReader {
  if (typeof Worker !== 'function')
    return { read: (after, limit) => readRowChunk(db, after, limit), close: () => undefined };
  const worker = new Worker(new URL('./queue-reader-worker.ts', import.meta.url), { type: 'module' });
  const calls = workerCalls<RowChunk>();
  worker.onmessage = ({ data: reply }: MessageEvent<QueueReaderReply>) => {
    if ('chunk' in reply) calls.answer(reply.call, reply.chunk);
    else calls.fail(reply.call, reply.failed);
  };
  worker.onerror = (event) => calls.failAll(`The queue's rows could not be read (${event.message}).`);
  const send = (request: QueueReaderRequest) => worker.postMessage(request);
  send({ kind: 'open', dbName: db.name });
  return {
    read: (after, limit) => calls.call((call) => send({ kind: 'read', call, after, limit })),
    close() {
      worker.terminate();
      calls.failAll('The queue reader stopped before this read was answered.');
    },
  };
}
