/** The team lead's API: the team's open Microsoft escalations with their cadence flags, and the cadence setting. */
import { z } from 'zod';
import { FollowUpCadence, escalationFlags } from '../domain/cadence';
import { EscalationStatus, MicrosoftCaseNumber, Severity, type Escalation } from '../domain/escalation';
import { Actor } from '../domain/people';
import { Priority, TicketId, TicketNumber, type Ticket } from '../domain/ticket';
import { Instant } from '../domain/time';

/** One row of the lead's escalated-tickets list: what to sort, filter and group by without opening the ticket. */
export const EscalationRow = z.object({
  ticketId: TicketId,
  number: TicketNumber,
  title: z.string(),
  customerName: z.string().nullable(),
  tenantDomain: z.string().nullable(),
  caseNumber: MicrosoftCaseNumber,
  severity: Severity,
  /** attention_needed: Microsoft waits on us, which is why such a case is never "Microsoft silent". */
  escalationStatus: EscalationStatus,
  openedAt: Instant,
  ageHours: z.number().int(),
  lastMicrosoftContact: Instant.nullable(),
  nextFollowUpDue: Instant,
  followUpOverdue: z.boolean(),
  microsoftSilent: z.boolean(),
  engineer: Actor.nullable(),
  priority: Priority.nullable(),
});
export type EscalationRow = z.infer<typeof EscalationRow>;

export const LeadEscalationsResponse = z.object({
  /** The server's clock when the flags were computed. */
  asOf: Instant,
  /** The team's cadence the flags were computed with. */
  cadence: FollowUpCadence,
  /** Most urgent first: by next follow-up due, then ticket number. */
  escalations: z.array(EscalationRow),
});
export type LeadEscalationsResponse = z.infer<typeof LeadEscalationsResponse>;

function escalationRow(ticket: Ticket, escalation: Escalation, cadence: FollowUpCadence, now: Date): EscalationRow {
  const flags = escalationFlags(escalation, cadence, now);
  return {
    ticketId: ticket.id,
    number: ticket.number,
    title: ticket.title,
    customerName: ticket.endCustomer.companyName,
    tenantDomain: ticket.endCustomer.tenantDomain,
    caseNumber: escalation.caseNumber,
    severity: escalation.severity,
    escalationStatus: escalation.status,
    openedAt: escalation.openedAt,
    ageHours: flags.ageHours,
    lastMicrosoftContact: flags.lastMicrosoftContact,
    nextFollowUpDue: flags.nextFollowUpDue,
    followUpOverdue: flags.followUpOverdue,
    microsoftSilent: flags.microsoftSilent,
    engineer: ticket.assignee,
    priority: ticket.priority,
  };
}

/**
 * The rows of the tickets escalated to Microsoft with their case still open, most urgent first.
 * Shared so the console builds the same list from its local copy while offline.
 */
export function escalationRows(tickets: readonly Ticket[], cadence: FollowUpCadence, now: Date): EscalationRow[] {
  return tickets
    .flatMap((ticket) => {
      const { escalation } = ticket;
      return ticket.stage === 'escalated' && escalation !== null && escalation.status !== 'closed'
        ? [escalationRow(ticket, escalation, cadence, now)]
        : [];
    })
    .sort((a, b) => Date.parse(a.nextFollowUpDue) - Date.parse(b.nextFollowUpDue) || a.number.localeCompare(b.number));
}
