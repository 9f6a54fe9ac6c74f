// The L3 Microsoft escalation mutations: raising the case, following it up, and who the case waits on.
import { describe, expect, it } from 'vitest';
import type { Escalation, Ticket } from '../../../../shared/domain';
import {
  EscalateToMicrosoftArgs,
  applyMutation,
  escalateToMicrosoft,
  logFollowUp,
  setEscalationStatus,
  type LogFollowUpArgs,
} from '../../../../shared/mutations';
import {
  ENGINEER,
  FIXED_NOW,
  TICKET_ID,
  entryId,
  makeContext,
  makeEscalation,
  makeTicketInStage,
} from '../../../fixtures/tickets';
import { applyTo, expectApplied, expectRefused } from './apply';

const CASE = '2503100900001234';
const escalation = (overrides: Partial<EscalateToMicrosoftArgs> = {}): EscalateToMicrosoftArgs => ({
  ticketId: TICKET_ID,
  eventId: entryId(1),
  caseNumber: CASE,
  severity: 'moderate',
  microsoftContact: { name: 'Megan Bowen', email: 'meganb@microsoft.example' },
  supportTopic: 'Mail flow',
  product: 'Exchange Online',
  ...overrides,
});
const investigating = (overrides: Partial<Ticket> = {}) => makeTicketInStage('investigation', overrides);
const escalated = (overrides: Partial<Escalation> = {}) =>
  makeTicketInStage('escalated', { escalation: makeEscalation(overrides) });

describe('escalateToMicrosoft', () => {
  it('records the open case with the suggested severity and moves the ticket to escalated', () => {
    const ticket = investigating();
    const result = expectApplied(applyTo(escalateToMicrosoft, ticket, escalation()));
    expect(result).toEqual({
      ...ticket,
      stage: 'escalated',
      status: 'waiting_on_microsoft',
      updatedAt: FIXED_NOW,
      escalation: {
        caseNumber: CASE,
        severity: 'moderate',
        suggestedSeverity: 'moderate',
        severityOverrideReason: null,
        status: 'open',
        scenario: 'undetermined',
        supportTopic: 'Mail flow',
        product: 'Exchange Online',
        microsoftContact: { name: 'Megan Bowen', email: 'meganb@microsoft.example' },
        openedAt: FIXED_NOW,
        openedBy: ENGINEER,
        lastModifiedAt: FIXED_NOW,
        closedAt: null,
        followUps: [],
      },
      timeline: [
        ...ticket.timeline,
        {
          id: entryId(1),
          at: FIXED_NOW,
          kind: 'system_event',
          actor: ENGINEER,
          text: `Escalated to Microsoft: case ${CASE}, severity B`,
        },
      ],
    });
  });

  it('keeps an override with its reason, and an earlier opening time', () => {
    const args = escalation({
      severity: 'critical',
      severityOverrideReason: '  Whole sales floor cannot send mail. ',
      openedAt: '2025-03-10T08:15:00.000Z',
    });
    const result = expectApplied(applyTo(escalateToMicrosoft, investigating(), args));
    expect(result.escalation).toMatchObject({
      severity: 'critical',
      suggestedSeverity: 'moderate',
      severityOverrideReason: 'Whole sales floor cannot send mail.',
      openedAt: '2025-03-10T08:15:00.000Z',
    });
    expect(result.timeline.at(-1)).toMatchObject({
      text: `Escalated to Microsoft: case ${CASE}, severity A (suggested B: Whole sales floor cannot send mail.)`,
    });
  });

  it('drops a reason given for the suggested severity: it overrides nothing', () => {
    const args = escalation({ severityOverrideReason: 'As agreed.' });
    expect(expectApplied(applyTo(escalateToMicrosoft, investigating(), args)).escalation?.severityOverrideReason).toBe(
      null,
    );
  });

  it.each([
    ['no reason', undefined],
    ['a blank reason', '   '],
  ])('refuses an override with %s', (_case, severityOverrideReason) => {
    const args = escalation({ severity: 'minimal', severityOverrideReason });
    expect(expectRefused(applyTo(escalateToMicrosoft, investigating(), args), 'invalid_args')).toBe(
      'CSS-100042: severity C differs from the suggested B: give a reason for the override.',
    );
  });

  it('refuses an opening time in the future, and one before the ticket was received', () => {
    const future = escalation({ openedAt: '2025-03-10T09:00:00.001Z' });
    expect(expectRefused(applyTo(escalateToMicrosoft, investigating(), future), 'invalid_args')).toContain(
      'the Microsoft case cannot be opened in the future',
    );
    const early = escalation({ openedAt: '2025-03-01T00:00:00.000Z' });
    expect(expectRefused(applyTo(escalateToMicrosoft, investigating(), early), 'invalid_args')).toContain(
      'before the ticket was received',
    );
  });

  it("accepts the minute the ticket was received, as the dialog proposes it in the ticket's first minute", () => {
    const received = investigating({ createdAt: '2025-03-10T08:59:41.250Z' });
    const sameMinute = escalation({ openedAt: '2025-03-10T08:59:00.000Z' });
    expect(expectApplied(applyTo(escalateToMicrosoft, received, sameMinute)).escalation?.openedAt).toBe(
      '2025-03-10T08:59:00.000Z',
    );
    const minuteBefore = escalation({ openedAt: '2025-03-10T08:58:59.999Z' });
    expect(expectRefused(applyTo(escalateToMicrosoft, received, minuteBefore), 'invalid_args')).toContain(
      'before the ticket was received',
    );
  });

  it('refuses through the flow outside investigation, and on a closed ticket', () => {
    expect(
      expectRefused(applyTo(escalateToMicrosoft, makeTicketInStage('validation'), escalation()), 'illegal_transition'),
    ).toBe(
      'CSS-100042 is in validation: only a ticket in investigation can be escalated to Microsoft. Pass validation first.',
    );
    expect(expectRefused(applyTo(escalateToMicrosoft, escalated(), escalation()), 'illegal_transition')).toContain(
      'Log a follow-up with Microsoft instead.',
    );
    expect(
      expectRefused(applyTo(escalateToMicrosoft, makeTicketInStage('closed'), escalation()), 'ticket_closed'),
    ).toBe('CSS-100042 is closed: reopen it before escalating it to Microsoft.');
  });

  it.each(['12345678901234', '12345678901234567', '25031009000O123'])(
    'refuses the malformed case number %s with the rule for case numbers',
    (caseNumber) => {
      const result = applyMutation(
        investigating(),
        {
          id: entryId(99),
          name: 'escalateToMicrosoft',
          args: escalation({ caseNumber }),
          createdAt: FIXED_NOW,
        },
        makeContext(),
      );
      expect(result).toEqual({
        ok: false,
        refusal: {
          code: 'invalid_args',
          message: 'The Microsoft case number must be 15 digits (Partner Center) or 16 digits (Azure).',
          issues: [
            {
              path: 'caseNumber',
              message: 'The Microsoft case number must be 15 digits (Partner Center) or 16 digits (Azure).',
            },
          ],
        },
      });
    },
  );

  it('names each missing detail of the case', () => {
    const parsed = EscalateToMicrosoftArgs.safeParse({
      ...escalation(),
      severity: 'A',
      microsoftContact: { name: ' ', email: 'not-an-address' },
      supportTopic: '',
    });
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['severity', 'the severity must be critical (A), moderate (B) or minimal (C)'],
      ['microsoftContact.name', 'give the name of the Microsoft engineer who owns the case'],
      ['microsoftContact.email', 'must be an e-mail address such as name@example.com'],
      ['supportTopic', 'give the support topic chosen when the case was opened'],
    ]);
  });
});

const followUp = (overrides: Partial<LogFollowUpArgs> = {}): LogFollowUpArgs => ({
  ticketId: TICKET_ID,
  followUpId: entryId(2),
  at: '2025-03-10T08:30:00.000Z',
  channel: 'phone',
  summary: 'Called the case owner: fix is being deployed.',
  microsoftResponded: true,
  ...overrides,
});

describe('logFollowUp', () => {
  it('appends the follow-up to the open case, with nothing repeated on the timeline', () => {
    const ticket = escalated();
    const result = expectApplied(applyTo(logFollowUp, ticket, followUp()));
    expect(result).toEqual({
      ...ticket,
      updatedAt: FIXED_NOW,
      escalation: {
        ...ticket.escalation,
        lastModifiedAt: FIXED_NOW,
        followUps: [
          ...(ticket.escalation?.followUps ?? []),
          {
            id: entryId(2),
            at: '2025-03-10T08:30:00.000Z',
            channel: 'phone',
            summary: 'Called the case owner: fix is being deployed.',
            microsoftResponded: true,
            loggedBy: ENGINEER,
          },
        ],
      },
    });
  });

  it('accepts a follow-up dated exactly now or exactly at the opening, and keeps the case status', () => {
    const waitingOnUs = escalated({ status: 'attention_needed' });
    const now = expectApplied(applyTo(logFollowUp, waitingOnUs, followUp({ at: FIXED_NOW })));
    expect(now.escalation?.status).toBe('attention_needed');
    const opening = followUp({ at: '2025-03-05T10:00:00.000Z', microsoftResponded: false });
    expect(expectApplied(applyTo(logFollowUp, escalated(), opening)).escalation?.followUps.at(-1)?.at).toBe(
      '2025-03-05T10:00:00.000Z',
    );
  });

  it('accepts a follow-up in the minute the case was opened, however many seconds into it', () => {
    const opened = escalated({ openedAt: '2025-03-10T08:59:41.250Z' });
    const sameMinute = followUp({ at: '2025-03-10T08:59:00.000Z' });
    expect(expectApplied(applyTo(logFollowUp, opened, sameMinute)).escalation?.followUps.at(-1)?.at).toBe(
      '2025-03-10T08:59:00.000Z',
    );
    const minuteBefore = followUp({ at: '2025-03-10T08:58:59.999Z' });
    expect(expectRefused(applyTo(logFollowUp, opened, minuteBefore), 'invalid_args')).toContain(
      'a follow-up cannot be dated before',
    );
  });

  it('refuses a follow-up dated in the future, or before the case was opened', () => {
    const future = followUp({ at: '2025-03-10T09:00:00.001Z' });
    expect(expectRefused(applyTo(logFollowUp, escalated(), future), 'invalid_args')).toContain(
      'a follow-up cannot be dated in the future',
    );
    const early = followUp({ at: '2025-03-05T09:59:59.999Z' });
    expect(expectRefused(applyTo(logFollowUp, escalated(), early), 'invalid_args')).toBe(
      'CSS-100042: a follow-up cannot be dated before Microsoft case 250303010000123 was opened (2025-03-05T10:00:00.000Z); give the time of the contact.',
    );
  });

  it('refuses a ticket that is not escalated, a closed one, and a reused follow-up id', () => {
    expect(expectRefused(applyTo(logFollowUp, investigating(), followUp()), 'illegal_transition')).toBe(
      'CSS-100042 is not escalated to Microsoft: follow-ups are logged on an open escalation. It is in investigation: escalate it to Microsoft first.',
    );
    expect(expectRefused(applyTo(logFollowUp, makeTicketInStage('closed'), followUp()), 'ticket_closed')).toBe(
      'CSS-100042 is closed: reopen it before logging a follow-up with Microsoft.',
    );
    const reused = followUp({ followUpId: '00000000-0000-4000-8000-000000000201' });
    expect(expectRefused(applyTo(logFollowUp, escalated(), reused), 'invalid_args')).toContain('already exists');
  });
});

describe('setEscalationStatus', () => {
  const args = (status: 'open' | 'attention_needed') => ({ ticketId: TICKET_ID, eventId: entryId(3), status });

  it('marks that Microsoft waits on us, and the ticket is in progress on our side', () => {
    const ticket = escalated();
    expect(expectApplied(applyTo(setEscalationStatus, ticket, args('attention_needed')))).toEqual({
      ...ticket,
      status: 'in_progress',
      updatedAt: FIXED_NOW,
      escalation: { ...ticket.escalation, status: 'attention_needed', lastModifiedAt: FIXED_NOW },
      timeline: [
        ...ticket.timeline,
        {
          id: entryId(3),
          at: FIXED_NOW,
          kind: 'system_event',
          actor: ENGINEER,
          text: 'Microsoft case 250303010000123 attention needed: Microsoft is waiting on us',
        },
      ],
    });
  });

  it('puts the ball back with Microsoft, and changes nothing when the status is already set', () => {
    const waitingOnUs = makeTicketInStage('escalated', {
      status: 'in_progress',
      escalation: makeEscalation({ status: 'attention_needed' }),
    });
    const reopened = expectApplied(applyTo(setEscalationStatus, waitingOnUs, args('open')));
    expect([reopened.status, reopened.escalation?.status]).toEqual(['waiting_on_microsoft', 'open']);
    const ticket = escalated();
    expect(expectApplied(applyTo(setEscalationStatus, ticket, args('open')))).toEqual(ticket);
  });

  it('refuses closing the case by status, a ticket that is not escalated, and a closed one', () => {
    expect(setEscalationStatus.args.safeParse({ ...args('open'), status: 'closed' }).error?.issues[0]?.message).toBe(
      'the Microsoft case status must be open (waiting on Microsoft) or attention_needed (Microsoft waits on us)',
    );
    expect(
      expectRefused(applyTo(setEscalationStatus, makeTicketInStage('resolution'), args('open')), 'illegal_transition'),
    ).toBe(
      'CSS-100042 is not escalated to Microsoft: the Microsoft case status is set on an open escalation. It is in resolution.',
    );
    expect(
      expectRefused(applyTo(setEscalationStatus, makeTicketInStage('closed'), args('open')), 'ticket_closed'),
    ).toBe('CSS-100042 is closed: reopen it before changing the Microsoft case status.');
  });
});
