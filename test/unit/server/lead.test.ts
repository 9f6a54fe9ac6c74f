// The lead API: the team's open escalations with cadence flags at the server's clock, the cadence setting, and the role check.
import { randomUUID } from 'node:crypto';
import { addHours, max, parseISO } from 'date-fns';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../../shared/api';
import { ErrorBody } from '../../../shared/api/errors';
import { LeadEscalationsResponse } from '../../../shared/api/lead';
import { PushResponse } from '../../../shared/api/sync';
import { DEFAULT_CADENCE, FollowUpCadence, type Ticket } from '../../../shared/domain';
import type { Mutation } from '../../../shared/mutations';
import { NOW, type Portal, allTickets, anna, bearer, elena, giulia, seededPortal, signIn, snapshot } from './fixtures';

const ESCALATIONS = `${API_PREFIX}/lead/escalations`;
const CADENCE = `${API_PREFIX}/cadence`;
const SET_CADENCE = `${API_PREFIX}/lead/cadence`;

describe('lead API', () => {
  let portal: Portal;
  beforeEach(async () => {
    portal = await seededPortal();
  });
  afterEach(() => portal.close());

  const get = async (url: string, token?: string) =>
    portal.app.inject({ method: 'GET', url, headers: token === undefined ? {} : bearer(token) });
  const escalations = async (token: string) => {
    const response = await get(ESCALATIONS, token);
    expect(response.statusCode).toBe(200);
    return LeadEscalationsResponse.parse(response.json());
  };
  const putCadence = (token: string, payload: unknown) =>
    portal.app.inject({ method: 'PUT', url: SET_CADENCE, headers: bearer(token), payload: payload as object });
  /** snapshot() plus the table only this API writes. */
  const written = async () => ({
    ...(await snapshot(portal.db)),
    cadences: await portal.db.sql.all('SELECT * FROM follow_up_cadences ORDER BY team_id'),
  });
  const openEscalations = async (teamId: string) =>
    (await allTickets(portal.db)).filter(
      (t) =>
        t.teamId === teamId && t.stage === 'escalated' && t.escalation !== null && t.escalation.status !== 'closed',
    );
  /** The cadence rule restated: latest follow-up (or the opening) plus the severity's hours. */
  const dueOf = ({ escalation }: Ticket, cadence: FollowUpCadence) =>
    addHours(
      max([escalation?.openedAt ?? '', ...(escalation?.followUps.map((f) => f.at) ?? [])].map((at) => parseISO(at))),
      cadence[escalation?.severity ?? 'minimal'],
    );

  it("lists exactly the lead's team's open escalations, most urgent first, with the flags at the server's clock", async () => {
    const body = await escalations(await signIn(portal.app, anna.email));
    const expected = await openEscalations('tm-modern-work');
    expect(expected.length).toBeGreaterThan(0);
    expect(body.asOf).toBe(NOW.toISOString());
    expect(body.cadence).toEqual(DEFAULT_CADENCE);
    expect(body.escalations.map((row) => row.ticketId).sort()).toEqual(expected.map((t) => t.id).sort());
    const dues = body.escalations.map((row) => Date.parse(row.nextFollowUpDue));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    for (const row of body.escalations) {
      const ticket = expected.find((t) => t.id === row.ticketId) as Ticket;
      const due = dueOf(ticket, DEFAULT_CADENCE);
      expect(row).toMatchObject({
        number: ticket.number,
        customerName: ticket.endCustomer.companyName,
        caseNumber: ticket.escalation?.caseNumber,
        severity: ticket.escalation?.severity,
        engineer: ticket.assignee,
        priority: ticket.priority,
        nextFollowUpDue: due.toISOString(),
        followUpOverdue: NOW > due,
      });
    }
    expect(body.escalations.some((row) => row.followUpOverdue)).toBe(true);
  });

  it('flags a follow-up overdue one millisecond after it is due, not at the due instant', async () => {
    const token = await signIn(portal.app, anna.email);
    const onTime = (await escalations(token)).escalations.find((row) => !row.followUpOverdue);
    if (onTime === undefined) throw new Error('the demo data has no escalation on time');
    const due = parseISO(onTime.nextFollowUpDue);
    const rowAt = async (now: Date) => {
      portal.setNow(now);
      const body = await escalations(token);
      expect(body.asOf).toBe(now.toISOString());
      return body.escalations.find((row) => row.ticketId === onTime.ticketId);
    };
    expect(await rowAt(due)).toMatchObject({ followUpOverdue: false });
    expect(await rowAt(new Date(due.getTime() + 1))).toMatchObject({ followUpOverdue: true });
  });

  it("shows another lead only their own team's escalations", async () => {
    const body = await escalations(await signIn(portal.app, elena.email));
    expect(body.escalations.map((row) => row.ticketId).sort()).toEqual(
      (await openEscalations('tm-azure')).map((t) => t.id).sort(),
    );
  });

  it('refuses an engineer every lead endpoint with 403, writing nothing, but lets them read the cadence', async () => {
    const token = await signIn(portal.app, giulia.email);
    const before = await written();
    for (const response of [
      await get(ESCALATIONS, token),
      await putCadence(token, { ...DEFAULT_CADENCE, critical: 2 }),
      await putCadence(token, { critical: 'often' }),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(ErrorBody.parse(response.json())).toMatchObject({ error: 'forbidden' });
    }
    expect(await written()).toEqual(before);
    const cadence = await get(CADENCE, token);
    expect(cadence.statusCode).toBe(200);
    expect(FollowUpCadence.parse(cadence.json())).toEqual(DEFAULT_CADENCE);
  });

  it('refuses every endpoint without a token with 401', async () => {
    const responses = [
      await get(ESCALATIONS),
      await get(CADENCE),
      await portal.app.inject({ method: 'PUT', url: SET_CADENCE, payload: DEFAULT_CADENCE }),
    ];
    expect(responses.map((r) => [r.statusCode, ErrorBody.parse(r.json()).error])).toEqual([
      [401, 'unauthenticated'],
      [401, 'unauthenticated'],
      [401, 'unauthenticated'],
    ]);
  });

  it("stores the lead's cadence for their team only, and computes the flags with it", async () => {
    const lead = await signIn(portal.app, anna.email);
    const cadence = { critical: 2, moderate: 8, minimal: 24, microsoftSilentAfterHours: 36 };
    const response = await putCadence(lead, cadence);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(cadence);

    expect((await get(CADENCE, await signIn(portal.app, giulia.email))).json()).toEqual(cadence);
    expect((await get(CADENCE, await signIn(portal.app, elena.email))).json()).toEqual(DEFAULT_CADENCE);
    const body = await escalations(lead);
    expect(body.cadence).toEqual(cadence);
    for (const row of body.escalations) {
      const ticket = (await portal.db.findTicket(row.ticketId)) as Ticket;
      expect(row.nextFollowUpDue).toBe(dueOf(ticket, cadence).toISOString());
    }
    expect(await portal.db.sql.all('SELECT updated_by, updated_at FROM follow_up_cadences')).toEqual([
      { updated_by: anna.id, updated_at: NOW.toISOString() },
    ]);
  });

  it('refuses an invalid cadence with 400 naming each field, writing nothing', async () => {
    const lead = await signIn(portal.app, anna.email);
    const before = await written();
    const response = await putCadence(lead, { critical: 0, moderate: 2.5, minimal: 48 });
    expect(response.statusCode).toBe(400);
    const body = ErrorBody.parse(response.json());
    expect(body.error).toBe('invalid_request');
    expect(body.issues).toEqual([
      { path: 'critical', message: 'the follow-up interval for severity A must be at least 1 hour' },
      { path: 'moderate', message: 'the follow-up interval for severity B must be a whole number of hours' },
      {
        path: 'microsoftSilentAfterHours',
        message: 'the hours before Microsoft counts as silent must be a number of hours',
      },
    ]);
    expect(await written()).toEqual(before);
  });

  it("reads the team's escalated tickets through the (team_id, stage) index", async () => {
    const query = `SELECT id FROM tickets WHERE team_id = 'tm-modern-work' AND stage = 'escalated'`;
    // PostgreSQL reads a table of 200 rows whole whatever its indexes: asked not to, it shows the one it has.
    const plan = await portal.db.transaction(async (tx) => {
      if (tx.sql.dialect.name === 'sqlite') return tx.sql.all(`EXPLAIN QUERY PLAN ${query}`);
      await tx.sql.run('SET LOCAL enable_seqscan = off');
      return tx.sql.all(`EXPLAIN ${query}`);
    });
    expect(JSON.stringify(plan)).toContain('tickets_by_team_stage');
  });
});

describe('escalation mutations through push', () => {
  let portal: Portal;
  let token: string;
  beforeEach(async () => {
    portal = await seededPortal();
    token = await signIn(portal.app, giulia.email);
  });
  afterEach(() => portal.close());

  const push = async (name: string, args: Record<string, unknown>) => {
    const mutation: Mutation = { id: randomUUID(), name, args, createdAt: NOW.toISOString() };
    const response = await portal.app.inject({
      method: 'POST',
      url: `${API_PREFIX}/sync/push`,
      headers: bearer(token),
      payload: { clientId: randomUUID(), mutations: [mutation] },
    });
    expect(response.statusCode).toBe(200);
    return PushResponse.parse(response.json()).results[0];
  };
  const ownInvestigation = async () => {
    const found = (await allTickets(portal.db)).find(
      (t) => t.assignee?.id === giulia.id && t.stage === 'investigation' && t.priority === 'high',
    );
    if (found === undefined) throw new Error('the demo data has no such ticket');
    return found;
  };
  const OPENED_AT = new Date(NOW.getTime() - 3_600_000).toISOString();
  const escalate = (ticketId: string, caseNumber = '2611250900001234') =>
    push('escalateToMicrosoft', {
      ticketId,
      openedAt: OPENED_AT,
      eventId: randomUUID(),
      caseNumber,
      severity: 'moderate',
      microsoftContact: { name: 'Megan Bowen', email: null },
      supportTopic: 'Mail flow',
      product: 'Exchange Online',
    });
  const followUp = (ticketId: string, at: string) =>
    push('logFollowUp', {
      ticketId,
      followUpId: randomUUID(),
      at,
      channel: 'teams',
      summary: 'Microsoft confirmed the fix is rolling out.',
      microsoftResponded: true,
    });

  it('applies an escalation and a follow-up, which the lead then sees', async () => {
    const ticket = await ownInvestigation();
    expect(await escalate(ticket.id)).toMatchObject({ status: 'applied', version: ticket.version + 1 });
    const at = new Date(NOW.getTime() - 60_000).toISOString();
    expect(await followUp(ticket.id, at)).toMatchObject({ status: 'applied', version: ticket.version + 2 });

    const stored = (await portal.db.findTicket(ticket.id)) as Ticket;
    expect(stored).toMatchObject({ stage: 'escalated', status: 'waiting_on_microsoft' });
    expect(stored.escalation).toMatchObject({ caseNumber: '2611250900001234', openedAt: OPENED_AT });
    expect(stored.escalation?.followUps.map((f) => [f.at, f.loggedBy.id])).toEqual([[at, giulia.id]]);

    const leadToken = await signIn(portal.app, anna.email);
    const response = await portal.app.inject({ method: 'GET', url: ESCALATIONS, headers: bearer(leadToken) });
    const row = LeadEscalationsResponse.parse(response.json()).escalations.find((r) => r.ticketId === ticket.id);
    expect(row).toMatchObject({
      lastMicrosoftContact: at,
      nextFollowUpDue: addHours(parseISO(at), DEFAULT_CADENCE.moderate).toISOString(),
      followUpOverdue: false,
      microsoftSilent: false,
      ageHours: 1,
      engineer: { id: giulia.id, name: giulia.name },
    });
  });

  it('refuses a malformed case number, writing only the refusal', async () => {
    const before = await snapshot(portal.db);
    const result = await escalate((await ownInvestigation()).id, '12345');
    expect(result).toMatchObject({ status: 'refused', refusal: { code: 'invalid_args' } });
    expect(result?.status === 'refused' && result.refusal.message).toContain(
      'The Microsoft case number must be 15 digits (Partner Center) or 16 digits (Azure).',
    );
    expect(await snapshot(portal.db)).toEqual({ ...before, appliedMutations: Number(before.appliedMutations) + 1 });
  });

  it("refuses a follow-up dated after the server's clock, writing only the refusal", async () => {
    const ticket = await ownInvestigation();
    await escalate(ticket.id);
    const before = await snapshot(portal.db);
    const result = await followUp(ticket.id, new Date(NOW.getTime() + 1).toISOString());
    expect(result).toMatchObject({ status: 'refused', refusal: { code: 'invalid_args' } });
    expect(result?.status === 'refused' && result.refusal.message).toContain(
      'a follow-up cannot be dated in the future',
    );
    expect(await snapshot(portal.db)).toEqual({ ...before, appliedMutations: Number(before.appliedMutations) + 1 });
  });
});
