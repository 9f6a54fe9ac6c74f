/**
 * What the console's main area shows: the queue beside the open ticket, the engineer's agenda of remote
 * sessions, or (for a team lead) the escalations list.
 */
import { create } from 'zustand';

export type ConsoleView = 'queue' | 'agenda' | 'escalations';

export const useUiStore = create<{ view: ConsoleView }>(() => ({ view: 'queue' }));

export const uiActions = {
  showView(view: ConsoleView): void {
    useUiStore.setState({ view });
  },
};
