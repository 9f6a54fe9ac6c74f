/** completeSession: records that a confirmed session took place, with what was found and done. */
import { z } from 'zod';
import { sessionSlot, slotInUtc } from '../domain/remote-session';
import { TicketId } from '../domain/ticket';
import { defineMutation } from './mutation';
import { SessionIdArg, SessionReasonArg, sessionFor, sessionsWith } from './session-change';
import { EntryId, applied, changed, refuseIfIdsTaken, systemEvent } from './ticket-change';

export const CompleteSessionArgs = z.object({
  ticketId: TicketId,
  sessionId: SessionIdArg,
  outcomeNotes: SessionReasonArg('the outcome notes', 8000),
  eventId: EntryId,
});
export type CompleteSessionArgs = z.infer<typeof CompleteSessionArgs>;

export const completeSession = defineMutation({
  name: 'completeSession',
  args: CompleteSessionArgs,
  apply(ticket, args, context) {
    const found = sessionFor(ticket, args.sessionId, 'complete', context.now, 'completing a remote session');
    if (!found.ok) return found.refused;
    const refusal = refuseIfIdsTaken(ticket, [args.eventId]);
    if (refusal) return refusal;
    const session = {
      ...found.session,
      status: 'completed' as const,
      outcomeNotes: args.outcomeNotes,
      updatedAt: context.now,
    };
    return applied(
      changed(ticket, context, { remoteSessions: sessionsWith(ticket, session) }, [
        systemEvent(
          args.eventId,
          context,
          `Remote session of ${slotInUtc(sessionSlot(session))} completed: ${args.outcomeNotes}`,
        ),
      ]),
    );
  },
});
