// The queue kept sorted per change shows exactly what sorting and counting every row from scratch
// would, whatever the changes, their sizes and the arrangement.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NO_FILTERS,
  QueueModel,
  followUpState,
  inScope,
  isShown,
  orderOf,
  type QueueArrangement,
} from '../../../renderer/data/queue-model';
import { summarize, type SummaryEscalation, type TicketSummary } from '../../../renderer/data/summary';
import { DEFAULT_CADENCE, EscalationStatus, Priority, Severity, Stage } from '../../../shared/domain';
import { ENGINEER, makeTicket } from '../../fixtures/tickets';

const ME = ENGINEER.id;
const ids = Array.from({ length: 40 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

const summaryArb = fc
  .record({
    id: fc.constantFrom(...ids),
    number: fc.integer({ min: 100000, max: 100060 }).map((n) => `CSS-${n}`),
    stage: fc.constantFrom(...Stage.options),
    priority: fc.constantFrom(null, ...Priority.options),
    assignee: fc.constantFrom(null, ENGINEER, { id: 'user-other', name: 'Other' }),
    // Few distinct instants, so ties (broken by number, then id) are common.
    updated: fc.integer({ min: 0, max: 5 }),
    created: fc.integer({ min: 0, max: 5 }),
    // Escalations opened and chased on a few days, so due times tie and fall either side of `now`.
    escalation: fc.option(
      fc.record({
        severity: fc.constantFrom(...Severity.options),
        status: fc.constantFrom(...EscalationStatus.options),
        openedAt: fc.integer({ min: 1, max: 4 }).map((day) => `2025-03-0${day}T09:00:00.000Z`),
        lastFollowUpAt: fc.option(fc.integer({ min: 4, max: 6 }).map((day) => `2025-03-0${day}T09:00:00.000Z`)),
        lastResponseAt: fc.option(fc.integer({ min: 4, max: 6 }).map((day) => `2025-03-0${day}T09:00:00.000Z`)),
      }),
    ),
  })
  .map(({ id, number, stage, priority, assignee, updated, created, escalation }): TicketSummary => ({
    ...summarize(
      makeTicket({
        id,
        number,
        stage,
        priority,
        assignee,
        updatedAt: `2025-03-0${updated + 1}T09:00:00.000Z`,
        createdAt: `2025-02-0${created + 1}T09:00:00.000Z`,
      }),
      0,
    ),
    escalation: escalation satisfies SummaryEscalation | null,
  }));

const arrangementArb: fc.Arbitrary<QueueArrangement> = fc.record({
  scope: fc.constantFrom('all', 'mine', 'unassigned'),
  filters: fc.constantFrom(
    NO_FILTERS,
    { ...NO_FILTERS, stage: ['investigation', 'escalated'] },
    { ...NO_FILTERS, priority: ['critical'], assignee: [''] },
    { ...NO_FILTERS, stage: ['closed'] },
    { ...NO_FILTERS, followUp: ['overdue'] },
    { ...NO_FILTERS, followUp: ['overdue', 'silent'] },
  ),
  sort: fc.constantFrom('lastUpdate', 'age', 'priority', 'followUpDue'),
  userId: fc.constant(ME),
  showClosed: fc.boolean(),
  cadence: fc.constantFrom(DEFAULT_CADENCE, { ...DEFAULT_CADENCE, critical: 1, microsoftSilentAfterHours: 24 }),
  now: fc.integer({ min: 2, max: 8 }).map((day) => new Date(`2025-03-0${day}T10:00:00.000Z`)),
});

type Step =
  { kind: 'apply'; changed: TicketSummary[]; removed: string[] } | { kind: 'arrange'; arrangement: QueueArrangement };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  // Up to 100 rows at once: past the splice limit, so the merge is exercised as well.
  fc.record({
    kind: fc.constant('apply' as const),
    changed: fc.array(summaryArb, { maxLength: 100 }),
    removed: fc.array(fc.constantFrom(...ids), { maxLength: 5 }),
  }),
  fc.record({ kind: fc.constant('arrange' as const), arrangement: arrangementArb }),
);

function expected(rows: ReadonlyMap<string, TicketSummary>, arrangement: QueueArrangement) {
  const all = [...rows.values()];
  const tabs = (of: TicketSummary[]) => ({
    all: of.length,
    mine: of.filter((s) => inScope(s, 'mine', ME)).length,
    unassigned: of.filter((s) => inScope(s, 'unassigned', ME)).length,
  });
  return {
    rows: all
      .filter((s) => isShown(s, arrangement))
      .sort(orderOf(arrangement))
      .map((s) => s.number + s.id),
    counts: { all: tabs(all), open: tabs(all.filter((s) => s.stage !== 'closed')) },
    myEscalations: all
      .filter((s) => s.stage === 'escalated' && inScope(s, 'mine', ME))
      .map((s) => s.id)
      .sort(),
  };
}

describe('QueueModel', () => {
  it("keeps the rows sorted, the counts and the user's escalations right through any changes", () => {
    fc.assert(
      fc.property(
        arrangementArb,
        fc.array(summaryArb),
        fc.nat(),
        fc.array(stepArb, { maxLength: 25 }),
        (start, rows, split, steps) => {
          // Read in two chunks, each ticket in one, then arranged.
          const model = new QueueModel(start);
          const truth = new Map(rows.map((s) => [s.id, s]));
          const read = [...truth.values()];
          const at = split % (read.length + 1);
          model.add(read.slice(0, at));
          model.add(read.slice(at));
          model.arrange(start);
          const matches = (arrangement: QueueArrangement) => {
            const want = expected(truth, arrangement);
            expect(model.rows.map((s) => s.number + s.id)).toEqual(want.rows);
            expect(model.counts).toEqual(want.counts);
            expect([...model.myEscalations].map((s) => s.id).sort()).toEqual(want.myEscalations);
          };
          matches(start);
          let arrangement = start;
          for (const step of steps) {
            if (step.kind === 'arrange') {
              arrangement = step.arrangement;
              model.arrange(arrangement);
            } else {
              // The last version of a ticket in a batch is the one that counts, as in a pulled page.
              const latest = new Map(step.changed.map((s) => [s.id, s]));
              const removed = step.removed.filter((id) => !latest.has(id));
              for (const id of removed) truth.delete(id);
              for (const [id, s] of latest) truth.set(id, s);
              model.apply([...latest.keys(), ...removed], [...latest.values()]);
            }
            matches(arrangement);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the queue of open work', () => {
  const at = (day: number) => new Date(`2025-03-0${day}T10:00:00.000Z`);
  const row = (overrides: Partial<TicketSummary>): TicketSummary => ({ ...summarize(makeTicket(), 0), ...overrides });
  const arrangement = (overrides: Partial<QueueArrangement>): QueueArrangement => ({
    scope: 'all',
    filters: NO_FILTERS,
    sort: 'lastUpdate',
    userId: ME,
    showClosed: false,
    cadence: DEFAULT_CADENCE,
    now: at(5),
    ...overrides,
  });
  const chased = (lastFollowUpAt: string | null, lastResponseAt: string | null): SummaryEscalation => ({
    severity: 'moderate',
    status: 'open',
    openedAt: '2025-03-01T09:00:00.000Z',
    lastFollowUpAt,
    lastResponseAt,
  });

  it('hides closed tickets until asked for, or until the stage filter names them', () => {
    const closed = row({ stage: 'closed' });
    expect(isShown(closed, arrangement({}))).toBe(false);
    expect(isShown(closed, arrangement({ showClosed: true }))).toBe(true);
    expect(isShown(closed, arrangement({ filters: { ...NO_FILTERS, stage: ['closed'] } }))).toBe(true);
  });

  it('finds a follow-up past its due time first, then a Microsoft silent for longer than the cadence allows', () => {
    // Severity B: chased every 24 hours; Microsoft silent after 72 hours without an answer.
    const overdue = row({ escalation: chased('2025-03-04T09:00:00.000Z', '2025-03-04T09:00:00.000Z') });
    const silent = row({ escalation: chased('2025-03-05T09:00:00.000Z', null) });
    const fine = row({ escalation: chased('2025-03-05T09:00:00.000Z', '2025-03-04T09:00:00.000Z') });
    expect([overdue, silent, fine].map((r) => followUpState(r, DEFAULT_CADENCE, at(5)))).toEqual([
      'overdue',
      'silent',
      null,
    ]);
    // Due exactly now is on time.
    expect(followUpState(overdue, DEFAULT_CADENCE, new Date('2025-03-05T09:00:00.000Z'))).toBeNull();
    // Microsoft's closed case asks for nothing.
    expect(
      followUpState(row({ escalation: { ...chased(null, null), status: 'closed' } }), DEFAULT_CADENCE, at(8)),
    ).toBe(null);
  });

  it('sorts by the next follow-up due, the soonest first and tickets without an escalation last', () => {
    const later = row({ id: ids[1], number: 'CSS-100001', escalation: chased('2025-03-05T09:00:00.000Z', null) });
    const sooner = row({ id: ids[2], number: 'CSS-100002', escalation: chased('2025-03-03T09:00:00.000Z', null) });
    const none = row({ id: ids[3], number: 'CSS-100003', updatedAt: '2025-03-09T09:00:00.000Z' });
    const model = new QueueModel(arrangement({ sort: 'followUpDue' }));
    model.add([none, later, sooner]);
    model.arrange(arrangement({ sort: 'followUpDue' }));
    expect(model.rows.map((r) => r.number)).toEqual(['CSS-100002', 'CSS-100001', 'CSS-100003']);
  });
});
