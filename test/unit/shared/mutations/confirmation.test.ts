// Resolution: asking the customer to confirm, reminders, their answer, and closing without one.
import { describe, expect, it } from 'vitest';
import { FlowPolicy, closedWithoutConfirmation, confirmationRequest, resolvedClosure } from '../../../../shared/domain';
import {
  RecordCustomerAnswerArgs,
  closeWithoutConfirmation,
  recordCustomerAnswer,
  requestConfirmation,
  sendReminder,
} from '../../../../shared/mutations';
import {
  ENGINEER,
  FIXED_NOW,
  TICKET_ID,
  entryId,
  makeConfirmation,
  makeContext,
  makeEscalation,
  makeTicketInStage,
} from '../../../fixtures/tickets';
import { applyTo, expectApplied, expectRefused } from './apply';

const eventId = entryId(1);
const replyId = entryId(2);
const messageId = entryId(3);
const event = (text: string) => ({ id: eventId, at: FIXED_NOW, kind: 'system_event' as const, actor: ENGINEER, text });
const outbound = (body: string, id = replyId) => ({
  id,
  at: FIXED_NOW,
  kind: 'customer_reply' as const,
  direction: 'outbound' as const,
  author: { name: ENGINEER.name },
  body,
});
const waiting = (remindersSent = 0) =>
  makeTicketInStage('resolution', { confirmation: makeConfirmation({ remindersSent }) });

describe('requestConfirmation', () => {
  const investigating = makeTicketInStage('investigation');
  const body = confirmationRequest(investigating);

  it('moves to resolution, starts the confirmation request and sends the text', () => {
    const result = expectApplied(
      applyTo(requestConfirmation, investigating, { ticketId: TICKET_ID, replyId, eventId, body }),
    );
    expect(result).toEqual({
      ...investigating,
      stage: 'resolution',
      status: 'awaiting_confirmation',
      confirmation: { requestedAt: FIXED_NOW, remindersSent: 0, lastReminderAt: null },
      updatedAt: FIXED_NOW,
      timeline: [...investigating.timeline, event('Asked Laura Verdi to confirm the fix'), outbound(body)],
    });
  });

  it('is refused by the flow while escalated, pointing to the next step', () => {
    const result = applyTo(requestConfirmation, makeTicketInStage('escalated'), {
      ticketId: TICKET_ID,
      replyId,
      eventId,
      body,
    });
    expect(expectRefused(result, 'illegal_transition')).toBe(
      'CSS-100042 is escalated to Microsoft: only a ticket in investigation can go to the customer for confirmation. Record that Microsoft resolved it instead.',
    );
  });
});

describe('sendReminder', () => {
  const body = 'A gentle reminder: could you confirm the fix?';

  it('counts the reminder, dates it, and sends the text', () => {
    const ticket = waiting(1);
    const result = expectApplied(applyTo(sendReminder, ticket, { ticketId: TICKET_ID, replyId, eventId, body }));
    expect(result).toEqual({
      ...ticket,
      confirmation: { requestedAt: '2025-03-07T11:00:00.000Z', remindersSent: 2, lastReminderAt: FIXED_NOW },
      updatedAt: FIXED_NOW,
      timeline: [...ticket.timeline, event('Reminder 2 of 3 sent to Laura Verdi'), outbound(body)],
    });
  });

  it('keeps counting past the threshold', () => {
    const result = expectApplied(applyTo(sendReminder, waiting(3), { ticketId: TICKET_ID, replyId, eventId, body }));
    expect(result.timeline.at(-2)).toEqual(event('Reminder 4 sent to Laura Verdi'));
  });

  it('starts the count when the ticket reached resolution without a recorded request', () => {
    const ticket = makeTicketInStage('resolution', { confirmation: null });
    const result = expectApplied(applyTo(sendReminder, ticket, { ticketId: TICKET_ID, replyId, eventId, body }));
    expect(result.confirmation).toEqual({ requestedAt: FIXED_NOW, remindersSent: 1, lastReminderAt: FIXED_NOW });
  });

  it('is refused outside resolution', () => {
    const result = applyTo(sendReminder, makeTicketInStage('investigation'), {
      ticketId: TICKET_ID,
      replyId,
      eventId,
      body,
    });
    expect(expectRefused(result, 'illegal_transition')).toBe(
      "CSS-100042 is in investigation: reminders go only to a ticket in resolution, waiting for the customer's confirmation. Ask the customer to confirm the fix first.",
    );
  });
});

describe('recordCustomerAnswer', () => {
  const message = 'All good now, mail flows again. Thanks!';

  it('confirmed: records their words, closes as resolved and sends the thank-you', () => {
    const ticket = waiting(1);
    const closingReply = resolvedClosure(ticket);
    const result = expectApplied(
      applyTo(recordCustomerAnswer, ticket, {
        ticketId: TICKET_ID,
        entryId: messageId,
        eventId,
        answer: 'confirmed',
        message,
        closingReply,
        replyId,
      }),
    );
    expect(result).toEqual({
      ...ticket,
      stage: 'closed',
      status: 'closed',
      closure: { reason: 'resolved', explanation: closingReply, closedAt: FIXED_NOW, closedBy: ENGINEER },
      updatedAt: FIXED_NOW,
      timeline: [
        ...ticket.timeline,
        {
          id: messageId,
          at: FIXED_NOW,
          kind: 'customer_reply',
          direction: 'inbound',
          author: { name: 'Laura Verdi' },
          body: message,
        },
        event('Laura Verdi confirmed the fix: closed as resolved'),
        outbound(closingReply),
      ],
    });
  });

  it('not fixed: back to investigation, the confirmation request cleared', () => {
    const ticket = waiting(2);
    const result = expectApplied(
      applyTo(recordCustomerAnswer, ticket, { ticketId: TICKET_ID, entryId: messageId, eventId, answer: 'not_fixed' }),
    );
    expect(result).toEqual({
      ...ticket,
      stage: 'investigation',
      status: 'in_progress',
      confirmation: null,
      updatedAt: FIXED_NOW,
      timeline: [...ticket.timeline, event('Laura Verdi reported that the issue is not fixed: back to investigation')],
    });
  });

  it('not fixed while the Microsoft case is open: back to the escalation', () => {
    const ticket = makeTicketInStage('resolution', { escalation: makeEscalation() });
    const result = expectApplied(
      applyTo(recordCustomerAnswer, ticket, {
        ticketId: TICKET_ID,
        entryId: messageId,
        eventId,
        answer: 'not_fixed',
        message,
      }),
    );
    expect(result).toMatchObject({ stage: 'escalated', status: 'waiting_on_microsoft', confirmation: null });
    expect(result.timeline.at(-1)).toEqual(
      event('Laura Verdi reported that the issue is not fixed: back to Microsoft (case 250303010000123 is still open)'),
    );
  });

  it('is refused by the flow outside resolution', () => {
    const result = applyTo(recordCustomerAnswer, makeTicketInStage('investigation'), {
      ticketId: TICKET_ID,
      entryId: messageId,
      eventId,
      answer: 'not_fixed',
    });
    expect(expectRefused(result, 'illegal_transition')).toBe(
      'CSS-100042 is in investigation: only a ticket in resolution can be reported as not fixed.',
    );
  });

  it('refuses to close as confirmed without the closing reply, even when called directly', () => {
    const result = applyTo(recordCustomerAnswer, waiting(), {
      ticketId: TICKET_ID,
      entryId: messageId,
      eventId,
      answer: 'confirmed',
    });
    expect(expectRefused(result, 'invalid_args')).toBe(
      'CSS-100042 cannot be closed as resolved without the closing reply to the customer: write it and record the answer again.',
    );
  });

  it('has its arguments checked together, with a message per mistake', () => {
    const base = { ticketId: TICKET_ID, entryId: messageId, eventId };
    const issues = (args: unknown) =>
      RecordCustomerAnswerArgs.safeParse(args).error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(issues({ ...base, answer: 'confirmed' })).toEqual([
      ['closingReply', 'write the closing reply that thanks the customer before closing the ticket'],
    ]);
    expect(issues({ ...base, answer: 'confirmed', closingReply: 'Thanks!' })).toEqual([
      ['replyId', 'the closing reply needs its id (replyId)'],
    ]);
    expect(issues({ ...base, answer: 'not_fixed', closingReply: 'Thanks!', replyId })).toEqual([
      ['closingReply', 'a closing reply is sent only when the customer confirmed the fix; send a reply instead'],
    ]);
    expect(issues({ ...base, answer: 'maybe' })).toEqual([['answer', 'the answer must be confirmed or not_fixed']]);
  });
});

describe('closeWithoutConfirmation', () => {
  it('closes as resolved without confirmation once enough reminders went unanswered', () => {
    const ticket = waiting(3);
    const body = closedWithoutConfirmation(ticket, 3);
    const result = expectApplied(
      applyTo(closeWithoutConfirmation, ticket, { ticketId: TICKET_ID, replyId, eventId, body }),
    );
    expect(result).toEqual({
      ...ticket,
      stage: 'closed',
      status: 'closed',
      closure: { reason: 'resolved_without_confirmation', explanation: body, closedAt: FIXED_NOW, closedBy: ENGINEER },
      updatedAt: FIXED_NOW,
      timeline: [
        ...ticket.timeline,
        event('Closed as resolved without confirmation: 3 reminders to Laura Verdi went unanswered'),
        outbound(body),
      ],
    });
  });

  it('is refused by the flow before enough reminders were sent', () => {
    const result = applyTo(closeWithoutConfirmation, waiting(2), {
      ticketId: TICKET_ID,
      replyId,
      eventId,
      body: 'Closing.',
    });
    expect(expectRefused(result, 'illegal_transition')).toBe(
      'CSS-100042 is in resolution: 2 reminders have been sent without an answer and 3 are needed before closing without confirmation; send 1 more reminder first.',
    );
  });

  it("follows the team's configured threshold", () => {
    const context = makeContext({
      team: { ...makeContext().team, policy: FlowPolicy.parse({ remindersBeforeClosing: 1 }) },
    });
    const result = applyTo(
      closeWithoutConfirmation,
      waiting(1),
      { ticketId: TICKET_ID, replyId, eventId, body: 'Closing.' },
      context,
    );
    expect(expectApplied(result).closure?.reason).toBe('resolved_without_confirmation');
  });
});
