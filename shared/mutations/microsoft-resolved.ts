/** microsoftResolved: Microsoft resolved its case, so the case closes and the ticket moves to resolution. */
import { z } from 'zod';
import { TicketId } from '../domain/ticket';
import { caseName, escalationChanged } from './escalation-change';
import { defineMutation } from './mutation';
import {
  EntryId,
  applied,
  changed,
  decideFor,
  refuseIfClosed,
  refuseIfIdsTaken,
  refuseTransition,
  systemEvent,
} from './ticket-change';

export const MicrosoftResolvedArgs = z.object({
  ticketId: TicketId,
  eventId: EntryId,
  /** What Microsoft did, for the timeline: the customer is asked to confirm separately. */
  summary: z
    .string()
    .trim()
    .min(1, { message: 'the resolution summary is empty: say what Microsoft did to resolve the issue' })
    .max(1500, { message: 'the resolution summary is longer than 1,500 characters' }),
});
export type MicrosoftResolvedArgs = z.infer<typeof MicrosoftResolvedArgs>;

export const microsoftResolved = defineMutation({
  name: 'microsoftResolved',
  args: MicrosoftResolvedArgs,
  apply(ticket, args, context) {
    const closed = refuseIfClosed(ticket, 'recording that Microsoft resolved it');
    if (closed) return closed;
    const decision = decideFor(ticket, 'microsoft_resolved', context);
    if (!decision.ok) return refuseTransition(decision);
    const taken = refuseIfIdsTaken(ticket, [args.eventId]);
    if (taken) return taken;
    const { escalation } = ticket;
    // An escalated ticket always carries its case; a record without one still leaves escalated cleanly.
    const closedCase =
      escalation === null ? null : escalationChanged(escalation, context, { status: 'closed', closedAt: context.now });
    const which = escalation === null ? 'Microsoft' : caseName(escalation);
    return applied(
      changed(ticket, context, { stage: decision.stage, status: decision.status, escalation: closedCase }, [
        systemEvent(args.eventId, context, `Resolved by Microsoft (${which}): ${args.summary}`),
      ]),
    );
  },
});
