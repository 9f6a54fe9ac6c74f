// A follow-up that falls due is announced once per due time, only to the engineer who owns the ticket.
import { addHours } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { dueFollowUps } from '../../../renderer/data/follow-up-alerts';
import { DEFAULT_CADENCE } from '../../../shared/domain';
import { ENGINEER, makeEscalation, makeTicketInStage } from '../../fixtures/tickets';

const escalated = makeTicketInStage('escalated', {
  escalation: makeEscalation({ severity: 'moderate', followUps: [], openedAt: '2025-03-05T10:00:00.000Z' }),
});
const due = addHours(new Date('2025-03-05T10:00:00.000Z'), DEFAULT_CADENCE.moderate);

describe('dueFollowUps', () => {
  it('announces nothing before the due time, and exactly at it', () => {
    expect(dueFollowUps([escalated], DEFAULT_CADENCE, due, ENGINEER.id, new Set())).toEqual([]);
  });

  it('announces a follow-up once it is overdue, keyed by the due time, opening its ticket when clicked', () => {
    const [alert] = dueFollowUps([escalated], DEFAULT_CADENCE, addHours(due, 1), ENGINEER.id, new Set());
    expect(alert).toMatchObject({
      key: `${escalated.id}@${due.toISOString()}`,
      title: `Follow-up due: ${escalated.number}`,
      ticketId: escalated.id,
    });
  });

  it('does not repeat a due time already announced', () => {
    const announced = new Set([`${escalated.id}@${due.toISOString()}`]);
    expect(dueFollowUps([escalated], DEFAULT_CADENCE, addHours(due, 5), ENGINEER.id, announced)).toEqual([]);
  });

  it("leaves other engineers' tickets alone", () => {
    expect(dueFollowUps([escalated], DEFAULT_CADENCE, addHours(due, 1), 'someone-else', new Set())).toEqual([]);
  });
});
