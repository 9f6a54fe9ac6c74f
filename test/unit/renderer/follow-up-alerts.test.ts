// A follow-up that falls due is announced once per due time, judged from the queue row's escalation clock.
import { addHours } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { dueFollowUps, followUpAlert } from '../../../renderer/data/follow-up-alerts';
import { summarize } from '../../../renderer/data/summary';
import { DEFAULT_CADENCE } from '../../../shared/domain';
import { makeEscalation, makeTicketInStage } from '../../fixtures/tickets';

const escalated = makeTicketInStage('escalated', {
  escalation: makeEscalation({ severity: 'moderate', followUps: [], openedAt: '2025-03-05T10:00:00.000Z' }),
});
const row = summarize(escalated, 0);
const due = addHours(new Date('2025-03-05T10:00:00.000Z'), DEFAULT_CADENCE.moderate);

describe('dueFollowUps', () => {
  it('announces nothing before the due time, and exactly at it', () => {
    expect(dueFollowUps([row], DEFAULT_CADENCE, due, new Set())).toEqual([]);
  });

  it('announces a follow-up once it is overdue, keyed by the due time, opening its ticket when clicked', () => {
    const [found] = dueFollowUps([row], DEFAULT_CADENCE, addHours(due, 1), new Set());
    expect(found).toEqual({ key: `${escalated.id}@${due.toISOString()}`, ticketId: escalated.id });
    expect(followUpAlert(found!, escalated)).toMatchObject({
      key: `${escalated.id}@${due.toISOString()}`,
      title: `Follow-up due: ${escalated.number}`,
      body: `Microsoft case ${escalated.escalation?.caseNumber} for ${escalated.endCustomer.companyName} is due a follow-up.`,
      ticketId: escalated.id,
    });
  });

  it('does not repeat a due time already announced', () => {
    const announced = new Set([`${escalated.id}@${due.toISOString()}`]);
    expect(dueFollowUps([row], DEFAULT_CADENCE, addHours(due, 5), announced)).toEqual([]);
  });

  it('chases nothing once Microsoft has closed the case', () => {
    const closed = { ...row, escalation: { ...row.escalation!, status: 'closed' as const } };
    expect(dueFollowUps([closed], DEFAULT_CADENCE, addHours(due, 5), new Set())).toEqual([]);
  });
});
