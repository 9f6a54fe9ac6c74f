/** runValidation: runs both validation layers now and records the checklist with who ran it and when. */
import { z } from 'zod';
import { STAGE_WHERE } from '../domain/flow';
import { TicketId } from '../domain/ticket';
import { summarizeChecks, validateTicket } from '../domain/validation';
import { defineMutation, refuse } from './mutation';
import { EntryId, actorOf, applied, changed, refuseIfClosed, refuseIfIdsTaken, systemEvent } from './ticket-change';

export const RunValidationArgs = z.object({ ticketId: TicketId, eventId: EntryId });
export type RunValidationArgs = z.infer<typeof RunValidationArgs>;

export const runValidation = defineMutation({
  name: 'runValidation',
  args: RunValidationArgs,
  apply(ticket, args, context) {
    const closed = refuseIfClosed(ticket, 'running the validation checks');
    if (closed) return closed;
    if (ticket.stage !== 'validation') {
      // Past validation the record of the run that let the ticket through must stay as it was.
      return refuse(
        'illegal_transition',
        `${ticket.number} is ${STAGE_WHERE[ticket.stage]}: the validation checks run only while a ticket is in validation, and it has passed them already.`,
      );
    }
    const taken = refuseIfIdsTaken(ticket, [args.eventId]);
    if (taken) return taken;
    const checks = validateTicket(ticket);
    return applied(
      changed(ticket, context, { validation: { ranBy: actorOf(context.actor), ranAt: context.now, checks } }, [
        systemEvent(args.eventId, context, `Validation run: ${summarizeChecks(checks)}`),
      ]),
    );
  },
});
