/** setStatus: moves the ticket between the statuses its stage allows (e.g. waiting on the customer). */
import { z } from 'zod';
import { STAGE_STATUSES, STAGE_WHERE, STATUS_LABEL, isStatusAllowed } from '../domain/flow';
import { Status, TicketId, type Stage } from '../domain/ticket';
import { defineMutation, refuse } from './mutation';
import { EntryId, applied, changed, listWords, refuseIfClosed, refuseIfIdsTaken, systemEvent } from './ticket-change';

export const SetStatusArgs = z.object({
  ticketId: TicketId,
  eventId: EntryId,
  status: z.enum(Status.options, { message: `the status must be one of ${Status.options.join(', ')}` }),
});
export type SetStatusArgs = z.infer<typeof SetStatusArgs>;

/** The step that reaches a status the current stage does not allow; other mix-ups only need the allowed list. */
const HINT: Partial<Record<`${Stage}:${Status}`, string>> = {
  'validation:in_progress': 'Pass validation first.',
  'validation:waiting_on_customer': 'Pass validation first.',
  'investigation:waiting_on_microsoft': 'Escalate it to Microsoft first.',
  'investigation:awaiting_confirmation': 'Ask the customer to confirm the fix instead.',
  'escalated:awaiting_confirmation': 'Record that Microsoft resolved it instead.',
  'resolution:in_progress': "Record the customer's answer instead.",
  'resolution:waiting_on_customer': "Record the customer's answer instead.",
};

export const setStatus = defineMutation({
  name: 'setStatus',
  args: SetStatusArgs,
  apply(ticket, args, context) {
    const closed = refuseIfClosed(ticket, 'changing its status');
    if (closed) return closed;
    if (!isStatusAllowed(ticket.stage, args.status)) {
      const allowed = listWords(STAGE_STATUSES[ticket.stage].map((status) => STATUS_LABEL[status]));
      const hint =
        HINT[`${ticket.stage}:${args.status}`] ??
        (args.status === 'closed'
          ? "A ticket closes through the flow: fail validation, record the customer's answer or close without confirmation."
          : `Choose ${allowed}.`);
      return refuse(
        'illegal_transition',
        `${ticket.number} is ${STAGE_WHERE[ticket.stage]}, where the status can only be ${allowed}: it cannot be set to ${STATUS_LABEL[args.status]}. ${hint}`,
      );
    }
    if (ticket.status === args.status) return applied(ticket);
    const taken = refuseIfIdsTaken(ticket, [args.eventId]);
    if (taken) return taken;
    return applied(
      changed(ticket, context, { status: args.status }, [
        systemEvent(
          args.eventId,
          context,
          `Status changed from ${STATUS_LABEL[ticket.status]} to ${STATUS_LABEL[args.status]}`,
        ),
      ]),
    );
  },
});
