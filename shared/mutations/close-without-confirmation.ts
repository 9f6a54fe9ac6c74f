/** closeWithoutConfirmation: after the configured reminders went unanswered, closes the ticket as resolved anyway. */
import { z } from 'zod';
import { TicketId } from '../domain/ticket';
import { defineMutation } from './mutation';
import {
  EntryId,
  applied,
  changed,
  closureNow,
  decideFor,
  outboundReply,
  refuseIfClosed,
  refuseIfIdsTaken,
  refuseTransition,
  replyBody,
  systemEvent,
} from './ticket-change';
import { plural } from '../plural';

export const CloseWithoutConfirmationArgs = z.object({
  ticketId: TicketId,
  replyId: EntryId,
  eventId: EntryId,
  /** The final text sent (proposed by closedWithoutConfirmation); it becomes the closure's explanation. */
  body: replyBody(8000),
});
export type CloseWithoutConfirmationArgs = z.infer<typeof CloseWithoutConfirmationArgs>;

export const closeWithoutConfirmation = defineMutation({
  name: 'closeWithoutConfirmation',
  args: CloseWithoutConfirmationArgs,
  apply(ticket, args, context) {
    const closed = refuseIfClosed(ticket, 'closing it without confirmation');
    if (closed) return closed;
    // The reminder threshold is the flow's guard, not repeated here.
    const decision = decideFor(ticket, 'close_without_confirmation', context);
    if (!decision.ok) return refuseTransition(decision);
    const taken = refuseIfIdsTaken(ticket, [args.eventId, args.replyId]);
    if (taken) return taken;
    const reminders = plural(ticket.confirmation?.remindersSent ?? 0, 'reminder', 'reminders');
    return applied(
      changed(
        ticket,
        context,
        {
          stage: decision.stage,
          status: decision.status,
          closure: closureNow('resolved_without_confirmation', args.body, context),
        },
        [
          systemEvent(
            args.eventId,
            context,
            `Closed as resolved without confirmation: ${reminders} to ${ticket.requester.name} went unanswered`,
          ),
          outboundReply(args.replyId, context, args.body),
        ],
      ),
    );
  },
});
