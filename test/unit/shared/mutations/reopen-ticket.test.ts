// reopenTicket: the one change a closed ticket takes, within the team's reopen window.
import { describe, expect, it } from 'vitest';
import { FlowPolicy } from '../../../../shared/domain';
import { ReopenTicketArgs, reopenTicket } from '../../../../shared/mutations';
import { ENGINEER, TICKET_ID, entryId, makeClosure, makeContext, makeTicketInStage } from '../../../fixtures/tickets';
import { applyTo, expectApplied, expectRefused } from './apply';

const eventId = entryId(1);
const reason = 'The customer reports the queue is building up again.';
// Closed 2025-03-01 10:00 UTC: the default 14-day window ends 2025-03-15 10:00 UTC.
const closed = makeTicketInStage('closed', { closure: makeClosure({ closedAt: '2025-03-01T10:00:00.000Z' }) });
const at = (now: string) => makeContext({ now });

describe('reopenTicket', () => {
  it('brings the ticket back to investigation, clearing closure and confirmation, keeping how it was closed', () => {
    const now = '2025-03-15T10:00:00.000Z';
    const result = expectApplied(applyTo(reopenTicket, closed, { ticketId: TICKET_ID, eventId, reason }, at(now)));
    expect(result).toEqual({
      ...closed,
      stage: 'investigation',
      status: 'in_progress',
      closure: null,
      confirmation: null,
      updatedAt: now,
      timeline: [
        ...closed.timeline,
        {
          id: eventId,
          at: now,
          kind: 'system_event',
          actor: ENGINEER,
          text: `Reopened (it was closed as resolved): ${reason}`,
        },
      ],
    });
  });

  it('is refused one millisecond after the window, saying when it ended and what to do', () => {
    const result = applyTo(
      reopenTicket,
      closed,
      { ticketId: TICKET_ID, eventId, reason },
      at('2025-03-15T10:00:00.001Z'),
    );
    expect(expectRefused(result, 'illegal_transition')).toBe(
      'CSS-100042 is closed: its 14-day reopen window ended on 2025-03-15 10:00 UTC, so it can no longer be reopened; open a new ticket for the customer instead.',
    );
  });

  it("follows the team's configured window", () => {
    const week = makeContext({
      now: '2025-03-09T00:00:00.000Z',
      team: { ...makeContext().team, policy: FlowPolicy.parse({ reopenWindowDays: 7 }) },
    });
    expect(
      expectRefused(
        applyTo(reopenTicket, closed, { ticketId: TICKET_ID, eventId, reason }, week),
        'illegal_transition',
      ),
    ).toContain('7-day reopen window ended on 2025-03-08 10:00 UTC');
  });

  it('is refused on a ticket that is not closed', () => {
    const result = applyTo(reopenTicket, makeTicketInStage('investigation'), { ticketId: TICKET_ID, eventId, reason });
    expect(expectRefused(result, 'illegal_transition')).toBe(
      'CSS-100042 is in investigation: only a closed ticket can be reopened.',
    );
  });

  it('keeps the longest reason the arguments allow within the event text', () => {
    const longest = 'x'.repeat(2000);
    const result = expectApplied(
      applyTo(reopenTicket, closed, { ticketId: TICKET_ID, eventId, reason: longest }, at('2025-03-02T00:00:00.000Z')),
    );
    const last = result.timeline.at(-1);
    expect(last?.kind === 'system_event' ? last.text : '').toMatch(
      /^Reopened \(it was closed as resolved\): x{1960,}…$/,
    );
    expect(last?.kind === 'system_event' ? last.text : '').toHaveLength(2000);
  });

  it('asks for a reason', () => {
    expect(ReopenTicketArgs.safeParse({ ticketId: TICKET_ID, eventId, reason: ' ' }).error?.issues[0]?.message).toBe(
      'say why the ticket is reopened',
    );
  });
});
