/** How far one ticket may grow through pushed changes: the limits of the contract (TICKET_MAX_BYTES), applied. */
import { TICKET_MAX_BYTES, TICKET_MAX_TIMELINE_ENTRIES } from '../shared/api/sync';
import { Stage, type Ticket } from '../shared/domain/ticket';
import type { Refusal } from '../shared/mutations';

const stageRank = (ticket: Ticket) => Stage.options.indexOf(ticket.stage);

const full = (ticket: Ticket, limit: string): Refusal => ({
  code: 'illegal_transition',
  message:
    `${ticket.number} has reached its maximum size (${limit}), so this change was not saved. ` +
    `Open a new ticket for the rest of the work and mention ${ticket.number} in it.`,
});

/**
 * Why `after`, the ticket as a change leaves it, may not be saved, or null when it may. A change that
 * moves the ticket to a later stage always may: the ticket can still be finished, and since a move back
 * is refused, at most four such changes follow, so what they add is bounded. The limits are not part of the Ticket schema, so a
 * ticket stored before them, larger than they allow, is still read and pulled.
 */
export function ticketLimitRefusal(before: Ticket, after: Ticket): Refusal | null {
  if (stageRank(after) > stageRank(before)) return null;
  if (after.timeline.length > TICKET_MAX_TIMELINE_ENTRIES) {
    return full(after, `${TICKET_MAX_TIMELINE_ENTRIES.toLocaleString('en')} timeline entries`);
  }
  if (Buffer.byteLength(JSON.stringify(after)) > TICKET_MAX_BYTES) {
    return full(after, `${TICKET_MAX_BYTES / 1024 / 1024} MiB`);
  }
  return null;
}
