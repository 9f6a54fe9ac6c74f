/** confirmSession: the engineer records the time the customer chose from the proposal. */
import { z } from 'zod';
import { MeetingLinkArg, SlotArg, slotInUtc, slotInZone } from '../domain/remote-session';
import { TicketId } from '../domain/ticket';
import { defineMutation } from './mutation';
import {
  OverlapReasonArg,
  SessionIdArg,
  confirmedSession,
  refuseIfPast,
  sessionFor,
  sessionsWith,
  refuseIfNotProposed,
} from './session-change';
import { EntryId, applied, changed, refuseIfIdsTaken, systemEvent } from './ticket-change';

export const ConfirmSessionArgs = z.object({
  ticketId: TicketId,
  sessionId: SessionIdArg,
  /** One of the proposed times. */
  slot: SlotArg,
  /** Sets or replaces the meeting link; null leaves it as proposed. */
  meetingLink: MeetingLinkArg.nullable(),
  eventId: EntryId,
  overlapReason: OverlapReasonArg,
});
export type ConfirmSessionArgs = z.infer<typeof ConfirmSessionArgs>;

export const confirmSession = defineMutation({
  name: 'confirmSession',
  args: ConfirmSessionArgs,
  apply(ticket, args, context) {
    const found = sessionFor(ticket, args.sessionId, 'confirm', context.now, 'confirming a remote session');
    if (!found.ok) return found.refused;
    const refusal =
      refuseIfNotProposed(ticket, found.session, args.slot) ??
      refuseIfPast(ticket, [args.slot], context.now) ??
      refuseIfIdsTaken(ticket, [args.eventId]);
    if (refusal) return refusal;
    const session = confirmedSession(found.session, args.slot, 'engineer', context.now, {
      meetingLink: args.meetingLink ?? found.session.meetingLink,
      overlapReason: args.overlapReason ?? found.session.overlapReason,
    });
    const zone = ticket.endCustomer.timeZone;
    const text = `Remote session confirmed as the customer chose: ${slotInZone(args.slot, zone)} for the customer (${slotInUtc(args.slot)}).`;
    return applied(
      changed(ticket, context, { remoteSessions: sessionsWith(ticket, session) }, [
        systemEvent(args.eventId, context, text),
      ]),
    );
  },
});
