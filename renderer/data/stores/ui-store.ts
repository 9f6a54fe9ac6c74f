/** What the console's main area shows: the queue beside the open ticket, or (for a team lead) the escalations list. */
import { create } from 'zustand';

export type ConsoleView = 'queue' | 'escalations';

export const useUiStore = create<{ view: ConsoleView }>(() => ({ view: 'queue' }));

export const uiActions = {
  showView(view: ConsoleView): void {
    useUiStore.setState({ view });
  },
};
