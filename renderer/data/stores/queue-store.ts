/** The queue: every cached ticket's summary, updated incrementally as the local store changes. */
import { create } from 'zustand';
import type { TicketSummary } from '../summary';

/** all: every cached ticket; mine: assigned to me; unassigned: the team's queue. */
export type QueueScope = 'all' | 'mine' | 'unassigned';

interface QueueState {
  byId: Readonly<Record<string, TicketSummary>>;
  loaded: boolean;
  scope: QueueScope;
  selectedId: string | null;
}

export const initialQueueState: QueueState = { byId: {}, loaded: false, scope: 'all', selectedId: null };

export const useQueueStore = create<QueueState>(() => initialQueueState);

export const queueActions = {
  replaceAll(summaries: readonly TicketSummary[]): void {
    useQueueStore.setState({ byId: Object.fromEntries(summaries.map((s) => [s.id, s])), loaded: true });
  },
  merge(summaries: readonly TicketSummary[]): void {
    if (summaries.length === 0) return;
    useQueueStore.setState((state) => ({
      byId: { ...state.byId, ...Object.fromEntries(summaries.map((s) => [s.id, s])) },
    }));
  },
  setScope(scope: QueueScope): void {
    useQueueStore.setState({ scope });
  },
  select(selectedId: string | null): void {
    useQueueStore.setState({ selectedId });
  },
  reset(): void {
    useQueueStore.setState(initialQueueState);
  },
};
