// The queue kept sorted per change shows exactly what sorting and counting every row from scratch
// would, whatever the changes, their sizes and the arrangement.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NO_FILTERS,
  QueueModel,
  SORTS,
  inScope,
  isShown,
  type QueueArrangement,
} from '../../../renderer/data/queue-model';
import { summarize, type TicketSummary } from '../../../renderer/data/summary';
import { Priority, Stage } from '../../../shared/domain';
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
  })
  .map(({ id, number, stage, priority, assignee, updated, created }): TicketSummary =>
    summarize(
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
  );

const arrangementArb: fc.Arbitrary<QueueArrangement> = fc.record({
  scope: fc.constantFrom('all', 'mine', 'unassigned'),
  filters: fc.constantFrom(
    NO_FILTERS,
    { ...NO_FILTERS, stage: ['investigation', 'escalated'] },
    { ...NO_FILTERS, priority: ['critical'], assignee: [''] },
  ),
  sort: fc.constantFrom('lastUpdate', 'age', 'priority'),
  userId: fc.constant(ME),
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
  return {
    rows: all
      .filter((s) => isShown(s, arrangement))
      .sort(SORTS[arrangement.sort])
      .map((s) => s.number + s.id),
    counts: {
      all: all.length,
      mine: all.filter((s) => inScope(s, 'mine', ME)).length,
      unassigned: all.filter((s) => inScope(s, 'unassigned', ME)).length,
    },
  };
}

describe('QueueModel', () => {
  it('keeps the rows sorted and the counts right through any changes', () => {
    fc.assert(
      fc.property(arrangementArb, fc.array(summaryArb), fc.array(stepArb, { maxLength: 25 }), (start, rows, steps) => {
        const model = new QueueModel(start);
        const truth = new Map(rows.map((s) => [s.id, s]));
        model.replaceAll(truth.values());
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
          const want = expected(truth, arrangement);
          expect(model.rows.map((s) => s.number + s.id)).toEqual(want.rows);
          expect(model.counts).toEqual(want.counts);
        }
      }),
      { numRuns: 300 },
    );
  });
});
