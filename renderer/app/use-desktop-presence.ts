/**
 * The console's desktop presence: the tray's counts kept current (the queue changed, the calendar
 * moved, a minute passed) and a ticket asked for from outside the page (a notification, the tray) opened.
 */
import { useEffect } from 'react';
import { NO_DESKTOP_STATUS } from '../../shared/bridge';
import { calendarSelectors, useCalendarStore } from '../data/stores/calendar-store';
import { useQueueStore } from '../data/stores/queue-store';
import { useSyncStore } from '../data/stores/sync-store';
import { workspaceActions } from '../data/workspace';
import { openSessionTicket } from '../features/sessions/open-session-ticket';
import { whenText } from '../features/sessions/session-time';
import { platform } from '../platform';
import { useMinuteClock } from '../ui/use-minute-clock';

export function useDesktopPresence(): void {
  const now = useMinuteClock();
  const next = useCalendarStore((s) => calendarSelectors.next(s, now));
  const queueVersion = useQueueStore((s) => s.version);
  // A run of pulled pages changes the queue at every page: the tray is counted once the engine is idle.
  const busy = useSyncStore((s) => s.busy);

  useEffect(() => platform.onOpenTicket(openSessionTicket), []);
  // Signed out (the layout goes): the tray no longer shows the last person's counts.
  useEffect(() => () => void platform.setDesktopStatus(NO_DESKTOP_STATUS), []);

  useEffect(() => {
    if (busy) return;
    const counts = workspaceActions.desktopCounts(now);
    if (counts === null) return;
    const nextSession =
      next === null
        ? null
        : { ticketId: next.ticketId, label: `${whenText(new Date(next.slot.start), now)} · ${next.ticketNumber}` };
    void platform.setDesktopStatus({ ...counts, nextSession }).then((reported) => {
      if (!reported.ok) console.warn(`the tray could not be updated: ${reported.error}`);
    });
  }, [now, next, queueVersion, busy]);
}
