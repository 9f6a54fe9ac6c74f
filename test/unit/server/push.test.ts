// Push: each mutation applied exactly once, refusals reported with their reason, replays answered alike.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../../shared/api';
import { ErrorBody } from '../../../shared/api/errors';
import { PUSH_BODY_LIMIT_BYTES } from '../../../shared/api/sync';
import type { Ticket } from '../../../shared/domain/ticket';
import type { Mutation } from '../../../shared/mutations';
import {
  NOW,
  type Portal,
  addNote,
  allTickets,
  anna,
  bearer,
  david,
  giulia,
  marco,
  push as pushAs,
  seededPortal,
  signIn,
  snapshot,
  ticketWhere as findTicketWhere,
} from './fixtures';

const PUSH = `${API_PREFIX}/sync/push`;

describe('push', () => {
  let portal: Portal;
  let token: string;
  beforeEach(async () => {
    portal = await seededPortal();
    token = await signIn(portal.app, giulia.email);
  });
  afterEach(() => portal.close());

  const push = (mutations: Mutation[], as = token) => pushAs(portal.app, as, mutations);
  const ticketWhere = (predicate: (ticket: Ticket) => boolean) => findTicketWhere(portal.db, predicate);
  const ownOpenTicket = async () =>
    await ticketWhere((t) => t.assignee?.id === giulia.id && t.stage === 'investigation');
  const notesOn = async (ticketId: string, noteId: string) =>
    (await portal.db.findTicket(ticketId))?.timeline.filter((entry) => entry.id === noteId) ?? [];

  it('applies a note once: a new version and change number, the note on the timeline with the server time', async () => {
    const ticket = await ownOpenTicket();
    const mutation = addNote(ticket.id, 'Collected the message trace; DKIM not enabled.');
    const [result] = await push([mutation]);

    expect(result).toEqual({
      id: mutation.id,
      status: 'applied',
      ticketId: ticket.id,
      version: ticket.version + 1,
      seq: 201,
      history: await portal.db.historyOf(201),
    });
    const stored = (await portal.db.findTicket(ticket.id)) as Ticket;
    expect(stored.version).toBe(ticket.version + 1);
    expect(stored.serverSeq).toBe(201);
    expect(stored.updatedAt).toBe(NOW.toISOString());
    expect(stored.timeline.at(-1)).toMatchObject({
      kind: 'internal_note',
      at: NOW.toISOString(),
      author: { id: giulia.id, name: giulia.name },
      body: 'Collected the message trace; DKIM not enabled.',
    });
  });

  it('answers a replayed mutation with its first result and applies nothing again', async () => {
    const ticket = await ownOpenTicket();
    const mutation = addNote(ticket.id);
    const first = await push([mutation]);
    const afterFirst = await snapshot(portal.db);

    expect(await push([mutation])).toEqual(first);
    // Also when delivered twice in one batch.
    expect(await push([mutation, mutation])).toEqual([first[0], first[0]]);
    expect(await snapshot(portal.db)).toEqual(afterFirst);
    expect(await notesOn(ticket.id, (mutation.args as { noteId: string }).noteId)).toHaveLength(1);
  });

  it('applies a batch in order, one result per mutation', async () => {
    const ticket = await ownOpenTicket();
    const closed = await ticketWhere(
      (t) => t.teamId === 'tm-modern-work' && t.assignee?.id === giulia.id && t.stage === 'closed',
    );
    const batch = [addNote(ticket.id, 'first'), addNote(closed.id), addNote(ticket.id, 'second')];
    const results = await push(batch);
    expect(results.map((r) => [r.id, r.status])).toEqual([
      [batch[0]?.id, 'applied'],
      [batch[1]?.id, 'refused'],
      [batch[2]?.id, 'applied'],
    ]);
    const stored = (await portal.db.findTicket(ticket.id)) as Ticket;
    expect(stored.version).toBe(ticket.version + 2);
    expect(stored.timeline.slice(-2).map((entry) => ('body' in entry ? entry.body : ''))).toEqual(['first', 'second']);
  });

  const refusals: [string, () => Promise<Mutation>, string][] = [
    [
      'a closed ticket',
      async () => addNote((await ticketWhere((t) => t.assignee?.id === giulia.id && t.stage === 'closed')).id),
      'ticket_closed',
    ],
    [
      'an unknown mutation',
      async () => ({ ...addNote((await ownOpenTicket()).id), name: 'deleteTicket' }),
      'unknown_mutation',
    ],
    ['invalid arguments', async () => addNote((await ownOpenTicket()).id, '   '), 'invalid_args'],
    [
      'arguments naming no ticket',
      async () => ({ ...addNote((await ownOpenTicket()).id), args: { body: 'no ticket' } }),
      'invalid_args',
    ],
    ['an unknown ticket', () => Promise.resolve(addNote(randomUUID())), 'ticket_not_found'],
    [
      "a teammate's ticket",
      async () => addNote((await ticketWhere((t) => t.assignee?.id === marco.id && t.stage === 'investigation')).id),
      'out_of_scope',
    ],
    [
      "another team's ticket",
      async () => addNote((await ticketWhere((t) => t.teamId === 'tm-azure' && t.assignee === null)).id),
      'out_of_scope',
    ],
  ];

  it.each(refusals)(
    'refuses a note on %s with its reason, writes no ticket, and refuses a replay alike',
    async (_case, make, code) => {
      const mutation = await make();
      const before = await snapshot(portal.db);
      const [result] = await push([mutation]);

      expect(result).toMatchObject({ id: mutation.id, status: 'refused', refusal: { code } });
      expect(result?.status === 'refused' && result.refusal.message.length).toBeGreaterThan(0);
      const after = await snapshot(portal.db);
      // Only the refusal itself is recorded, so a redelivery is refused again rather than applied late.
      expect(after).toEqual({ ...before, appliedMutations: Number(before.appliedMutations) + 1 });

      expect(await push([mutation])).toEqual([result]);
      expect(await snapshot(portal.db)).toEqual(after);
    },
  );

  it("lets a lead add a note to any of the team's tickets", async () => {
    const ticket = await ticketWhere((t) => t.assignee?.id === marco.id && t.stage === 'escalated');
    const [result] = await push([addNote(ticket.id)], await signIn(portal.app, anna.email));
    expect(result?.status).toBe('applied');
  });

  it("does not reveal another user's result for a reused mutation id", async () => {
    const mutation = addNote((await ownOpenTicket()).id);
    await push([mutation]);
    const before = await snapshot(portal.db);
    const [result] = await push([mutation], await signIn(portal.app, anna.email));
    expect(result).toMatchObject({ id: mutation.id, status: 'refused', refusal: { code: 'forbidden' } });
    expect(await snapshot(portal.db)).toEqual({ ...before, authTokens: Number(before.authTokens) + 1 });
  });

  it.each([
    ['no mutations', { clientId: randomUUID(), mutations: [] }, 'mutations'],
    ['a client id that is not a UUID', { clientId: 'laptop', mutations: [addNote(randomUUID())] }, 'clientId'],
    [
      'a mutation without an id',
      { clientId: randomUUID(), mutations: [{ ...addNote(randomUUID()), id: undefined }] },
      'mutations.0.id',
    ],
  ])('refuses a push with %s as invalid_request, writing nothing', async (_case, payload, path) => {
    const before = await snapshot(portal.db);
    const response = await portal.app.inject({ method: 'POST', url: PUSH, headers: bearer(token), payload });
    expect(response.statusCode).toBe(400);
    const body = ErrorBody.parse(response.json());
    expect(body.error).toBe('invalid_request');
    expect(body.issues?.map((issue) => issue.path)).toContain(path);
    expect(await snapshot(portal.db)).toEqual(before);
  });

  it('keeps the engineer of another team out of the push', async () => {
    const ticket = await ownOpenTicket();
    const [result] = await push([addNote(ticket.id)], await signIn(portal.app, david.email));
    expect(result).toMatchObject({ status: 'refused', refusal: { code: 'out_of_scope' } });
    expect(await portal.db.findTicket(ticket.id)).toEqual(ticket);
  });

  it('takes 100 of the longest notes the contract allows in one push, and refuses a larger body in words', async () => {
    // Over four of her tickets, so that none reaches its own size limit (TICKET_MAX_BYTES).
    const tickets = (await allTickets(portal.db))
      .filter((t) => t.assignee?.id === giulia.id && t.stage !== 'closed')
      .slice(0, 4);
    expect(tickets).toHaveLength(4);
    // 100 notes of 20,000 two-byte characters: about 4 MB, far past a default 1 MiB body limit.
    const notes = Array.from({ length: 100 }, (_, i) =>
      addNote((tickets[i % tickets.length] as Ticket).id, `${i} ${'é'.repeat(19_990)}`),
    );
    const results = await push(notes);
    expect(results.every((result) => result.status === 'applied')).toBe(true);

    const tooLarge = await portal.app.inject({
      method: 'POST',
      url: PUSH,
      headers: { ...bearer(token), 'content-type': 'application/json' },
      payload: JSON.stringify({ clientId: randomUUID(), mutations: notes, padding: 'x'.repeat(PUSH_BODY_LIMIT_BYTES) }),
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(ErrorBody.parse(tooLarge.json())).toMatchObject({
      error: 'invalid_request',
      message: "the request body is larger than this endpoint's limit of 16 MiB",
    });
  });
});
