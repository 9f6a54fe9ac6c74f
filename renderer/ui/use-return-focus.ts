/**
 * Gives the focus back to where it was when a dialog opened (its button, the queue row), once it
 * closes: whether it was opened by a click, a shortcut or the command palette, and after an error.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';

export function useReturnFocus(open: boolean): void {
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  // A layout effect: it runs before the dialog's own effect moves the focus inside it.
  useLayoutEffect(() => {
    if (!open || wasOpen.current) return;
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
  }, [open]);
  useEffect(() => {
    if (wasOpen.current && !open) {
      const element = opener.current;
      opener.current = null;
      // The opener may be gone (a step that moved the ticket on removes its button): the dialog's own
      // focus restoring then decides.
      if (element?.isConnected === true) element.focus();
    }
    wasOpen.current = open;
  }, [open]);
}
