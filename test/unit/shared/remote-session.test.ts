// Remote-session time: wall-clock times and working hours across the daylight-saving nights of 2026, overlaps at their boundaries, links.
import { describe, expect, it } from 'vitest';
import {
  type Booking,
  type RemoteSession,
  type SessionSlot,
  linkIsOpen,
  slotInZone,
  slotsOverlap,
  utcOffset,
  withinWorkingHours,
} from '../../../shared/domain/remote-session';
import { TimeZone } from '../../../shared/domain/time';
import { overlapRefusal } from '../../../shared/mutations';
import { COLLEAGUE, ENGINEER, TICKET_NUMBER, makeRemoteSession, makeTicketInStage } from '../../fixtures/tickets';

/** ICU versions name a zero offset "GMT" or "GMT+0"; both are right. */
const sameOffsetName = (text: string) => text.replace(/GMT\+0\b/, 'GMT');

const slot = (start: string, minutes = 60): SessionSlot => ({
  start,
  end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
});

describe('slotInZone and withinWorkingHours across daylight saving (2026)', () => {
  it.each([
    // London: clocks go forward at 01:00 UTC on 29 March and back at 01:00 UTC on 25 October.
    ['Europe/London', '2026-03-27T08:00:00Z', 'Fri 27 Mar 2026, 08:00–09:00 Europe/London (GMT)', true],
    ['Europe/London', '2026-03-30T08:00:00Z', 'Mon 30 Mar 2026, 09:00–10:00 Europe/London (GMT+1)', true],
    ['Europe/London', '2026-03-30T06:30:00Z', 'Mon 30 Mar 2026, 07:30–08:30 Europe/London (GMT+1)', false],
    ['Europe/London', '2026-03-29T00:30:00Z', 'Sun 29 Mar 2026, 00:30–02:30 Europe/London (GMT)', false],
    ['Europe/London', '2026-10-26T17:00:00Z', 'Mon 26 Oct 2026, 17:00–18:00 Europe/London (GMT)', true],
    ['Europe/London', '2026-10-23T17:00:00Z', 'Fri 23 Oct 2026, 18:00–19:00 Europe/London (GMT+1)', false],
    // New York: forward at 07:00 UTC on 8 March, back at 06:00 UTC on 1 November.
    ['America/New_York', '2026-03-06T13:00:00Z', 'Fri 6 Mar 2026, 08:00–09:00 America/New_York (GMT-5)', true],
    ['America/New_York', '2026-03-09T12:00:00Z', 'Mon 9 Mar 2026, 08:00–09:00 America/New_York (GMT-4)', true],
    ['America/New_York', '2026-03-09T11:30:00Z', 'Mon 9 Mar 2026, 07:30–08:30 America/New_York (GMT-4)', false],
    ['America/New_York', '2026-11-01T05:30:00Z', 'Sun 1 Nov 2026, 01:30–01:30 America/New_York (GMT-4)', false],
    ['America/New_York', '2026-11-02T12:30:00Z', 'Mon 2 Nov 2026, 07:30–08:30 America/New_York (GMT-5)', false],
    ['America/New_York', '2026-11-02T13:00:00Z', 'Mon 2 Nov 2026, 08:00–09:00 America/New_York (GMT-5)', true],
    // Sydney: back at 16:00 UTC on 4 April (03:00 → 02:00), forward at 16:00 UTC on 3 October (02:00 → 03:00).
    ['Australia/Sydney', '2026-04-02T21:00:00Z', 'Fri 3 Apr 2026, 08:00–09:00 Australia/Sydney (GMT+11)', true],
    ['Australia/Sydney', '2026-04-05T22:00:00Z', 'Mon 6 Apr 2026, 08:00–09:00 Australia/Sydney (GMT+10)', true],
    ['Australia/Sydney', '2026-04-05T21:00:00Z', 'Mon 6 Apr 2026, 07:00–08:00 Australia/Sydney (GMT+10)', false],
    ['Australia/Sydney', '2026-10-03T15:30:00Z', 'Sun 4 Oct 2026, 01:30–03:30 Australia/Sydney (GMT+10)', false],
    ['Australia/Sydney', '2026-10-04T22:00:00Z', 'Mon 5 Oct 2026, 09:00–10:00 Australia/Sydney (GMT+11)', true],
    // Kolkata keeps GMT+5:30 all year, on London's and New York's nights alike.
    ['Asia/Kolkata', '2026-03-30T03:30:00Z', 'Mon 30 Mar 2026, 09:00–10:00 Asia/Kolkata (GMT+5:30)', true],
    ['Asia/Kolkata', '2026-11-02T12:00:00Z', 'Mon 2 Nov 2026, 17:30–18:30 Asia/Kolkata (GMT+5:30)', false],
    ['Asia/Kolkata', '2026-11-02T11:30:00Z', 'Mon 2 Nov 2026, 17:00–18:00 Asia/Kolkata (GMT+5:30)', true],
  ])('%s: %s is %s, in working hours: %s', (zone, start, shown, working) => {
    const session = slot(start);
    expect(sameOffsetName(slotInZone(session, zone))).toBe(shown);
    expect(withinWorkingHours(session, zone)).toBe(working);
  });

  it('puts a weekend, and a session running past midnight, outside working hours', () => {
    expect(withinWorkingHours(slot('2026-03-28T10:00:00Z'), 'Europe/London')).toBe(false);
    expect(withinWorkingHours(slot('2026-03-30T22:30:00Z'), 'Europe/London')).toBe(false);
    expect(slotInZone(slot('2026-03-30T22:30:00Z', 120), 'Europe/London')).toBe(
      'Mon 30 Mar 2026, 23:30–Tue 31 Mar 01:30 Europe/London (GMT+1)',
    );
  });

  it('names the offset in force at the instant, and UTC plainly', () => {
    expect(sameOffsetName(utcOffset(new Date('2026-03-29T00:59:00Z'), 'Europe/London'))).toBe('GMT');
    expect(utcOffset(new Date('2026-03-29T01:00:00Z'), 'Europe/London')).toBe('GMT+1');
    expect(slotInZone(slot('2026-03-29T01:00:00Z'), 'UTC')).toBe('Sun 29 Mar 2026, 01:00–02:00 UTC');
  });

  it('knows the IANA zones and refuses an unknown one with the message the customer sees', () => {
    for (const zone of ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata']) {
      expect(TimeZone.safeParse(zone).success).toBe(true);
    }
    expect(TimeZone.safeParse('Mars/Olympus').error?.issues[0]?.message).toBe(
      'must be an IANA time zone such as Europe/Rome',
    );
  });
});

describe('slotsOverlap', () => {
  const ten = slot('2026-06-01T10:00:00Z');
  it.each([
    ['touching: one ends as the other starts', slot('2026-06-01T11:00:00Z'), false],
    ['touching the other way', slot('2026-06-01T09:00:00Z'), false],
    ['one minute of overlap at the end', slot('2026-06-01T10:59:00Z'), true],
    ['one minute of overlap at the start', slot('2026-06-01T09:01:00Z'), true],
    ['inside the other', slot('2026-06-01T10:15:00Z', 15), true],
    ['the same time', ten, true],
  ])('%s: %s', (_case, other, overlaps) => {
    expect(slotsOverlap(ten, other)).toBe(overlaps);
    expect(slotsOverlap(other, ten)).toBe(overlaps);
  });
});

describe('overlapRefusal', () => {
  const ten = slot('2026-06-01T10:00:00Z');
  const booking: Booking = {
    ticketId: 'other-ticket',
    ticketNumber: 'CSS-100777',
    sessionId: '00000000-0000-4000-9000-000000000777',
    engineerId: ENGINEER.id,
    ...ten,
  };
  const proposal = (start: string, overrides: Partial<RemoteSession> = {}): RemoteSession =>
    makeRemoteSession({ proposedSlots: [slot(start)], ...overrides });
  const before = makeTicketInStage('investigation');
  const after = (session: RemoteSession) => ({ ...before, remoteSessions: [session] });

  it("refuses a time overlapping the engineer's booking by one minute, naming both times and the other ticket", () => {
    const refusal = overlapRefusal(before, after(proposal('2026-06-01T10:59:00Z')), [booking]);
    expect(refusal?.code).toBe('session_overlap');
    expect(refusal?.message).toBe(
      `${TICKET_NUMBER}: Mon 1 Jun 2026, 10:59–11:59 UTC overlaps ${ENGINEER.name}'s confirmed session on CSS-100777 (Mon 1 Jun 2026, 10:00–11:00 UTC); choose another time, or give a reason to book it anyway.`,
    );
  });

  it('lets a touching time, a forced one and another engineer’s booking pass', () => {
    expect(overlapRefusal(before, after(proposal('2026-06-01T11:00:00Z')), [booking])).toBeNull();
    expect(
      overlapRefusal(before, after(proposal('2026-06-01T10:30:00Z', { overlapReason: 'Short call only.' })), [booking]),
    ).toBeNull();
    expect(
      overlapRefusal(before, after(proposal('2026-06-01T10:30:00Z')), [{ ...booking, engineerId: COLLEAGUE.id }]),
    ).toBeNull();
  });

  it("checks a booking against the ticket's own confirmed sessions too", () => {
    const held = proposal('2026-06-01T10:00:00Z', {
      id: '00000000-0000-4000-9000-000000000002',
      status: 'confirmed',
      confirmedSlot: ten,
    });
    const withHeld = { ...before, remoteSessions: [held] };
    const refusal = overlapRefusal(
      withHeld,
      { ...withHeld, remoteSessions: [held, proposal('2026-06-01T10:30:00Z')] },
      [],
    );
    expect(refusal?.code).toBe('session_overlap');
  });
});

describe('linkIsOpen', () => {
  const session = { status: 'proposed', proposedSlots: [slot('2026-06-01T10:00:00Z'), slot('2026-06-02T10:00:00Z')] };
  it('stays open while a proposed time is ahead, and closes with the last one or once booked', () => {
    const open = (at: string, status = 'proposed') => linkIsOpen({ ...session, status } as RemoteSession, new Date(at));
    expect(open('2026-06-01T12:00:00Z')).toBe(true);
    expect(open('2026-06-02T10:00:00Z')).toBe(false);
    expect(open('2026-05-30T10:00:00Z', 'confirmed')).toBe(false);
  });
});
