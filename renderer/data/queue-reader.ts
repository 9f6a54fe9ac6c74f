/**
 * Reads the queue's rows for the main thread in a Web Worker where the host has them (the console in
 * Electron or a browser), in-process elsewhere (unit tests). Reading and checking a row costs tens of
 * µs on the thread that does it, and at 50,000 rows that was the longest work start-up left on the main
 * thread after the first row: what is left there is taking the checked rows in.
 */
import type { LocalDb } from './local-db';
import { type RowChunk, type RowPlace, readRowChunk, type RowReader } from './row-chunk';

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
  const waiting = new Map<number, { resolve: (chunk: RowChunk) => void; reject: (error: Error) => void }>();
  let calls = 0;
  const failAll = (message: string) => {
    for (const { reject } of waiting.values()) reject(new Error(message));
    waiting.clear();
  };
  worker.onmessage = (event: MessageEvent<QueueReaderReply>) => {
    const reply = event.data;
    const call = waiting.get(reply.call);
    waiting.delete(reply.call);
    if ('chunk' in reply) call?.resolve(reply.chunk);
    else call?.reject(new Error(reply.failed));
  };
  worker.onerror = (event) => failAll(`The queue's rows could not be read (${event.message}).`);
  const send = (request: QueueReaderRequest) => worker.postMessage(request);
  send({ kind: 'open', dbName: db.name });
  return {
    read: (after, limit) =>
      new Promise((resolve, reject) => {
        const call = ++calls;
        waiting.set(call, { resolve, reject });
        send({ kind: 'read', call, after, limit });
      }),
    close() {
      worker.terminate();
      failAll('Signed out.');
    },
  };
}
