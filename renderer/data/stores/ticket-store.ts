/** The open ticket as the user sees it (server record plus pending changes). */
import { create } from 'zustand';
import type { TicketView } from '../rebase';

interface TicketState {
  view: TicketView | null;
  /** Why the ticket could not be shown, in words. */
  error: string | null;
}

export const initialTicketState: TicketState = { view: null, error: null };

export const useTicketStore = create<TicketState>(() => initialTicketState);
