// Remote sessions: proposing, confirming, rescheduling, cancelling, completing and no-shows, the customer's pick and request, and every refusal.
import { describe, expect, it } from 'vitest';
import type { RemoteSession, SessionSlot } from '../../../../shared/domain/remote-session';
import { slotInUtc, slotInZone } from '../../../../shared/domain/remote-session';
import type { Ticket } from '../../../../shared/domain/ticket';
import {
  type MutationContext,
  type RefusalCode,
  applyMutation,
  cancelSession,
  completeSession,
  confirmSession,
  customerAsksOtherTimes,
  customerPicksSlot,
  markSessionNoShow,
  proposeSession,
  rescheduleSession,
} from '../../../../shared/mutations';
import { proposalReply } from '../../../../shared/mutations/session-change';
import {
  ENGINEER,
  FIXED_NOW,
  SESSION_ID,
  SESSION_LINK_TOKEN,
  SESSION_SLOTS,
  TEAMS_LINK,
  TICKET_ID,
  TICKET_NUMBER,
  entryId,
  makeContext,
  makeRemoteSession,
  makeTicketInStage,
} from '../../../fixtures/tickets';
import { applyTo, expectApplied, expectRefused } from './apply';

const slot = (start: string, minutes = 60): SessionSlot => ({
  start,
  end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
});
/** FIXED_NOW is Monday 10 March 2025, 09:00 UTC. */
const [TUESDAY, WEDNESDAY] = SESSION_SLOTS;
const FRIDAY = slot('2025-03-14T09:30:00.000Z');
const NEW_SESSION_ID = '00000000-0000-4000-9000-000000000002';
const TOKEN = SESSION_LINK_TOKEN;
const TEAMS = TEAMS_LINK;
const [eventId, replyId] = [entryId(1), entryId(2)];

const withPortal: MutationContext = makeContext({
  team: { ...makeContext().team, portalUrl: 'https://portal.example/' },
});

const session = makeRemoteSession;

const booked = (overrides: Partial<RemoteSession> = {}) =>
  session({ status: 'confirmed', confirmedSlot: TUESDAY, confirmedBy: 'engineer', ...overrides });

const investigating = (...sessions: RemoteSession[]): Ticket =>
  makeTicketInStage('investigation', { remoteSessions: sessions });

const sessionOf = (ticket: Ticket, id = SESSION_ID) => ticket.remoteSessions.find((candidate) => candidate.id === id);

/** The refusal of a change whose arguments break their schema: every failing field, in words. */
function argsRefusal(ticket: Ticket, name: string, args: Record<string, unknown>, code: RefusalCode = 'invalid_args') {
  const result = applyMutation(ticket, { id: entryId(99), name, args, createdAt: FIXED_NOW }, makeContext());
  if (result.ok) expect.fail(`expected ${name} to be refused`);
  expect(result.refusal.code).toBe(code);
  return result.refusal.message;
}

const proposeArgs = (overrides: Record<string, unknown> = {}) => ({
  ticketId: TICKET_ID,
  sessionId: SESSION_ID,
  slots: [TUESDAY, WEDNESDAY],
  meetingLink: TEAMS,
  linkToken: TOKEN,
  message: 'To look at the queue together, I would like to schedule a remote session.',
  replyId,
  overlapReason: null,
  ...overrides,
});

describe('proposeSession', () => {
  it("adds the proposal with its link, and replies with the times in the customer's zone and the absolute link", () => {
    const ticket = investigating();
    const result = expectApplied(applyTo(proposeSession, ticket, proposeArgs(), withPortal));
    expect(sessionOf(result)).toEqual(session({ createdAt: FIXED_NOW, updatedAt: FIXED_NOW }));
    const link = `https://portal.example/sessions/${TOKEN}`;
    expect(result.timeline.at(-1)).toEqual({
      id: replyId,
      at: FIXED_NOW,
      kind: 'customer_reply',
      direction: 'outbound',
      author: { name: ENGINEER.name },
      body: proposalReply(proposeArgs().message, [TUESDAY, WEDNESDAY], 'Europe/Rome', link),
    });
    expect(result.timeline.at(-1)).toMatchObject({
      body: expect.stringContaining(`1. Tue 11 Mar 2025, 11:00–12:00 Europe/Rome (GMT+1)`) as string,
    });
  });

  it('is allowed while escalated, and refused in validation, in resolution and once closed', () => {
    expectApplied(applyTo(proposeSession, makeTicketInStage('escalated'), proposeArgs()));
    for (const stage of ['validation', 'resolution'] as const) {
      expectRefused(applyTo(proposeSession, makeTicketInStage(stage), proposeArgs()), 'illegal_transition');
    }
    expect(expectRefused(applyTo(proposeSession, makeTicketInStage('closed'), proposeArgs()), 'ticket_closed')).toMatch(
      /is closed: reopen it before proposing a remote session/,
    );
  });

  it.each([
    [
      'an end before the start',
      { slots: [{ start: TUESDAY.end, end: TUESDAY.start }] },
      'The session must end after it starts',
    ],
    ['a session of 10 minutes', { slots: [slot(TUESDAY.start, 10)] }, 'A session lasts at least 15 minutes'],
    ['a session of 9 hours', { slots: [slot(TUESDAY.start, 540)] }, 'A session lasts at most 8 hours'],
    [
      'a local time',
      { slots: [{ start: '2025-03-11T10:00:00+01:00', end: TUESDAY.end }] },
      'The start must be a UTC time',
    ],
    ['two overlapping times', { slots: [TUESDAY, slot('2025-03-11T10:30:00.000Z')] }, 'Two proposed times overlap'],
    ['no time', { slots: [] }, 'Propose at least one time'],
    [
      'six times',
      { slots: [1, 2, 3, 4, 5, 6].map((day) => slot(`2025-03-${10 + day}T10:00:00.000Z`)) },
      'Propose at most 5 times',
    ],
    ['an http link', { meetingLink: 'http://teams.microsoft.com/l/x' }, 'The meeting link must start with https://'],
    [
      'a malformed link',
      { meetingLink: 'https://teams microsoft.com/x' },
      'The meeting link is not a valid web address',
    ],
    [
      'neither a link nor a code',
      { meetingLink: 'call me' },
      'Give an https:// meeting link (e.g. Teams) or a remote-assistance code',
    ],
    ['a short link token', { linkToken: 'abc' }, 'The scheduling link token must be 32 letters'],
    ['an empty message', { message: '  ' }, 'The message to the customer is empty'],
    ['an empty overlap reason', { overlapReason: ' ' }, 'Say why the session may overlap another one'],
  ])('refuses %s', (_case, overrides, message) => {
    expect(argsRefusal(investigating(), 'proposeSession', proposeArgs(overrides))).toContain(message);
  });

  it('accepts a remote-assistance code instead of a link', () => {
    const result = expectApplied(
      applyTo(proposeSession, investigating(), proposeArgs({ meetingLink: 'Quick Assist code 482913' })),
    );
    expect(sessionOf(result)?.meetingLink).toBe('Quick Assist code 482913');
  });

  it('refuses a time that has already started, naming it and the time now', () => {
    const started = slot('2025-03-10T08:30:00.000Z');
    const message = expectRefused(
      applyTo(proposeSession, investigating(), proposeArgs({ slots: [TUESDAY, started] })),
      'invalid_args',
    );
    expect(message).toBe(
      `${TICKET_NUMBER}: ${slotInUtc(started)} has already started or passed (it is now 2025-03-10 09:00 UTC); choose a time ahead.`,
    );
  });

  it('refuses a session id the ticket already has', () => {
    expectRefused(applyTo(proposeSession, investigating(session()), proposeArgs()), 'invalid_args');
  });
});

describe('confirmSession', () => {
  const args = (overrides: Record<string, unknown> = {}) => ({
    ticketId: TICKET_ID,
    sessionId: SESSION_ID,
    slot: WEDNESDAY,
    meetingLink: null,
    eventId,
    overlapReason: null,
    ...overrides,
  });

  it("books the customer's choice, keeping the link, with the time in both zones on the timeline", () => {
    const result = expectApplied(applyTo(confirmSession, investigating(session()), args()));
    expect(sessionOf(result)).toEqual(
      session({ status: 'confirmed', confirmedSlot: WEDNESDAY, confirmedBy: 'engineer', updatedAt: FIXED_NOW }),
    );
    expect(result.timeline.at(-1)).toMatchObject({
      kind: 'system_event',
      text: `Remote session confirmed as the customer chose: ${slotInZone(WEDNESDAY, 'Europe/Rome')} for the customer (${slotInUtc(WEDNESDAY)}).`,
    });
  });

  it('refuses a time that was not proposed', () => {
    expect(
      expectRefused(applyTo(confirmSession, investigating(session()), args({ slot: FRIDAY })), 'invalid_args'),
    ).toMatch(/is not one of the times proposed for this session; choose one of them, or reschedule\.$/);
  });

  it('refuses to confirm a cancelled session, saying what to do instead', () => {
    const cancelled = session({ status: 'cancelled', cancelReason: 'Not needed.' });
    expect(expectRefused(applyTo(confirmSession, investigating(cancelled), args()), 'illegal_transition')).toBe(
      `${TICKET_NUMBER}: the session of ${slotInUtc(TUESDAY)} is cancelled, so it cannot be confirmed. Propose new times instead.`,
    );
  });

  it('refuses to confirm twice, a session the ticket does not have, and a proposed time that has passed', () => {
    expectRefused(applyTo(confirmSession, investigating(booked()), args()), 'illegal_transition');
    expectRefused(applyTo(confirmSession, investigating(), args()), 'invalid_args');
    const started = session({ proposedSlots: [slot('2025-03-10T08:00:00.000Z'), WEDNESDAY] });
    expectRefused(
      applyTo(confirmSession, investigating(started), args({ slot: slot('2025-03-10T08:00:00.000Z') })),
      'invalid_args',
    );
  });
});

describe('rescheduleSession', () => {
  const args = (overrides: Record<string, unknown> = {}) => ({
    ticketId: TICKET_ID,
    sessionId: SESSION_ID,
    newSessionId: NEW_SESSION_ID,
    slot: FRIDAY,
    meetingLink: null,
    reason: 'The administrator is travelling on Tuesday.',
    eventId,
    replyId,
    overlapReason: null,
    ...overrides,
  });

  it('replaces the booking with a new session linked both ways, carrying the calendar event on', () => {
    const result = expectApplied(applyTo(rescheduleSession, investigating(booked()), args()));
    expect(sessionOf(result)).toMatchObject({ status: 'rescheduled', replacedBy: NEW_SESSION_ID });
    expect(sessionOf(result, NEW_SESSION_ID)).toMatchObject({
      status: 'confirmed',
      replaces: SESSION_ID,
      proposedSlots: [FRIDAY],
      confirmedSlot: FRIDAY,
      meetingLink: TEAMS,
      linkToken: null,
      calendar: { uid: `${SESSION_ID}@css-engineer-console`, sequence: 1 },
    });
    expect(result.timeline.slice(-2)).toMatchObject([
      {
        kind: 'system_event',
        text: expect.stringContaining(`moved from ${slotInUtc(TUESDAY)} to ${slotInUtc(FRIDAY)}`) as string,
      },
      {
        kind: 'customer_reply',
        direction: 'outbound',
        body: expect.stringContaining(slotInZone(FRIDAY, 'Europe/Rome')) as string,
      },
    ]);
  });

  it('refuses to reschedule a completed session, into the past, or without a reason', () => {
    expectRefused(
      applyTo(rescheduleSession, investigating(booked({ status: 'completed' })), args()),
      'illegal_transition',
    );
    expectRefused(
      applyTo(rescheduleSession, investigating(booked()), args({ slot: slot('2025-03-10T08:00:00.000Z') })),
      'invalid_args',
    );
    expect(argsRefusal(investigating(booked()), 'rescheduleSession', args({ reason: '' }))).toContain(
      'The reason for the new time is empty',
    );
  });
});

describe('cancelSession', () => {
  const args = { ticketId: TICKET_ID, sessionId: SESSION_ID, reason: 'The issue is solved.', eventId, replyId };

  it('withdraws a proposal with its reason, telling the customer', () => {
    const result = expectApplied(applyTo(cancelSession, investigating(session()), args));
    expect(sessionOf(result)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'The issue is solved.',
      calendar: null,
    });
    expect(result.timeline.at(-1)).toMatchObject({
      kind: 'customer_reply',
      body: expect.stringContaining('The issue is solved.') as string,
    });
  });

  it('cancels a booking with a calendar sequence above the invite it withdraws', () => {
    const result = expectApplied(applyTo(cancelSession, investigating(booked()), args));
    expect(sessionOf(result)?.calendar).toEqual({ uid: `${SESSION_ID}@css-engineer-console`, sequence: 1 });
  });

  it('refuses to cancel twice, or without a reason', () => {
    expectRefused(applyTo(cancelSession, investigating(session({ status: 'cancelled' })), args), 'illegal_transition');
    expect(argsRefusal(investigating(session()), 'cancelSession', { ...args, reason: ' ' })).toContain(
      'The reason for cancelling is empty',
    );
  });
});

describe('completeSession and markSessionNoShow', () => {
  const over = booked({
    proposedSlots: [slot('2025-03-10T07:00:00.000Z')],
    confirmedSlot: slot('2025-03-10T07:00:00.000Z'),
  });
  const complete = {
    ticketId: TICKET_ID,
    sessionId: SESSION_ID,
    outcomeNotes: 'Re-enabled DKIM; mail flows.',
    eventId,
  };

  it('completes a session that has started, with the outcome notes on the session and the timeline', () => {
    const result = expectApplied(applyTo(completeSession, investigating(over), complete));
    expect(sessionOf(result)).toMatchObject({ status: 'completed', outcomeNotes: 'Re-enabled DKIM; mail flows.' });
    expect(result.timeline.at(-1)).toMatchObject({
      text: expect.stringContaining('completed: Re-enabled DKIM') as string,
    });
  });

  it('refuses to complete a session before it starts, or one still proposed', () => {
    expect(expectRefused(applyTo(completeSession, investigating(booked()), complete), 'illegal_transition')).toMatch(
      /has not started yet, so it cannot be completed; cancel or reschedule it instead\.$/,
    );
    expect(expectRefused(applyTo(completeSession, investigating(session()), complete), 'illegal_transition')).toMatch(
      /Confirm a time first\.$/,
    );
    expect(argsRefusal(investigating(over), 'completeSession', { ...complete, outcomeNotes: '' })).toContain(
      'The outcome notes is empty',
    );
  });

  it('marks a no-show once the session has started, with or without a note', () => {
    const args = { ticketId: TICKET_ID, sessionId: SESSION_ID, note: null, eventId };
    expect(sessionOf(expectApplied(applyTo(markSessionNoShow, investigating(over), args)))?.status).toBe('no_show');
    expectRefused(applyTo(markSessionNoShow, investigating(booked()), args), 'illegal_transition');
  });
});

describe("the customer's pick and request", () => {
  const ids = { eventId, replyId };

  it('books an offered time for the customer, keeping the link open to show the booking', () => {
    const result = customerPicksSlot(investigating(session()), SESSION_ID, WEDNESDAY, FIXED_NOW, ids);
    const ticket = expectApplied(result);
    expect(sessionOf(ticket)).toMatchObject({ status: 'confirmed', confirmedBy: 'customer', linkToken: TOKEN });
    expect(ticket.timeline.at(-1)).toMatchObject({
      actor: null,
      text: expect.stringContaining('The customer booked') as string,
    });
  });

  it('refuses a withdrawn time, a booked session, and a proposal whose times have all passed', () => {
    expectRefused(customerPicksSlot(investigating(session()), SESSION_ID, FRIDAY, FIXED_NOW, ids), 'invalid_args');
    expectRefused(
      customerPicksSlot(investigating(booked()), SESSION_ID, WEDNESDAY, FIXED_NOW, ids),
      'illegal_transition',
    );
    const later = '2025-03-13T09:00:00.000Z';
    expect(
      expectRefused(
        customerPicksSlot(investigating(session()), SESSION_ID, WEDNESDAY, later, ids),
        'illegal_transition',
      ),
    ).toMatch(/the times offered have all passed/);
  });

  it('withdraws the proposal when the customer asks for other times, their words on the timeline', () => {
    const ticket = expectApplied(
      customerAsksOtherTimes(investigating(session()), SESSION_ID, 'Thursday morning?', FIXED_NOW, ids),
    );
    expect(sessionOf(ticket)).toMatchObject({ status: 'cancelled', customerRequest: 'Thursday morning?' });
    expect(ticket.timeline.at(-1)).toMatchObject({
      kind: 'customer_reply',
      direction: 'inbound',
      body: 'Thursday morning?',
    });
  });
});
