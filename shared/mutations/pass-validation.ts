/** passValidation: re-checks both layers at apply time and, when every check passes, starts the investigation. */
import { z } from 'zod';
import { TicketId } from '../domain/ticket';
import { summarizeChecks, validateTicket } from '../domain/validation';
import { defineMutation, refuse } from './mutation';
import {
  EntryId,
  actorOf,
  applied,
  changed,
  decideFor,
  refuseIfClosed,
  refuseIfIdsTaken,
  refuseTransition,
  systemEvent,
} from './ticket-change';
import { plural } from '../plural';

export const PassValidationArgs = z.object({ ticketId: TicketId, eventId: EntryId });
export type PassValidationArgs = z.infer<typeof PassValidationArgs>;

export const passValidation = defineMutation({
  name: 'passValidation',
  args: PassValidationArgs,
  apply(ticket, args, context) {
    const closed = refuseIfClosed(ticket, 'passing validation');
    if (closed) return closed;
    const decision = decideFor(ticket, 'pass_validation', context);
    if (!decision.ok) return refuseTransition(decision);
    // The details may have changed since the engineer last looked (another edit, a rebase): check them again.
    const checks = validateTicket(ticket);
    const failing = checks.filter((check) => !check.passed);
    if (failing.length > 0) {
      return refuse(
        'illegal_transition',
        `${ticket.number} cannot pass validation: ${plural(failing.length, 'check fails', 'checks fail')}. ${failing
          .map((check) => check.detail)
          .join(' ')} Correct the details, or fail validation and close the ticket.`,
      );
    }
    const taken = refuseIfIdsTaken(ticket, [args.eventId]);
    if (taken) return taken;
    return applied(
      changed(
        ticket,
        context,
        {
          stage: decision.stage,
          status: decision.status,
          validation: { ranBy: actorOf(context.actor), ranAt: context.now, checks },
        },
        [systemEvent(args.eventId, context, `Validation passed (${summarizeChecks(checks)}): investigation started`)],
      ),
    );
  },
});
