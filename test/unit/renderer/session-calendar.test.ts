// The agenda's entries: the user's booked sessions and each time still offered, in the window, in order;
// and the bookings the overlap warning reads from the queue rows.
import { describe, expect, it } from 'vitest';
import { bookingsInRows, calendarEntries, calendarWindow } from '../../../renderer/data/session-calendar';
import { summarize } from '../../../renderer/data/summary';
import {
  COLLEAGUE,
  ENGINEER,
  SESSION_SLOTS,
  TICKET_NUMBER,
  makeRemoteSession,
  makeTicketInStage,
} from '../../fixtures/tickets';

const FROM = '2025-03-10T00:00:00.000Z';
const TO = '2025-03-24T00:00:00.000Z';
const OTHER_ID = '00000000-0000-4000-9000-000000000002';

describe('calendarEntries', () => {
  it('lists each time a proposal offers as tentative, numbered, and a booked session once', () => {
    const booked = { start: '2025-03-11T08:00:00.000Z', end: '2025-03-11T09:00:00.000Z' };
    const ticket = makeTicketInStage('investigation', {
      remoteSessions: [
        makeRemoteSession(),
        makeRemoteSession({ id: OTHER_ID, status: 'confirmed', confirmedSlot: booked, proposedSlots: [booked] }),
      ],
    });
    const entries = calendarEntries([ticket], ENGINEER.id, FROM, TO);
    expect(entries.map((entry) => [entry.status, entry.slot.start, entry.option])).toEqual([
      ['confirmed', booked.start, null],
      ['proposed', SESSION_SLOTS[0].start, { index: 1, of: 2 }],
      ['proposed', SESSION_SLOTS[1].start, { index: 2, of: 2 }],
    ]);
    expect(entries[0]).toMatchObject({ ticketNumber: TICKET_NUMBER, customerTimeZone: 'Europe/Rome' });
  });

  it("leaves out colleagues' sessions, finished ones and times outside the window", () => {
    const ticket = makeTicketInStage('investigation', {
      remoteSessions: [
        makeRemoteSession({ engineer: COLLEAGUE }),
        makeRemoteSession({ id: OTHER_ID, status: 'cancelled', cancelReason: 'Solved by mail.' }),
      ],
    });
    expect(calendarEntries([ticket], ENGINEER.id, FROM, TO)).toEqual([]);
    const proposal = makeTicketInStage('investigation', { remoteSessions: [makeRemoteSession()] });
    expect(calendarEntries([proposal], ENGINEER.id, FROM, SESSION_SLOTS[1].start).map((e) => e.slot.start)).toEqual([
      SESSION_SLOTS[0].start,
    ]);
  });
});

describe('calendarWindow', () => {
  it('runs from the start of today (or a session still under way) to two weeks ahead', () => {
    const now = new Date('2025-03-10T15:00:00.000Z');
    const { from, to } = calendarWindow(now);
    expect(Date.parse(from)).toBeLessThanOrEqual(now.getTime() - 8 * 3_600_000);
    expect(Date.parse(to) - now.getTime()).toBeGreaterThan(13 * 24 * 3_600_000);
    expect(Date.parse(to) - now.getTime()).toBeLessThanOrEqual(14 * 24 * 3_600_000);
  });
});

describe('bookingsInRows', () => {
  it('takes only confirmed times from the queue rows', () => {
    const booked = { start: '2025-03-11T08:00:00.000Z', end: '2025-03-11T09:00:00.000Z' };
    const row = summarize(
      makeTicketInStage('investigation', {
        remoteSessions: [
          makeRemoteSession(),
          makeRemoteSession({ id: OTHER_ID, status: 'confirmed', confirmedSlot: booked, proposedSlots: [booked] }),
        ],
      }),
      0,
    );
    expect(bookingsInRows([row])).toEqual([
      { ticketId: row.id, ticketNumber: TICKET_NUMBER, sessionId: OTHER_ID, engineerId: ENGINEER.id, ...booked },
    ]);
  });
});
