/** requestConfirmation: the fix is in, so the customer is asked to confirm it; the ticket waits in resolution. */
import { z } from 'zod';
import { TicketId } from '../domain/ticket';
import { defineMutation } from './mutation';
import {
  EntryId,
  applied,
  changed,
  decideFor,
  outboundReply,
  refuseIfClosed,
  refuseIfIdsTaken,
  refuseTransition,
  replyBody,
  systemEvent,
} from './ticket-change';

export const RequestConfirmationArgs = z.object({
  ticketId: TicketId,
  replyId: EntryId,
  eventId: EntryId,
  /** The final text sent (proposed by confirmationRequest). */
  body: replyBody(),
});
export type RequestConfirmationArgs = z.infer<typeof RequestConfirmationArgs>;

export const requestConfirmation = defineMutation({
  name: 'requestConfirmation',
  args: RequestConfirmationArgs,
  apply(ticket, args, context) {
    const closed = refuseIfClosed(ticket, 'asking the customer to confirm');
    if (closed) return closed;
    const decision = decideFor(ticket, 'request_confirmation', context);
    if (!decision.ok) return refuseTransition(decision);
    const taken = refuseIfIdsTaken(ticket, [args.eventId, args.replyId]);
    if (taken) return taken;
    return applied(
      changed(
        ticket,
        context,
        {
          stage: decision.stage,
          status: decision.status,
          confirmation: { requestedAt: context.now, remindersSent: 0, lastReminderAt: null },
        },
        [
          systemEvent(args.eventId, context, `Asked ${ticket.requester.name} to confirm the fix`),
          outboundReply(args.replyId, context, args.body),
        ],
      ),
    );
  },
});
