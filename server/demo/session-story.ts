/**
 * Remote sessions in the demo, told as the console would have made them: proposed with a scheduling
 * link, booked by the customer or confirmed by the engineer, then completed, missed, cancelled or
 * moved. Every state appears, times fall in the customer's working hours, and no engineer is booked
 * twice at once.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, getISODay } from 'date-fns';
import type { Actor } from '../../shared/domain/people';
import {
  type RemoteSession,
  RemoteSessionStatus,
  type SessionSlot,
  calendarOf,
  sessionSlot,
  slotInUtc,
  slotInZone,
  slotsOverlap,
} from '../../shared/domain/remote-session';
import { proposalReply, schedulingLink } from '../../shared/mutations/session-change';
import type { DemoIssue } from './issues';
import type { DemoRandom } from './random';
import type { StoryTime } from './story-time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The states dealt in turn to the stories that end in investigation, so that each one appears. */
const STATES = RemoteSessionStatus.options;

const LINK_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** What the whole demo shares across tickets: whose turn each state is, and each engineer's calendar. */
export class DemoSessions {
  private dealt = 0;
  private readonly calendars = new Map<string, SessionSlot[]>();

  nextState(): RemoteSessionStatus {
    return STATES[this.dealt++ % STATES.length] as RemoteSessionStatus;
  }

  /**
   * A one-hour slot about `daysAhead` days after `fromMs`, on a weekday at 09:00–17:00 in `timeZone`,
   * free in the engineer's calendar (the next day otherwise), and now held there.
   */
  slot(random: DemoRandom, engineerId: string, fromMs: number, daysAhead: number, timeZone: string): SessionSlot {
    const calendar = this.calendars.get(engineerId) ?? [];
    let slot = slotOn(random, fromMs + daysAhead * DAY, timeZone);
    for (let day = 1; calendar.some((held) => slotsOverlap(held, slot)); day++) {
      slot = slotOn(random, fromMs + (daysAhead + day) * DAY, timeZone);
    }
    this.calendars.set(engineerId, [...calendar, slot]);
    return slot;
  }
}

function slotOn(random: DemoRandom, dayMs: number, timeZone: string): SessionSlot {
  let day = new TZDate(dayMs, timeZone);
  if (getISODay(day) > 5) day = addDays(day, 8 - getISODay(day));
  const hour = random.int(9, 16);
  const start = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), hour, random.pick([0, 30]), timeZone);
  return { start: new Date(start.getTime()).toISOString(), end: new Date(start.getTime() + HOUR).toISOString() };
}

function meetingLink(random: DemoRandom): string {
  return random.chance(0.75)
    ? `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${random.uuid().replaceAll('-', '')}%40thread.v2/0`
    : `Quick Assist code ${random.digits(6)}`;
}

const linkToken = (random: DemoRandom): string =>
  Array.from({ length: 32 }, () => LINK_ALPHABET[random.int(0, LINK_ALPHABET.length - 1)]).join('');

/** Where the story writes on the ticket: timeline entries at the story's current time. */
export interface SessionStory {
  random: DemoRandom;
  time: StoryTime;
  now: Date;
  engineer: Actor;
  issue: DemoIssue;
  ticket: { number: string; requesterName: string; timeZone: string };
  sessions: DemoSessions;
  event(text: string, actor: Actor | null): void;
  reply(direction: 'outbound' | 'inbound', name: string, body: string): void;
}

/**
 * The sessions of a story that schedules one in state `wanted` now. A session that took place needs
 * room before now; without it, it is still ahead (confirmed).
 */
export function scheduleSession(story: SessionStory, wanted: RemoteSessionStatus): RemoteSession[] {
  const { random, time, now, engineer, ticket, sessions } = story;
  const slotFrom = (fromMs: number, daysAhead: number) =>
    sessions.slot(random, engineer.id, fromMs, daysAhead, ticket.timeZone);
  const past = slotFrom(time.current, random.int(1, 3));
  const tookPlace = wanted === 'completed' || wanted === 'no_show';
  const fitsBeforeNow = Date.parse(past.end) < now.getTime() - HOUR;
  const status = tookPlace && !fitsBeforeNow ? 'confirmed' : wanted;
  const booked = status === 'completed' || status === 'no_show' || status === 'cancelled' ? past : null;

  if (status === 'proposed') {
    const slots = [1, 2, 3].slice(0, random.int(2, 3)).map((day) => slotFrom(now.getTime(), day));
    return [propose(story, slots, random.chance(0.5) ? meetingLink(random) : null)];
  }
  const slot = booked ?? slotFrom(now.getTime(), random.int(1, 4));
  const offered = random.chance(0.5) ? [slot] : [slot, slotFrom(Date.parse(slot.start), 1)];
  const proposal = propose(story, offered, meetingLink(random));
  // Booked a third of the way to the session, and cancelled three hours before it, both before now.
  time.moveTo(time.current + Math.max(0, Date.parse(slot.start) - time.current) / 3);
  const confirmed = confirm(story, proposal, slot);
  switch (status) {
    case 'confirmed':
      return [confirmed];
    case 'completed':
    case 'no_show':
      time.moveTo(Date.parse(slot.end) + random.int(5, 90) * MINUTE);
      return [status === 'completed' ? complete(story, confirmed) : noShow(story, confirmed)];
    case 'cancelled':
      time.moveTo(Date.parse(slot.start) - 3 * HOUR);
      return [cancel(story, confirmed)];
    default: {
      time.later(60, 24 * 60);
      const moved = slotFrom(Date.parse(slot.start), random.int(1, 3));
      return reschedule(story, confirmed, moved);
    }
  }
}

function propose(story: SessionStory, slots: SessionSlot[], link: string | null): RemoteSession {
  const { random, time, engineer, ticket } = story;
  const at = time.iso();
  const token = linkToken(random);
  const greeting = `Hello ${ticket.requesterName.split(' ')[0]}, to look at this together I would like to schedule a remote session with the customer's administrator (about one hour).`;
  story.reply(
    'outbound',
    engineer.name,
    proposalReply(greeting, slots, ticket.timeZone, schedulingLink({ portalUrl: null }, token)),
  );
  return {
    id: random.uuid(),
    status: 'proposed',
    proposedSlots: slots,
    confirmedSlot: null,
    meetingLink: link,
    outcomeNotes: null,
    engineer,
    createdAt: at,
    updatedAt: at,
    replaces: null,
    replacedBy: null,
    confirmedBy: null,
    cancelReason: null,
    customerRequest: null,
    overlapReason: null,
    linkToken: token,
    calendar: null,
  };
}

/** The customer books on the scheduling page, or answers by e-mail and the engineer records it. */
function confirm(story: SessionStory, session: RemoteSession, slot: SessionSlot): RemoteSession {
  const { random, time, engineer, ticket } = story;
  const byCustomer = random.chance(0.5);
  const forCustomer = slotInZone(slot, ticket.timeZone);
  if (byCustomer) {
    story.event(
      `The customer booked the remote session on the scheduling page: ${forCustomer} for the customer (${slotInUtc(slot)}).`,
      null,
    );
  } else {
    story.reply('inbound', ticket.requesterName, `${forCustomer} works for us; our administrator will join.`);
    story.event(
      `Remote session confirmed as the customer chose: ${forCustomer} for the customer (${slotInUtc(slot)}).`,
      engineer,
    );
  }
  return {
    ...session,
    status: 'confirmed',
    confirmedSlot: slot,
    confirmedBy: byCustomer ? 'customer' : 'engineer',
    updatedAt: time.iso(),
  };
}

function complete(story: SessionStory, session: RemoteSession): RemoteSession {
  const notes = `Session with the customer's administrator. ${story.issue.finding}`;
  story.event(`Remote session of ${slotInUtc(sessionSlot(session))} completed: ${notes}`, story.engineer);
  return { ...session, status: 'completed', outcomeNotes: notes, updatedAt: story.time.iso() };
}

function noShow(story: SessionStory, session: RemoteSession): RemoteSession {
  const note = 'Waited 15 minutes and called the customer twice; new times to be proposed by e-mail.';
  story.event(
    `The customer did not join the remote session of ${slotInUtc(sessionSlot(session))}: ${note}`,
    story.engineer,
  );
  return { ...session, status: 'no_show', outcomeNotes: note, updatedAt: story.time.iso() };
}

function cancel(story: SessionStory, session: RemoteSession): RemoteSession {
  const { engineer, ticket, time } = story;
  const slot = sessionSlot(session);
  const reason = "The customer's administrator is not available that day; we will propose new times.";
  story.event(`Remote session of ${slotInUtc(slot)} cancelled: ${reason}`, engineer);
  story.reply(
    'outbound',
    engineer.name,
    `The remote session of ${slotInZone(slot, ticket.timeZone)} is cancelled.\n\n${reason}`,
  );
  const calendar = calendarOf(session);
  return {
    ...session,
    status: 'cancelled',
    cancelReason: reason,
    updatedAt: time.iso(),
    // The CANCEL of a booked event outranks the invite it withdraws.
    calendar: { uid: calendar.uid, sequence: calendar.sequence + 1 },
  };
}

/** The old session points to the new one, which carries the same calendar event on, one sequence up. */
function reschedule(story: SessionStory, old: RemoteSession, slot: SessionSlot): RemoteSession[] {
  const { random, engineer, ticket, time } = story;
  const at = time.iso();
  const was = sessionSlot(old);
  const reason = 'The customer asked to move it: their administrator is travelling that day.';
  const calendar = calendarOf(old);
  const replacement: RemoteSession = {
    ...old,
    id: random.uuid(),
    status: 'confirmed',
    proposedSlots: [slot],
    confirmedSlot: slot,
    confirmedBy: 'engineer',
    createdAt: at,
    updatedAt: at,
    replaces: old.id,
    replacedBy: null,
    linkToken: null,
    calendar: { uid: calendar.uid, sequence: calendar.sequence + 1 },
  };
  story.event(`Remote session moved from ${slotInUtc(was)} to ${slotInUtc(slot)}: ${reason}`, engineer);
  const join = replacement.meetingLink === null ? '' : `\n\nJoin: ${replacement.meetingLink}`;
  story.reply(
    'outbound',
    engineer.name,
    `Your remote session has moved to ${slotInZone(slot, ticket.timeZone)} (it was ${slotInZone(was, ticket.timeZone)}).\n\n${reason}${join}`,
  );
  return [{ ...old, status: 'rescheduled', replacedBy: replacement.id, updatedAt: at }, replacement];
}
