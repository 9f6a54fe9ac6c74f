/**
 * The engineer's calendar of remote sessions, read from the local copy's sessions index (never a walk
 * of the whole copy) and kept current as tickets change and time passes: the agenda, the header's next
 * session and the propose dialog's overlap warning read it. Works offline like the rest of the copy.
 */
import { addDays, startOfDay } from 'date-fns';
import { MAX_SESSION_MINUTES, type Booking, type SessionSlot } from '../../shared/domain/remote-session';
import type { Ticket } from '../../shared/domain';
import { systemClock, type Clock } from '../../shared/domain/time';
import type { LocalStore } from './local-store';
import { type CalendarEntry, initialCalendarState, useCalendarStore } from './stores/calendar-store';
import type { TicketSummary } from './summary';

/** How far ahead the agenda looks, from the start of today. */
export const AGENDA_DAYS = 14;
const MINUTE = 60_000;
/** The window moves on this often, so sessions leave the past and enter the fortnight without a change. */
const REFRESH_MS = 10 * MINUTE;

/** The window the calendar holds at `now`: from the start of today (or a session still under way) to the end of the fortnight. */
export function calendarWindow(now: Date): { from: string; to: string } {
  return {
    // Today's earlier sessions stay on the agenda; one started up to its longest length ago may still be under way.
    from: new Date(Math.min(startOfDay(now).getTime(), now.getTime() - MAX_SESSION_MINUTES * MINUTE)).toISOString(),
    to: addDays(startOfDay(now), AGENDA_DAYS).toISOString(),
  };
}

/** The user's session times in [from, to) on these tickets, in start order. */
export function calendarEntries(tickets: readonly Ticket[], userId: string, from: string, to: string): CalendarEntry[] {
  const inWindow = (slot: SessionSlot) =>
    Date.parse(slot.start) >= Date.parse(from) && Date.parse(slot.start) < Date.parse(to);
  return tickets
    .flatMap((ticket) =>
      ticket.remoteSessions.flatMap((session): CalendarEntry[] => {
        if (session.engineer.id !== userId) return [];
        const base = {
          ticketId: ticket.id,
          ticketNumber: ticket.number,
          ticketTitle: ticket.title,
          customerName: ticket.endCustomer.companyName,
          customerTimeZone: ticket.endCustomer.timeZone,
          session,
        };
        if (session.status === 'confirmed' && session.confirmedSlot !== null) {
          return inWindow(session.confirmedSlot)
            ? [{ ...base, status: 'confirmed', slot: session.confirmedSlot, option: null }]
            : [];
        }
        if (session.status !== 'proposed') return [];
        const of = session.proposedSlots.length;
        return session.proposedSlots.flatMap((slot, index) =>
          inWindow(slot) ? [{ ...base, status: 'proposed' as const, slot, option: { index: index + 1, of } }] : [],
        );
      }),
    )
    .sort((a, b) => a.slot.start.localeCompare(b.slot.start));
}

/** The confirmed bookings the queue rows hold, as the overlap rule reads them. */
export function bookingsInRows(rows: readonly TicketSummary[]): Booking[] {
  return rows.flatMap((row) =>
    row.sessions
      .filter((session) => session.status === 'confirmed')
      .map((session) => ({
        ticketId: row.id,
        ticketNumber: row.number,
        sessionId: session.sessionId,
        engineerId: session.engineerId,
        start: session.start,
        end: session.end,
      })),
  );
}

export class SessionCalendar {
  /** The tickets the calendar shows: a change to one of them is read again even if it no longer has sessions. */
  private shown = new Set<string>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private refreshing = false;
  private again = false;
  private stopped = false;

  constructor(
    private readonly store: LocalStore,
    private readonly userId: string,
    private readonly clock: Clock = systemClock,
  ) {}

  start(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearInterval(this.timer);
    useCalendarStore.setState(initialCalendarState);
  }

  /** Whether a change to these tickets is the calendar's: one has sessions now, or had them on screen. */
  concerns(ticketIds: readonly string[], summaries: readonly TicketSummary[]): boolean {
    return summaries.some((row) => row.sessions.length > 0) || ticketIds.some((id) => this.shown.has(id));
  }

  /** The confirmed bookings of everyone in the local copy whose session could overlap one of `slots`. */
  async bookingsNear(slots: readonly SessionSlot[]): Promise<Booking[]> {
    if (slots.length === 0) return [];
    const starts = slots.map((slot) => Date.parse(slot.start));
    const ends = slots.map((slot) => Date.parse(slot.end));
    // A booking overlapping a slot starts before the slot ends and at most the longest session before it.
    const from = new Date(Math.min(...starts) - MAX_SESSION_MINUTES * MINUTE).toISOString();
    const to = new Date(Math.max(...ends)).toISOString();
    return bookingsInRows(await this.store.summariesWithSessions(from, to));
  }

  /** One read at a time; changes heard meanwhile cause one more read after it. */
  async refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return;
    }
    this.refreshing = true;
    try {
      do {
        this.again = false;
        const { from, to } = calendarWindow(this.clock());
        const mine = await this.store.summariesWithSessions(from, to, this.userId);
        const tickets = await this.store.ticketsAsSeen(mine.map((row) => row.id));
        if (this.stopped) return;
        const entries = calendarEntries(tickets, this.userId, from, to);
        this.shown = new Set(mine.map((row) => row.id));
        useCalendarStore.setState({ entries, loaded: true, error: null });
      } while (this.again && !this.stopped);
    } catch (error) {
      if (!this.stopped) {
        useCalendarStore.setState({
          error: `Your sessions could not be read from the local copy (${error instanceof Error ? error.message : String(error)}).`,
        });
      }
    } finally {
      this.refreshing = false;
    }
  }
}
