/** The signed-in engineer's remote sessions in the coming weeks: what the agenda and the next-session indicator show. */
import { create } from 'zustand';
import type { CalendarEntry } from '../session-calendar';

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
