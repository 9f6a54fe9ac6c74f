/**
 * Which Microsoft follow-ups have fallen due and not been announced yet. Each due time is announced
 * once: the key names the ticket and the due time, so a new follow-up (a new due time) can be
 * announced again, but a reload or a second tick cannot repeat the same one.
 */
import { escalationFlags, type FollowUpCadence, type Ticket } from '../../shared/domain';

export interface FollowUpAlert {
  key: string;
  ticketId: string;
  title: string;
  body: string;
}

export function dueFollowUps(
  tickets: readonly Ticket[],
  cadence: FollowUpCadence,
  now: Date,
  userId: string,
  announced: ReadonlySet<string>,
): FollowUpAlert[] {
  return tickets.flatMap((ticket) => {
    const escalation = ticket.escalation;
    if (ticket.stage !== 'escalated' || escalation === null || ticket.assignee?.id !== userId) return [];
    const flags = escalationFlags(escalation, cadence, now);
    const key = `${ticket.id}@${flags.nextFollowUpDue}`;
    if (!flags.followUpOverdue || announced.has(key)) return [];
    return [
      {
        key,
        ticketId: ticket.id,
        title: `Follow-up due: ${ticket.number}`,
        body: `Microsoft case ${escalation.caseNumber} for ${ticket.endCustomer.companyName ?? 'the customer'} is due a follow-up.`,
      },
    ];
  });
}
