/** logFollowUp: one contact with Microsoft on the open case, which restarts the follow-up cadence. */
import { isAfter, parseISO } from 'date-fns';
import { z } from 'zod';
import { FollowUpChannel, type FollowUp } from '../domain/escalation';
import { TicketId } from '../domain/ticket';
import { minuteStart } from '../domain/time';
import { caseName, escalationChanged, instantArg, openEscalation } from './escalation-change';
import { defineMutation, refuse } from './mutation';
import { actorOf, applied, changed } from './ticket-change';

export const LogFollowUpArgs = z.object({
  ticketId: TicketId,
  /** Chosen by the console so the optimistic follow-up and the server's are the same record. */
  followUpId: z.uuid({ message: 'the follow-up id must be an id (UUID) chosen by the console' }),
  /** When the contact happened: logged afterwards, so it may be earlier than now. */
  at: instantArg('the time of the follow-up'),
  channel: z.enum(FollowUpChannel.options, { message: 'the channel must be portal, email, phone or teams' }),
  summary: z
    .string()
    .trim()
    .min(1, { message: 'the follow-up summary is empty: say what was asked and what Microsoft answered' })
    .max(4000, { message: 'the follow-up summary is longer than 4,000 characters' }),
  microsoftResponded: z.boolean({ message: 'say whether Microsoft responded (true or false)' }),
});
export type LogFollowUpArgs = z.infer<typeof LogFollowUpArgs>;

export const logFollowUp = defineMutation({
  name: 'logFollowUp',
  args: LogFollowUpArgs,
  apply(ticket, args, context) {
    const open = openEscalation(
      ticket,
      'logging a follow-up with Microsoft',
      'follow-ups are logged on an open escalation',
    );
    if (!open.ok) return open.refused;
    const { escalation } = open;
    if (isAfter(parseISO(args.at), parseISO(context.now))) {
      return refuse(
        'invalid_args',
        `${ticket.number}: a follow-up cannot be dated in the future (${args.at} is after now, ${context.now}); give the time of the contact.`,
        'at',
      );
    }
    // Follow-ups are logged to the minute: one in the minute the case was opened is not before it.
    if (isAfter(minuteStart(escalation.openedAt), parseISO(args.at))) {
      return refuse(
        'invalid_args',
        `${ticket.number}: a follow-up cannot be dated before ${caseName(escalation)} was opened (${escalation.openedAt}); give the time of the contact.`,
        'at',
      );
    }
    if (escalation.followUps.some((followUp) => followUp.id === args.followUpId)) {
      return refuse(
        'invalid_args',
        `a follow-up with id ${args.followUpId} already exists on ${ticket.number}: this change was already applied, or it reuses an id; log the follow-up again.`,
      );
    }
    const followUp: FollowUp = {
      id: args.followUpId,
      at: args.at,
      channel: args.channel,
      summary: args.summary,
      microsoftResponded: args.microsoftResponded,
      loggedBy: actorOf(context.actor),
    };
    // The follow-up is its own record (the console shows it in the timeline), so no system event repeats it;
    // whether Microsoft now waits on us is the engineer's call, made with setEscalationStatus.
    return applied(
      changed(
        ticket,
        context,
        { escalation: escalationChanged(escalation, context, { followUps: [...escalation.followUps, followUp] }) },
        [],
      ),
    );
  },
});
