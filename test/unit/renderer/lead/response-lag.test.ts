// Microsoft's response lag: from the start of each wait to Microsoft's response, in time order,
// with unanswered waits counted apart rather than as lags.
import { describe, expect, it } from 'vitest';
import type { FollowUp } from '../../../../shared/domain';
import { lagSummary, responseLags } from '../../../../renderer/features/lead/response-lag';
import { ENGINEER, makeEscalation } from '../../../fixtures/tickets';

let n = 0;
function followUp(at: string, microsoftResponded: boolean): FollowUp {
  n += 1;
  const id = `00000000-0000-4000-8000-${String(900 + n).padStart(12, '0')}`;
  return { id, at, channel: 'email', summary: 'Chased Microsoft.', microsoftResponded, loggedBy: ENGINEER };
}

const opened = '2025-03-05T10:00:00.000Z';

describe('responseLags', () => {
  it('measures from the opening to the first response, then from the first unanswered chase to the next', () => {
    const escalation = makeEscalation({
      openedAt: opened,
      followUps: [
        followUp('2025-03-05T20:00:00.000Z', false), // chased during the first wait: the wait started at the opening
        followUp('2025-03-06T16:00:00.000Z', true), // 30 h after the opening
        followUp('2025-03-07T09:00:00.000Z', false), // a new wait starts here
        followUp('2025-03-07T13:00:00.000Z', false),
        followUp('2025-03-07T11:30:00.000Z', true), // logged late: 2.5 h after the chase at 09:00
      ],
    });
    expect(responseLags(escalation)).toEqual({ lags: [30, 2.5], waitingSince: '2025-03-07T13:00:00.000Z' });
  });

  it('measures nothing for a response with no wait open', () => {
    const escalation = makeEscalation({
      openedAt: opened,
      followUps: [followUp('2025-03-05T14:00:00.000Z', true), followUp('2025-03-06T10:00:00.000Z', true)],
    });
    expect(responseLags(escalation)).toEqual({ lags: [4], waitingSince: null });
  });

  it('is waiting since the opening when Microsoft never answered', () => {
    const escalation = makeEscalation({ openedAt: opened, followUps: [followUp('2025-03-06T10:00:00.000Z', false)] });
    expect(responseLags(escalation)).toEqual({ lags: [], waitingSince: opened });
  });
});

describe('lagSummary', () => {
  it('buckets every measured lag, takes the median, and counts the open waits on Microsoft', () => {
    const answered = makeEscalation({
      openedAt: opened,
      followUps: [
        followUp('2025-03-05T12:00:00.000Z', true), // 2 h
        followUp('2025-03-06T10:00:00.000Z', false),
        followUp('2025-03-07T22:00:00.000Z', true), // 36 h
      ],
    });
    const silent = makeEscalation({ openedAt: opened, followUps: [] });
    const waitingOnUs = makeEscalation({ openedAt: opened, status: 'attention_needed', followUps: [] });
    const slow = makeEscalation({ openedAt: opened, followUps: [followUp('2025-03-15T10:00:00.000Z', true)] }); // 240 h

    expect(lagSummary([answered, silent, waitingOnUs, slow])).toEqual({
      buckets: [
        { label: '< 4 h', count: 1 },
        { label: '4–24 h', count: 0 },
        { label: '1–3 days', count: 1 },
        { label: '3–7 days', count: 0 },
        { label: '> 7 days', count: 1 },
      ],
      responses: 3,
      medianHours: 36,
      waiting: 1,
    });
  });

  it('takes the mean of the middle two for an even count, and has no median without responses', () => {
    const twoLags = makeEscalation({
      openedAt: opened,
      followUps: [
        followUp('2025-03-05T12:00:00.000Z', true),
        followUp('2025-03-05T13:00:00.000Z', false),
        followUp('2025-03-05T19:00:00.000Z', true),
      ],
    });
    expect(lagSummary([twoLags]).medianHours).toBe(4);
    expect(lagSummary([]).medianHours).toBeNull();
  });
});
