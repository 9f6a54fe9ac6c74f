// The ticket flow through push: illegal steps refused with their reason and nothing changed, legal ones applied once.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../../shared/api';
import { IntakeReceipt } from '../../../shared/api/intake';
import { PushResponse } from '../../../shared/api/sync';
import { closureExplanation, confirmationRequest, resolvedClosure } from '../../../shared/domain/templates';
import type { Stage, Ticket } from '../../../shared/domain/ticket';
import type { Mutation } from '../../../shared/mutations';
import { CHAT_INTAKE_PATH } from '../../../server/intake/routes';
import {
  NOW,
  type Portal,
  addNote,
  allTickets,
  anna,
  bearer,
  david,
  giulia,
  intakeEntries,
  seededPortal,
  signIn,
  snapshot,
} from './fixtures';

const PUSH = `${API_PREFIX}/sync/push`;
const DAY = 24 * 60 * 60 * 1000;

const change = (name: string, args: Record<string, unknown>): Mutation => ({
  id: randomUUID(),
  name,
  args,
  createdAt: NOW.toISOString(),
});

describe('the ticket flow through push', () => {
  let portal: Portal;
  let token: string;
  beforeEach(async () => {
    portal = await seededPortal();
    token = await signIn(portal.app, giulia.email);
  });
  afterEach(() => portal.close());

  async function push(mutations: Mutation[], as = token, clientId = randomUUID()) {
    const response = await portal.app.inject({
      method: 'POST',
      url: PUSH,
      headers: bearer(as),
      payload: { clientId, mutations },
    });
    expect(response.statusCode).toBe(200);
    return PushResponse.parse(response.json()).results;
  }

  /** Pushes one change that must be refused, and proves only the refusal itself was recorded. */
  async function expectRefused(mutation: Mutation, code: string, message: RegExp, as = token) {
    const before = await snapshot(portal.db);
    const [result] = await push([mutation], as);
    expect(result).toMatchObject({ id: mutation.id, status: 'refused', refusal: { code } });
    expect(result?.status === 'refused' && result.refusal.message).toMatch(message);
    expect(await snapshot(portal.db)).toEqual({ ...before, appliedMutations: Number(before.appliedMutations) + 1 });
  }

  const giuliasTicket = async (stage: Stage, predicate: (ticket: Ticket) => boolean = () => true): Promise<Ticket> => {
    const found = (await allTickets(portal.db)).find(
      (t) => t.assignee?.id === giulia.id && t.stage === stage && predicate(t),
    );
    if (found === undefined) throw new Error(`the demo data gives Giulia no ${stage} ticket`);
    return found;
  };
  const stored = async (id: string) => (await portal.db.findTicket(id)) as Ticket;

  /** A new ticket in the team queue, through the chat, entitled and complete unless `overrides` say otherwise. */
  async function intake(overrides: Record<string, unknown> = {}): Promise<Ticket> {
    const payload = { ...(await intakeEntries(portal.db)), ...overrides };
    const response = await portal.app.inject({ method: 'POST', url: CHAT_INTAKE_PATH, payload });
    expect(response.statusCode).toBe(201);
    return await stored(IntakeReceipt.parse(response.json()).id);
  }

  it.each([
    ['passValidation on a ticket in investigation', 'investigation', 'passValidation', /only a ticket in validation/],
    ['requestConfirmation on a ticket in validation', 'validation', 'requestConfirmation', /Pass validation first/],
    ['setStatus awaiting_confirmation in investigation', 'investigation', 'setStatus', /Ask the customer/],
  ] as const)('refuses %s with its reason, changing nothing', async (_case, stage, name, message) => {
    // One set of arguments fits all three, so each refusal is the flow's and not the schema's.
    const ticket = await giuliasTicket(stage);
    const args = {
      ticketId: ticket.id,
      eventId: randomUUID(),
      replyId: randomUUID(),
      body: 'Could you confirm that meetings no longer drop?',
      status: 'awaiting_confirmation',
    };
    await expectRefused(change(name, args), 'illegal_transition', message);
    expect(await stored(ticket.id)).toEqual(ticket);
  });

  it.each([
    ['a note', (ticketId: string) => addNote(ticketId)],
    ['a reply', (ticketId: string) => change('addReply', { ticketId, replyId: randomUUID(), body: 'Any news?' })],
    [
      'a details update',
      (ticketId: string) => change('updateDetails', { ticketId, eventId: randomUUID(), priority: 'critical' }),
    ],
  ])('refuses %s on a closed ticket', async (_case, make) => {
    const ticket = await giuliasTicket('closed');
    await expectRefused(make(ticket.id), 'ticket_closed', /is closed: reopen it/);
    expect(await stored(ticket.id)).toEqual(ticket);
  });

  it("reopens a closed ticket within the team's window and refuses once it has ended", async () => {
    const [late, early] = (await allTickets(portal.db)).filter(
      (t) => t.assignee?.id === giulia.id && t.closure !== null,
    );
    if (late?.closure == null || early?.closure == null)
      throw new Error('the demo data gives Giulia no two closed tickets');
    const reopen = (ticketId: string) =>
      change('reopenTicket', { ticketId, eventId: randomUUID(), reason: 'It is back.' });

    // The window is decided on the server's clock, whatever the console's says; the token is signed for that clock.
    portal.setNow(new Date(Date.parse(late.closure.closedAt) + 14 * DAY + 60_000));
    await expectRefused(
      reopen(late.id),
      'illegal_transition',
      /14-day reopen window ended/,
      await signIn(portal.app, giulia.email),
    );

    portal.setNow(new Date(Date.parse(early.closure.closedAt) + 13 * DAY));
    const mutation = reopen(early.id);
    const [result] = await push([mutation], await signIn(portal.app, giulia.email));
    expect(result).toMatchObject({
      id: mutation.id,
      status: 'applied',
      ticketId: early.id,
      version: early.version + 1,
    });
    expect(await stored(early.id)).toMatchObject({ stage: 'investigation', status: 'in_progress', closure: null });
  });

  it('refuses an invalid tenant domain in a details update, changing none of the details', async () => {
    const ticket = await giuliasTicket('investigation');
    const mutation = change('updateDetails', {
      ticketId: ticket.id,
      eventId: randomUUID(),
      companyName: 'Renamed Ltd',
      tenantDomain: 'contoso.com',
    });
    await expectRefused(mutation, 'invalid_args', /"contoso\.com" does not end in \.onmicrosoft\.com/);
    expect(await stored(ticket.id)).toEqual(ticket);
  });

  it('refuses assigning a ticket to someone outside the team', async () => {
    const ticket = await giuliasTicket('investigation');
    const toDavid = change('assignTicket', { ticketId: ticket.id, eventId: randomUUID(), assigneeId: david.id });
    await expectRefused(
      toDavid,
      'invalid_args',
      /no one with that id is in your team/,
      await signIn(portal.app, anna.email),
    );
    expect(await stored(ticket.id)).toEqual(ticket);
  });

  it('applies validation → investigation → resolution → closed (confirmed), one version per step', async () => {
    const ticket = await intake();
    const ticketId = ticket.id;
    const steps: [Mutation, Stage][] = [
      [change('assignTicket', { ticketId, eventId: randomUUID(), assigneeId: giulia.id }), 'validation'],
      [change('runValidation', { ticketId, eventId: randomUUID() }), 'validation'],
      [change('passValidation', { ticketId, eventId: randomUUID() }), 'investigation'],
      [addNote(ticketId, 'Meeting policy lobby timeout set to 10 minutes; raised it.'), 'investigation'],
      [
        change('requestConfirmation', {
          ticketId,
          eventId: randomUUID(),
          replyId: randomUUID(),
          body: confirmationRequest(ticket),
        }),
        'resolution',
      ],
      [
        change('recordCustomerAnswer', {
          ticketId,
          entryId: randomUUID(),
          eventId: randomUUID(),
          answer: 'confirmed',
          message: 'All good now, thanks.',
          replyId: randomUUID(),
          closingReply: resolvedClosure(ticket),
        }),
        'closed',
      ],
    ];
    for (const [index, [mutation, stage]] of steps.entries()) {
      const [result] = await push([mutation]);
      expect(result).toMatchObject({
        id: mutation.id,
        status: 'applied',
        ticketId,
        version: ticket.version + index + 1,
      });
      expect((await stored(ticketId)).stage).toBe(stage);
    }
    expect(await stored(ticketId)).toMatchObject({
      status: 'closed',
      assignee: { id: giulia.id },
      closure: { reason: 'resolved', explanation: resolvedClosure(ticket), closedBy: { id: giulia.id } },
    });
  });

  it('gives a second client of the same user replaying a change id the first result, applying nothing again', async () => {
    const ticket = await giuliasTicket('investigation');
    const mutation = change('setStatus', { ticketId: ticket.id, eventId: randomUUID(), status: 'waiting_on_customer' });
    const first = await push([mutation]);
    expect(first[0]?.status).toBe('applied');
    const afterFirst = await snapshot(portal.db);

    const secondClient = await signIn(portal.app, giulia.email);
    expect(await push([mutation], secondClient, randomUUID())).toEqual(first);
    expect(await snapshot(portal.db)).toEqual({ ...afterFirst, authTokens: Number(afterFirst.authTokens) + 1 });
  });

  it('closes an intake ticket without a tenant domain as missing information, explaining why on its timeline', async () => {
    const ticket = await intake({ tenantDomain: '' });
    const ticketId = ticket.id;
    const [run] = await push([change('runValidation', { ticketId, eventId: randomUUID() })]);
    expect(run?.status).toBe('applied');
    const checks = (await stored(ticketId)).validation?.checks ?? [];
    expect(checks.find((check) => check.field === 'endCustomer.tenantDomain')).toMatchObject({ passed: false });

    const explanation = closureExplanation(await stored(ticketId), 'missing_information', checks);
    const replyId = randomUUID();
    const fail = change('failValidation', {
      ticketId,
      reason: 'missing_information',
      explanation,
      replyId,
      eventId: randomUUID(),
    });
    expect(await push([fail])).toMatchObject([
      { id: fail.id, status: 'applied', ticketId, version: ticket.version + 2 },
    ]);
    const closed = await stored(ticketId);
    expect(closed).toMatchObject({
      stage: 'closed',
      status: 'closed',
      closure: { reason: 'missing_information', explanation },
    });
    expect(explanation).toMatch(/tenant domain/);
    expect(closed.timeline.at(-1)).toEqual({
      id: replyId,
      at: NOW.toISOString(),
      kind: 'customer_reply',
      direction: 'outbound',
      author: { name: giulia.name },
      body: explanation,
    });
  });
});
