/**
 * What the server checks of a change to a ticket's remote sessions beyond the mutation's own rules: the
 * engineer's other bookings (the shared overlap rule, fed from the bookings table) and the link tokens.
 */
import type { Booking, RemoteSession, SessionSlot } from '../../shared/domain/remote-session';
import type { Ticket } from '../../shared/domain/ticket';
import { type Refusal, overlapRefusal } from '../../shared/mutations';
import { type SessionIndex, leadsTo } from './session-index';

/** The sessions a change added or changed (an unchanged session is the same object after a mutation). */
const changedSessions = (before: Ticket, after: Ticket): RemoteSession[] =>
  after.remoteSessions.filter((session) => !before.remoteSessions.includes(session));

/** The span of every time a session offers or holds. */
function spanOf(session: RemoteSession): SessionSlot {
  const slots = [...session.proposedSlots, ...(session.confirmedSlot === null ? [] : [session.confirmedSlot])];
  const starts = slots.map((slot) => Date.parse(slot.start));
  const ends = slots.map((slot) => Date.parse(slot.end));
  return { start: new Date(Math.min(...starts)).toISOString(), end: new Date(Math.max(...ends)).toISOString() };
}

/** The bookings of each changed live session's engineer around its times: all the overlap rule needs. */
async function bookingsAround(index: SessionIndex, sessions: readonly RemoteSession[]): Promise<Booking[]> {
  const bookings: Booking[] = [];
  for (const session of sessions) {
    if (session.status !== 'proposed' && session.status !== 'confirmed') continue;
    bookings.push(...(await index.bookingsOverlapping(session.engineer.id, spanOf(session))));
  }
  return bookings;
}

async function linkRefusal(
  index: SessionIndex,
  ticket: Ticket,
  sessions: readonly RemoteSession[],
): Promise<Refusal | null> {
  for (const session of sessions) {
    if (session.linkToken === null) continue;
    const link = await index.findLink(session.linkToken);
    if (link === null || leadsTo(link, ticket.id, session.id)) continue;
    return {
      code: 'invalid_args',
      message:
        `${ticket.number}: the scheduling link of this proposal already belongs to another session, so the ` +
        'change was not saved. Propose the times again: a new proposal gets a new link.',
    };
  }
  return null;
}

/** Why the change from `before` to `after` may not be saved for its sessions, or null when it may. */
export async function sessionRefusal(index: SessionIndex, before: Ticket, after: Ticket): Promise<Refusal | null> {
  const sessions = changedSessions(before, after);
  if (sessions.length === 0) return null;
  return (
    overlapRefusal(before, after, await bookingsAround(index, sessions)) ?? (await linkRefusal(index, after, sessions))
  );
}
