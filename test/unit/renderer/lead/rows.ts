/** Escalation rows for the lead view's tests: the fixture ticket's open case, with the fields a test cares about changed. */
import type { EscalationRow } from '../../../../shared/api/lead';
import { COLLEAGUE, ENGINEER, TICKET_ID } from '../../../fixtures/tickets';

export { COLLEAGUE, ENGINEER };

let next = 0;

/** A B case opened five days before FIXED_NOW, overdue, assigned to ENGINEER; each call a new ticket. */
export function makeRow(overrides: Partial<EscalationRow> = {}): EscalationRow {
  next += 1;
  return {
    ticketId: TICKET_ID.replace(/\d{3}$/, String(next).padStart(3, '0')),
    number: `CSS-${String(100000 + next)}`,
    title: 'Outbound mail to external domains queued since this morning',
    customerName: 'Contoso Ltd',
    tenantDomain: 'contoso.onmicrosoft.com',
    caseNumber: '250303010000123',
    severity: 'moderate',
    escalationStatus: 'open',
    openedAt: '2025-03-05T10:00:00.000Z',
    ageHours: 119,
    lastMicrosoftContact: '2025-03-06T15:30:00.000Z',
    nextFollowUpDue: '2025-03-07T15:30:00.000Z',
    followUpOverdue: true,
    microsoftSilent: false,
    engineer: ENGINEER,
    priority: 'high',
    ...overrides,
  };
}
