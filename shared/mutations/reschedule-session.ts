/**
 * rescheduleSession: moves a session to a new time agreed with the customer. The new session is
 * linked to the one it replaces and carries its calendar event on, so the customer's calendar updates.
 */
import { z } from 'zod';
import {
  MeetingLinkArg,
  SlotArg,
  calendarOf,
  sessionSlot,
  slotInUtc,
  slotInZone,
  type RemoteSession,
} from '../domain/remote-session';
import { TicketId } from '../domain/ticket';
import { defineMutation } from './mutation';
import {
  OverlapReasonArg,
  SessionIdArg,
  SessionReasonArg,
  confirmedSession,
  refuseIfPast,
  refuseIfSessionExists,
  sessionFor,
  sessionsWith,
} from './session-change';
import { EntryId, actorOf, applied, changed, outboundReply, refuseIfIdsTaken, systemEvent } from './ticket-change';

export const RescheduleSessionArgs = z.object({
  ticketId: TicketId,
  sessionId: SessionIdArg,
  newSessionId: SessionIdArg,
  slot: SlotArg,
  /** The new session's link; null keeps the current one. */
  meetingLink: MeetingLinkArg.nullable(),
  /** Told to the customer with the new time. */
  reason: SessionReasonArg('the reason for the new time'),
  eventId: EntryId,
  replyId: EntryId,
  overlapReason: OverlapReasonArg,
});
export type RescheduleSessionArgs = z.infer<typeof RescheduleSessionArgs>;

export const rescheduleSession = defineMutation({
  name: 'rescheduleSession',
  args: RescheduleSessionArgs,
  apply(ticket, args, context) {
    const found = sessionFor(ticket, args.sessionId, 'reschedule', context.now, 'rescheduling a remote session');
    if (!found.ok) return found.refused;
    const old = found.session;
    const refusal =
      refuseIfSessionExists(ticket, args.newSessionId) ??
      refuseIfPast(ticket, [args.slot], context.now) ??
      refuseIfIdsTaken(ticket, [args.eventId, args.replyId]);
    if (refusal) return refusal;
    const calendar = calendarOf(old);
    const replaced: RemoteSession = {
      ...old,
      status: 'rescheduled',
      replacedBy: args.newSessionId,
      updatedAt: context.now,
    };
    const session = confirmedSession(
      {
        ...old,
        id: args.newSessionId,
        proposedSlots: [args.slot],
        meetingLink: args.meetingLink ?? old.meetingLink,
        engineer: actorOf(context.actor),
        createdAt: context.now,
        replaces: old.id,
        replacedBy: null,
        cancelReason: null,
        customerRequest: null,
        outcomeNotes: null,
        overlapReason: args.overlapReason,
        linkToken: null,
        calendar: { uid: calendar.uid, sequence: calendar.sequence + 1 },
      },
      args.slot,
      'engineer',
      context.now,
    );
    const zone = ticket.endCustomer.timeZone;
    const was = sessionSlot(old);
    const link = session.meetingLink === null ? '' : `\n\nJoin: ${session.meetingLink}`;
    const reply = `Your remote session has moved to ${slotInZone(args.slot, zone)} (it was ${slotInZone(was, zone)}).\n\n${args.reason}${link}`;
    const event = `Remote session moved from ${slotInUtc(was)} to ${slotInUtc(args.slot)}: ${args.reason}`;
    return applied(
      changed(ticket, context, { remoteSessions: sessionsWith(ticket, replaced, session) }, [
        systemEvent(args.eventId, context, event),
        outboundReply(args.replyId, context, reply),
      ]),
    );
  },
});
