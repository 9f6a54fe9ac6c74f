// The tray's counts: the user's tickets not closed (as the queue counts them), and their overdue follow-ups.
import 'fake-indexeddb/auto';
import { addHours, subHours } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { desktopCounts } from '../../../renderer/data/desktop-counts';
import { LocalDb } from '../../../renderer/data/local-db';
import { LocalStore } from '../../../renderer/data/local-store';
import { DEFAULT_ARRANGEMENT, QueueModel } from '../../../renderer/data/queue-model';
import { DEFAULT_CADENCE, type Stage, type Ticket } from '../../../shared/domain';
import { COLLEAGUE, ENGINEER, FIXED_NOW, makeEscalation, makeTicketInStage } from '../../fixtures/tickets';
import { allSummaries } from '../../support/local-copy';

const OPENED = new Date('2025-03-05T10:00:00.000Z');
/** An hour after a moderate escalation opened at OPENED and never followed up falls due. */
const NOW = addHours(OPENED, DEFAULT_CADENCE.moderate + 1);

let n = 0;
const ticket = (stage: Stage, overrides: Partial<Ticket> = {}) => {
  n += 1;
  return makeTicketInStage(stage, {
    id: `00000000-0000-4000-8000-${String(700 + n).padStart(12, '0')}`,
    number: `CSS-${300000 + n}`,
    ...overrides,
  });
};
const escalatedAt = (openedAt: Date) =>
  ticket('escalated', { escalation: makeEscalation({ openedAt: openedAt.toISOString(), followUps: [] }) });

describe('desktopCounts', () => {
  it("counts the user's tickets not closed, and the follow-ups overdue among them", async () => {
    const store = new LocalStore(new LocalDb('desktop-counts'), { ...ENGINEER, role: 'engineer' });
    await store.applyPullPage(
      [
        ticket('investigation'),
        escalatedAt(OPENED),
        escalatedAt(subHours(NOW, 1)),
        ticket('closed'),
        ticket('investigation', { assignee: COLLEAGUE }),
        { ...escalatedAt(OPENED), assignee: COLLEAGUE },
      ],
      '6',
      FIXED_NOW,
    );
    const queue = new QueueModel({ ...DEFAULT_ARRANGEMENT, userId: ENGINEER.id, now: NOW });
    queue.add(await allSummaries(store));
    expect(desktopCounts(queue.myEscalations, DEFAULT_CADENCE, NOW, queue.counts.open.mine)).toEqual({
      openTickets: 3,
      overdueFollowUps: 1,
    });
    store.db.close();
  });
});
