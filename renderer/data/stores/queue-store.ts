/** The queue: every cached ticket's summary, updated incrementally as the local store changes, and how it is filtered. */
import { create } from 'zustand';
import type { Channel, Priority, Scope, Stage, Status } from '../../../shared/domain';
import { TicketSearchIndex } from '../search-index';
import type { TicketSummary } from '../summary';

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

interface QueueState {
  byId: Readonly<Record<string, TicketSummary>>;
  loaded: boolean;
  scope: QueueScope;
  filters: QueueFilters;
  query: string;
  sort: QueueSort;
  selectedId: string | null;
  /** Free-text search over the cached tickets; replaced whenever they change, so selectors notice. */
  search: (query: string) => string[];
}

export const initialQueueState: QueueState = {
  byId: {},
  loaded: false,
  scope: 'all',
  filters: NO_FILTERS,
  query: '',
  sort: 'lastUpdate',
  selectedId: null,
  search: () => [],
};

export const useQueueStore = create<QueueState>(() => initialQueueState);

const searchIndex = new TicketSearchIndex();
const search = (query: string) => searchIndex.search(query);

export const queueActions = {
  replaceAll(summaries: readonly TicketSummary[]): void {
    searchIndex.replaceAll(summaries);
    useQueueStore.setState({
      byId: Object.fromEntries(summaries.map((s) => [s.id, s])),
      loaded: true,
      search: (query) => search(query),
    });
  },
  /** The tickets `ticketIds` changed: the summaries given replace theirs; an id without one left the local copy. */
  merge(ticketIds: readonly string[], summaries: readonly TicketSummary[]): void {
    if (ticketIds.length === 0) return;
    const found = new Set(summaries.map((s) => s.id));
    const gone = ticketIds.filter((id) => !found.has(id));
    searchIndex.upsert(summaries);
    searchIndex.remove(gone);
    useQueueStore.setState((state) => {
      const byId = { ...state.byId, ...Object.fromEntries(summaries.map((s) => [s.id, s])) };
      for (const id of gone) delete byId[id];
      return { byId, search: (query) => search(query) };
    });
  },
  setScope(scope: QueueScope): void {
    useQueueStore.setState({ scope });
  },
  setFilter<K extends keyof QueueFilters>(key: K, values: QueueFilters[K]): void {
    useQueueStore.setState((state) => ({ filters: { ...state.filters, [key]: values } }));
  },
  clearFilters(): void {
    useQueueStore.setState({ filters: NO_FILTERS, query: '' });
  },
  setQuery(query: string): void {
    useQueueStore.setState({ query });
  },
  setSort(sort: QueueSort): void {
    useQueueStore.setState({ sort });
  },
  select(selectedId: string | null): void {
    useQueueStore.setState({ selectedId });
  },
  reset(): void {
    searchIndex.replaceAll([]);
    useQueueStore.setState(initialQueueState);
  },
};
