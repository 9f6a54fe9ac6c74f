/** The ticket as the user sees it: the server's record with their not-yet-acknowledged changes re-applied on top. */
import type { TeamContext, Ticket } from '../../shared/domain';
import { applyMutation } from '../../shared/mutations';
import { type OutboxEntry, stillPending } from './outbox-entry';

export interface TicketView {
  ticket: Ticket;
  /** Outbox entries whose effect is in `ticket` but not yet in the server's record. */
  pending: OutboxEntry[];
  /** Changes to this ticket the server refused, kept with their reason until the user discards them. */
  refused: OutboxEntry[];
  /** Timeline entries the user added that the server does not have yet. */
  unsentEntryIds: ReadonlySet<string>;
}

/**
 * Re-applies each outstanding entry, in outbox order, with the shared rules. An entry the new server
 * state no longer admits is left out of the view; the server's push result will say why.
 */
export function rebase(server: Ticket, entries: readonly OutboxEntry[], team: TeamContext): TicketView {
  let ticket = server;
  const pending: OutboxEntry[] = [];
  for (const entry of entries) {
    if (!stillPending(entry, server.version)) continue;
    const result = applyMutation(ticket, entry.mutation, { now: entry.mutation.createdAt, actor: entry.actor, team });
    if (result.ok) {
      ticket = result.ticket;
      pending.push(entry);
    }
  }
  const sent = new Set(server.timeline.map((entry) => entry.id));
  const unsentEntryIds = new Set(ticket.timeline.filter((entry) => !sent.has(entry.id)).map((entry) => entry.id));
  const refused = entries.filter((entry) => entry.state === 'refused');
  return { ticket, pending, refused, unsentEntryIds };
}
