/** Pull: every ticket in the caller's scope changed after their cursor, a page at a time. */
import { type Acknowledged, type PullQuery, PullResponse, parseLatest } from '../shared/api/sync';
import type { User } from '../shared/domain/people';
import type { PortalDatabase } from './db';
import type { StoredTicket } from './stored-ticket';

/** Everything in a page but its tickets. */
const PageEnvelope = PullResponse.omit({ tickets: true });

/** The page as the JSON of a PullResponse, in UTF-8. */
export function pullChanges(db: PortalDatabase, user: User, query: PullQuery): Promise<Buffer> {
  // One read transaction, so the page, the count and the current sequence describe the same moment.
  return db.readTransaction(async (tx): Promise<Buffer> => {
    const current = await tx.currentSeq();
    const reset =
      !(await inHistory(tx, Number(query.cursor), query.history, current)) ||
      (query.latest !== undefined && !(await allInHistory(tx, parseLatest(query.latest), current)));
    // A cursor from a past this server does not have: smoothing it over would hide every change up to
    // it (or, once the sequence grows past it again, others' changes), so the page starts from 0.
    const after = reset ? 0 : Number(query.cursor);
    const tickets = await tx.storedChangesInScope(user, after, query.limit);
    // Only a full page can have more behind it: they are counted from its last ticket, and the cursor
    // stops there, so the next page starts right after it. Otherwise every change in scope up to
    // `current` has been sent, so the cursor moves to `current`, past changes outside the scope. A
    // ticket changed again later gets a new, higher sequence, so it is never missed.
    const last = tickets.length === query.limit ? tickets.at(-1) : undefined;
    const remaining = last === undefined ? 0 : await tx.countChangesInScope(user, last.serverSeq);
    const cursor = last !== undefined && remaining > 0 ? last.serverSeq : current;
    // The same window names the tickets that left the scope, so they leave the console too.
    const removed = await tx.leftScope(user, after, cursor);
    const envelope = { removed, remaining, cursor: String(cursor), history: await tx.historyOf(cursor), reset };
    return pageBody(tickets, { ...envelope, hasMore: remaining > 0 });
  });
}

/**
 * Whether the change `cursor` is one this server made, in the history the console names: a cursor
 * past the last change, or from another history (see change_histories), is not. A console that
 * predates histories sends none, and only the first test applies. Checked for the cursor, and for
 * the latest change, in each history, the console was told it made.
 */
async function inHistory(
  db: PortalDatabase,
  cursor: number,
  history: string | undefined,
  current: number,
): Promise<boolean> {
  if (cursor === 0) return true;
  if (cursor > current) return false;
  return history === undefined || (await db.historyOf(cursor)) === history;
}

async function allInHistory(db: PortalDatabase, latest: readonly Acknowledged[], current: number): Promise<boolean> {
  for (const acknowledged of latest) {
    if (!(await inHistory(db, acknowledged.seq, acknowledged.history ?? undefined, current))) return false;
  }
  return true;
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
