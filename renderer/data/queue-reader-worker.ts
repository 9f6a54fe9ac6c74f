/** The queue reader's worker (see queue-reader.ts): reads and checks chunks of the queue's rows. */
import { LocalDb } from './local-db';
import type { QueueReaderReply, QueueReaderRequest } from './queue-reader';
import { readRowChunk } from './row-chunk';

const scope = self as unknown as {
  postMessage: (reply: QueueReaderReply) => void;
  onmessage: ((event: MessageEvent<QueueReaderRequest>) => void) | null;
};

let db: LocalDb | null = null;

scope.onmessage = ({ data: request }) => {
  if (request.kind === 'open') {
    db = new LocalDb(request.dbName);
    return;
  }
  const { call, after, limit } = request;
  if (db === null) {
    scope.postMessage({ call, failed: 'The queue reader was asked to read before it was opened.' });
    return;
  }
  readRowChunk(db, after, limit).then(
    (chunk) => scope.postMessage({ call, chunk }),
    (error: unknown) => scope.postMessage({ call, failed: error instanceof Error ? error.message : String(error) }),
  );
};
