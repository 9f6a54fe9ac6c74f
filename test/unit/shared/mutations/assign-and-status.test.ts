// assignTicket and setStatus: who holds the ticket, and where it stands within its stage.
import { describe, expect, it } from 'vitest';
import type { Stage, Status } from '../../../../shared/domain';
import { assignTicket, setStatus } from '../../../../shared/mutations';
import {
  COLLEAGUE,
  ENGINEER,
  FIXED_NOW,
  LEAD,
  LEAD_MEMBER,
  TICKET_ID,
  entryId,
  makeContext,
  makeTicketInStage,
} from '../../../fixtures/tickets';
import { applyTo, expectApplied, expectRefused } from './apply';

const eventId = entryId(1);
const event = (text: string, actor = ENGINEER) => ({
  id: eventId,
  at: FIXED_NOW,
  kind: 'system_event' as const,
  actor,
  text,
});

describe('assignTicket', () => {
  const unassigned = makeTicketInStage('investigation', { assignee: null });
  const mine = makeTicketInStage('investigation');

  it('taking a ticket is assigning it to yourself', () => {
    const result = expectApplied(
      applyTo(assignTicket, unassigned, { ticketId: TICKET_ID, eventId, assigneeId: ENGINEER.id }),
    );
    expect(result).toEqual({
      ...unassigned,
      assignee: ENGINEER,
      updatedAt: FIXED_NOW,
      timeline: [...unassigned.timeline, event('Taken by Giulia Bianchi')],
    });
  });

  it('assigns to a teammate, recording who did it', () => {
    const result = expectApplied(
      applyTo(
        assignTicket,
        mine,
        { ticketId: TICKET_ID, eventId, assigneeId: COLLEAGUE.id },
        makeContext({ actor: LEAD_MEMBER }),
      ),
    );
    expect(result).toEqual({
      ...mine,
      assignee: COLLEAGUE,
      updatedAt: FIXED_NOW,
      timeline: [...mine.timeline, event('Assigned to Paolo Conti by Marco Rossi', LEAD)],
    });
  });

  it('returns the ticket to the team queue', () => {
    const result = expectApplied(applyTo(assignTicket, mine, { ticketId: TICKET_ID, eventId, assigneeId: null }));
    expect(result).toEqual({
      ...mine,
      assignee: null,
      updatedAt: FIXED_NOW,
      timeline: [...mine.timeline, event('Returned to the team queue by Giulia Bianchi')],
    });
  });

  it('changes nothing when the ticket is already held by that person', () => {
    expect(
      expectApplied(applyTo(assignTicket, mine, { ticketId: TICKET_ID, eventId, assigneeId: ENGINEER.id })),
    ).toEqual(mine);
    expect(
      expectApplied(applyTo(assignTicket, unassigned, { ticketId: TICKET_ID, eventId, assigneeId: null })),
    ).toEqual(unassigned);
  });

  it('refuses someone outside the team, naming the id', () => {
    const result = applyTo(assignTicket, mine, { ticketId: TICKET_ID, eventId, assigneeId: 'user-outsider' });
    expect(expectRefused(result, 'invalid_args')).toBe(
      'CSS-100042 cannot be assigned to user-outsider: no one with that id is in your team. Choose someone from the team list.',
    );
  });

  it('is refused on a closed ticket', () => {
    const result = applyTo(assignTicket, makeTicketInStage('closed'), {
      ticketId: TICKET_ID,
      eventId,
      assigneeId: null,
    });
    expect(expectRefused(result, 'ticket_closed')).toBe('CSS-100042 is closed: reopen it before assigning it.');
  });
});

describe('setStatus', () => {
  it('moves between the statuses the stage allows', () => {
    const ticket = makeTicketInStage('investigation');
    const result = expectApplied(
      applyTo(setStatus, ticket, { ticketId: TICKET_ID, eventId, status: 'waiting_on_customer' }),
    );
    expect(result).toEqual({
      ...ticket,
      status: 'waiting_on_customer',
      updatedAt: FIXED_NOW,
      timeline: [...ticket.timeline, event('Status changed from In progress to Waiting on customer')],
    });
  });

  it('marks an escalated ticket as in progress when Microsoft waits on us', () => {
    const result = expectApplied(
      applyTo(setStatus, makeTicketInStage('escalated'), { ticketId: TICKET_ID, eventId, status: 'in_progress' }),
    );
    expect(result).toMatchObject({ stage: 'escalated', status: 'in_progress' });
  });

  it('changes nothing when the status is already set', () => {
    const ticket = makeTicketInStage('investigation');
    expect(expectApplied(applyTo(setStatus, ticket, { ticketId: TICKET_ID, eventId, status: 'in_progress' }))).toEqual(
      ticket,
    );
  });

  it.each([
    [
      'investigation',
      'awaiting_confirmation',
      'CSS-100042 is in investigation, where the status can only be In progress or Waiting on customer: it cannot be set to Awaiting confirmation. Ask the customer to confirm the fix instead.',
    ],
    [
      'investigation',
      'waiting_on_microsoft',
      'CSS-100042 is in investigation, where the status can only be In progress or Waiting on customer: it cannot be set to Waiting on Microsoft. Escalate it to Microsoft first.',
    ],
    [
      'validation',
      'in_progress',
      'CSS-100042 is in validation, where the status can only be New: it cannot be set to In progress. Pass validation first.',
    ],
    [
      'escalated',
      'new',
      'CSS-100042 is escalated to Microsoft, where the status can only be Waiting on Microsoft or In progress: it cannot be set to New. Choose Waiting on Microsoft or In progress.',
    ],
    [
      'resolution',
      'closed',
      "CSS-100042 is in resolution, where the status can only be Awaiting confirmation: it cannot be set to Closed. A ticket closes through the flow: fail validation, record the customer's answer or close without confirmation.",
    ],
  ] as [Stage, Status, string][])('in %s, refuses %s, listing the allowed ones', (stage, status, expected) => {
    const result = applyTo(setStatus, makeTicketInStage(stage), { ticketId: TICKET_ID, eventId, status });
    expect(expectRefused(result, 'illegal_transition')).toBe(expected);
  });

  it('is refused on a closed ticket', () => {
    const result = applyTo(setStatus, makeTicketInStage('closed'), {
      ticketId: TICKET_ID,
      eventId,
      status: 'in_progress',
    });
    expect(expectRefused(result, 'ticket_closed')).toBe('CSS-100042 is closed: reopen it before changing its status.');
  });
});
