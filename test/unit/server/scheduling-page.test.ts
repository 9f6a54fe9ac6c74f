// The customer's scheduling page: the offered times in their zone, booking one or asking for others, the .ics, and every refusal.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schedulingPath, slotInZone } from '../../../shared/domain/remote-session';
import type { Ticket } from '../../../shared/domain/ticket';
import type { Mutation } from '../../../shared/mutations';
import {
  NOW,
  type Portal,
  allTickets,
  cancelSession,
  confirmSession,
  giulia,
  linkToken,
  proposeSession,
  pullAfter,
  push,
  seededPortal,
  signIn,
  slotAt,
  snapshot,
} from './fixtures';

const FORM = 'application/x-www-form-urlencoded';

/** The page's words as a reader sees them: tags dropped, entities read, spaces collapsed. */
const words = (page: string) =>
  page
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** Tomorrow 12:00 and the day after 12:00 UTC. */
const first = slotAt(27);
const second = slotAt(51);
const slotValue = (slot: { start: string; end: string }) => `${slot.start}/${slot.end}`;

describe("the customer's scheduling page", () => {
  let portal: Portal;
  let engineerToken: string;
  let ticket: Ticket;
  let other: Ticket;
  let token: string;
  let sessionId: string;
  let path: string;

  beforeEach(async () => {
    portal = await seededPortal();
    engineerToken = await signIn(portal.app, giulia.email);
    [ticket, other] = (await allTickets(portal.db)).filter(
      (candidate) =>
        candidate.assignee?.id === giulia.id &&
        candidate.stage === 'investigation' &&
        candidate.remoteSessions.length === 0,
    ) as [Ticket, Ticket];
    token = linkToken();
    sessionId = randomUUID();
    path = schedulingPath(token);
    await engineer([proposeSession(ticket.id, [first, second], { sessionId, linkToken: token })]);
  });
  afterEach(() => portal.close());

  async function engineer(mutations: Mutation[]) {
    const results = await push(portal.app, engineerToken, mutations);
    expect(results.map((result) => result.status)).toEqual(mutations.map(() => 'applied'));
  }
  const get = (url: string) => portal.app.inject({ method: 'GET', url });
  const post = (url: string, fields: Record<string, string>) =>
    portal.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': FORM },
      payload: new URLSearchParams(fields).toString(),
    });
  const book = (slot: { start: string; end: string } | string, zone?: string) =>
    post(`${path}/book`, { slot: typeof slot === 'string' ? slot : slotValue(slot), ...(zone ? { zone } : {}) });
  const session = async () =>
    (await portal.db.findTicket(ticket.id))?.remoteSessions.find((candidate) => candidate.id === sessionId);
  const customerZone = () => ticket.endCustomer.timeZone;

  /** Posts, and checks the answer is `status` with `message` on the page and nothing stored changed. */
  async function expectRefused(
    request: Promise<{ statusCode: number; body: string }>,
    status: number,
    message: string,
  ) {
    const before = await snapshot(portal.db);
    const response = await request;
    expect(response.statusCode).toBe(status);
    expect(words(response.body)).toContain(message);
    expect(await snapshot(portal.db)).toEqual(before);
  }

  it("shows the ticket, the engineer and the offered times in the customer's zone with their working hours", async () => {
    const response = await get(path);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    const page = words(response.body);
    expect(page).toContain('Choose a time for your remote session');
    expect(page).toContain(`${ticket.number}: ${ticket.title}`);
    expect(page).toContain('Giulia Rossi');
    expect(page).toContain(slotInZone(first, customerZone()));
    expect(page).toContain(slotInZone(second, customerZone()));
    expect(page).toMatch(/(Within|Outside) working hours in /);
    expect(response.body).toContain(`value="${slotValue(first)}"`);
    expect(response.body).toContain(`<option value="${customerZone()}"  selected>`);
  });

  it('shows the times in the zone the customer switches to, and says so when the zone is unknown', async () => {
    const kolkata = words((await get(`${path}?zone=Asia%2FKolkata`)).body);
    expect(kolkata).toContain('Thu 26 Nov 2026, 17:30–18:30 Asia/Kolkata (GMT+5:30)');
    expect(kolkata).toContain(slotInZone(first, customerZone()));

    const unknown = await get(`${path}?zone=Mars%2FOlympus`);
    expect(unknown.statusCode).toBe(200);
    expect(words(unknown.body)).toContain(
      `“Mars/Olympus” is not a time zone this page knows, so the times are shown in ${customerZone()}`,
    );
    expect(words(unknown.body)).toContain(slotInZone(first, customerZone()));
  });

  it('books a time: confirmed by the customer, pulled by the console with its timeline event, shown as booked', async () => {
    const cursor = await portal.db.currentSeq();
    const version = (await portal.db.findTicket(ticket.id))?.version ?? 0;
    const response = await book(second, 'Asia/Kolkata');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${path}?zone=Asia%2FKolkata`);

    const [pulled] = await pullAfter(portal.app, engineerToken, cursor);
    expect(pulled?.id).toBe(ticket.id);
    expect(pulled?.version).toBe(version + 1);
    expect(pulled?.serverSeq).toBe(cursor + 1);
    expect(pulled?.updatedAt).toBe(NOW.toISOString());
    expect(pulled?.remoteSessions.find((s) => s.id === sessionId)).toMatchObject({
      status: 'confirmed',
      confirmedSlot: second,
      confirmedBy: 'customer',
    });
    expect(pulled?.timeline.at(-1)).toMatchObject({
      kind: 'system_event',
      actor: null,
      text: expect.stringContaining('The customer booked the remote session on the scheduling page') as string,
    });

    const page = words((await get(response.headers.location as string)).body);
    expect(page).toContain('Your remote session is booked');
    expect(page).toContain('Fri 27 Nov 2026, 17:30–18:30 Asia/Kolkata (GMT+5:30)');
    expect(page).toContain(slotInZone(second, customerZone()));
    expect(page).toContain('Add it to your calendar (.ics)');
  });

  it('refuses a second pick once booked, changing nothing', async () => {
    expect((await book(first)).statusCode).toBe(303);
    await expectRefused(book(second), 409, 'This session is already booked');
  });

  it('refuses a pick after the engineer cancelled the proposal', async () => {
    await engineer([cancelSession(ticket.id, sessionId, 'The issue is solved; no session is needed.')]);
    expect(words((await get(path)).body)).toContain('The issue is solved; no session is needed.');
    await expectRefused(book(first), 409, 'This proposal was withdrawn, so its times can no longer be booked.');
  });

  it('refuses a time that is not in the proposal (withdrawn, or made up), changing nothing', async () => {
    await expectRefused(book(slotAt(75)), 409, 'That time is not one of the times offered');
    await expectRefused(book('tomorrow at noon'), 409, 'That time is not one of the times offered');
  });

  it('marks a time booked since by another session as no longer free, and refuses it', async () => {
    const elsewhere = randomUUID();
    await engineer([
      proposeSession(other.id, [first], { sessionId: elsewhere }),
      confirmSession(other.id, elsewhere, first),
    ]);
    const page = (await get(path)).body;
    expect(words(page)).toContain('No longer free');
    expect(page).not.toContain(`value="${slotValue(first)}"`);
    expect(page).toContain(`value="${slotValue(second)}"`);
    await expectRefused(book(first), 409, 'This time is no longer free: pick another one.');
    expect((await session())?.status).toBe('proposed');
  });

  it('refuses a time that has started, and expires the link once every time has', async () => {
    portal.setNow(new Date(Date.parse(first.start) + 60_000));
    expect(words((await get(path)).body)).toContain('This time has passed');
    await expectRefused(book(first), 409, 'That time has already passed: pick a later one.');

    portal.setNow(new Date(Date.parse(second.start) + 60_000));
    expect(words((await get(path)).body)).toContain('This proposal has expired');
    await expectRefused(book(second), 409, 'The times offered have all passed');
    await expectRefused(
      post(`${path}/other-times`, { message: 'Next week?' }),
      409,
      'The times offered have all passed',
    );
  });

  it('answers a forged, unknown or malformed link with a 404 page, and changes nothing', async () => {
    const forged = schedulingPath(randomBytes(24).toString('base64url'));
    for (const url of [forged, '/sessions/abc', `${forged}/invite.ics`]) {
      const response = await get(url);
      expect(response.statusCode).toBe(404);
      expect(words(response.body)).toContain('This scheduling link is not valid');
    }
    const before = await snapshot(portal.db);
    const response = await post(`${forged}/book`, { slot: slotValue(first) });
    expect(response.statusCode).toBe(404);
    expect(await snapshot(portal.db)).toEqual(before);
  });

  it("withdraws the proposal when the customer asks for other times, their message on the ticket's timeline", async () => {
    const message = 'Mornings next week work better for us, Tuesday or Wednesday.';
    const response = await post(`${path}/other-times`, { message: `  ${message}\n` });
    expect(response.statusCode).toBe(303);
    expect(await session()).toMatchObject({ status: 'cancelled', customerRequest: message });
    const timeline = (await portal.db.findTicket(ticket.id))?.timeline ?? [];
    expect(timeline.slice(-2)).toMatchObject([
      { kind: 'system_event', text: expect.stringContaining('The customer asked for other times') as string },
      { kind: 'customer_reply', direction: 'inbound', body: message },
    ]);
    const page = words((await get(path)).body);
    expect(page).toContain('You asked for other times');
    expect(page).toContain(message);
    await expectRefused(book(first), 409, 'You have already asked for other times');
  });

  it('asks for a message before withdrawing anything, keeping what was typed', async () => {
    await expectRefused(post(`${path}/other-times`, { message: '   ' }), 400, 'Write which days and times suit you');
    const tooLong = 'x'.repeat(2001);
    const response = await post(`${path}/other-times`, { message: tooLong });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(tooLong);
    expect(words(response.body)).toContain('Your message is longer than 2,000 characters');
  });

  it('offers the .ics once booked: the time in UTC, the ticket, the engineer as organiser, the link', async () => {
    const before = await get(`${path}/invite.ics`);
    expect(before.statusCode).toBe(404);
    expect(words(before.body)).toContain('There is no calendar invite for this session yet: book a time first.');

    await book(first);
    const invite = await get(`${path}/invite.ics`);
    expect(invite.statusCode).toBe(200);
    expect(invite.headers['content-type']).toMatch(/^text\/calendar; charset=utf-8/);
    expect(invite.headers['content-disposition']).toBe(
      `attachment; filename="${ticket.number} session 2026-11-26.ics"`,
    );
    const ics = invite.body.replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('DTSTART:20261126T120000Z');
    expect(ics).toContain('DTEND:20261126T130000Z');
    expect(ics).toContain(`SUMMARY:${ticket.number} remote session`);
    expect(ics).toMatch(/ORGANIZER;CN="?Giulia Rossi"?:mailto:giulia\.rossi@css\.example/i);
    expect(ics).toContain('https://teams.microsoft.com/l/meetup-join/');
  });

  it('follows a reschedule: the page shows the new time, and the .ics keeps its UID with a higher SEQUENCE', async () => {
    await book(first);
    const uid = /UID:(.*)\r\n/.exec((await get(`${path}/invite.ics`)).body)?.[1];
    const moved = slotAt(99);
    await engineer([
      {
        id: randomUUID(),
        name: 'rescheduleSession',
        args: {
          ticketId: ticket.id,
          sessionId,
          newSessionId: randomUUID(),
          slot: moved,
          meetingLink: null,
          reason: 'The customer asked to move it.',
          eventId: randomUUID(),
          replyId: randomUUID(),
          overlapReason: null,
        },
        createdAt: NOW.toISOString(),
      },
    ]);
    const page = words((await get(path)).body);
    expect(page).toContain('Your remote session is booked');
    expect(page).toContain(slotInZone(moved, customerZone()));
    expect(page).toContain(`Your engineer moved this session. It was ${slotInZone(first, customerZone())}`);
    const ics = (await get(`${path}/invite.ics`)).body;
    expect(/UID:(.*)\r\n/.exec(ics)?.[1]).toBe(uid);
    expect(ics).toContain('SEQUENCE:1');
  });

  it("opens the demo's own proposals", async () => {
    const demo = (await allTickets(portal.db))
      .flatMap((candidate) => candidate.remoteSessions)
      .find(
        (candidate) => candidate.status === 'proposed' && candidate.linkToken !== null && candidate.id !== sessionId,
      );
    const response = await get(schedulingPath(demo?.linkToken ?? ''));
    expect(response.statusCode).toBe(200);
    expect(words(response.body)).toContain('Choose a time for your remote session');
  });
});
