/** Remote sessions in the demo: proposed and confirmed ones ahead, completed, cancelled and no-show ones behind. */
import type { Actor } from '../../shared/domain/people';
import type { RemoteSession, RemoteSessionStatus, SessionSlot } from '../../shared/domain/remote-session';
import type { DemoIssue } from './issues';
import type { DemoRandom } from './random';
import type { StoryTime } from './story-time';

const HOUR = 3_600_000;

/** A one-hour slot `daysAhead` days after `fromMs`, starting on the hour or half hour, in European office hours. */
function slotAfter(random: DemoRandom, fromMs: number, daysAhead: number): SessionSlot {
  const start = new Date(fromMs + daysAhead * 24 * HOUR);
  start.setUTCHours(random.int(7, 15), random.pick([0, 30]), 0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + HOUR).toISOString() };
}

function meetingLink(random: DemoRandom): string {
  return random.chance(0.75)
    ? `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${random.uuid().replaceAll('-', '')}%40thread.v2/0`
    : `Quick Assist code ${random.digits(6)}`;
}

/**
 * A session scheduled now in the story. Sessions that already took place move the story past their
 * end; when there is no room for that before now, the session is still ahead (confirmed).
 */
export function scheduleSession(
  random: DemoRandom,
  time: StoryTime,
  now: Date,
  engineer: Actor,
  issue: DemoIssue,
  wanted: RemoteSessionStatus,
): RemoteSession {
  const createdAt = time.iso();
  const past = slotAfter(random, time.current, random.int(1, 3));
  const fitsBeforeNow = new Date(past.end).getTime() < now.getTime() - HOUR;
  const status: RemoteSessionStatus =
    !fitsBeforeNow && (wanted === 'completed' || wanted === 'no_show' || wanted === 'cancelled') ? 'confirmed' : wanted;
  const base = {
    id: random.uuid(),
    engineer,
    createdAt,
    updatedAt: createdAt,
    outcomeNotes: null,
    confirmedSlot: null,
    replaces: null,
    replacedBy: null,
    confirmedBy: null,
    cancelReason: null,
    customerRequest: null,
    overlapReason: null,
    linkToken: null,
    calendar: null,
  };
  switch (status) {
    case 'proposed':
      return {
        ...base,
        status,
        proposedSlots: [1, 2, 3].slice(0, random.int(2, 3)).map((day) => slotAfter(random, now.getTime(), day)),
        meetingLink: null,
      };
    case 'confirmed': {
      const slot = slotAfter(random, now.getTime(), random.int(1, 4));
      return { ...base, status, proposedSlots: [slot], confirmedSlot: slot, confirmedBy: 'engineer', meetingLink: meetingLink(random) };
    }
    case 'cancelled':
      time.moveTo(new Date(past.start).getTime() - 3 * HOUR);
      return {
        ...base,
        status,
        proposedSlots: [past, slotAfter(random, time.current, 2)],
        outcomeNotes: 'Cancelled by the customer: their administrator was unavailable. New slots to be proposed.',
        meetingLink: null,
      };
    case 'completed':
    case 'no_show':
    case 'rescheduled':
      time.moveTo(new Date(past.end).getTime() + random.int(5, 90) * 60_000);
      return {
        ...base,
        status,
        proposedSlots: [past],
        confirmedSlot: past,
        meetingLink: meetingLink(random),
        outcomeNotes:
          status === 'completed'
            ? `Session with the customer's administrator. ${issue.finding}`
            : 'The customer did not join; waited 15 minutes and sent new slots by e-mail.',
      };
  }
}
