/**
 * Remote sessions the engineer schedules with the customer during investigation: the record, its
 * states and their rules, time in both zones, overlaps and the customer's private link.
 */
import { TZDate } from '@date-fns/tz';
import { format, getISODay } from 'date-fns';
import { z } from 'zod';
import { Actor } from './people';
import { Instant } from './time';

export const SessionSlot = z
  .object({ start: Instant, end: Instant })
  .refine((slot) => slot.start < slot.end, { message: 'a slot must end after it starts', path: ['end'] });
export type SessionSlot = z.infer<typeof SessionSlot>;

/** rescheduled: replaced by the session named in replacedBy, which carries the same calendar event on. */
export const RemoteSessionStatus = z.enum([
  'proposed',
  'confirmed',
  'completed',
  'cancelled',
  'no_show',
  'rescheduled',
]);
export type RemoteSessionStatus = z.infer<typeof RemoteSessionStatus>;

/** The calendar event a session is: the .ics UID stays across reschedules, the SEQUENCE grows. */
export const SessionCalendar = z.object({ uid: z.string().min(1).max(200), sequence: z.number().int().min(0) });
export type SessionCalendar = z.infer<typeof SessionCalendar>;

/** Who confirmed the slot: the customer on the scheduling page, or the engineer recording their answer. */
export const ConfirmedBy = z.enum(['customer', 'engineer']);
export type ConfirmedBy = z.infer<typeof ConfirmedBy>;

// Fields added after the first release default, so tickets cached or stored before them still read.
export const RemoteSession = z.object({
  id: z.uuid(),
  status: RemoteSessionStatus,
  proposedSlots: z.array(SessionSlot).min(1),
  confirmedSlot: SessionSlot.nullable(),
  /** A Teams link or a remote-assistance code. */
  meetingLink: z.string().max(1000).nullable(),
  outcomeNotes: z.string().max(8000).nullable(),
  engineer: Actor,
  createdAt: Instant,
  updatedAt: Instant.nullable().default(null),
  /** The session this one reschedules, and the one that rescheduled this one. */
  replaces: z.uuid().nullable().default(null),
  replacedBy: z.uuid().nullable().default(null),
  confirmedBy: ConfirmedBy.nullable().default(null),
  cancelReason: z.string().max(2000).nullable().default(null),
  /** What the customer wrote when asking for other times on the scheduling page. */
  customerRequest: z.string().max(2000).nullable().default(null),
  /** Why the engineer booked it although it overlaps another of their confirmed sessions. */
  overlapReason: z.string().max(500).nullable().default(null),
  /** The secret of the customer's scheduling link; the link works while the proposal is open. */
  linkToken: z.string().max(64).nullable().default(null),
  calendar: SessionCalendar.nullable().default(null),
});
export type RemoteSession = z.infer<typeof RemoteSession>;

export const SESSION_STATUS_LABEL: Record<RemoteSessionStatus, string> = {
  proposed: 'Proposed',
  confirmed: 'Confirmed',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
  rescheduled: 'Rescheduled',
};

export const MIN_SESSION_MINUTES = 15;
export const MAX_SESSION_MINUTES = 8 * 60;
export const MAX_PROPOSED_SLOTS = 5;
const MINUTE = 60_000;

/** A slot as the engineer gives it: besides the stored shape, a sensible length. */
export const SlotArg = z
  .object({
    start: z.iso.datetime({ offset: false, message: 'the start must be a UTC time such as 2025-03-10T09:00:00Z' }),
    end: z.iso.datetime({ offset: false, message: 'the end must be a UTC time such as 2025-03-10T10:00:00Z' }),
  })
  .superRefine((slot, issues) => {
    const minutes = (Date.parse(slot.end) - Date.parse(slot.start)) / MINUTE;
    if (minutes <= 0) {
      issues.addIssue({ code: 'custom', path: ['end'], message: 'the session must end after it starts' });
    } else if (minutes < MIN_SESSION_MINUTES) {
      issues.addIssue({
        code: 'custom',
        path: ['end'],
        message: `a session lasts at least ${MIN_SESSION_MINUTES} minutes`,
      });
    } else if (minutes > MAX_SESSION_MINUTES) {
      issues.addIssue({ code: 'custom', path: ['end'], message: 'a session lasts at most 8 hours' });
    }
  });

/** Two to five different, non-overlapping times to offer the customer (one is allowed too). */
export const ProposedSlotsArg = z
  .array(SlotArg)
  .min(1, { message: 'propose at least one time' })
  .max(MAX_PROPOSED_SLOTS, { message: `propose at most ${MAX_PROPOSED_SLOTS} times` })
  .superRefine((slots, issues) => {
    slots.forEach((slot, index) => {
      if (slots.slice(0, index).some((earlier) => slotsOverlap(earlier, slot))) {
        issues.addIssue({
          code: 'custom',
          path: [index],
          message: 'two proposed times overlap: offer different times',
        });
      }
    });
  });

const URL_LIKE = /:\/\/|^www\.|\//i;
const HTTPS_URL = z.url({ protocol: /^https$/, hostname: z.regexes.domain });
const ASSISTANCE_CODE = /^[\p{L}\p{N}][\p{L}\p{N} #:.-]{2,79}$/u;

/** A Teams (or other) https link, or a remote-assistance code such as "Quick Assist code 482913". */
export function meetingLinkProblem(text: string): string | null {
  if (URL_LIKE.test(text)) {
    if (!/^https:\/\//i.test(text)) return 'the meeting link must start with https:// (a Teams link, for example)';
    if (/\s/.test(text) || !HTTPS_URL.safeParse(text).success) {
      return 'the meeting link is not a valid web address: paste it as it is, starting with https://';
    }
    return null;
  }
  if (!ASSISTANCE_CODE.test(text) || !/\d/.test(text)) {
    return 'give an https:// meeting link (e.g. Teams) or a remote-assistance code such as "Quick Assist code 482913"';
  }
  return null;
}

export const MeetingLinkArg = z
  .string()
  .trim()
  .max(1000, { message: 'the meeting link is longer than 1,000 characters' })
  .superRefine((text, issues) => {
    const problem = meetingLinkProblem(text);
    if (problem !== null) issues.addIssue({ code: 'custom', message: problem });
  });

/** The secret in a scheduling link: 32 URL-safe characters (192 random bits), chosen by the console. */
export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;
export const LinkTokenArg = z
  .string()
  .regex(LINK_TOKEN_PATTERN, { message: 'the scheduling link token must be 32 letters, digits, - or _' });

/** The scheduling page of a link, below the portal's address. */
export const schedulingPath = (token: string): string => `/sessions/${token}`;

/** Half-open: a session ending at 10:00 and one starting at 10:00 do not overlap. */
export function slotsOverlap(a: SessionSlot, b: SessionSlot): boolean {
  return Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);
}

/** The time a session holds in its engineer's calendar: its confirmed slot, while confirmed. */
export interface Booking {
  ticketId: string;
  ticketNumber: string;
  sessionId: string;
  engineerId: string;
  start: string;
  end: string;
}

export function bookingsOf(ticket: {
  id: string;
  number: string;
  remoteSessions: readonly RemoteSession[];
}): Booking[] {
  return ticket.remoteSessions.flatMap((session) =>
    session.status === 'confirmed' && session.confirmedSlot !== null
      ? [
          {
            ticketId: ticket.id,
            ticketNumber: ticket.number,
            sessionId: session.id,
            engineerId: session.engineer.id,
            ...session.confirmedSlot,
          },
        ]
      : [],
  );
}

/** The engineer's bookings that `slot` overlaps, leaving out the sessions named in `except`. */
export function overlappingBookings(
  slot: SessionSlot,
  engineerId: string,
  bookings: readonly Booking[],
  except: readonly string[] = [],
): Booking[] {
  return bookings.filter(
    (booking) =>
      booking.engineerId === engineerId && !except.includes(booking.sessionId) && slotsOverlap(slot, booking),
  );
}

/** The slot a session is known by: its confirmed time, or the first time offered. */
export const sessionSlot = (session: Pick<RemoteSession, 'confirmedSlot' | 'proposedSlots'>): SessionSlot =>
  // The schema holds at least one proposed slot.
  session.confirmedSlot ?? session.proposedSlots[0]!;

/** Where a session can be in its life, and which changes each state allows. */
export type SessionChange = 'confirm' | 'reschedule' | 'cancel' | 'complete' | 'no_show' | 'customer_pick';

const CHANGE_FROM: Record<SessionChange, RemoteSessionStatus[]> = {
  confirm: ['proposed'],
  customer_pick: ['proposed'],
  reschedule: ['proposed', 'confirmed'],
  cancel: ['proposed', 'confirmed'],
  complete: ['confirmed'],
  no_show: ['confirmed'],
};

const CHANGE_PHRASE: Record<SessionChange, string> = {
  confirm: 'be confirmed',
  customer_pick: 'be booked',
  reschedule: 'be rescheduled',
  cancel: 'be cancelled',
  complete: 'be completed',
  no_show: 'be marked as a no-show',
};

const STATUS_WHERE: Record<RemoteSessionStatus, string> = {
  proposed: 'still proposed',
  confirmed: 'confirmed',
  completed: 'completed',
  cancelled: 'cancelled',
  no_show: 'marked as a no-show',
  rescheduled: 'rescheduled',
};

const NEXT_STEP: Partial<Record<`${RemoteSessionStatus}:${SessionChange}`, string>> = {
  'cancelled:confirm': 'Propose new times instead.',
  'cancelled:customer_pick': 'Ask your engineer for new times.',
  'rescheduled:confirm': 'Work with the session that replaced it.',
  'rescheduled:cancel': 'Work with the session that replaced it.',
  'rescheduled:complete': 'Complete the session that replaced it.',
  'proposed:complete': 'Confirm a time first.',
  'proposed:no_show': 'Confirm a time first.',
  'confirmed:confirm': 'Reschedule it to change the time.',
};

/**
 * Whether a session in its current state may take `change`; the refusal names the session by its
 * time, so the engineer knows which one is meant. `now` matters for completing and no-shows: a
 * session that has not started cannot have happened.
 */
export function sessionChangeProblem(
  session: RemoteSession,
  change: SessionChange,
  now: Date,
  describe: (slot: SessionSlot) => string,
): string | null {
  const slot = sessionSlot(session);
  const name = `the session ${session.status === 'proposed' ? 'proposed for' : 'of'} ${describe(slot)}`;
  if (!CHANGE_FROM[change].includes(session.status)) {
    const hint = NEXT_STEP[`${session.status}:${change}`];
    return `${name} is ${STATUS_WHERE[session.status]}, so it cannot ${CHANGE_PHRASE[change]}.${hint ? ` ${hint}` : ''}`;
  }
  if ((change === 'complete' || change === 'no_show') && Date.parse(slot.start) > now.getTime()) {
    return `${name} has not started yet, so it cannot ${CHANGE_PHRASE[change]}; cancel or reschedule it instead.`;
  }
  return null;
}

/**
 * The customer's link is open while the session is a proposal and one of its times is still ahead:
 * it expires with the proposal.
 */
export function linkIsOpen(session: RemoteSession, now: Date): boolean {
  return session.status === 'proposed' && session.proposedSlots.some((slot) => Date.parse(slot.start) > now.getTime());
}

/** The calendar event of a session: its own id, until a reschedule carries an earlier one on. */
export function calendarOf(session: Pick<RemoteSession, 'id' | 'calendar'>): SessionCalendar {
  return session.calendar ?? { uid: `${session.id}@css-engineer-console`, sequence: 0 };
}

/** Customer working hours in their own zone: Monday to Friday, 08:00 to 18:00. */
export const WORKING_HOURS = { startHour: 8, endHour: 18 } as const;

/** Whether the whole slot falls in the customer's working hours, judged in their zone (DST included). */
export function withinWorkingHours(slot: SessionSlot, timeZone: string): boolean {
  const start = new TZDate(Date.parse(slot.start), timeZone);
  const end = new TZDate(Date.parse(slot.end), timeZone);
  const startMinutes = start.getHours() * 60 + start.getMinutes();
  const endMinutes = end.getHours() * 60 + end.getMinutes();
  const sameDay = format(start, 'yyyy-MM-dd') === format(end, 'yyyy-MM-dd');
  return (
    sameDay &&
    getISODay(start) <= 5 &&
    startMinutes >= WORKING_HOURS.startHour * 60 &&
    endMinutes <= WORKING_HOURS.endHour * 60
  );
}

/** "Tue 3 Mar 2026, 09:00–10:00 Europe/London (GMT+1)": the wall-clock time people in that zone see. */
export function slotInZone(slot: SessionSlot, timeZone: string): string {
  const start = new TZDate(Date.parse(slot.start), timeZone);
  const end = new TZDate(Date.parse(slot.end), timeZone);
  const sameDay = format(start, 'yyyy-MM-dd') === format(end, 'yyyy-MM-dd');
  const times = `${format(start, 'EEE d MMM yyyy, HH:mm')}–${format(end, sameDay ? 'HH:mm' : 'EEE d MMM HH:mm')}`;
  return timeZone === 'UTC' ? `${times} UTC` : `${times} ${timeZone} (${utcOffset(start, timeZone)})`;
}

/** The zone's offset at that instant, e.g. GMT+1 in London's summer, GMT+5:30 in Kolkata. */
export function utcOffset(at: Date, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((piece) => piece.type === 'timeZoneName');
  // Some ICU versions write London's winter offset as "GMT+0".
  return part?.value.replace(/^GMT\+0$/, 'GMT') ?? timeZone;
}

/** A slot as written into server messages and refusals: the same text on every machine. */
export const slotInUtc = (slot: SessionSlot): string => slotInZone(slot, 'UTC');
