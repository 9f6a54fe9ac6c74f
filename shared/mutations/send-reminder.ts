/** sendReminder: reminds the customer to confirm the fix; enough unanswered reminders allow closing without confirmation. */
import { z } from 'zod';
import { STAGE_WHERE } from '../domain/flow';
import { TicketId } from '../domain/ticket';
import { defineMutation, refuse } from './mutation';
import {
  EntryId,
  applied,
  changed,
  outboundReply,
  refuseIfClosed,
  refuseIfIdsTaken,
  replyBody,
  systemEvent,
} from './ticket-change';

export const SendReminderArgs = z.object({
  ticketId: TicketId,
  replyId: EntryId,
  /** Added to the brief's args: the reminder count is what close-without-confirmation checks, so it gets its event. */
  eventId: EntryId,
  /** The final text sent (proposed by confirmationReminder). */
  body: replyBody(),
});
export type SendReminderArgs = z.infer<typeof SendReminderArgs>;

export const sendReminder = defineMutation({
  name: 'sendReminder',
  args: SendReminderArgs,
  apply(ticket, args, context) {
    const closed = refuseIfClosed(ticket, 'sending a reminder');
    if (closed) return closed;
    if (ticket.stage !== 'resolution') {
      return refuse(
        'illegal_transition',
        `${ticket.number} is ${STAGE_WHERE[ticket.stage]}: reminders go only to a ticket in resolution, waiting for the customer's confirmation. Ask the customer to confirm the fix first.`,
      );
    }
    const taken = refuseIfIdsTaken(ticket, [args.eventId, args.replyId]);
    if (taken) return taken;
    // A ticket that reached resolution without a recorded request (Microsoft resolved it) starts counting here.
    const previous = ticket.confirmation ?? { requestedAt: context.now, remindersSent: 0, lastReminderAt: null };
    const remindersSent = previous.remindersSent + 1;
    const needed = context.team.policy.remindersBeforeClosing;
    const count = remindersSent <= needed ? `${remindersSent} of ${needed}` : `${remindersSent}`;
    return applied(
      changed(ticket, context, { confirmation: { ...previous, remindersSent, lastReminderAt: context.now } }, [
        systemEvent(args.eventId, context, `Reminder ${count} sent to ${ticket.requester.name}`),
        outboundReply(args.replyId, context, args.body),
      ]),
    );
  },
});
