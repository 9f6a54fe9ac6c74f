/** The console's global shortcuts, from the table in ui/shortcuts.ts: palette, keyboard map, search, the open ticket's steps. */
import { useEffect } from 'react';
import { openTicketSteps, type TicketStep } from '../data/ticket-steps';
import { uiActions, useUiStore } from '../data/stores/ui-store';
import { type ShortcutId, shortcutFor, singleKeyAllowed } from '../ui/shortcuts';

const STEP_OF_SHORTCUT: Partial<Record<ShortcutId, TicketStep>> = {
  note: 'note',
  reply: 'reply',
  escalate: 'escalate',
  logFollowUp: 'log_follow_up',
  take: 'take',
};

const IN_DIALOG = '[role="dialog"], [role="alertdialog"]';

function onKeyDown(event: KeyboardEvent): void {
  if (event.defaultPrevented) return;
  // The open ticket's steps work where its pane is: in the queue's view.
  const entry =
    shortcutFor(event, 'global') ?? (useUiStore.getState().view === 'queue' ? shortcutFor(event, 'ticket') : undefined);
  if (entry === undefined) {
    // With nothing focused, J and K go to the queue, as in Linear: the grid moves from there.
    const move = shortcutFor(event, 'queue')?.id;
    const onQueue = useUiStore.getState().view === 'queue';
    if (onQueue && event.target === document.body && (move === 'nextTicket' || move === 'previousTicket')) {
      if (!singleKeyAllowed(event)) return;
      event.preventDefault();
      uiActions.focusQueue();
    }
    return;
  }
  if (entry.id === 'palette') {
    // Like VS Code's and Linear's, the palette opens from a text field too; not over another dialog.
    const open = useUiStore.getState().palette;
    if (!open && event.target instanceof Element && event.target.closest(IN_DIALOG) !== null) return;
    event.preventDefault();
    uiActions.showPalette(!open);
    return;
  }
  if (!singleKeyAllowed(event)) return;
  if (entry.id === 'keyboardMap') {
    event.preventDefault();
    uiActions.showKeyboardMap(true);
    return;
  }
  if (entry.id === 'search') {
    // Not typed into the box it focuses.
    event.preventDefault();
    uiActions.focusSearch();
    return;
  }
  const step = STEP_OF_SHORTCUT[entry.id];
  const open = openTicketSteps(new Date());
  // A step the ticket does not offer now is left alone: the key then does nothing, as its button is not there.
  if (step === undefined || open === null || !open.steps.some((offered) => offered.step === step)) return;
  event.preventDefault();
  uiActions.requestStep(step, open.ticket.id);
}

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
