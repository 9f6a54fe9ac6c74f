// Microsoft's outcomes: the Cloud / On-Premise finding (without the add-on the ticket closes, with the explanation), and the resolution.
import { describe, expect, it } from 'vitest';
import { closureExplanation, type Entitlement, type Ticket } from '../../../../shared/domain';
import { RecordScenarioArgs, microsoftResolved, recordScenario } from '../../../../shared/mutations';
import {
  ENGINEER,
  ENTITLED,
  ENTITLED_WITH_ON_PREMISE,
  FIXED_NOW,
  TICKET_ID,
  entryId,
  makeEscalation,
  makeTicketInStage,
} from '../../../fixtures/tickets';
import { applyTo, expectApplied, expectRefused } from './apply';

const escalated = (entitlement: Entitlement | null = ENTITLED, overrides: Partial<Ticket> = {}) =>
  makeTicketInStage('escalated', { entitlement, ...overrides });

const args = (scenario: 'cloud' | 'on_premise', closing?: string): RecordScenarioArgs => ({
  ticketId: TICKET_ID,
  eventId: entryId(1),
  scenario,
  ...(closing === undefined ? {} : { explanation: closing, replyId: entryId(2) }),
});

describe('recordScenario', () => {
  it('records the Cloud scenario: the escalation continues', () => {
    const ticket = escalated();
    expect(expectApplied(applyTo(recordScenario, ticket, args('cloud')))).toEqual({
      ...ticket,
      updatedAt: FIXED_NOW,
      escalation: { ...ticket.escalation, scenario: 'cloud', lastModifiedAt: FIXED_NOW },
      timeline: [
        ...ticket.timeline,
        {
          id: entryId(1),
          at: FIXED_NOW,
          kind: 'system_event',
          actor: ENGINEER,
          text: 'Microsoft case 250303010000123: Microsoft found the Cloud scenario; the escalation continues',
        },
      ],
    });
  });

  it('records On-Premise for a customer holding the add-on: the escalation continues, nothing is sent', () => {
    const ticket = escalated(ENTITLED_WITH_ON_PREMISE);
    const result = expectApplied(applyTo(recordScenario, ticket, args('on_premise', 'ignored while it continues')));
    expect(result).toMatchObject({
      stage: 'escalated',
      status: 'waiting_on_microsoft',
      closure: null,
      escalation: { scenario: 'on_premise', status: 'open', closedAt: null },
    });
    expect(result.timeline.slice(ticket.timeline.length)).toEqual([
      expect.objectContaining({
        kind: 'system_event',
        text: 'Microsoft case 250303010000123: Microsoft found the On-Premise scenario; the end customer holds the On-Premise add-on, so the escalation continues',
      }),
    ]);
  });

  it.each([
    ['without the add-on', ENTITLED],
    ['with no entitlement on record', null],
  ])('closes an On-Premise ticket %s as not entitled, sending the explanation', (_case, entitlement) => {
    const ticket = escalated(entitlement);
    const explanation = `${closureExplanation(ticket, 'on_premise_not_entitled')}\n\nP.S. edited by the engineer.`;
    const result = expectApplied(applyTo(recordScenario, ticket, args('on_premise', explanation)));
    expect(result).toEqual({
      ...ticket,
      stage: 'closed',
      status: 'closed',
      updatedAt: FIXED_NOW,
      closure: { reason: 'on_premise_not_entitled', explanation, closedAt: FIXED_NOW, closedBy: ENGINEER },
      escalation: {
        ...ticket.escalation,
        scenario: 'on_premise',
        status: 'closed',
        closedAt: FIXED_NOW,
        lastModifiedAt: FIXED_NOW,
      },
      timeline: [
        ...ticket.timeline,
        {
          id: entryId(1),
          at: FIXED_NOW,
          kind: 'system_event',
          actor: ENGINEER,
          text: 'Microsoft case 250303010000123: Microsoft found the On-Premise scenario and the end customer has no On-Premise add-on: closed as On-Premise without the add-on (not entitled)',
        },
        {
          id: entryId(2),
          at: FIXED_NOW,
          kind: 'customer_reply',
          direction: 'outbound',
          author: { name: ENGINEER.name },
          body: explanation,
        },
      ],
    });
  });

  it('refuses closing without the explanation for the customer', () => {
    expect(expectRefused(applyTo(recordScenario, escalated(), args('on_premise')), 'invalid_args')).toBe(
      'CSS-100042 closes as not entitled, because its end customer has no On-Premise add-on on record: write the explanation for the customer and record the scenario again.',
    );
    expect(RecordScenarioArgs.safeParse({ ...args('on_premise', 'text'), replyId: undefined }).error?.issues).toEqual([
      expect.objectContaining({ path: ['replyId'], message: 'the explanation needs its id (replyId)' }),
    ]);
    expect(RecordScenarioArgs.safeParse(args('on_premise', '  ')).error?.issues[0]?.message).toBe(
      'the reply to the customer is empty',
    );
  });

  it('changes nothing when Microsoft repeats its finding, and lets Microsoft revise it', () => {
    const cloud = makeTicketInStage('escalated', { escalation: makeEscalation({ scenario: 'cloud' }) });
    expect(expectApplied(applyTo(recordScenario, cloud, args('cloud')))).toEqual(cloud);
    const revised = expectApplied(
      applyTo(recordScenario, { ...cloud, entitlement: ENTITLED_WITH_ON_PREMISE }, args('on_premise')),
    );
    expect(revised.escalation?.scenario).toBe('on_premise');
  });

  it('refuses a ticket that is not escalated, and a closed one', () => {
    expect(
      expectRefused(applyTo(recordScenario, makeTicketInStage('investigation'), args('cloud')), 'illegal_transition'),
    ).toBe(
      'CSS-100042 is not escalated to Microsoft: the Cloud/On-Premise scenario is recorded on an escalation. It is in investigation: escalate it to Microsoft first.',
    );
    const closed = makeTicketInStage('closed', { escalation: makeEscalation({ status: 'closed' }) });
    expect(expectRefused(applyTo(recordScenario, closed, args('on_premise', 'text')), 'ticket_closed')).toBe(
      'CSS-100042 is closed: reopen it before recording the Cloud/On-Premise scenario.',
    );
  });

  it('refuses reused entry ids, applying nothing', () => {
    const ticket = escalated();
    const reused = { ...args('on_premise', 'text'), replyId: '00000000-0000-4000-8000-000000000101' };
    expect(expectRefused(applyTo(recordScenario, ticket, reused), 'invalid_args')).toContain('already exists');
  });
});

describe('microsoftResolved', () => {
  const resolved = { ticketId: TICKET_ID, eventId: entryId(4), summary: 'Connector certificate renewed by Microsoft.' };

  it('closes the case and moves the ticket to resolution', () => {
    const ticket = escalated();
    expect(expectApplied(applyTo(microsoftResolved, ticket, resolved))).toEqual({
      ...ticket,
      stage: 'resolution',
      status: 'awaiting_confirmation',
      updatedAt: FIXED_NOW,
      escalation: { ...ticket.escalation, status: 'closed', closedAt: FIXED_NOW, lastModifiedAt: FIXED_NOW },
      timeline: [
        ...ticket.timeline,
        {
          id: entryId(4),
          at: FIXED_NOW,
          kind: 'system_event',
          actor: ENGINEER,
          text: 'Resolved by Microsoft (Microsoft case 250303010000123): Connector certificate renewed by Microsoft.',
        },
      ],
    });
  });

  it('refuses a ticket that is not escalated, and a closed one', () => {
    expect(
      expectRefused(applyTo(microsoftResolved, makeTicketInStage('investigation'), resolved), 'illegal_transition'),
    ).toBe(
      'CSS-100042 is in investigation: only a ticket escalated to Microsoft can be marked as resolved by Microsoft.',
    );
    expect(expectRefused(applyTo(microsoftResolved, makeTicketInStage('closed'), resolved), 'ticket_closed')).toBe(
      'CSS-100042 is closed: reopen it before recording that Microsoft resolved it.',
    );
  });
});
