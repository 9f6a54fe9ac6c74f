/** cancelSession: calls off a proposed or confirmed session, telling the customer why. */
import { z } from 'zod';
import { calendarOf, sessionSlot, slotInUtc, slotInZone } from '../domain/remote-session';
import { TicketId } from '../domain/ticket';
import { defineMutation } from './mutation';
import { SessionIdArg, SessionReasonArg, sessionFor, sessionsWith } from './session-change';
import { EntryId, applied, changed, outboundReply, refuseIfIdsTaken, systemEvent } from './ticket-change';

export const CancelSessionArgs = z.object({
  ticketId: TicketId,
  sessionId: SessionIdArg,
  /** Told to the customer. */
  reason: SessionReasonArg('the reason for cancelling'),
  eventId: EntryId,
  replyId: EntryId,
});
export type CancelSessionArgs = z.infer<typeof CancelSessionArgs>;

export const cancelSession = defineMutation({
  name: 'cancelSession',
  args: CancelSessionArgs,
  apply(ticket, args, context) {
    const found = sessionFor(ticket, args.sessionId, 'cancel', context.now, 'cancelling a remote session');
    if (!found.ok) return found.refused;
    const refusal = refuseIfIdsTaken(ticket, [args.eventId, args.replyId]);
    if (refusal) return refusal;
    const old = found.session;
    const calendar = calendarOf(old);
    // The CANCEL of a booked event needs a higher SEQUENCE than the invite it withdraws.
    const cancelled = {
      ...old,
      status: 'cancelled' as const,
      cancelReason: args.reason,
      updatedAt: context.now,
      calendar: old.status === 'confirmed' ? { uid: calendar.uid, sequence: calendar.sequence + 1 } : old.calendar,
    };
    const slot = sessionSlot(old);
    const when =
      old.status === 'confirmed'
        ? `of ${slotInZone(slot, ticket.endCustomer.timeZone)}`
        : `we proposed (from ${slotInZone(slot, ticket.endCustomer.timeZone)})`;
    return applied(
      changed(ticket, context, { remoteSessions: sessionsWith(ticket, cancelled) }, [
        systemEvent(
          args.eventId,
          context,
          `Remote session ${old.status === 'confirmed' ? 'of' : 'proposed for'} ${slotInUtc(slot)} cancelled: ${args.reason}`,
        ),
        outboundReply(args.replyId, context, `The remote session ${when} is cancelled.\n\n${args.reason}`),
      ]),
    );
  },
});
