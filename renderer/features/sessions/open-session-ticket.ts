/** Opens a session's ticket from the agenda or the header: back to the queue, with the ticket in its pane. */
import { uiActions } from '../../data/stores/ui-store';
import { workspaceActions } from '../../data/workspace';

export function openSessionTicket(ticketId: string): void {
  uiActions.showView('queue');
  void workspaceActions.openTicket(ticketId);
}
