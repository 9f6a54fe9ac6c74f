/**
 * What the console's main area shows (the queue beside the open ticket, triage of the tickets waiting in
 * validation, the engineer's agenda of remote sessions, or a team lead's escalations list), and what the
 * keyboard asked of the screen: the command palette, the keyboard map, the search box's focus, or a step
 * of the open ticket to start.
 */
import { create } from 'zustand';
import type { TicketStep } from '../ticket-steps';

export type ConsoleView = 'queue' | 'triage' | 'agenda' | 'escalations';

interface UiState {
  view: ConsoleView;
  palette: boolean;
  keyboardMap: boolean;
  /** The search box was asked for: it takes the focus as soon as it is on screen. */
  searchRequested: boolean;
  /** The queue's grid was asked for: the row the keyboard is on takes the focus. */
  queueRequested: boolean;
  /** A step the palette or a shortcut asked of the open ticket, until the pane starts it. */
  stepRequest: { step: TicketStep; ticketId: string } | null;
}

export const useUiStore = create<UiState>(() => ({
  view: 'queue',
  palette: false,
  keyboardMap: false,
  searchRequested: false,
  queueRequested: false,
  stepRequest: null,
}));

export const uiActions = {
  showView(view: ConsoleView): void {
    useUiStore.setState({ view });
  },
  showPalette(palette: boolean): void {
    useUiStore.setState({ palette });
  },
  showKeyboardMap(keyboardMap: boolean): void {
    useUiStore.setState({ keyboardMap });
  },
  /** The queue's search box takes the focus (the queue is shown first if it was not). */
  focusSearch(): void {
    useUiStore.setState({ view: 'queue', searchRequested: true });
  },
  searchFocused(): void {
    useUiStore.setState({ searchRequested: false });
  },
  focusQueue(): void {
    useUiStore.setState({ view: 'queue', queueRequested: true });
  },
  queueFocused(): void {
    useUiStore.setState({ queueRequested: false });
  },
  /** The ticket pane is beside the queue: the queue is shown, so the pane can start the step. */
  requestStep(step: TicketStep, ticketId: string): void {
    useUiStore.setState({ view: 'queue', stepRequest: { step, ticketId } });
  },
  /** The pane started the step, or another ticket was opened: the request is spent. */
  clearStepRequest(): void {
    useUiStore.setState({ stepRequest: null });
  },
};
