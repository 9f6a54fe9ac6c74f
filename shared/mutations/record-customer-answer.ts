/** recordCustomerAnswer: the customer confirmed the fix (closed as resolved) or says it is not fixed (work resumes). */
import { z } from 'zod';
import { TicketId, type TimelineEntry } from '../domain/ticket';
import { defineMutation, refuse } from './mutation';
import {
  EntryId,
  applied,
  changed,
  closureNow,
  decideFor,
  inboundReply,
  outboundReply,
  refuseIfClosed,
  refuseIfIdsTaken,
  refuseTransition,
  replyBody,
  systemEvent,
} from './ticket-change';

export const CustomerAnswer = z.enum(['confirmed', 'not_fixed'], {
  message: 'the answer must be confirmed or not_fixed',
});
export type CustomerAnswer = z.infer<typeof CustomerAnswer>;

export const RecordCustomerAnswerArgs = z
  .object({
    ticketId: TicketId,
    /** The id of the customer's message on the timeline; unused when no message is recorded. */
    entryId: EntryId,
    eventId: EntryId,
    answer: CustomerAnswer,
    /** The customer's own words, recorded as their inbound reply. */
    message: z
      .string()
      .trim()
      .min(1, { message: "the customer's message is empty" })
      .max(20000, { message: "the customer's message is longer than 20,000 characters" })
      .optional(),
    /** The thank-you that closes a confirmed ticket (proposed by resolvedClosure); it becomes the closure's explanation. */
    closingReply: replyBody(8000).optional(),
    /** The closing reply's id: required with closingReply. */
    replyId: EntryId.optional(),
  })
  .superRefine((args, issues) => {
    if (args.answer === 'confirmed' && args.closingReply === undefined) {
      issues.addIssue({
        code: 'custom',
        path: ['closingReply'],
        message: 'write the closing reply that thanks the customer before closing the ticket',
      });
    }
    if (args.answer === 'not_fixed' && args.closingReply !== undefined) {
      issues.addIssue({
        code: 'custom',
        path: ['closingReply'],
        message: 'a closing reply is sent only when the customer confirmed the fix; send a reply instead',
      });
    }
    if (args.closingReply !== undefined && args.replyId === undefined) {
      issues.addIssue({ code: 'custom', path: ['replyId'], message: 'the closing reply needs its id (replyId)' });
    }
  });
export type RecordCustomerAnswerArgs = z.infer<typeof RecordCustomerAnswerArgs>;

const closingReplyOf = ({ closingReply, replyId }: RecordCustomerAnswerArgs) =>
  closingReply !== undefined && replyId !== undefined ? { id: replyId, body: closingReply } : null;

export const recordCustomerAnswer = defineMutation({
  name: 'recordCustomerAnswer',
  args: RecordCustomerAnswerArgs,
  apply(ticket, args, context) {
    const closed = refuseIfClosed(ticket, "recording the customer's answer");
    if (closed) return closed;
    const confirmed = args.answer === 'confirmed';
    const decision = decideFor(ticket, confirmed ? 'confirm_resolution' : 'report_not_fixed', context);
    if (!decision.ok) return refuseTransition(decision);
    const closing = confirmed ? closingReplyOf(args) : null;
    if (confirmed && closing === null) {
      // The schema already requires it; apply called directly must not invent what the customer is told.
      return refuse(
        'invalid_args',
        `${ticket.number} cannot be closed as resolved without the closing reply to the customer: write it and record the answer again.`,
      );
    }
    const ids = [...(args.message !== undefined ? [args.entryId] : []), args.eventId, ...(closing ? [closing.id] : [])];
    const taken = refuseIfIdsTaken(ticket, ids);
    if (taken) return taken;
    const requester = ticket.requester.name;
    const message: TimelineEntry[] =
      args.message !== undefined ? [inboundReply(args.entryId, context, ticket, args.message)] : [];
    if (closing !== null) {
      return applied(
        changed(
          ticket,
          context,
          { stage: decision.stage, status: decision.status, closure: closureNow('resolved', closing.body, context) },
          [
            ...message,
            systemEvent(args.eventId, context, `${requester} confirmed the fix: closed as resolved`),
            outboundReply(closing.id, context, closing.body),
          ],
        ),
      );
    }
    const where =
      decision.stage === 'escalated' && ticket.escalation !== null
        ? `back to Microsoft (case ${ticket.escalation.caseNumber} is still open)`
        : 'back to investigation';
    return applied(
      changed(ticket, context, { stage: decision.stage, status: decision.status, confirmation: null }, [
        ...message,
        systemEvent(args.eventId, context, `${requester} reported that the issue is not fixed: ${where}`),
      ]),
    );
  },
});
