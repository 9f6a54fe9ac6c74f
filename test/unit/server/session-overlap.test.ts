// Push refuses a remote-session time that overlaps another confirmed session of the same engineer, unless forced with a reason.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ticket } from '../../../shared/domain/ticket';
import type { Mutation } from '../../../shared/mutations';
import {
  type Portal,
  cancelSession,
  confirmSession,
  giulia,
  linkToken,
  marco,
  proposeSession,
  push as pushAs,
  seededPortal,
  signIn,
  slotAt,
  snapshot,
  allTickets,
} from './fixtures';

/** A month ahead, where the demo books nothing. */
const MONTH = 30 * 24;

const earlier = (slot: { start: string; end: string }, minutes: number) => ({
  start: new Date(Date.parse(slot.start) - minutes * 60_000).toISOString(),
  end: new Date(Date.parse(slot.end) - minutes * 60_000).toISOString(),
});

describe('the overlap rule on push', () => {
  let portal: Portal;
  let token: string;
  let first: Ticket;
  let second: Ticket;
  beforeEach(async () => {
    portal = await seededPortal();
    token = await signIn(portal.app, giulia.email);
    [first, second] = (await allTickets(portal.db)).filter(
      (ticket) => ticket.assignee?.id === giulia.id && ticket.stage === 'investigation',
    ) as [Ticket, Ticket];
  });
  afterEach(() => portal.close());

  const push = (mutations: Mutation[], as = token) => pushAs(portal.app, as, mutations);
  const bookings = () => portal.db.sql.all('SELECT ticket_id, session_id, starts_at, ends_at FROM session_bookings');

  /** Books `slot` for giulia on the first ticket: proposed, then confirmed. */
  async function book(slot: { start: string; end: string }): Promise<string> {
    const sessionId = randomUUID();
    const results = await push([
      proposeSession(first.id, [slot], { sessionId }),
      confirmSession(first.id, sessionId, slot),
    ]);
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied']);
    return sessionId;
  }

  it('keeps a booking row for each confirmed session, and drops it when the session is cancelled', async () => {
    const slot = slotAt(MONTH);
    const sessionId = await book(slot);
    expect(await bookings()).toContainEqual({
      ticket_id: first.id,
      session_id: sessionId,
      starts_at: slot.start,
      ends_at: slot.end,
    });
    await push([cancelSession(first.id, sessionId)]);
    expect(await bookings()).not.toContainEqual(expect.objectContaining({ session_id: sessionId }));
  });

  it('refuses a proposal overlapping a booking by one minute with session_overlap, naming the other ticket', async () => {
    await book(slotAt(MONTH));
    const before = await snapshot(portal.db);
    const overlapping = earlier(slotAt(MONTH + 1), 1);
    const [result] = await push([proposeSession(second.id, [slotAt(MONTH + 3), overlapping])]);

    expect(result).toMatchObject({ status: 'refused', refusal: { code: 'session_overlap' } });
    const message = result?.status === 'refused' ? result.refusal.message : '';
    expect(message).toContain(second.number);
    expect(message).toContain(first.number);
    expect(message).toContain('give a reason to book it anyway');
    const after = await snapshot(portal.db);
    expect(after.tickets).toEqual(before.tickets);
    expect(after.seq).toBe(before.seq);
  });

  it('accepts a proposal that only touches a booking: the end of one is the start of the other', async () => {
    await book(slotAt(MONTH));
    const [before, after] = [slotAt(MONTH - 1), slotAt(MONTH + 1)];
    const results = await push([proposeSession(second.id, [before, after])]);
    expect(results.map((result) => result.status)).toEqual(['applied']);
  });

  it('accepts an overlapping proposal forced with a reason, and keeps the reason on the session', async () => {
    await book(slotAt(MONTH));
    const sessionId = randomUUID();
    const forced = proposeSession(second.id, [slotAt(MONTH, 30)], {
      sessionId,
      overlapReason: 'The customer can only do this hour; a colleague covers the other session.',
    });
    expect((await push([forced]))[0]?.status).toBe('applied');
    const session = (await portal.db.findTicket(second.id))?.remoteSessions.find(
      (candidate) => candidate.id === sessionId,
    );
    expect(session?.overlapReason).toMatch(/colleague covers/);
    // Confirming it keeps the reason: still forced, still accepted.
    expect((await push([confirmSession(second.id, sessionId, slotAt(MONTH, 30))]))[0]?.status).toBe('applied');
  });

  it('refuses to confirm a time booked since it was proposed, and confirms it forced with a reason', async () => {
    const slot = slotAt(MONTH + 5);
    const sessionId = randomUUID();
    expect((await push([proposeSession(second.id, [slot, slotAt(MONTH + 8)], { sessionId })]))[0]?.status).toBe(
      'applied',
    );
    await book(slot);

    const [refused] = await push([confirmSession(second.id, sessionId, slot)]);
    expect(refused).toMatchObject({ status: 'refused', refusal: { code: 'session_overlap' } });
    expect((await portal.db.findTicket(second.id))?.remoteSessions.find((s) => s.id === sessionId)?.status).toBe(
      'proposed',
    );

    const [forced] = await push([confirmSession(second.id, sessionId, slot, 'Both customers agreed to share it.')]);
    expect(forced?.status).toBe('applied');
  });

  it("checks only the engineer's own calendar: another engineer may take the same hour", async () => {
    await book(slotAt(MONTH));
    const marcosTicket = (await allTickets(portal.db)).find(
      (ticket) => ticket.assignee?.id === marco.id && ticket.stage === 'investigation',
    ) as Ticket;
    const results = await push(
      [proposeSession(marcosTicket.id, [slotAt(MONTH)])],
      await signIn(portal.app, marco.email),
    );
    expect(results[0]?.status).toBe('applied');
  });

  it('refuses a proposal whose link token already belongs to another session, saving nothing', async () => {
    const shared = linkToken();
    expect((await push([proposeSession(first.id, [slotAt(MONTH)], { linkToken: shared })]))[0]?.status).toBe('applied');
    const before = await snapshot(portal.db);
    const [result] = await push([proposeSession(second.id, [slotAt(MONTH + 4)], { linkToken: shared })]);
    expect(result).toMatchObject({ status: 'refused', refusal: { code: 'invalid_args' } });
    expect(result?.status === 'refused' && result.refusal.message).toMatch(
      /scheduling link of this proposal already belongs to another session/,
    );
    expect((await snapshot(portal.db)).tickets).toEqual(before.tickets);
  });
});
