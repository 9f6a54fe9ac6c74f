/**
 * The calendar invite (.ics) of a booked session, built with the `ics` package: the same file from the
 * console's export and the customer's scheduling page. The UID stays across reschedules and the
 * SEQUENCE grows, so calendars update the event instead of adding one; a cancelled session is a CANCEL.
 */
import { createEvent, type EventAttributes } from 'ics';
import { calendarOf, sessionSlot, type RemoteSession } from './remote-session';

export interface SessionInvite {
  ticket: { number: string; title: string };
  session: RemoteSession;
  /** Who sends the invite: the engineer (and their address, when known). */
  organizer: { name: string; email?: string };
  /** DTSTAMP: when this version of the invite was made. */
  now: Date;
}

export type IcsResult = { ok: true; fileName: string; text: string } | { ok: false; error: string };

const PRODUCT_ID = '-//CSS Engineer Console//Remote sessions//EN';

/** Whether the session has a time to put in a calendar: booked, held, or withdrawn after booking. */
export function hasInvite(session: RemoteSession): boolean {
  return session.confirmedSlot !== null && session.status !== 'rescheduled';
}

export function sessionIcs({ ticket, session, organizer, now }: SessionInvite): IcsResult {
  if (!hasInvite(session)) {
    return { ok: false, error: 'only a confirmed session has a calendar invite: confirm a time first' };
  }
  const slot = sessionSlot(session);
  const calendar = calendarOf(session);
  const cancelled = session.status === 'cancelled';
  const link = session.meetingLink;
  const isUrl = link !== null && link.startsWith('https://');
  // DTSTAMP: the package reads `timestamp` (its typings omit it) and uses the wall clock without it.
  const event: EventAttributes & { timestamp: number } = {
    productId: PRODUCT_ID,
    uid: calendar.uid,
    sequence: calendar.sequence,
    method: cancelled ? 'CANCEL' : 'REQUEST',
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    title: `${ticket.number} remote session: ${ticket.title}`,
    description: [
      `Remote support session for ticket ${ticket.number}: ${ticket.title}`,
      link === null ? null : `Join: ${link}`,
    ]
      .filter((line) => line !== null)
      .join('\n'),
    start: Date.parse(slot.start),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(slot.end),
    endInputType: 'utc',
    endOutputType: 'utc',
    timestamp: now.getTime(),
    organizer:
      organizer.email === undefined ? { name: organizer.name } : { name: organizer.name, email: organizer.email },
    ...(link === null ? {} : { location: link }),
    ...(isUrl ? { url: link } : {}),
  };
  const { error, value } = createEvent(event);
  if (error !== null || value === null) {
    return { ok: false, error: `the calendar invite could not be made: ${error?.message ?? 'unknown error'}` };
  }
  const day = slot.start.slice(0, 10);
  return { ok: true, fileName: `${ticket.number} session ${day}${cancelled ? ' cancelled' : ''}.ics`, text: value };
}
