/** Pull: every ticket in the caller's scope changed after their cursor, a page at a time. */
import { type PullQuery, PullResponse } from '../shared/api/sync';
import type { User } from '../shared/domain/people';
import type { PortalDatabase } from './db';
import type { StoredTicket } from './stored-ticket';

/** A page as the JSON of a PullResponse, in UTF-8, or why the query cannot be answered. */
export type PullOutcome = { ok: true; body: Buffer } | { ok: false; message: string };

/** Everything in a page but its tickets. */
const PageEnvelope = PullResponse.omit({ tickets: true });

export function pullChanges(db: PortalDatabase, user: User, query: PullQuery): PullOutcome {
  const after = Number(query.cursor);
  // One read transaction, so the page, the count and the current sequence describe the same moment.
  return db.transaction((): PullOutcome => {
    const current = db.currentSeq();
    if (after > current) {
      // A cursor this server never handed out: the database was reset, or the client is confused.
      // Smoothing it over would hide every change up to it, so the client must pull again from 0.
      return { ok: false, message: `the cursor ${query.cursor} is ahead of this server (${current}): pull from 0` };
    }
    const tickets = db.storedChangesInScope(user, after, query.limit);
    // Only a full page can have more behind it: they are counted from its last ticket, and the cursor
    // stops there, so the next page starts right after it. Otherwise every change in scope up to
    // `current` has been sent, so the cursor moves to `current`, past changes outside the scope. A
    // ticket changed again later gets a new, higher sequence, so it is never missed.
    const last = tickets.length === query.limit ? tickets.at(-1) : undefined;
    const remaining = last === undefined ? 0 : db.countChangesInScope(user, last.serverSeq);
    const cursor = last !== undefined && remaining > 0 ? last.serverSeq : current;
    // The same window names the tickets that left the scope, so they leave the console too.
    const removed = db.leftScope(user, after, cursor);
    return {
      ok: true,
      body: pageBody(tickets, { removed, remaining, cursor: String(cursor), hasMore: remaining > 0 }),
    };
  });
}

const TICKETS_OPEN = Buffer.from('{"tickets":[');
const COMMA = Buffer.from(',');

/**
 * The page's JSON, the tickets spliced in as stored: each was parsed against the Ticket schema when it
 * was saved, and parsing, serializing and re-encoding 50,000 of them on every pull cost over 30 times
 * the SELECT that reads them. The rest of the page is checked against the contract.
 */
function pageBody(tickets: readonly StoredTicket[], envelope: Omit<PullResponse, 'tickets'>): Buffer {
  const rest = JSON.stringify(PageEnvelope.parse(envelope)); // {"removed":…}
  const ticketBytes = tickets.flatMap((ticket, index) => (index === 0 ? [ticket.json] : [COMMA, ticket.json]));
  return Buffer.concat([TICKETS_OPEN, ...ticketBytes, Buffer.from(`],${rest.slice(1)}`)]);
}
