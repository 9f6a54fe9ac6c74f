/**
 * What the customer does on the scheduling page of their private link: pick one of the offered times,
 * or ask for other times. The portal applies these with its own clock; the console sees them on the
 * next pull, on the timeline like any other change.
 */
import { linkIsOpen, slotInUtc, slotInZone, type RemoteSession, type SessionSlot } from '../domain/remote-session';
import type { Ticket, TimelineEntry } from '../domain/ticket';
import { refuse, type ApplyResult } from './mutation';
import { confirmedSession, refuseIfNotProposed, refuseIfPast, sessionFor, sessionsWith } from './session-change';
import { applied } from './ticket-change';

/** The ids of the timeline entries a customer's action adds, chosen by the portal. */
export interface CustomerEntryIds {
  eventId: string;
  replyId: string;
}

function customerChange(ticket: Ticket, session: RemoteSession, now: string, entries: TimelineEntry[]): Ticket {
  return {
    ...ticket,
    remoteSessions: sessionsWith(ticket, session),
    updatedAt: now,
    timeline: [...ticket.timeline, ...entries],
  };
}

const customerEvent = (id: string, now: string, text: string): TimelineEntry => ({
  id,
  at: now,
  kind: 'system_event',
  actor: null,
  text,
});

/** The session behind an open link, or the refusal the page shows. */
function openSession(
  ticket: Ticket,
  sessionId: string,
  now: string,
): { ok: true; session: RemoteSession } | { ok: false; refused: ApplyResult } {
  const found = sessionFor(ticket, sessionId, 'customer_pick', now, 'booking a session');
  if (!found.ok) return found;
  if (!linkIsOpen(found.session, new Date(now))) {
    return {
      ok: false,
      refused: refuse(
        'illegal_transition',
        `${ticket.number}: the times offered have all passed; ask your engineer for new times.`,
      ),
    };
  }
  return found;
}

export function customerPicksSlot(
  ticket: Ticket,
  sessionId: string,
  slot: SessionSlot,
  now: string,
  ids: CustomerEntryIds,
): ApplyResult {
  const found = openSession(ticket, sessionId, now);
  if (!found.ok) return found.refused;
  const refusal = refuseIfNotProposed(ticket, found.session, slot) ?? refuseIfPast(ticket, [slot], now);
  if (refusal) return refusal;
  const session = confirmedSession(found.session, slot, 'customer', now, { linkToken: found.session.linkToken });
  const text = `The customer booked the remote session on the scheduling page: ${slotInZone(slot, ticket.endCustomer.timeZone)} for the customer (${slotInUtc(slot)}).`;
  return applied(customerChange(ticket, session, now, [customerEvent(ids.eventId, now, text)]));
}

export function customerAsksOtherTimes(
  ticket: Ticket,
  sessionId: string,
  message: string,
  now: string,
  ids: CustomerEntryIds,
): ApplyResult {
  const found = openSession(ticket, sessionId, now);
  if (!found.ok) return found.refused;
  const session: RemoteSession = {
    ...found.session,
    status: 'cancelled',
    cancelReason: 'The customer asked for other times.',
    customerRequest: message,
    updatedAt: now,
  };
  const reply: TimelineEntry = {
    id: ids.replyId,
    at: now,
    kind: 'customer_reply',
    direction: 'inbound',
    author: { name: ticket.requester.name },
    body: message,
  };
  return applied(
    customerChange(ticket, session, now, [
      customerEvent(
        ids.eventId,
        now,
        'The customer asked for other times on the scheduling page; the proposal is withdrawn: propose new times.',
      ),
      reply,
    ]),
  );
}
