/**
 * proposeSession: offers the customer one to five times for a remote session. The reply that offers
 * them lists the times in the customer's zone and carries the private link where the customer picks one.
 */
import { z } from 'zod';
import { LinkTokenArg, MeetingLinkArg, ProposedSlotsArg, type RemoteSession } from '../domain/remote-session';
import { TicketId } from '../domain/ticket';
import { defineMutation } from './mutation';
import {
  OverlapReasonArg,
  SessionIdArg,
  proposalReply,
  refuseIfPast,
  refuseIfSessionExists,
  refuseSessionChange,
  schedulingLink,
  sessionsWith,
} from './session-change';
import { EntryId, actorOf, applied, changed, outboundReply, refuseIfIdsTaken } from './ticket-change';

export const ProposeSessionArgs = z.object({
  ticketId: TicketId,
  sessionId: SessionIdArg,
  slots: ProposedSlotsArg,
  meetingLink: MeetingLinkArg.nullable(),
  /** The secret of the customer's link, chosen by the console so the reply can be written offline. */
  linkToken: LinkTokenArg,
  /** The engineer's words before the list of times. */
  message: z
    .string()
    .trim()
    .min(1, { message: 'the message to the customer is empty' })
    .max(4000, { message: 'the message to the customer is longer than 4,000 characters' }),
  replyId: EntryId,
  overlapReason: OverlapReasonArg,
});
export type ProposeSessionArgs = z.infer<typeof ProposeSessionArgs>;

export const proposeSession = defineMutation({
  name: 'proposeSession',
  args: ProposeSessionArgs,
  apply(ticket, args, context) {
    const refusal =
      refuseSessionChange(ticket, 'proposing a remote session') ??
      refuseIfSessionExists(ticket, args.sessionId) ??
      refuseIfIdsTaken(ticket, [args.replyId]) ??
      refuseIfPast(ticket, args.slots, context.now);
    if (refusal) return refusal;
    const session: RemoteSession = {
      id: args.sessionId,
      status: 'proposed',
      proposedSlots: args.slots,
      confirmedSlot: null,
      meetingLink: args.meetingLink,
      outcomeNotes: null,
      engineer: actorOf(context.actor),
      createdAt: context.now,
      updatedAt: context.now,
      replaces: null,
      replacedBy: null,
      confirmedBy: null,
      cancelReason: null,
      customerRequest: null,
      overlapReason: args.overlapReason,
      linkToken: args.linkToken,
      calendar: null,
    };
    const link = schedulingLink(context.team, args.linkToken);
    const body = proposalReply(args.message, args.slots, ticket.endCustomer.timeZone, link);
    return applied(
      changed(ticket, context, { remoteSessions: sessionsWith(ticket, session) }, [
        outboundReply(args.replyId, context, body),
      ]),
    );
  },
});
