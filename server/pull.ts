/** Pull: every ticket in the caller's scope changed after their cursor, a page at a time. */
import type { PullQuery, PullResponse } from '../shared/api/sync';
import type { User } from '../shared/domain/people';
import type { PortalDatabase } from './db';
import { changesInScope, changesOutOfScope } from './scope';

export type PullOutcome = { ok: true; response: PullResponse } | { ok: false; message: string };

export function pullChanges(db: PortalDatabase, user: User, query: PullQuery): PullOutcome {
  const after = Number(query.cursor);
  // One read transaction, so the page and the current sequence describe the same moment.
  return db.transaction((): PullOutcome => {
    const current = db.currentSeq();
    if (after > current) {
      // A cursor this server never handed out: the database was reset, or the client is confused.
      // Smoothing it over would hide every change up to it, so the client must pull again from 0.
      return { ok: false, message: `the cursor ${query.cursor} is ahead of this server (${current}): pull from 0` };
    }
    // One row past the page tells whether more follow, without a count query.
    const changed = changesInScope(db, user, after, query.limit + 1);
    const hasMore = changed.length > query.limit;
    const tickets = changed.slice(0, query.limit);
    const last = tickets.at(-1);
    // With more to come the cursor stops at the last ticket sent, so the next page starts right after
    // it. Otherwise every change in scope up to `current` has been sent, so the cursor can move to
    // `current`, past changes outside the scope, and the next pull starts from there. A ticket changed
    // again later gets a new, higher sequence, so it is never missed.
    const cursor = hasMore && last !== undefined ? last.serverSeq : current;
    // The same window names the team's other changed tickets, so a ticket that left the scope (its
    // change moved it out, so it is no longer sent) leaves the console too. Even from 0: a console
    // pulling again from the start keeps its copy and must learn what to drop.
    const removed = changesOutOfScope(db, user, after, cursor);
    return { ok: true, response: { tickets, removed, cursor: String(cursor), hasMore } };
  });
}
