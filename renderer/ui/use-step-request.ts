/** Starts a step of the open ticket when the command palette or a shortcut asks for it. */
import { useEffect, useEffectEvent } from 'react';
import type { TicketStep } from '../data/ticket-steps';
import { useTicketStore } from '../data/stores/ticket-store';
import { uiActions, useUiStore } from '../data/stores/ui-store';

/**
 * Calls `start` when `step` is asked of the open ticket. A request waits until the step is on screen:
 * a ticket opened with Enter and a key pressed at once gets its dialog as soon as the pane draws it.
 */
export function useStepRequest(step: TicketStep | null, start: () => void): void {
  const asked = useUiStore((s) => step !== null && s.stepRequest?.step === step && s.stepRequest.ticketId);
  const openId = useTicketStore((s) => s.view?.ticket.id);
  const onRequest = useEffectEvent(start);
  useEffect(() => {
    if (asked === false || asked !== openId) return;
    uiActions.clearStepRequest();
    onRequest();
  }, [asked, openId]);
}
