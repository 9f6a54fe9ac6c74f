/**
 * The change stream (GET /api/v1/sync/changes): a server-sent event each time changes are stored, so a
 * console pulls within moments of new work instead of at its next interval. It carries no ticket data:
 * the console pulls what its scope holds, as it always does. A change is announced only to the consoles
 * whose scope held the ticket before or holds it after, whichever process on the database made it: an
 * engineer's console does not pull for a colleague's ticket, nor one team's for another's.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../shared/domain/people';
import { API_PREFIX } from '../shared/api';
import type { PortalDatabase } from './db';
import { holdsInScope } from './scope';

/** A comment line this often keeps proxies and the console's own idle timer from closing a quiet stream. */
export const HEARTBEAT_MS = 25_000;

export function registerChangeStream(
  app: FastifyInstance,
  {
    db,
    requireSignIn,
    signedIn,
  }: {
    db: PortalDatabase;
    requireSignIn: (request: FastifyRequest) => Promise<void>;
    signedIn: (request: FastifyRequest) => User;
  },
): void {
  const open = new Set<FastifyReply>();
  // Open streams would hold the server's closing back for ever: they end first.
  app.addHook('preClose', (done) => {
    for (const reply of open) reply.raw.end();
    open.clear();
    done();
  });

  app.get(`${API_PREFIX}/sync/changes`, { onRequest: requireSignIn }, (request, reply) => {
    // The answer is written by hand from here on; the headers set so far (CORS, no-store) go with it.
    void reply.hijack();
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) reply.raw.setHeader(name, typeof value === 'number' ? String(value) : value);
    }
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // A reverse proxy (nginx) passes each event on as it comes instead of holding it in its buffer.
      'x-accel-buffering': 'no',
    });
    const send = (line: string) => reply.raw.write(line);
    // A reconnecting console pulls at once: what changed while it was away is announced by this first event.
    const announce = () => {
      db.currentSeq().then(
        (seq) => send(`event: change\ndata: ${JSON.stringify({ seq })}\n\n`),
        (error: unknown) => request.log.error({ err: error }, 'the change stream could not read the sequence'),
      );
    };
    announce();
    const user = signedIn(request);
    const unsubscribe = db.onChange((holders) => {
      if (holders === null || holders.some((holder) => holdsInScope(user, holder))) announce();
    });
    const heartbeat = setInterval(() => send(': still here\n\n'), HEARTBEAT_MS);
    open.add(reply);
    request.raw.once('close', () => {
      unsubscribe();
      clearInterval(heartbeat);
      open.delete(reply);
    });
  });
}
