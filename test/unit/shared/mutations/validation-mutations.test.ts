// runValidation, passValidation, failValidation: the checks recorded with who and when, and the stage they lead to.
import { describe, expect, it } from 'vitest';
import { closureExplanation, validateTicket, type Ticket } from '../../../../shared/domain';
import { failValidation, passValidation, runValidation } from '../../../../shared/mutations';
import {
  ENGINEER,
  FIXED_NOW,
  TICKET_ID,
  entryId,
  makeTicket,
  makeTicketInStage,
  makeValidationRun,
} from '../../../fixtures/tickets';
import { applyTo, expectApplied, expectRefused } from './apply';

const eventId = entryId(1);
const replyId = entryId(2);
const event = (text: string) => ({ id: eventId, at: FIXED_NOW, kind: 'system_event' as const, actor: ENGINEER, text });
const run = (ticket: Ticket) => ({ ranBy: ENGINEER, ranAt: FIXED_NOW, checks: validateTicket(ticket) });

/** A ticket in validation lacking its priority and scope: the mandatory-information layer fails. */
const incomplete = makeTicket({ priority: null, scope: null });
const notEntitled = makeTicket({ entitlement: null });

describe('runValidation', () => {
  it('records every check with who ran it and when, and says how many passed', () => {
    const result = expectApplied(applyTo(runValidation, incomplete, { ticketId: TICKET_ID, eventId }));
    expect(result).toEqual({
      ...incomplete,
      updatedAt: FIXED_NOW,
      validation: run(incomplete),
      timeline: [...incomplete.timeline, event('Validation run: 4 of 6 checks passed')],
    });
  });

  it('replaces an earlier run with the new one', () => {
    const ranBefore = makeTicket({ validation: makeValidationRun({ ranAt: '2025-03-01T00:00:00.000Z' }) });
    const result = expectApplied(applyTo(runValidation, ranBefore, { ticketId: TICKET_ID, eventId }));
    expect(result.validation).toEqual(run(ranBefore));
  });

  it('runs only in validation', () => {
    const message = expectRefused(
      applyTo(runValidation, makeTicketInStage('investigation'), { ticketId: TICKET_ID, eventId }),
      'illegal_transition',
    );
    expect(message).toBe(
      'CSS-100042 is in investigation: the validation checks run only while a ticket is in validation, and it has passed them already.',
    );
  });
});

describe('passValidation', () => {
  it('records the run and starts the investigation when every check passes', () => {
    const ticket = makeTicket();
    const result = expectApplied(applyTo(passValidation, ticket, { ticketId: TICKET_ID, eventId }));
    expect(result).toEqual({
      ...ticket,
      stage: 'investigation',
      status: 'in_progress',
      updatedAt: FIXED_NOW,
      validation: run(ticket),
      timeline: [...ticket.timeline, event('Validation passed (6 of 6 checks passed): investigation started')],
    });
  });

  it('re-runs the checks at apply time and refuses, listing each failing check', () => {
    // The last recorded run passed, but the data changed since: the recorded run must not let it through.
    const changedSince = makeTicket({ priority: null, scope: null, validation: makeValidationRun() });
    const message = expectRefused(
      applyTo(passValidation, changedSince, { ticketId: TICKET_ID, eventId }),
      'illegal_transition',
    );
    expect(message).toBe(
      'CSS-100042 cannot pass validation: 2 checks fail. The incident priority is missing: set it from the impact the requester describes. The scope (product area) is missing: set it from what the requester describes. Correct the details, or fail validation and close the ticket.',
    );
  });

  it('refuses an entitlement failure the same way', () => {
    const message = expectRefused(
      applyTo(passValidation, notEntitled, { ticketId: TICKET_ID, eventId }),
      'illegal_transition',
    );
    expect(message).toContain('1 check fails. No entitlement on record for Northwind IT Services');
  });

  it('is refused by the flow outside validation', () => {
    const message = expectRefused(
      applyTo(passValidation, makeTicketInStage('escalated'), { ticketId: TICKET_ID, eventId }),
      'illegal_transition',
    );
    expect(message).toBe('CSS-100042 is escalated to Microsoft: only a ticket in validation can pass validation.');
  });
});

describe('failValidation', () => {
  const args = (reason: 'not_entitled' | 'missing_information', ticket: Ticket) => ({
    ticketId: TICKET_ID,
    reason,
    explanation: closureExplanation(ticket, reason),
    replyId,
    eventId,
  });

  it.each([
    ['not_entitled', notEntitled, 'Validation failed (5 of 6 checks passed): closed as not entitled'],
    ['missing_information', incomplete, 'Validation failed (4 of 6 checks passed): closed as missing information'],
  ] as const)('closes as %s, recording the run and sending the explanation', (reason, ticket, text) => {
    const given = args(reason, ticket);
    const result = expectApplied(applyTo(failValidation, ticket, given));
    expect(result).toEqual({
      ...ticket,
      stage: 'closed',
      status: 'closed',
      updatedAt: FIXED_NOW,
      validation: run(ticket),
      closure: { reason, explanation: given.explanation, closedAt: FIXED_NOW, closedBy: ENGINEER },
      timeline: [
        ...ticket.timeline,
        event(text),
        {
          id: replyId,
          at: FIXED_NOW,
          kind: 'customer_reply',
          direction: 'outbound',
          author: { name: ENGINEER.name },
          body: given.explanation,
        },
      ],
    });
  });

  it('refuses to close as not entitled a ticket that passes every entitlement check', () => {
    const message = expectRefused(
      applyTo(failValidation, incomplete, args('not_entitled', incomplete)),
      'illegal_transition',
    );
    expect(message).toBe(
      'CSS-100042 passes every entitlement check: it cannot be closed as not entitled. Close it as missing information instead.',
    );
  });

  it('refuses to close as missing information a ticket that has it all', () => {
    const message = expectRefused(
      applyTo(failValidation, notEntitled, args('missing_information', notEntitled)),
      'illegal_transition',
    );
    expect(message).toBe(
      'CSS-100042 has all the mandatory information: it cannot be closed as missing information. Close it as not entitled instead.',
    );
  });

  it('points to passing validation when every check passes', () => {
    const complete = makeTicket();
    const message = expectRefused(
      applyTo(failValidation, complete, args('not_entitled', complete)),
      'illegal_transition',
    );
    expect(message).toContain('Pass validation instead.');
  });

  it('is refused by the flow outside validation', () => {
    const investigating = makeTicketInStage('investigation', { entitlement: null });
    const message = expectRefused(
      applyTo(failValidation, investigating, args('not_entitled', investigating)),
      'illegal_transition',
    );
    expect(message).toBe('CSS-100042 is in investigation: only a ticket in validation can fail validation.');
  });

  it('refuses reusing one id for the event and the reply', () => {
    const message = expectRefused(
      applyTo(failValidation, notEntitled, { ...args('not_entitled', notEntitled), replyId: eventId }),
      'invalid_args',
    );
    expect(message).toBe(
      `this change to CSS-100042 uses the id ${eventId} for two timeline entries: make the change again.`,
    );
  });
});
