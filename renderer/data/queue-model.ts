/**
 * The queue in memory: every cached ticket's row, and the rows the current tab, filters and sort show,
 * kept sorted as tickets change — a few changed rows move by binary search, a synced page is merged
 * in one pass — so no change re-sorts the whole queue.
 */
import { PRIORITY_RANK, type Channel, type Priority, type Scope, type Stage, type Status } from '../../shared/domain';
import type { ScopeCounts } from './local-store';
import type { TicketSummary } from './summary';

/** all: every cached ticket; mine: assigned to me; unassigned: the team's queue. */
export type QueueScope = 'all' | 'mine' | 'unassigned';
export type QueueSort = 'lastUpdate' | 'age' | 'priority';

/** Each filter keeps the values chosen; an empty list means "any". */
export interface QueueFilters {
  stage: Stage[];
  status: Status[];
  priority: Priority[];
  scope: Scope[];
  channel: Channel[];
  /** User ids, or "" for unassigned. */
  assignee: string[];
}

export const NO_FILTERS: QueueFilters = { stage: [], status: [], priority: [], scope: [], channel: [], assignee: [] };

export interface QueueArrangement {
  scope: QueueScope;
  filters: QueueFilters;
  sort: QueueSort;
  /** Whose "My tickets" tab this is. */
  userId: string;
}

export function inScope(summary: TicketSummary, scope: QueueScope, userId: string): boolean {
  if (scope === 'mine') return summary.assigneeId === userId;
  if (scope === 'unassigned') return summary.assigneeId === null;
  return true;
}

const matchesOne = <T>(chosen: readonly T[], value: T) => chosen.length === 0 || chosen.includes(value);

export function matchesFilters(summary: TicketSummary, filters: QueueFilters): boolean {
  return (
    matchesOne(filters.stage, summary.stage) &&
    matchesOne(filters.status, summary.status) &&
    (filters.priority.length === 0 || (summary.priority !== null && filters.priority.includes(summary.priority))) &&
    (filters.scope.length === 0 || (summary.scope !== null && filters.scope.includes(summary.scope))) &&
    matchesOne(filters.channel, summary.channel) &&
    matchesOne(filters.assignee, summary.assigneeKey)
  );
}

export function isShown(summary: TicketSummary, { scope, filters, userId }: QueueArrangement): boolean {
  return inScope(summary, scope, userId) && matchesFilters(summary, filters);
}

// ISO instants compare correctly as plain strings, far faster than localeCompare.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Ticket numbers by value: CSS-1000000 comes after CSS-999999. */
const compareNumbers = (a: string, b: string) => a.length - b.length || compare(a, b);
/** Ties are broken by ticket number, then id, so the order is total and a row can be found again. */
const byNumber = (a: TicketSummary, b: TicketSummary) => compareNumbers(a.number, b.number) || compare(a.id, b.id);
const rank = (s: TicketSummary) => (s.priority === null ? 9 : PRIORITY_RANK[s.priority]);

export const SORTS: Record<QueueSort, (a: TicketSummary, b: TicketSummary) => number> = {
  /**
   * Most recently updated first, and among those updated at the same instant the newest ticket: the
   * order of the [updatedAt+number] index read backwards, which gives start-up its first screen.
   */
  lastUpdate: (a, b) => compare(b.updatedAt, a.updatedAt) || byNumber(b, a),
  /** Oldest first: the tickets waiting longest. */
  age: (a, b) => compare(a.createdAt, b.createdAt) || byNumber(a, b),
  /** Critical first; tickets without a priority last. */
  priority: (a, b) => rank(a) - rank(b) || compare(b.updatedAt, a.updatedAt) || byNumber(a, b),
};

/** Below this many changed rows, each moves by binary search; above, the rows are merged in one pass. */
const SPLICE_LIMIT = 64;

export class QueueModel {
  private readonly byId = new Map<string, TicketSummary>();
  private shown: TicketSummary[] = [];
  private tally: ScopeCounts = { all: 0, mine: 0, unassigned: 0 };

  constructor(private arrangement: QueueArrangement) {}

  /** The rows the tab and filters show, in order. Read-only: the model changes it in place. */
  get rows(): readonly TicketSummary[] {
    return this.shown;
  }

  get counts(): ScopeCounts {
    return this.tally;
  }

  get size(): number {
    return this.byId.size;
  }

  get(ticketId: string): TicketSummary | undefined {
    return this.byId.get(ticketId);
  }

  /** A new tab, filter or sort: the one time the shown rows are sorted from scratch. */
  arrange(arrangement: QueueArrangement): void {
    this.arrangement = arrangement;
    this.shown = [...this.byId.values()].filter((s) => isShown(s, arrangement)).sort(SORTS[arrangement.sort]);
  }

  /** Replaces every row at once (the local copy read in full). */
  replaceAll(summaries: Iterable<TicketSummary>): void {
    this.byId.clear();
    this.tally = { all: 0, mine: 0, unassigned: 0 };
    for (const summary of summaries) {
      this.byId.set(summary.id, summary);
      this.count(summary, 1);
    }
    this.arrange(this.arrangement);
  }

  /** The tickets `ticketIds` changed: `summaries` replace their rows; an id without one left the local copy. */
  apply(ticketIds: readonly string[], summaries: readonly TicketSummary[]): void {
    const next = new Map(summaries.map((s) => [s.id, s]));
    const leaving: TicketSummary[] = [];
    const entering: TicketSummary[] = [];
    for (const id of new Set(ticketIds)) {
      const before = this.byId.get(id);
      const after = next.get(id);
      if (before !== undefined) {
        this.count(before, -1);
        if (isShown(before, this.arrangement)) leaving.push(before);
      }
      if (after === undefined) this.byId.delete(id);
      else {
        this.byId.set(id, after);
        this.count(after, 1);
        if (isShown(after, this.arrangement)) entering.push(after);
      }
    }
    const order = SORTS[this.arrangement.sort];
    if (leaving.length + entering.length <= SPLICE_LIMIT) {
      for (const row of leaving) this.shown.splice(this.indexOf(row), 1);
      for (const row of entering) this.shown.splice(this.insertionPoint(row), 0, row);
      return;
    }
    const gone = new Set(leaving);
    const kept = this.shown.filter((row) => !gone.has(row));
    this.shown = merge(kept, entering.sort(order), order);
  }

  private count(summary: TicketSummary, delta: 1 | -1): void {
    this.tally.all += delta;
    if (inScope(summary, 'mine', this.arrangement.userId)) this.tally.mine += delta;
    if (inScope(summary, 'unassigned', this.arrangement.userId)) this.tally.unassigned += delta;
  }

  /** The first position whose row sorts at or after `row`. */
  private insertionPoint(row: TicketSummary): number {
    const order = SORTS[this.arrangement.sort];
    let low = 0;
    let high = this.shown.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (order(this.shown[middle] as TicketSummary, row) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private indexOf(row: TicketSummary): number {
    const at = this.insertionPoint(row);
    if (this.shown[at] !== row) throw new Error(`The queue lost track of ticket ${row.number}.`);
    return at;
  }
}

function merge<T>(a: readonly T[], b: readonly T[], order: (x: T, y: T) => number): T[] {
  const out: T[] = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = order(a[i] as T, b[j] as T) <= 0 ? (a[i++] as T) : (b[j++] as T);
  while (i < a.length) out[k++] = a[i++] as T;
  while (j < b.length) out[k++] = b[j++] as T;
  return out;
}
