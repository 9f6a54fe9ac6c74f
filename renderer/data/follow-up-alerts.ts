/**
 * Which Microsoft follow-ups have fallen due and not been announced yet. Each due time is announced
 * once: the key names the ticket and the due time, so a new follow-up (a new due time) can be
 * announced again, but a reload or a second tick cannot repeat the same one.
 */
import { escalationDeadlines, isPast, type FollowUpCadence, type Ticket } from '../../shared/domain';
import type { TicketSummary } from './summary';

export interface DueFollowUp {
  key: string;
  ticketId: string;
}

export interface FollowUpAlert extends DueFollowUp {
  title: string;
  body: string;
}

/**
 * The rows whose follow-up is overdue at `now` and not announced yet, from the escalation's clock each
 * row keeps: no ticket is read to judge them.
 */
export function dueFollowUps(
  rows: Iterable<TicketSummary>,
  cadence: FollowUpCadence,
  now: Date,
  announced: ReadonlySet<string>,
): DueFollowUp[] {
  const due: DueFollowUp[] = [];
  for (const row of rows) {
    if (row.stage !== 'escalated' || row.escalation === null) continue;
    const { followUpDue } = escalationDeadlines(row.escalation, cadence);
    if (followUpDue === null || !isPast(followUpDue, now)) continue;
    const key = `${row.id}@${followUpDue.toISOString()}`;
    if (!announced.has(key)) due.push({ key, ticketId: row.id });
  }
  return due;
}

/** The notification for a follow-up due: the Microsoft case it chases, read from the ticket. */
export function followUpAlert(due: DueFollowUp, ticket: Ticket): FollowUpAlert {
  return {
    ...due,
    title: `Follow-up due: ${ticket.number}`,
    body: `Microsoft case ${ticket.escalation?.caseNumber ?? ''} for ${ticket.endCustomer.companyName ?? 'the customer'} is due a follow-up.`,
  };
}
