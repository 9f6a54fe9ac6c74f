/**
 * The queue: how it is arranged (tab, filters, search, sort), the rows it shows, and the ticket open.
 * The rows live in a QueueModel updated per changed ticket; the store carries a version that moves
 * whenever they do, so readers re-render without the rows ever being copied.
 */
import { useDeferredValue, useMemo } from 'react';
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { FollowUpCadence } from '../../../shared/domain';
import type { QueueCounts } from '../queue-tally';
import {
  DEFAULT_ARRANGEMENT,
  NO_FILTERS,
  QueueModel,
  SORTS,
  dependsOnTime,
  isShown,
  type QueueArrangement,
  type QueueFilters,
  type QueueScope,
  type QueueSort,
} from '../queue-model';
import type { SearchResult } from '../search/search-protocol';
import type { TicketSummary } from '../summary';

export {
  NO_FILTERS,
  followUpState,
  type FollowUpState,
  type QueueFilters,
  type QueueScope,
  type QueueSort,
} from '../queue-model';

/**
 * empty: nothing read yet; firstScreen: the most recent rows, read straight from their index while the
 * rest of the local copy is read in the background; complete: every row is in memory.
 */
export type QueuePhase = 'empty' | 'firstScreen' | 'complete';

interface QueueState {
  phase: QueuePhase;
  /** Moves whenever the rows shown may have changed. */
  version: number;
  /** What the first screen shows until the whole local copy is read. */
  firstScreen: readonly TicketSummary[];
  counts: QueueCounts;
  userId: string;
  scope: QueueScope;
  filters: QueueFilters;
  query: string;
  sort: QueueSort;
  showClosed: boolean;
  /** The team's follow-up cadence, which the follow-up filter, sort and badges read. */
  cadence: FollowUpCadence;
  /** The minute the follow-up filter was last judged at. */
  now: Date;
  /** The search's answer for `search.query`, which may trail `query` by a keystroke or two. */
  search: (SearchResult & { query: string }) | null;
  selectedId: string | null;
  /** Tickets that arrived in the user's queue while the console was open, highlighted until opened. */
  fresh: ReadonlySet<string>;
}

const NO_TICKETS = { all: 0, mine: 0, unassigned: 0 };

export const initialQueueState: QueueState = {
  ...DEFAULT_ARRANGEMENT,
  phase: 'empty',
  version: 0,
  firstScreen: [],
  counts: { all: NO_TICKETS, open: NO_TICKETS },
  userId: '',
  query: '',
  now: new Date(0),
  search: null,
  selectedId: null,
  fresh: new Set(),
};

/** How many rows start-up reads before the rest: more than any window shows. */
export const FIRST_SCREEN_ROWS = 100;

export const useQueueStore = create<QueueState>(() => initialQueueState);

const arrangementOf = (s: QueueState): QueueArrangement => ({
  scope: s.scope,
  filters: s.filters,
  sort: s.sort,
  userId: s.userId,
  showClosed: s.showClosed,
  cadence: s.cadence,
  now: s.now,
});

let model = new QueueModel(arrangementOf(initialQueueState));

const countsOfModel = (): QueueCounts => ({ all: { ...model.counts.all }, open: { ...model.counts.open } });
let searcher: ((query: string) => Promise<SearchResult>) | null = null;
let searchCall = 0;
/** The model the whole local copy is read into (addRows) until showAll makes it the queue's. */
let reading: QueueModel | null = null;
/** Changes heard while the rows were being read: laid over them once read, as a row read early may be older. */
let lateChanges: { ticketIds: readonly string[]; summaries: readonly TicketSummary[] }[] = [];

/** Re-sorts after the tab, a filter or the sort changed. */
function rearrange(): void {
  model.arrange(arrangementOf(useQueueStore.getState()));
  useQueueStore.setState((s) => ({ version: s.version + 1 }));
}

/**
 * Runs `work` once the frame being prepared has been painted. A keystroke's frame shows the letter
 * typed; the search it starts, and the rows that answer it, come in the frames after.
 */
function afterNextPaint(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work));
}

/** Search `call` (numbered by `++searchCall`), unless a later one has been asked for meanwhile. */
async function runSearch(query: string, call: number): Promise<void> {
  if (call !== searchCall) return;
  if (query.trim() === '' || searcher === null) {
    useQueueStore.setState({ search: null });
    return;
  }
  try {
    const result = await searcher(query);
    if (call === searchCall) useQueueStore.setState({ search: { ...result, query } });
  } catch (error) {
    console.warn(`search: ${String(error)}`);
  }
}

export const queueSelectors = {
  /** The user's escalated rows once every row is read (null before): what the tray and the follow-up alerts judge. */
  myEscalations(s: QueueState): readonly TicketSummary[] | null {
    return s.phase === 'complete' ? [...model.myEscalations] : null;
  },
  /** The rows on screen: the search's hits in rank order, else the tab's open rows (all with "Show closed"), sorted. */
  rows(s: QueueState): readonly TicketSummary[] {
    const arrangement = arrangementOf(s);
    if (s.search !== null) {
      // A search finds closed tickets too: looking a ticket up by its number is not browsing open work.
      const found = { ...arrangement, showClosed: true };
      return s.search.ids.flatMap((id) => {
        const row = model.get(id);
        return row !== undefined && isShown(row, found) ? [row] : [];
      });
    }
    if (s.phase === 'complete') return model.rows;
    return s.firstScreen.filter((row) => isShown(row, arrangement));
  },
};

export const queueActions = {
  /** A new session: whose tabs these are, and where searches go. */
  start(userId: string, search: (query: string) => Promise<SearchResult>, now: Date): void {
    searcher = search;
    reading = null;
    lateChanges = [];
    useQueueStore.setState({ ...initialQueueState, userId, now });
    model = new QueueModel(arrangementOf(useQueueStore.getState()));
  },
  showFirstScreen(rows: readonly TicketSummary[], counts: QueueCounts): void {
    useQueueStore.setState((s) => ({ phase: 'firstScreen', firstScreen: rows, counts, version: s.version + 1 }));
  },
  /** Rows of the whole local copy, read a chunk at a time after the first screen (see showAll). */
  addRows(summaries: readonly TicketSummary[]): void {
    reading ??= new QueueModel(arrangementOf(useQueueStore.getState()));
    reading.add(summaries);
  },
  /** Every row has been read (addRows): from now on the model answers. */
  showAll(): void {
    const read = reading ?? new QueueModel(arrangementOf(useQueueStore.getState()));
    reading = null;
    read.arrange(arrangementOf(useQueueStore.getState()));
    model = read;
    for (const change of lateChanges) model.apply(change.ticketIds, change.summaries);
    lateChanges = [];
    useQueueStore.setState((s) => ({
      phase: 'complete',
      firstScreen: [],
      counts: countsOfModel(),
      version: s.version + 1,
    }));
  },
  /** The tickets `ticketIds` changed: the summaries given replace theirs; an id without one left the local copy. */
  merge(ticketIds: readonly string[], summaries: readonly TicketSummary[]): void {
    if (ticketIds.length === 0) return;
    const { phase } = useQueueStore.getState();
    if (phase === 'complete') {
      model.apply(ticketIds, summaries);
      useQueueStore.setState((s) => ({ counts: countsOfModel(), version: s.version + 1 }));
      return;
    }
    // Before every row is read, the first screen takes the change and keeps its length.
    lateChanges.push({ ticketIds, summaries });
    const changed = new Set(ticketIds);
    useQueueStore.setState((s) => ({
      firstScreen: [...s.firstScreen.filter((row) => !changed.has(row.id)), ...summaries]
        .sort(SORTS.lastUpdate)
        .slice(0, Math.max(s.firstScreen.length, FIRST_SCREEN_ROWS)),
      version: s.version + 1,
    }));
  },
  /** The search index changed: ask again for what is typed. */
  refreshSearch(): void {
    void runSearch(useQueueStore.getState().query, ++searchCall);
  },
  setScope(scope: QueueScope): void {
    useQueueStore.setState({ scope });
    rearrange();
  },
  setFilter<K extends keyof QueueFilters>(key: K, values: QueueFilters[K]): void {
    useQueueStore.setState((state) => ({ filters: { ...state.filters, [key]: values } }));
    rearrange();
  },
  clearFilters(): void {
    useQueueStore.setState({ filters: NO_FILTERS, query: '', search: null });
    searchCall += 1;
    rearrange();
  },
  setQuery(query: string): void {
    useQueueStore.setState({ query });
    // Numbered now: a later keystroke, or a cleared filter, makes this search stale before it starts.
    const call = ++searchCall;
    afterNextPaint(() => void runSearch(query, call));
  },
  setSort(sort: QueueSort): void {
    useQueueStore.setState({ sort });
    rearrange();
  },
  setShowClosed(showClosed: boolean): void {
    useQueueStore.setState({ showClosed });
    rearrange();
  },
  /** The team's policy arrived or changed: due times move with it. */
  setCadence(cadence: FollowUpCadence): void {
    // Every sync reads the team again: only a changed policy re-sorts the rows, not a fresh copy of the same one.
    const current = useQueueStore.getState().cadence;
    if ((Object.keys(cadence) as (keyof FollowUpCadence)[]).every((key) => current[key] === cadence[key])) return;
    useQueueStore.setState({ cadence });
    rearrange();
  },
  /** A new minute: the follow-up filter is judged again (the rows stay put otherwise). */
  tick(now: Date): void {
    useQueueStore.setState({ now });
    if (dependsOnTime(arrangementOf(useQueueStore.getState()))) rearrange();
  },
  select(selectedId: string | null): void {
    useQueueStore.setState((s) => {
      if (selectedId === null || !s.fresh.has(selectedId)) return { selectedId };
      const fresh = new Set(s.fresh);
      fresh.delete(selectedId);
      return { selectedId, fresh };
    });
  },
  markNew(ticketIds: readonly string[]): void {
    if (ticketIds.length === 0) return;
    useQueueStore.setState((s) => ({ fresh: new Set([...s.fresh, ...ticketIds]) }));
  },
  reset(): void {
    searcher = null;
    reading = null;
    lateChanges = [];
    searchCall += 1;
    useQueueStore.setState(initialQueueState);
    model = new QueueModel(arrangementOf(initialQueueState));
  },
};

/**
 * The rows on screen, read afresh whenever they may have changed (and only then). Deferred: new rows
 * (a search's answer, a synced page) are gathered and rendered in the background, interruptibly, so
 * typing and scrolling never wait behind them.
 */
export function useQueueRows(): readonly TicketSummary[] {
  const changes = useDeferredValue(useQueueStore(useShallow((s) => ({ version: s.version, search: s.search }))));
  return useMemo(() => queueSelectors.rows({ ...useQueueStore.getState(), ...changes }), [changes]);
}

/** A ticket's number for a message, or null when it is not in the local copy. */
export function useTicketNumber(ticketId: string): string | null {
  const changes = useQueueStore(useShallow((s) => ({ version: s.version })));
  return useMemo(() => (changes.version < 0 ? null : (model.get(ticketId)?.number ?? null)), [changes, ticketId]);
}
