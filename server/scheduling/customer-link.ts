/**
 * The customer's side of a scheduling link: where the link stands (open, booked, withdrawn…) and the
 * two things the customer can do with an open one, each checked and saved in one transaction exactly
 * as a pushed change is, so the console pulls it. Every refusal is in words a customer understands.
 */
import { randomUUID } from 'node:crypto';
import { sessionStageProblem } from '../../shared/domain/flow';
import {
  LINK_TOKEN_PATTERN,
  type RemoteSession,
  type SessionSlot,
  linkIsOpen,
} from '../../shared/domain/remote-session';
import type { Ticket } from '../../shared/domain/ticket';
import { Instant } from '../../shared/domain/time';
import { type ApplyResult, customerAsksOtherTimes, customerPicksSlot } from '../../shared/mutations';
import type { PortalDatabase } from '../db';
import { ticketLimitRefusal } from '../ticket-limits';
import { sessionRefusal } from './session-refusal';

/** The session a link was made for, and the one standing for it now (its replacement, once rescheduled). */
export interface LinkedSession {
  ticket: Ticket;
  offered: RemoteSession;
  current: RemoteSession;
}

/** A reschedule chain longer than this is not followed: the schema cannot rule out a loop. */
const MAX_RESCHEDULES = 20;

/**
 * The session behind a token, or null for a malformed, unknown or dangling one: all a forged link.
 * `lock` holds the ticket for the transaction that is about to change it (see lockTicket).
 */
export async function findLinkedSession(
  db: PortalDatabase,
  token: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<LinkedSession | null> {
  if (!LINK_TOKEN_PATTERN.test(token)) return null;
  const link = await db.sessions.findLink(token);
  const ticket = link === null ? null : await (lock ? db.lockTicket(link.ticketId) : db.findTicket(link.ticketId));
  const byId = (id: string | null) => ticket?.remoteSessions.find((session) => session.id === id);
  const offered = byId(link?.sessionId ?? null);
  if (ticket === null || offered === undefined) return null;
  let current = offered;
  for (let step = 0; step < MAX_RESCHEDULES && current.status === 'rescheduled'; step++) {
    current = byId(current.replacedBy) ?? current;
  }
  return { ticket, offered, current };
}

/**
 * Where a link stands for the customer. `expired`: a proposal whose times have all passed; `closed`: a
 * proposal on a request that has moved past remote sessions; `asked`: withdrawn because the customer
 * asked for other times.
 */
export type LinkState = 'open' | 'expired' | 'closed' | 'booked' | 'held' | 'cancelled' | 'asked';

export function linkState({ ticket, current }: LinkedSession, now: Date): LinkState {
  switch (current.status) {
    case 'proposed':
      if (ticket.stage === 'closed' || sessionStageProblem(ticket) !== null) return 'closed';
      return linkIsOpen(current, now) ? 'open' : 'expired';
    case 'confirmed':
      return 'booked';
    case 'completed':
    case 'no_show':
      return 'held';
    case 'cancelled':
      return current.customerRequest === null ? 'cancelled' : 'asked';
    case 'rescheduled':
      // Only when the chain is broken: the replacement is missing.
      return 'closed';
  }
}

/** Why a link in `state` takes no booking or request, in the customer's words. */
export const CLOSED_LINK_PROBLEM: Record<Exclude<LinkState, 'open'>, string> = {
  expired: 'The times offered have all passed, so none can be booked. Reply to your engineer to ask for new times.',
  closed: 'This proposal is closed: your request has moved on. Reply to your engineer if you still need a session.',
  booked: 'This session is already booked (see below). To change the time, reply to your engineer.',
  held: 'This session has already taken place.',
  cancelled: 'This proposal was withdrawn, so its times can no longer be booked.',
  asked: 'You have already asked for other times: your engineer will propose new ones.',
};

export const NOT_FREE = 'This time is no longer free: pick another one.';
export const NOT_OFFERED = 'That time is not one of the times offered (any more): pick one of the times below.';
export const PASSED = 'That time has already passed: pick a later one.';
const NOT_SAVED = 'Your choice could not be saved. Please try again, or reply to your engineer.';

/** A refusal `atMessage` is about the message the customer wrote, not about the link or the time. */
export type CustomerOutcome =
  { ok: true } | { ok: false; problem: string; atMessage?: true } | { ok: false; invalidLink: true };

/** A time as the page posts it: "start/end", the instants of one of the offered slots. */
export function parseSlotChoice(text: string | undefined): SessionSlot | null {
  const [start, end, ...rest] = (text ?? '').split('/');
  if (rest.length > 0 || !Instant.safeParse(start).success || !Instant.safeParse(end).success) return null;
  return { start: start as string, end: end as string };
}

const sameSlot = (a: SessionSlot, b: SessionSlot) =>
  Date.parse(a.start) === Date.parse(b.start) && Date.parse(a.end) === Date.parse(b.end);

/** The ticket as the customer's booking of `slot` would leave it, or why the slot cannot be booked now. */
type Checked = { ok: true; ticket: Ticket } | { ok: false; problem: string };

export async function tryPick(
  db: PortalDatabase,
  { ticket, current }: LinkedSession,
  slot: SessionSlot,
  now: Date,
): Promise<Checked> {
  if (Date.parse(slot.start) <= now.getTime()) return { ok: false, problem: PASSED };
  const ids = { eventId: randomUUID(), replyId: randomUUID() };
  return checked(db, ticket, customerPicksSlot(ticket, current.id, slot, now.toISOString(), ids));
}

/** A customer's change passes what a pushed one passes: the engineer's calendar and the ticket's size. */
async function checked(db: PortalDatabase, ticket: Ticket, result: ApplyResult): Promise<Checked> {
  if (!result.ok) return { ok: false, problem: NOT_SAVED };
  const refusal =
    (await sessionRefusal(db.sessions, ticket, result.ticket)) ?? ticketLimitRefusal(ticket, result.ticket);
  if (refusal !== null) return { ok: false, problem: refusal.code === 'session_overlap' ? NOT_FREE : NOT_SAVED };
  return { ok: true, ticket: result.ticket };
}

/** Saved as a pushed change is: a new version and change number, stamped with the server's time. */
async function save(db: PortalDatabase, before: Ticket, after: Ticket, now: Date): Promise<void> {
  const serverSeq = await db.nextSeq();
  await db.saveTicket({ ...after, version: before.version + 1, serverSeq, updatedAt: now.toISOString() });
}

/** Runs `change` on the open link's session in one transaction, saving what it returns. */
function onOpenLink(
  db: PortalDatabase,
  token: string,
  now: Date,
  change: (
    linked: LinkedSession,
    tx: PortalDatabase,
  ) => Promise<{ ok: true; ticket: Ticket } | { ok: false; problem: string; atMessage?: true }>,
): Promise<CustomerOutcome> {
  return db.transaction(async (tx): Promise<CustomerOutcome> => {
    const linked = await findLinkedSession(tx, token, { lock: true });
    if (linked === null) return { ok: false, invalidLink: true };
    const state = linkState(linked, now);
    if (state !== 'open') return { ok: false, problem: CLOSED_LINK_PROBLEM[state] };
    const outcome = await change(linked, tx);
    if (!outcome.ok) return outcome;
    await save(tx, linked.ticket, outcome.ticket, now);
    return { ok: true };
  });
}

/** The customer books one of the offered times. */
export function bookSlot(
  db: PortalDatabase,
  token: string,
  choice: string | undefined,
  now: Date,
): Promise<CustomerOutcome> {
  return onOpenLink(db, token, now, async (linked, tx) => {
    const chosen = parseSlotChoice(choice);
    const offered = chosen === null ? undefined : linked.current.proposedSlots.find((slot) => sameSlot(slot, chosen));
    if (offered === undefined) return { ok: false, problem: NOT_OFFERED };
    // Booked as stored in the proposal, whatever spelling of the same instants was posted.
    return tryPick(tx, linked, offered, now);
  });
}

export const MAX_REQUEST_LENGTH = 2000;

/** What is wrong with the customer's message asking for other times, or null. */
export function requestProblem(message: string): string | null {
  if (message.trim() === '') return 'Write which days and times suit you, so your engineer can propose new ones.';
  if (message.trim().length > MAX_REQUEST_LENGTH) {
    return `Your message is longer than ${MAX_REQUEST_LENGTH.toLocaleString('en')} characters: please shorten it.`;
  }
  return null;
}

/** The customer asks for other times: the proposal is withdrawn, their message on the timeline. */
export function askOtherTimes(db: PortalDatabase, token: string, message: string, now: Date): Promise<CustomerOutcome> {
  return onOpenLink(db, token, now, async ({ ticket, current }, tx) => {
    const problem = requestProblem(message);
    if (problem !== null) return { ok: false, problem, atMessage: true };
    const ids = { eventId: randomUUID(), replyId: randomUUID() };
    return checked(tx, ticket, customerAsksOtherTimes(ticket, current.id, message.trim(), now.toISOString(), ids));
  });
}

/** Whether `slot` can still be picked, for the page's list: free, already started, or clashing. */
export type SlotAvailability = 'free' | 'passed' | 'taken';

export async function availabilityOf(
  db: PortalDatabase,
  linked: LinkedSession,
  slot: SessionSlot,
  now: Date,
): Promise<SlotAvailability> {
  const pick = await tryPick(db, linked, slot, now);
  if (pick.ok) return 'free';
  return pick.problem === PASSED ? 'passed' : 'taken';
}
