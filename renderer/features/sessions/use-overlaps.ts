/** The engineer's confirmed sessions each time overlaps, read from the local copy as the times are typed. */
import { useEffect, useState } from 'react';
import { overlappingBookings, type Booking, type SessionSlot } from '../../../shared/domain/remote-session';
import { workspaceActions } from '../../data/workspace';

/** A session of a ticket: session ids are unique on their ticket only. */
export interface SessionRef {
  ticketId: string;
  sessionId: string;
}

/**
 * For each slot (null while not a time), the engineer's confirmed bookings it overlaps; `except` is the
 * session being confirmed or moved, which does not clash with its own time.
 */
export function useOverlaps(
  slots: readonly (SessionSlot | null)[],
  engineerId: string,
  except: SessionRef | null = null,
): { overlaps: Booking[][]; settled: boolean } {
  const key = JSON.stringify({ slots, engineerId, except });
  const [found, setFound] = useState<{ key: string; overlaps: Booking[][] }>({ key: '', overlaps: [] });
  useEffect(() => {
    let current = true;
    const asked = JSON.parse(key) as { slots: (SessionSlot | null)[]; engineerId: string; except: SessionRef | null };
    const complete = asked.slots.flatMap((slot) => (slot === null ? [] : [slot]));
    workspaceActions
      .bookingsNear(complete)
      .then((found) => {
        if (!current) return;
        const { except: own } = asked;
        const bookings =
          own === null
            ? found
            : found.filter((booking) => booking.ticketId !== own.ticketId || booking.sessionId !== own.sessionId);
        const overlaps = asked.slots.map((slot) =>
          slot === null ? [] : overlappingBookings(slot, asked.engineerId, bookings),
        );
        setFound({ key, overlaps });
      })
      .catch((error: unknown) => console.warn(`overlap check: ${String(error)}`));
    return () => {
      current = false;
    };
  }, [key]);
  // Until the answer for what is typed now arrives, nothing is claimed either way (and nothing can be sent).
  return found.key === key
    ? { overlaps: found.overlaps, settled: true }
    : { overlaps: slots.map(() => []), settled: false };
}
