/** The signed-in engineer's remote sessions in the coming weeks: what the agenda and the next-session indicator show. */
import { create } from 'zustand';
import type { RemoteSession, SessionSlot } from '../../../shared/domain/remote-session';

/** One time in the calendar: a confirmed session, or one of the times a proposal still offers (tentative). */
export interface CalendarEntry {
  ticketId: string;
  ticketNumber: string;
  ticketTitle: string;
  customerName: string | null;
  customerTimeZone: string;
  session: RemoteSession;
  status: 'proposed' | 'confirmed';
  slot: SessionSlot;
  /** For a proposal: which of its times this is (1-based) and how many it offers. */
  option: { index: number; of: number } | null;
}

interface CalendarState {
  /** In start order; confirmed sessions and each time still offered in a proposal. */
  entries: readonly CalendarEntry[];
  /** False until the local copy has been read once. */
  loaded: boolean;
  /** Why the sessions could not be read, in words. */
  error: string | null;
}

export const initialCalendarState: CalendarState = { entries: [], loaded: false, error: null };

export const useCalendarStore = create<CalendarState>(() => initialCalendarState);

export const calendarSelectors = {
  /** The session under way or next to start at `now`: confirmed ones only, proposals are not booked yet. */
  next(s: CalendarState, now: Date): CalendarEntry | null {
    return (
      s.entries.find((entry) => entry.status === 'confirmed' && Date.parse(entry.slot.end) > now.getTime()) ?? null
    );
  },
};
