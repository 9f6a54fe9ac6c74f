/** markSessionNoShow: the customer did not join a confirmed session. */
import { z } from 'zod';
import { sessionSlot, slotInUtc } from '../domain/remote-session';
import { TicketId } from '../domain/ticket';
import { defineMutation } from './mutation';
import { SessionIdArg, SessionReasonArg, sessionFor, sessionsWith } from './session-change';
import { EntryId, applied, changed, refuseIfIdsTaken, systemEvent } from './ticket-change';

export const MarkSessionNoShowArgs = z.object({
  ticketId: TicketId,
  sessionId: SessionIdArg,
  /** What was tried (waited 15 minutes, called the customer…); null when there is nothing to add. */
  note: SessionReasonArg('the note').nullable(),
  eventId: EntryId,
});
export type MarkSessionNoShowArgs = z.infer<typeof MarkSessionNoShowArgs>;

export const markSessionNoShow = defineMutation({
  name: 'markSessionNoShow',
  args: MarkSessionNoShowArgs,
  apply(ticket, args, context) {
    const found = sessionFor(ticket, args.sessionId, 'no_show', context.now, 'recording a remote session');
    if (!found.ok) return found.refused;
    const refusal = refuseIfIdsTaken(ticket, [args.eventId]);
    if (refusal) return refusal;
    const session = { ...found.session, status: 'no_show' as const, outcomeNotes: args.note, updatedAt: context.now };
    const note = args.note === null ? '' : `: ${args.note}`;
    return applied(
      changed(ticket, context, { remoteSessions: sessionsWith(ticket, session) }, [
        systemEvent(
          args.eventId,
          context,
          `The customer did not join the remote session of ${slotInUtc(sessionSlot(session))}${note}`,
        ),
      ]),
    );
  },
});
