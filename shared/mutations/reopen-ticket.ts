/** reopenTicket: brings a closed ticket back to investigation, within the team's reopen window. */
import { z } from 'zod';
import { CLOSURE_REASON_LABEL } from '../domain/flow';
import { TicketId } from '../domain/ticket';
import { defineMutation } from './mutation';
import { EntryId, applied, changed, decideFor, refuseIfIdsTaken, refuseTransition, systemEvent } from './ticket-change';

export const ReopenTicketArgs = z.object({
  ticketId: TicketId,
  eventId: EntryId,
  reason: z
    .string()
    .trim()
    .min(1, { message: 'say why the ticket is reopened' })
    .max(2000, { message: 'the reason is longer than 2,000 characters' }),
});
export type ReopenTicketArgs = z.infer<typeof ReopenTicketArgs>;

export const reopenTicket = defineMutation({
  name: 'reopenTicket',
  args: ReopenTicketArgs,
  apply(ticket, args, context) {
    // The window is the flow's guard, decided on the context's clock: the server's once pushed.
    const decision = decideFor(ticket, 'reopen', context);
    if (!decision.ok) return refuseTransition(decision);
    const taken = refuseIfIdsTaken(ticket, [args.eventId]);
    if (taken) return taken;
    // The closure is cleared, so the event keeps how it had been closed.
    const was = ticket.closure
      ? ` (it was closed as ${CLOSURE_REASON_LABEL[ticket.closure.reason].toLowerCase()})`
      : '';
    return applied(
      changed(ticket, context, { stage: decision.stage, status: decision.status, closure: null, confirmation: null }, [
        systemEvent(args.eventId, context, `Reopened${was}: ${args.reason}`),
      ]),
    );
  },
});
