/** addReply: a message to the customer (the requester) on the ticket's timeline. */
import { z } from 'zod';
import { TicketId } from '../domain/ticket';
import { defineMutation } from './mutation';
import { EntryId, applied, changed, outboundReply, refuseIfClosed, refuseIfIdsTaken, replyBody } from './ticket-change';

export const AddReplyArgs = z.object({ ticketId: TicketId, replyId: EntryId, body: replyBody() });
export type AddReplyArgs = z.infer<typeof AddReplyArgs>;

export const addReply = defineMutation({
  name: 'addReply',
  args: AddReplyArgs,
  apply(ticket, args, context) {
    const refusal = refuseIfClosed(ticket, 'replying to the customer') ?? refuseIfIdsTaken(ticket, [args.replyId]);
    if (refusal) return refusal;
    return applied(changed(ticket, context, {}, [outboundReply(args.replyId, context, args.body)]));
  },
});
