/** assignTicket: gives the ticket to a team member (taking it is assigning it to yourself), or back to the team queue. */
import { z } from 'zod';
import { UserId } from '../domain/people';
import { TicketId } from '../domain/ticket';
import { defineMutation, refuse } from './mutation';
import { EntryId, actorOf, applied, changed, refuseIfClosed, refuseIfIdsTaken, systemEvent } from './ticket-change';

export const AssignTicketArgs = z.object({
  ticketId: TicketId,
  eventId: EntryId,
  /** null returns the ticket to the team queue. */
  assigneeId: UserId.nullable(),
});
export type AssignTicketArgs = z.infer<typeof AssignTicketArgs>;

export const assignTicket = defineMutation({
  name: 'assignTicket',
  args: AssignTicketArgs,
  apply(ticket, args, context) {
    const closed = refuseIfClosed(ticket, 'assigning it');
    if (closed) return closed;
    const member =
      args.assigneeId === null ? null : context.team.members.find((candidate) => candidate.id === args.assigneeId);
    if (member === undefined) {
      return refuse(
        'invalid_args',
        `${ticket.number} cannot be assigned to ${args.assigneeId}: no one with that id is in your team. Choose someone from the team list.`,
      );
    }
    // Assigning to whoever already holds it changes nothing (two leads making the same reassignment).
    if ((ticket.assignee?.id ?? null) === args.assigneeId) return applied(ticket);
    const taken = refuseIfIdsTaken(ticket, [args.eventId]);
    if (taken) return taken;
    const text =
      member === null
        ? `Returned to the team queue by ${context.actor.name}`
        : member.id === context.actor.id
          ? `Taken by ${member.name}`
          : `Assigned to ${member.name} by ${context.actor.name}`;
    return applied(
      changed(ticket, context, { assignee: member === null ? null : actorOf(member) }, [
        systemEvent(args.eventId, context, text),
      ]),
    );
  },
});
