// The change stream tells a signed-in console, within moments, that there is something to pull.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_PREFIX, ErrorBody } from '../../../shared/api';
import { type Portal, addNote, allTickets, bearer, giulia, listen, push, seededPortal, signIn } from './fixtures';
import { eventsOf } from '../../support/server-events';

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
