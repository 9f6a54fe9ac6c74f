// The demo data: deterministic for a seed and a "now", valid against the shared schemas, covering the whole flow.
import { describe, expect, it } from 'vitest';
import { suggestSeverity } from '../../../shared/domain/cadence';
import { isStatusAllowed } from '../../../shared/domain/flow';
import {
  LINK_TOKEN_PATTERN,
  RemoteSessionStatus,
  bookingsOf,
  calendarOf,
  linkIsOpen,
  overlappingBookings,
  schedulingPath,
  withinWorkingHours,
} from '../../../shared/domain/remote-session';
import {
  closedWithoutConfirmation,
  closureExplanation,
  confirmationReminder,
  resolvedClosure,
} from '../../../shared/domain/templates';
import { type Stage, Ticket } from '../../../shared/domain/ticket';
import { failingLayers, validateTicket } from '../../../shared/domain/validation';
import { demoTickets, demoUsers, seedDemoData } from '../../../server/seed';
import { emptyDatabase } from '../../support/test-database';
import { NOW, allTickets } from './fixtures';

async function seed(now = NOW, seed?: number) {
  const { db, drop } = await emptyDatabase();
  const summary = await seedDemoData(db, { clock: () => now, seed });
  const tickets = (await allTickets(db)).sort((a, b) => a.number.localeCompare(b.number));
  return { db, drop, summary, tickets };
}

describe('demo seed', () => {
  it('gives the same tickets for the same seed and now, and different ones for another seed', async () => {
    const [a, b, other] = await Promise.all([seed(), seed(), seed(NOW, 7)]);
    expect(a.tickets).toEqual(b.tickets);
    expect(other.tickets).not.toEqual(a.tickets);
    await Promise.all([a, b, other].map(({ drop }) => drop()));
  });

  it('dates everything relative to now', async () => {
    const later = new Date(NOW.getTime() + 30 * 24 * 3_600_000);
    const [a, b] = await Promise.all([seed(), seed(later)]);
    const shift = (iso: string) => new Date(Date.parse(iso) + 30 * 24 * 3_600_000).toISOString();
    expect(b.tickets.map((t) => t.createdAt)).toEqual(a.tickets.map((t) => shift(t.createdAt)));
    for (const ticket of a.tickets) {
      expect(ticket.updatedAt < NOW.toISOString()).toBe(true);
      expect(ticket.timeline.every((entry) => entry.at <= ticket.updatedAt)).toBe(true);
    }
    await Promise.all([a, b].map(({ drop }) => drop()));
  });

  it('gives each ticket the same stage, people, escalation and session whatever the instant it is seeded', () => {
    // What a ticket is, as the end-to-end tests and someone trying the demo pick it: only its times may move.
    const whatItIs = (now: Date) =>
      demoTickets(now).tickets.map((t) => ({
        number: t.number,
        stage: t.stage,
        team: t.teamId,
        assignee: t.assignee?.id ?? null,
        escalated: t.escalation !== null,
        closure: t.closure?.reason ?? null,
        remoteSession: t.remoteSessions.length > 0,
      }));
    const atNow = whatItIs(NOW);
    // Instants a few hours and some minutes apart over three weeks: night and day, weekdays and weekends.
    for (let step = 1; step <= 40; step++) {
      expect(whatItIs(new Date(NOW.getTime() + step * 12.5 * 3_600_000 + step * 7 * 60_000))).toEqual(atNow);
    }
    // Every engineer has something to work on at each step of the flow.
    for (const engineer of demoUsers.filter((user) => user.role === 'engineer')) {
      const mine = atNow.filter((t) => t.assignee === engineer.id);
      const investigating = mine.filter((t) => t.stage === 'investigation');
      expect(investigating.filter((t) => t.remoteSession).length, engineer.name).toBeGreaterThan(0);
      expect(investigating.filter((t) => !t.remoteSession).length, engineer.name).toBeGreaterThan(1);
      expect(mine.filter((t) => t.stage === 'escalated').length, engineer.name).toBeGreaterThan(0);
      expect(mine.filter((t) => t.stage === 'resolution').length, engineer.name).toBeGreaterThan(0);
    }
  });

  it('seeds about 200 valid tickets numbered from CSS-100001, in every stage for both teams', async () => {
    const { drop, summary, tickets } = await seed();
    expect(summary).toEqual({ users: 6, customers: 60, tickets: 200, schedulingPaths: expect.any(Array) as string[] });
    expect(tickets.every((ticket) => Ticket.safeParse(ticket).success)).toBe(true);
    expect(tickets.filter((ticket) => !isStatusAllowed(ticket.stage, ticket.status))).toEqual([]);
    expect(tickets.map((t) => t.number)).toEqual(tickets.map((_, i) => `CSS-${100001 + i}`));
    expect(tickets.map((t) => t.serverSeq).sort((x, y) => x - y)).toEqual(tickets.map((_, i) => i + 1));
    const stages: Stage[] = ['validation', 'investigation', 'escalated', 'resolution', 'closed'];
    for (const team of ['tm-modern-work', 'tm-azure']) {
      expect(new Set(tickets.filter((t) => t.teamId === team).map((t) => t.stage))).toEqual(new Set(stages));
    }
    await drop();
  });

  it('covers closure reasons, channels, priorities, scopes, sessions, escalations and incomplete intake', async () => {
    const { drop, tickets } = await seed();
    const values = (pick: (t: Ticket) => unknown) => new Set(tickets.map(pick).filter((v) => v !== null));
    expect(values((t) => t.closure?.reason ?? null)).toEqual(
      new Set([
        'resolved',
        'resolved_without_confirmation',
        'not_entitled',
        'missing_information',
        'on_premise_not_entitled',
      ]),
    );
    expect(values((t) => t.channel)).toEqual(new Set(['web_form', 'chat']));
    expect(values((t) => t.priority).size).toBe(4);
    expect(values((t) => t.scope).size).toBe(10);
    expect(new Set(tickets.flatMap((t) => t.remoteSessions.map((s) => s.status)))).toEqual(
      new Set(['proposed', 'confirmed', 'completed', 'cancelled', 'no_show', 'rescheduled']),
    );
    expect(values((t) => t.escalation?.caseNumber.length ?? null)).toEqual(new Set([15, 16]));
    expect(values((t) => t.escalation?.severity ?? null).size).toBe(3);
    expect(tickets.some((t) => (t.escalation?.followUps.length ?? 0) > 2)).toBe(true);
    expect(tickets.some((t) => t.timeline.some((e) => e.kind === 'customer_reply' && e.direction === 'inbound'))).toBe(
      true,
    );
    expect(tickets.some((t) => t.timeline.some((e) => e.kind === 'internal_note'))).toBe(true);
    expect(tickets.some((t) => t.entitlement?.onPremiseAddOn === true)).toBe(true);

    const queue = tickets.filter((t) => t.assignee === null);
    expect(queue.length).toBeGreaterThan(0);
    expect(queue.every((t) => t.stage === 'validation' && t.status === 'new')).toBe(true);
    const inValidation = tickets.filter((t) => t.stage === 'validation');
    expect(inValidation.some((t) => t.endCustomer.tenantDomain === null)).toBe(true);
    expect(inValidation.some((t) => t.endCustomer.companyName === null)).toBe(true);
    expect(tickets.filter((t) => t.stage === 'closed').every((t) => t.status === 'closed' && t.closure !== null)).toBe(
      true,
    );
    await drop();
  });

  it('tells each session state coherently: links, booking, notes, reasons, and a reschedule carrying the event on', async () => {
    const { db, drop, summary, tickets } = await seed();
    const sessions = tickets.flatMap((ticket) => ticket.remoteSessions.map((session) => ({ ticket, session })));
    const inState = (status: RemoteSessionStatus) => sessions.filter(({ session }) => session.status === status);
    for (const status of RemoteSessionStatus.options) expect(inState(status).length, status).toBeGreaterThan(0);

    for (const { ticket, session } of sessions) {
      expect(session.linkToken === null || LINK_TOKEN_PATTERN.test(session.linkToken)).toBe(true);
      expect(session.proposedSlots.every((slot) => withinWorkingHours(slot, ticket.endCustomer.timeZone))).toBe(true);
      expect(session.updatedAt !== null && session.updatedAt <= ticket.updatedAt).toBe(true);
    }
    const proposed = inState('proposed');
    expect(proposed.every(({ session }) => session.linkToken !== null && linkIsOpen(session, NOW))).toBe(true);
    expect(summary?.schedulingPaths).toEqual(proposed.map(({ session }) => schedulingPath(session.linkToken ?? '')));
    // The reply offering the times carries the link.
    for (const { ticket, session } of proposed) {
      const replies = ticket.timeline.map((entry) => (entry.kind === 'customer_reply' ? entry.body : ''));
      expect(replies.some((body) => body.includes(schedulingPath(session.linkToken ?? '')))).toBe(true);
    }
    for (const { session } of inState('confirmed')) {
      expect(session.confirmedSlot).not.toBeNull();
      expect(session.confirmedBy).not.toBeNull();
      expect(session.proposedSlots).toContainEqual(session.confirmedSlot);
    }
    expect(inState('completed').every(({ session }) => (session.outcomeNotes ?? '').length > 0)).toBe(true);
    expect(inState('no_show').every(({ session }) => session.confirmedSlot !== null)).toBe(true);
    for (const { session } of inState('cancelled')) {
      expect(session.cancelReason).toMatch(/\w/);
      expect(session.calendar?.sequence).toBe(1);
    }
    for (const { ticket, session: old } of inState('rescheduled')) {
      const replacement = ticket.remoteSessions.find((candidate) => candidate.id === old.replacedBy);
      expect(replacement).toMatchObject({
        replaces: old.id,
        calendar: { uid: calendarOf(old).uid, sequence: calendarOf(old).sequence + 1 },
        linkToken: null,
      });
      expect(['confirmed', 'completed']).toContain(replacement?.status);
    }

    // Nobody is booked twice at once, and the bookings table holds exactly the confirmed sessions.
    const bookings = tickets.flatMap(bookingsOf);
    for (const booking of bookings) {
      expect(overlappingBookings(booking, booking.engineerId, bookings, [booking.sessionId])).toEqual([]);
    }
    expect(await db.sql.get('SELECT count(*) AS n FROM session_bookings')).toEqual({ n: bookings.length });
    await drop();
  });

  it("records the shared validation's checks, and they agree with how far each ticket got", async () => {
    const { drop, tickets } = await seed();
    const failingFor: Record<string, string[]> = {
      not_entitled: ['entitlement'],
      missing_information: ['mandatory_information'],
    };
    const validated = tickets.filter((t) => t.stage !== 'validation');
    const disagreeing = validated
      .map((t) => ({
        number: t.number,
        outcome: t.closure?.reason ?? t.stage,
        failing: t.validation === null ? null : failingLayers(t.validation.checks),
      }))
      .filter(({ outcome, failing }) => failing?.join() !== (failingFor[outcome] ?? []).join());
    expect(disagreeing).toEqual([]);
    for (const ticket of validated) expect(ticket.validation?.checks).toEqual(validateTicket(ticket));
    await drop();
  });

  it("tells the customer the shared templates' texts, and suggests the shared severity", async () => {
    const { drop, tickets } = await seed();
    for (const ticket of tickets.filter((t) => t.closure !== null)) {
      const { reason, explanation } = ticket.closure as NonNullable<Ticket['closure']>;
      const proposed =
        reason === 'resolved'
          ? resolvedClosure(ticket)
          : reason === 'resolved_without_confirmation'
            ? closedWithoutConfirmation(ticket, ticket.confirmation?.remindersSent ?? 0)
            : closureExplanation(ticket, reason, ticket.validation?.checks);
      expect(explanation).toBe(proposed);
      const replies = ticket.timeline.filter((e) => e.kind === 'customer_reply' && e.direction === 'outbound');
      expect(replies.at(-1)).toMatchObject({ body: explanation });
    }
    const reminded = tickets.filter((t) => (t.confirmation?.remindersSent ?? 0) > 0);
    expect(reminded.length).toBeGreaterThan(0);
    for (const ticket of reminded) {
      const sent = Array.from({ length: ticket.confirmation?.remindersSent ?? 0 }, (_, i) =>
        confirmationReminder(ticket, i + 1),
      );
      const bodies = ticket.timeline.map((e) => (e.kind === 'customer_reply' ? e.body : null));
      expect(sent.every((text) => bodies.includes(text))).toBe(true);
    }
    for (const ticket of tickets.filter((t) => t.escalation !== null)) {
      expect(ticket.escalation?.suggestedSeverity).toBe(suggestSeverity(ticket.priority));
    }
    await drop();
  });

  it("opens every ticket with intake's sentence for its channel", async () => {
    const { drop, tickets } = await seed();
    for (const ticket of tickets) {
      const { name, resellerName } = ticket.requester;
      const door = ticket.channel === 'web_form' ? 'the web form' : 'chat';
      expect(ticket.timeline[0]).toMatchObject({
        kind: 'system_event',
        actor: null,
        text: `Received through ${door} from ${name} (${resellerName})`,
      });
    }
    await drop();
  });

  it('creates the demo users with their password, and leaves a database that has users alone', async () => {
    const { db, drop } = await seed();
    const accounts = await Promise.all(demoUsers.map((user) => db.directory.findAccountByEmail(user.email)));
    expect(accounts.map((account) => account?.user.name)).toEqual(demoUsers.map((u) => u.name));
    expect(await seedDemoData(db, { clock: () => NOW })).toBeNull();
    expect(await allTickets(db)).toHaveLength(200);
    await drop();
  });
});
