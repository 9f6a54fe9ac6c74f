// The calendar invite of a session, read back with an independent parser (ical.js): times in UTC, the ticket, the link, the organiser, updates and cancels.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { RemoteSession } from '../../../shared/domain/remote-session';
import { sessionIcs } from '../../../shared/domain/session-ics';
import type { Ticket } from '../../../shared/domain/ticket';
import { cancelSession, rescheduleSession } from '../../../shared/mutations';
import {
  ENGINEER,
  SESSION_ID,
  TEAMS_LINK,
  TICKET_ID,
  TICKET_NUMBER,
  entryId,
  makeRemoteSession,
  makeTicketInStage,
} from '../../fixtures/tickets';
import { applyTo, expectApplied } from './mutations/apply';

const NEW_SESSION_ID = '00000000-0000-4000-9000-000000000002';
const TEAMS = TEAMS_LINK;
const slot = { start: '2025-03-12T14:00:00.000Z', end: '2025-03-12T15:30:00.000Z' };
const organizer = { name: ENGINEER.name, email: 'giulia.bianchi@css.example' };
const now = new Date('2025-03-10T09:00:00.000Z');

const booked = makeRemoteSession({
  status: 'confirmed',
  proposedSlots: [slot],
  confirmedSlot: slot,
  confirmedBy: 'customer',
  linkToken: null,
});
const ticket = makeTicketInStage('investigation', { remoteSessions: [booked] });

/** The invite's calendar and its one event, as ical.js reads them. */
function parse(ticketNow: Ticket, session: RemoteSession) {
  const invite = sessionIcs({ ticket: ticketNow, session, organizer, now });
  if (!invite.ok) expect.fail(invite.error);
  const calendar = new ICAL.Component(ICAL.parse(invite.text) as unknown[]);
  const event = calendar.getFirstSubcomponent('vevent');
  if (event === null) expect.fail('the invite has no event');
  const value = (name: string) => event.getFirstPropertyValue(name);
  const utc = (name: string) => {
    const time = value(name) as InstanceType<typeof ICAL.Time>;
    expect(time.zone).toBe(ICAL.Timezone.utcTimezone);
    return time.toJSDate().toISOString();
  };
  return { invite, calendar, event, value, utc };
}

describe('sessionIcs', () => {
  it('puts the booked time in UTC, the ticket number and title, the link, the organiser and a stable UID', () => {
    const { invite, calendar, event, value, utc } = parse(ticket, booked);
    expect(invite.fileName).toBe(`${TICKET_NUMBER} session 2025-03-12.ics`);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(utc('dtstart')).toBe(slot.start);
    expect(utc('dtend')).toBe(slot.end);
    expect(utc('dtstamp')).toBe(now.toISOString());
    expect(value('summary')).toBe(`${TICKET_NUMBER} remote session: ${ticket.title}`);
    expect(value('url')).toBe(TEAMS);
    expect(value('location')).toBe(TEAMS);
    expect(value('description')).toContain(`Join: ${TEAMS}`);
    expect(value('status')).toBe('CONFIRMED');
    expect(value('uid')).toBe(`${SESSION_ID}@css-engineer-console`);
    expect(value('sequence')).toBe(0);
    const organizerProperty = event.getFirstProperty('organizer');
    expect(String(organizerProperty?.getFirstValue()).toLowerCase()).toBe(`mailto:${organizer.email}`);
    expect(organizerProperty?.getParameter('cn')).toBe(ENGINEER.name);
  });

  it('puts a remote-assistance code in LOCATION, with no URL', () => {
    const { value } = parse(ticket, { ...booked, meetingLink: 'Quick Assist code 482913' });
    expect(value('location')).toBe('Quick Assist code 482913');
    expect(value('url')).toBeNull();
  });

  it('keeps the UID and raises the SEQUENCE after a reschedule, at the new time', () => {
    const moved = { start: '2025-03-14T09:00:00.000Z', end: '2025-03-14T10:00:00.000Z' };
    const after = expectApplied(
      applyTo(rescheduleSession, ticket, {
        ticketId: TICKET_ID,
        sessionId: SESSION_ID,
        newSessionId: NEW_SESSION_ID,
        slot: moved,
        meetingLink: null,
        reason: 'The administrator is travelling.',
        eventId: entryId(1),
        replyId: entryId(2),
        overlapReason: null,
      }),
    );
    const replacement = after.remoteSessions.find((session) => session.id === NEW_SESSION_ID) as RemoteSession;
    const first = parse(ticket, booked);
    const second = parse(after, replacement);
    expect(second.value('uid')).toBe(first.value('uid'));
    expect(second.value('sequence')).toBe(1);
    expect(second.utc('dtstart')).toBe(moved.start);
    expect(second.calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    // The session it replaced has no invite of its own any more: the replacement carries the event.
    const old = after.remoteSessions.find((session) => session.id === SESSION_ID) as RemoteSession;
    expect(sessionIcs({ ticket: after, session: old, organizer, now }).ok).toBe(false);
  });

  it('is a CANCEL of the same event, one sequence up, after a cancel', () => {
    const after = expectApplied(
      applyTo(cancelSession, ticket, {
        ticketId: TICKET_ID,
        sessionId: SESSION_ID,
        reason: 'The issue is solved.',
        eventId: entryId(1),
        replyId: entryId(2),
      }),
    );
    const cancelled = after.remoteSessions[0] as RemoteSession;
    const { calendar, value, invite } = parse(after, cancelled);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(value('status')).toBe('CANCELLED');
    expect(value('uid')).toBe(`${SESSION_ID}@css-engineer-console`);
    expect(value('sequence')).toBe(1);
    expect(invite.fileName).toBe(`${TICKET_NUMBER} session 2025-03-12 cancelled.ics`);
  });

  it('has no invite for a session that is only proposed', () => {
    const proposed = { ...booked, status: 'proposed' as const, confirmedSlot: null };
    expect(sessionIcs({ ticket, session: proposed, organizer, now })).toEqual({
      ok: false,
      error: 'only a confirmed session has a calendar invite: confirm a time first',
    });
  });
});
