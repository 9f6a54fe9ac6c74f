/**
 * The queue in memory: every cached ticket's row, and the rows the current tab, filters and sort show,
 * kept sorted as tickets change — a few changed rows move by binary search, a synced page is merged
 * in one pass — so no change re-sorts the whole queue.
 */
import {
  DEFAULT_CADENCE,
  PRIORITY_RANK,
  escalationDeadlines,
  isPast,
  type Channel,
  type FollowUpCadence,
  type Priority,
  type Scope,
  type Stage,
  type Status,
} from '../../shared/domain';
import type { QueueCounts, ScopeCounts } from './queue-tally';
import type { TicketSummary } from './summary';

/** all: every cached ticket; mine: assigned to me; unassigned: the team's queue. */
export type QueueScope = 'all' | 'mine' | 'unassigned';
export type QueueSort = 'lastUpdate' | 'age' | 'priority' | 'followUpDue';

/** What an escalated ticket asks for now: a follow-up past its due time, or Microsoft silent too long. */
export type FollowUpState = 'overdue' | 'silent';

/** The row's follow-up state at `now` under the team's cadence; null when nothing is due. */
export function followUpState(summary: TicketSummary, cadence: FollowUpCadence, now: Date): FollowUpState | null {
  if (summary.escalation === null) return null;
  const { followUpDue, silentAt } = escalationDeadlines(summary.escalation, cadence);
  if (isPast(followUpDue, now)) return 'overdue';
  return isPast(silentAt, now) ? 'silent' : null;
}

/** Each filter keeps the values chosen; an empty list means "any". */
export interface QueueFilters {
  stage: Stage[];
  status: Status[];
  priority: Priority[];
  scope: Scope[];
  channel: Channel[];
  /** User ids, or "" for unassigned. */
  assignee: string[];
  followUp: FollowUpState[];
}

export const NO_FILTERS: QueueFilters = {
  stage: [],
  status: [],
  priority: [],
  scope: [],
  channel: [],
  assignee: [],
  followUp: [],
};

export interface QueueArrangement {
  scope: QueueScope;
  filters: QueueFilters;
  sort: QueueSort;
  /** Whose "My tickets" tab this is. */
  userId: string;
  /** Closed tickets are history: shown only when asked for, or when the stage filter names them. */
  showClosed: boolean;
  /** The team's cadence and the minute the follow-up filter is judged at. */
  cadence: FollowUpCadence;
  now: Date;
}

export const DEFAULT_ARRANGEMENT: Omit<QueueArrangement, 'userId' | 'now'> = {
  scope: 'all',
  filters: NO_FILTERS,
  sort: 'lastUpdate',
  showClosed: false,
  cadence: DEFAULT_CADENCE,
};

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

export function isShown(summary: TicketSummary, arrangement: QueueArrangement): boolean {
  const { scope, filters, userId, showClosed, cadence, now } = arrangement;
  if (summary.stage === 'closed' && !showClosed && !filters.stage.includes('closed')) return false;
  if (!inScope(summary, scope, userId) || !matchesFilters(summary, filters)) return false;
  if (filters.followUp.length === 0) return true;
  const state = followUpState(summary, cadence, now);
  return state !== null && filters.followUp.includes(state);
}

/** Whether the rows shown depend on the minute: the follow-up filter is judged at `now`. */
export const dependsOnTime = (arrangement: QueueArrangement): boolean => arrangement.filters.followUp.length > 0;

// ISO instants compare correctly as plain strings, far faster than localeCompare.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Ticket numbers by value: CSS-1000000 comes after CSS-999999. */
const compareNumbers = (a: string, b: string) => a.length - b.length || compare(a, b);
/** Ties are broken by ticket number, then id, so the order is total and a row can be found again. */
const byNumber = (a: TicketSummary, b: TicketSummary) => compareNumbers(a.number, b.number) || compare(a.id, b.id);
const rank = (s: TicketSummary) => (s.priority === null ? 9 : PRIORITY_RANK[s.priority]);

type RowOrder = (a: TicketSummary, b: TicketSummary) => number;

export const SORTS: Record<Exclude<QueueSort, 'followUpDue'>, RowOrder> = {
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

/**
 * The arrangement's order. Follow-up due: escalations whose next follow-up comes soonest first (an
 * overdue one before any other), then the rest by last update; each row's due time is worked out once
 * per cadence, not per comparison.
 */
export function orderOf({ sort, cadence }: Pick<QueueArrangement, 'sort' | 'cadence'>): RowOrder {
  if (sort !== 'followUpDue') return SORTS[sort];
  const due = new WeakMap<TicketSummary, number>();
  const dueOf = (row: TicketSummary) => {
    let at = due.get(row);
    if (at === undefined) {
      const deadline = row.escalation === null ? null : escalationDeadlines(row.escalation, cadence).followUpDue;
      at = deadline === null ? Infinity : deadline.getTime();
      due.set(row, at);
    }
    return at;
  };
  return (a, b) => {
    const dueA = dueOf(a);
    const dueB = dueOf(b);
    return dueA < dueB ? -1 : dueA > dueB ? 1 : SORTS.lastUpdate(a, b);
  };
}

/** Below this many changed rows, each moves by binary search; above, the rows are merged in one pass. */
const SPLICE_LIMIT = 64;

export class QueueModel {
  private readonly byId = new Map<string, TicketSummary>();
  private shown: TicketSummary[] = [];
  private tally: QueueCounts = emptyCounts();
  /** The user's escalated tickets: what the tray and the follow-up alerts read each minute. */
  private readonly escalations = new Map<string, TicketSummary>();
  private order: RowOrder;

  constructor(private arrangement: QueueArrangement) {
    this.order = orderOf(arrangement);
  }

  /** The rows the tab and filters show, in order. Read-only: the model changes it in place. */
  get rows(): readonly TicketSummary[] {
    return this.shown;
  }

  /** Every row's, and the open tickets' (what the tabs count while closed tickets are hidden). */
  get counts(): QueueCounts {
    return this.tally;
  }

  /** The user's escalated rows, kept as rows change: their follow-ups are judged without a walk of every row. */
  get myEscalations(): Iterable<TicketSummary> {
    return this.escalations.values();
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
    this.order = orderOf(arrangement);
    this.shown = [...this.byId.values()].filter((s) => isShown(s, arrangement)).sort(this.order);
  }

  /**
   * Rows of the local copy as it is read, a chunk at a time, each ticket in one chunk only: kept and
   * counted, and shown once arranged. Each chunk goes in sorted: the rows are then runs in order, which
   * the arranging sort merges instead of sorting them from scratch, in the one task that shows them all.
   */
  add(summaries: readonly TicketSummary[]): void {
    for (const summary of [...summaries].sort(this.order)) {
      this.byId.set(summary.id, summary);
      this.count(summary, 1);
    }
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
    const order = this.order;
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
    if (summary.stage === 'escalated' && inScope(summary, 'mine', this.arrangement.userId)) {
      if (delta > 0) this.escalations.set(summary.id, summary);
      else this.escalations.delete(summary.id);
    }
    const tallies = summary.stage === 'closed' ? [this.tally.all] : [this.tally.all, this.tally.open];
    for (const tally of tallies) {
      tally.all += delta;
      if (inScope(summary, 'mine', this.arrangement.userId)) tally.mine += delta;
      if (inScope(summary, 'unassigned', this.arrangement.userId)) tally.unassigned += delta;
    }
  }

  /** The first position whose row sorts at or after `row`. */
  private insertionPoint(row: TicketSummary): number {
    const { order } = this;
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

const noTickets = (): ScopeCounts => ({ all: 0, mine: 0, unassigned: 0 });
const emptyCounts = (): QueueCounts => ({ all: noTickets(), open: noTickets() });

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
