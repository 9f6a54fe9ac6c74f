/** setEscalationStatus: whether the open Microsoft case waits on Microsoft (open) or on us (attention_needed). */
import { z } from 'zod';
import { TicketId, type Status } from '../domain/ticket';
import { caseName, escalationChanged, openEscalation } from './escalation-change';
import { defineMutation } from './mutation';
import { EntryId, applied, changed, refuseIfIdsTaken, systemEvent } from './ticket-change';

/** Closing the case is not a status change: Microsoft resolving it or the On-Premise finding closes it. */
const SettableStatus = z.enum(['open', 'attention_needed'], {
  message: 'the Microsoft case status must be open (waiting on Microsoft) or attention_needed (Microsoft waits on us)',
});
type SettableStatus = z.infer<typeof SettableStatus>;

export const SetEscalationStatusArgs = z.object({ ticketId: TicketId, eventId: EntryId, status: SettableStatus });
export type SetEscalationStatusArgs = z.infer<typeof SetEscalationStatusArgs>;

/** The ticket's own status follows the case's, as flow.ts pairs them for an escalated ticket. */
const TICKET_STATUS: Record<SettableStatus, Status> = { open: 'waiting_on_microsoft', attention_needed: 'in_progress' };

const EVENT_TEXT: Record<SettableStatus, string> = {
  open: 'open: waiting on Microsoft',
  attention_needed: 'attention needed: Microsoft is waiting on us',
};

export const setEscalationStatus = defineMutation({
  name: 'setEscalationStatus',
  args: SetEscalationStatusArgs,
  apply(ticket, args, context) {
    const open = openEscalation(
      ticket,
      'changing the Microsoft case status',
      'the Microsoft case status is set on an open escalation',
    );
    if (!open.ok) return open.refused;
    const { escalation } = open;
    // Two people making the same change (or a replay after a rebase) changes nothing the second time.
    if (escalation.status === args.status && ticket.status === TICKET_STATUS[args.status]) return applied(ticket);
    const taken = refuseIfIdsTaken(ticket, [args.eventId]);
    if (taken) return taken;
    return applied(
      changed(
        ticket,
        context,
        {
          status: TICKET_STATUS[args.status],
          escalation: escalationChanged(escalation, context, { status: args.status }),
        },
        [systemEvent(args.eventId, context, `${caseName(escalation)} ${EVENT_TEXT[args.status]}`)],
      ),
    );
  },
});
