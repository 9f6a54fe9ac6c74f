/** The team lead's escalations list: the escalated tickets as the lead sees them, and how the list is arranged. */
import { create } from 'zustand';
import { DEFAULT_LEAD_LAYOUT, type LeadLayout, type SavedLeadView } from '../../../shared/bridge';
import type { Ticket } from '../../../shared/domain';
import { useSessionStore } from './session-store';

interface LeadState {
  tickets: readonly Ticket[];
  loaded: boolean;
  /** Why the local copy could not be read, in words. */
  error: string | null;
  layout: LeadLayout;
  /** The saved view the layout came from, until the lead changes it. */
  activeViewId: string | null;
  chartsShown: boolean;
  /** Where the list was scrolled to when the lead left it (to open a ticket, say): it comes back there. */
  scrollTop: number;
}

export const initialLeadState: LeadState = {
  tickets: [],
  loaded: false,
  error: null,
  layout: DEFAULT_LEAD_LAYOUT,
  activeViewId: null,
  chartsShown: true,
  scrollTop: 0,
};

export const useLeadStore = create<LeadState>(() => initialLeadState);

// The arrangement outlives switching tabs, but not the person: another sign-in starts afresh.
useSessionStore.subscribe((state, previous) => {
  if (state.session?.user.id !== previous.session?.user.id) useLeadStore.setState(initialLeadState);
});

type Filters = LeadLayout['filters'];

export const leadActions = {
  showTickets(tickets: readonly Ticket[]): void {
    useLeadStore.setState({ tickets, loaded: true, error: null });
  },
  showError(error: string): void {
    useLeadStore.setState({ error, loaded: true });
  },
  /** Forgets the tickets when the list closes; the layout stays for next time. */
  stopWatching(): void {
    useLeadStore.setState({ tickets: [], loaded: false, error: null });
  },
  setSort(sort: LeadLayout['sort']): void {
    useLeadStore.setState((s) => ({ layout: { ...s.layout, sort }, activeViewId: null }));
  },
  setFilter<K extends keyof Filters>(key: K, value: Filters[K]): void {
    useLeadStore.setState((s) => ({
      layout: { ...s.layout, filters: { ...s.layout.filters, [key]: value } },
      activeViewId: null,
    }));
  },
  /** A chart's bar clicked: its severity or engineer joins the filter, or leaves it if it was there. */
  toggleFilter(key: 'severities' | 'engineers', value: string): void {
    const chosen: readonly string[] = useLeadStore.getState().layout.filters[key];
    const next = chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value];
    leadActions.setFilter(key, next);
  },
  showCharts(chartsShown: boolean): void {
    useLeadStore.setState({ chartsShown });
  },
  keepScroll(scrollTop: number): void {
    useLeadStore.setState({ scrollTop });
  },
  clearFilters(): void {
    useLeadStore.setState((s) => ({
      layout: { ...s.layout, filters: DEFAULT_LEAD_LAYOUT.filters },
      activeViewId: null,
    }));
  },
  setGroupBy(groupBy: LeadLayout['groupBy']): void {
    useLeadStore.setState((s) => ({ layout: { ...s.layout, groupBy }, activeViewId: null }));
  },
  applyView({ id, sort, filters, groupBy }: SavedLeadView): void {
    useLeadStore.setState({ layout: { sort, filters, groupBy }, activeViewId: id });
  },
  /** After saving: the layout on screen is now that view. */
  markActive(activeViewId: string | null): void {
    useLeadStore.setState({ activeViewId });
  },
};
