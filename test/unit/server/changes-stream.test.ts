// The change stream tells a signed-in console, within moments, that there is something to pull.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_PREFIX, ErrorBody } from '../../../shared/api';
import {
  type Portal,
  addNote,
  allTickets,
  anna,
  assignTicket,
  bearer,
  david,
  giulia,
  listen,
  marco,
  push,
  seededPortal,
  signIn,
  sofia,
  ticketWhere,
} from './fixtures';
import { eventsOf } from '../../support/server-events';
import type { Mutation } from '../../../shared/mutations';

const CHANGES = `${API_PREFIX}/sync/changes`;

describe('GET /sync/changes', () => {
  let portal: Portal;
  let address: string;
  beforeEach(async () => {
    portal = await seededPortal(undefined, { consoleOrigins: ['http://127.0.0.1:5173'] });
    address = await listen(portal);
  });
  afterEach(() => portal.close());

  it('announces the current change at once, then each change as it is stored', async () => {
    const token = await signIn(portal.app, giulia.email);
    const aborted = new AbortController();
    const response = await fetch(`${address}${CHANGES}`, {
      headers: { ...bearer(token), origin: 'http://127.0.0.1:5173' },
      signal: aborted.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    // Not held back by a proxy in front (README, Behind TLS).
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    // The console's own origin may read it, as any other answer.
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    const next = eventsOf(response.body as ReadableStream<Uint8Array>);
    const first = await next();
    expect(first).toEqual({ event: 'change', data: { seq: await portal.db.currentSeq() } });

    const ticket = (await allTickets(portal.db)).find((t) => t.assignee?.id === giulia.id && t.stage !== 'closed');
    if (ticket === undefined) throw new Error('the demo data has no open ticket of Giulia');
    await push(portal.app, token, [addNote(ticket.id)]);
    expect(await next()).toEqual({ event: 'change', data: { seq: await portal.db.currentSeq() } });
    aborted.abort();
  });

  it('announces a change only to the consoles whose scope held or holds the ticket', async () => {
    const aborted = new AbortController();
    const tokens = new Map<string, string>();
    type Events = ReturnType<typeof eventsOf>;
    // Each console's stream, past the event every console gets on connecting.
    const watch = async (email: string) => {
      const token = await signIn(portal.app, email);
      tokens.set(email, token);
      const response = await fetch(`${address}${CHANGES}`, { headers: bearer(token), signal: aborted.signal });
      const next = eventsOf(response.body as ReadableStream<Uint8Array>);
      await next();
      return next;
    };
    const [ofGiulia, ofMarco, ofSofia, ofAnna, ofDavid] = (await Promise.all(
      [giulia, marco, sofia, anna, david].map((user) => watch(user.email)),
    )) as [Events, Events, Events, Events, Events];
    // Made as `user`, and the event that announces it.
    const change = async (user: { email: string }, mutation: Mutation) => {
      const [result] = await push(portal.app, tokens.get(user.email) as string, [mutation]);
      expect(result?.status).toBe('applied');
      return { event: 'change', data: { seq: await portal.db.currentSeq() } };
    };
    const open = (ticket: { stage: string }) => ticket.stage !== 'closed';

    // Giulia's own ticket: Giulia and her lead hear of it; Marco and Sofia (her team's engineers) and
    // David (another team) do not, as their next events show.
    const own = await ticketWhere(portal.db, (t) => open(t) && t.assignee?.id === giulia.id);
    const noted = await change(giulia, addNote(own.id));
    expect(await ofGiulia()).toEqual(noted);
    expect(await ofAnna()).toEqual(noted);

    // Given to Marco: Giulia hears of it too, as it leaves her scope; Sofia still hears nothing.
    const given = await change(anna, assignTicket(own.id, marco.id));
    expect(await ofGiulia()).toEqual(given);
    expect(await ofMarco()).toEqual(given);
    expect(await ofAnna()).toEqual(given);

    // A ticket of the team's queue: the whole team hears of it, not another team.
    const queued = await ticketWhere(portal.db, (t) => open(t) && t.teamId === giulia.teamId && t.assignee === null);
    const inQueue = await change(sofia, addNote(queued.id));
    for (const next of [ofGiulia, ofMarco, ofSofia, ofAnna]) expect(await next()).toEqual(inQueue);

    // David's first event since connecting is his own team's change.
    const azure = await ticketWhere(
      portal.db,
      (t) => open(t) && t.teamId === david.teamId && t.assignee?.id === david.id,
    );
    const ofAzure = await change(david, addNote(azure.id));
    expect(await ofDavid()).toEqual(ofAzure);
    aborted.abort();
  });

  it('is refused without a valid sign-in', async () => {
    const response = await fetch(`${address}${CHANGES}`, { headers: bearer('not-a-token') });
    expect(response.status).toBe(401);
    expect(ErrorBody.parse(await response.json()).error).toBe('unauthenticated');
  });

  it('ends open streams when the server closes, so it stops at once', async () => {
    const token = await signIn(portal.app, giulia.email);
    const response = await fetch(`${address}${CHANGES}`, { headers: bearer(token) });
    const next = eventsOf(response.body as ReadableStream<Uint8Array>);
    await next();
    await portal.close();
    await expect(next()).rejects.toThrow(/ended|terminated/);
  });
});
