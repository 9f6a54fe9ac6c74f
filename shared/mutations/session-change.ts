/**
 * What the remote-session mutations share: the guards (ticket open, stage, the session's own state),
 * the customer's reply text, and the overlap rule the server applies with the engineer's calendar.
 */
import { z } from 'zod';
import { sessionStageProblem } from '../domain/flow';
import {
  bookingsOf,
  overlappingBookings,
  schedulingPath,
  sessionChangeProblem,
  slotInUtc,
  slotInZone,
  type Booking,
  type ConfirmedBy,
  type RemoteSession,
  type SessionChange,
  type SessionSlot,
} from '../domain/remote-session';
import type { TeamContext } from '../domain/team';
import type { Ticket } from '../domain/ticket';
import { utcMinute } from '../domain/time';
import { refuse, type ApplyResult, type Refusal } from './mutation';
import { refuseIfClosed } from './ticket-change';

export const SessionIdArg = z.uuid({ message: 'the session id must be an id (UUID) chosen by the console' });

/** Why the engineer books a time that overlaps another of their confirmed sessions; null when it does not. */
export const OverlapReasonArg = z
  .string()
  .trim()
  .min(1, { message: 'say why the session may overlap another one, or choose another time' })
  .max(500, { message: 'the reason for the overlap is longer than 500 characters' })
  .nullable();

export type FoundSession = { ok: true; session: RemoteSession } | { ok: false; refused: ApplyResult };

/** Sessions are changed on an open ticket in a stage that has them (flow.ts decides which). */
export function refuseSessionChange(ticket: Ticket, doing: string): ApplyResult | null {
  const closed = refuseIfClosed(ticket, doing);
  if (closed) return closed;
  const stage = sessionStageProblem(ticket);
  return stage === null ? null : refuse('illegal_transition', stage);
}

/** A new session's id must be new on the ticket, or the console's and the server's records would be one. */
export function refuseIfSessionExists(ticket: Ticket, sessionId: string): ApplyResult | null {
  if (!ticket.remoteSessions.some((session) => session.id === sessionId)) return null;
  return refuse(
    'invalid_args',
    `a remote session with id ${sessionId} already exists on ${ticket.number}: this change was already applied, or it reuses an id; make the change again.`,
  );
}

/** The ticket's session `sessionId`, once the ticket, its stage and the session's state allow `change`. */
export function sessionFor(
  ticket: Ticket,
  sessionId: string,
  change: SessionChange,
  now: string,
  doing: string,
): FoundSession {
  const refused = refuseSessionChange(ticket, doing);
  if (refused) return { ok: false, refused };
  const session = ticket.remoteSessions.find((candidate) => candidate.id === sessionId);
  if (session === undefined) {
    return {
      ok: false,
      refused: refuse('invalid_args', `${ticket.number} has no remote session with id ${sessionId}.`),
    };
  }
  const problem = sessionChangeProblem(session, change, new Date(now), slotInUtc);
  if (problem !== null) return { ok: false, refused: refuse('illegal_transition', `${ticket.number}: ${problem}`) };
  return { ok: true, session };
}

/** A refusal when a time offered or booked is no longer ahead: a session cannot be scheduled in the past. */
export function refuseIfPast(ticket: Ticket, slots: readonly SessionSlot[], now: string): ApplyResult | null {
  const past = slots.find((slot) => Date.parse(slot.start) <= Date.parse(now));
  if (past === undefined) return null;
  return refuse(
    'invalid_args',
    `${ticket.number}: ${slotInUtc(past)} has already started or passed (it is now ${utcMinute(new Date(now))}); choose a time ahead.`,
  );
}

/** The ticket's sessions with `session` replacing the one of the same id (or added when new). */
export function sessionsWith(ticket: Ticket, ...sessions: RemoteSession[]): RemoteSession[] {
  const byId = new Map(sessions.map((session) => [session.id, session]));
  const kept = ticket.remoteSessions.map((existing) => byId.get(existing.id) ?? existing);
  const added = sessions.filter((session) => !ticket.remoteSessions.some((existing) => existing.id === session.id));
  return [...kept, ...added];
}

/** The scheduling page's address: below the portal when its address is known, the path alone otherwise. */
export function schedulingLink(team: Pick<TeamContext, 'portalUrl'>, token: string): string {
  return `${(team.portalUrl ?? '').replace(/\/+$/, '')}${schedulingPath(token)}`;
}

/** The times as the customer reads them: in their own zone, numbered. */
export function slotList(slots: readonly SessionSlot[], timeZone: string): string {
  return slots.map((slot, index) => `${index + 1}. ${slotInZone(slot, timeZone)}`).join('\n');
}

/** The reply that offers the times: the engineer's message, the times in the customer's zone and the link. */
export function proposalReply(message: string, slots: readonly SessionSlot[], timeZone: string, link: string): string {
  return `${message}\n\nProposed times (your time zone, ${timeZone}):\n${slotList(slots, timeZone)}\n\nPick the time that suits you, or ask for other times, here: ${link}`;
}

/** The newly offered or newly booked times of each session a change touched: what the overlap rule checks. */
function newlyBookedSlots(before: Ticket, after: Ticket): { session: RemoteSession; slot: SessionSlot }[] {
  const previous = new Map(before.remoteSessions.map((session) => [session.id, session]));
  return after.remoteSessions.flatMap((session) => {
    const old = previous.get(session.id);
    if (session.overlapReason !== null) return [];
    if (old === undefined && session.status === 'proposed') {
      return session.proposedSlots.map((slot) => ({ session, slot }));
    }
    if (session.status === 'confirmed' && session.confirmedSlot !== null && old?.status !== 'confirmed') {
      return [{ session, slot: session.confirmedSlot }];
    }
    return [];
  });
}

/**
 * The server's rule against double-booking: a change that offers or books a time overlapping another
 * confirmed session of the same engineer (on any ticket: `bookedElsewhere` holds the engineer's
 * other bookings) is refused, unless the engineer gave a reason to book it anyway.
 */
export function overlapRefusal(before: Ticket, after: Ticket, bookedElsewhere: readonly Booking[]): Refusal | null {
  const bookings = [...bookedElsewhere.filter((booking) => booking.ticketId !== after.id), ...bookingsOf(after)];
  for (const { session, slot } of newlyBookedSlots(before, after)) {
    // Session ids are unique per ticket only: the session itself is this ticket's booking of that id.
    const others = bookings.filter((booking) => booking.ticketId !== after.id || booking.sessionId !== session.id);
    const clash = overlappingBookings(slot, session.engineer.id, others)[0];
    if (clash === undefined) continue;
    return {
      code: 'session_overlap',
      message: `${after.number}: ${slotInUtc(slot)} overlaps ${session.engineer.name}'s confirmed session on ${clash.ticketNumber} (${slotInUtc(clash)}); choose another time, or give a reason to book it anyway.`,
    };
  }
  return null;
}

/** A time given as "one of the proposed ones" must be exactly one of them: the offer is what the customer saw. */
export function refuseIfNotProposed(ticket: Ticket, session: RemoteSession, slot: SessionSlot): ApplyResult | null {
  const offered = session.proposedSlots.some(
    (proposed) =>
      Date.parse(proposed.start) === Date.parse(slot.start) && Date.parse(proposed.end) === Date.parse(slot.end),
  );
  if (offered) return null;
  return refuse(
    'invalid_args',
    `${ticket.number}: ${slotInUtc(slot)} is not one of the times proposed for this session; choose one of them, or reschedule.`,
  );
}

/** The session booked at `slot`: what the engineer's confirmation and the customer's pick both make. */
export function confirmedSession(
  session: RemoteSession,
  slot: SessionSlot,
  by: ConfirmedBy,
  now: string,
  changes: Partial<RemoteSession> = {},
): RemoteSession {
  return { ...session, ...changes, status: 'confirmed', confirmedSlot: slot, confirmedBy: by, updatedAt: now };
}

/** A reason or note a session change needs, with a message naming what is missing. */
export const SessionReasonArg = (what: string, max = 2000) =>
  z
    .string()
    .trim()
    .min(1, { message: `${what} is empty` })
    .max(max, { message: `${what} is longer than ${max.toLocaleString('en')} characters` });
