// Pull: the caller's scope, cursors that neither skip nor repeat a change, and refused cursors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../../shared/api';
import { ErrorBody } from '../../../shared/api/errors';
import { PullResponse, PushResponse } from '../../../shared/api/sync';
import type { Ticket } from '../../../shared/domain/ticket';
import type { Mutation } from '../../../shared/mutations';
import {
  type Portal,
  addNote,
  allTickets,
  anna,
  assignTicket,
  bearer,
  david,
  elena,
  giulia,
  marco,
  push,
  seededPortal,
  signIn,
  ticketWhere,
} from './fixtures';
import { backupOf } from '../../support/test-database';

const PULL = `${API_PREFIX}/sync/pull`;

describe('pull', () => {
  let portal: Portal;
  beforeEach(async () => {
    portal = await seededPortal();
  });
  afterEach(() => portal.close());

  async function pull(token: string, query: string) {
    const response = await portal.app.inject({ method: 'GET', url: `${PULL}?${query}`, headers: bearer(token) });
    expect(response.statusCode).toBe(200);
    return PullResponse.parse(response.json());
  }

  async function pullAll(token: string, cursor = '0', limit = 7) {
    const pages: PullResponse[] = [];
    for (;;) {
      const page = await pull(token, `cursor=${cursor}&limit=${limit}`);
      pages.push(page);
      cursor = page.cursor;
      if (!page.hasMore) return pages;
      expect(pages.length).toBeLessThan(100);
    }
  }

  async function push(token: string, mutations: Mutation[]) {
    const response = await portal.app.inject({
      method: 'POST',
      url: `${API_PREFIX}/sync/push`,
      headers: bearer(token),
      payload: { clientId: crypto.randomUUID(), mutations },
    });
    return PushResponse.parse(response.json());
  }

  const ids = (tickets: Ticket[]) => tickets.map((ticket) => ticket.id).sort();

  it("gives an engineer their own tickets and their team's queue, nothing else", async () => {
    const everything = await allTickets(portal.db);
    const expected = everything.filter(
      (t) => t.teamId === 'tm-modern-work' && (t.assignee === null || t.assignee.id === giulia.id),
    );
    expect(expected.some((t) => t.assignee === null)).toBe(true);
    expect(everything.some((t) => t.teamId === 'tm-modern-work' && t.assignee?.id === marco.id)).toBe(true);

    const page = await pull(await signIn(portal.app, giulia.email), 'limit=1000');
    expect(page.hasMore).toBe(false);
    expect(ids(page.tickets)).toEqual(ids(expected));
  });

  it('gives a lead the whole team, and never another team', async () => {
    const everything = await allTickets(portal.db);
    const lead = await pull(await signIn(portal.app, anna.email), 'limit=1000');
    expect(ids(lead.tickets)).toEqual(ids(everything.filter((t) => t.teamId === 'tm-modern-work')));

    const azure = await pull(await signIn(portal.app, david.email), 'limit=1000');
    expect(azure.tickets.length).toBeGreaterThan(0);
    expect(azure.tickets.every((t) => t.teamId === 'tm-azure')).toBe(true);
    expect(azure.tickets.every((t) => t.assignee === null || t.assignee.id === david.id)).toBe(true);
  });

  it('pages in change order with cursors that neither skip nor repeat, then stands still', async () => {
    const token = await signIn(portal.app, anna.email);
    const pages = await pullAll(token);
    const pulled = pages.flatMap((page) => page.tickets);
    const seqs = pulled.map((t) => t.serverSeq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(ids(pulled)).toEqual(ids((await allTickets(portal.db)).filter((t) => t.teamId === 'tm-modern-work')));
    expect(pages.slice(0, -1).every((page) => page.hasMore && page.tickets.length === 7)).toBe(true);
    // The last cursor is the server's current position; pulling from it again returns nothing, same cursor.
    const last = pages.at(-1) as PullResponse;
    expect(last.cursor).toBe(String(await portal.db.currentSeq()));
    expect(await pull(token, `cursor=${last.cursor}`)).toEqual({
      tickets: [],
      removed: [],
      remaining: 0,
      cursor: last.cursor,
      history: last.history,
      reset: false,
      hasMore: false,
    });
  });

  it('delivers a ticket changed between two pages again, at its new version', async () => {
    const token = await signIn(portal.app, anna.email);
    const first = await pull(token, 'cursor=0&limit=40');
    const alreadySent = first.tickets.find((t) => t.stage !== 'closed') as Ticket;
    const results = await push(token, [addNote(alreadySent.id)]);
    expect(results.results[0]?.status).toBe('applied');

    const rest = (await pullAll(token, first.cursor, 50)).flatMap((page) => page.tickets);
    const again = rest.filter((t) => t.id === alreadySent.id);
    expect(again).toHaveLength(1);
    expect(again[0]?.version).toBe(alreadySent.version + 1);
    expect(rest.at(-1)?.id).toBe(alreadySent.id);
  });

  it('counts what later pages will send, so a first sync can show its progress', async () => {
    for (const user of [anna, giulia]) {
      const token = await signIn(portal.app, user.email);
      const pages = await pullAll(token);
      const total = pages.reduce((sum, page) => sum + page.tickets.length, 0);
      let sent = 0;
      for (const page of pages) {
        sent += page.tickets.length;
        expect(page.remaining).toBe(total - sent);
        expect(page.hasMore).toBe(page.remaining > 0);
      }
      // A page that is full with nothing behind it ends the pull at the server's position.
      expect(await pull(token, `limit=${total}`)).toMatchObject({
        remaining: 0,
        hasMore: false,
        cursor: String(await portal.db.currentSeq()),
      });
    }
  });

  it('answers with JSON that PullResponse parses to itself, each ticket as stored', async () => {
    const response = await portal.app.inject({
      method: 'GET',
      url: `${PULL}?limit=2000`,
      headers: bearer(await signIn(portal.app, anna.email)),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const body: unknown = response.json();
    expect(Object.keys(body as object)).toEqual([
      'tickets',
      'removed',
      'remaining',
      'cursor',
      'history',
      'reset',
      'hasMore',
    ]);
    expect(PullResponse.parse(body)).toEqual(body);
    expect(PullResponse.parse(body).tickets).toEqual(
      (await allTickets(portal.db)).filter((t) => t.teamId === anna.teamId),
    );
  });

  it('names a ticket that left an engineer’s scope, so their console can drop it', async () => {
    const token = await signIn(portal.app, giulia.email);
    const { cursor } = await pull(token, 'limit=1000');
    const hers = (await allTickets(portal.db)).find((t) => t.assignee?.id === giulia.id && t.stage === 'investigation');
    const pushed = await push(await signIn(portal.app, anna.email), [assignTicket((hers as Ticket).id, marco.id)]);
    expect(pushed.results[0]?.status).toBe('applied');
    const next = await pull(token, `cursor=${cursor}`);
    expect(next).toEqual({
      tickets: [],
      removed: [(hers as Ticket).id],
      remaining: 0,
      cursor: String(Number(cursor) + 1),
      history: await portal.db.historyOf(Number(cursor) + 1),
      reset: false,
      hasMore: false,
    });
    // A lead's scope is the whole team: nothing ever leaves it.
    expect((await pull(await signIn(portal.app, anna.email), `cursor=${cursor}`)).removed).toEqual([]);
  });

  it("moves the cursor past other teams' changes without sending them", async () => {
    const token = await signIn(portal.app, giulia.email);
    const { cursor } = await pull(token, 'limit=1000');
    const azureTicket = (await allTickets(portal.db)).find(
      (t) => t.teamId === 'tm-azure' && t.stage === 'investigation',
    );
    const pushed = await push(await signIn(portal.app, elena.email), [addNote((azureTicket as Ticket).id)]);
    expect(pushed.results[0]?.status).toBe('applied');
    const next = await pull(token, `cursor=${cursor}`);
    expect(next.tickets).toEqual([]);
    expect(Number(next.cursor)).toBe(Number(cursor) + 1);
  });

  it.each([
    ['not a number', 'cursor=abc', 'bad_cursor'],
    ['negative', 'cursor=-1', 'bad_cursor'],
    ['zero-padded', 'cursor=007', 'bad_cursor'],
    ['with a history that is not an id', 'cursor=5&history=yesterday', 'invalid_request'],
    ['a limit of 0', 'limit=0', 'invalid_request'],
    ['a limit above 2000', 'limit=2001', 'invalid_request'],
    ['a limit that is not a number', 'limit=all', 'invalid_request'],
    ['an acknowledged change that is not a number', 'latest=abc', 'invalid_request'],
    ['an acknowledged change with a history that is not an id', 'latest=5:yesterday', 'invalid_request'],
    [
      'more than 16 acknowledged changes',
      `latest=${Array.from({ length: 17 }, (_, i) => i + 1).join(',')}`,
      'invalid_request',
    ],
  ])('refuses a query with a cursor, limit or list of %s', async (_case, query, error) => {
    expect(await portal.db.currentSeq()).toBe(200);
    const token = await signIn(portal.app, giulia.email);
    const response = await portal.app.inject({ method: 'GET', url: `${PULL}?${query}`, headers: bearer(token) });
    expect(response.statusCode).toBe(400);
    expect(ErrorBody.parse(response.json()).error).toBe(error);
  });

  it('accepts the current position as a cursor', async () => {
    const token = await signIn(portal.app, giulia.email);
    expect(await pull(token, 'cursor=200')).toEqual({
      tickets: [],
      removed: [],
      remaining: 0,
      cursor: '200',
      history: await portal.db.historyOf(200),
      reset: false,
      hasMore: false,
    });
  });
});

describe('pull: a cursor from a past the server no longer has', () => {
  let portal: Portal;
  let restored: Portal | null = null;
  beforeEach(async () => {
    portal = await seededPortal();
  });
  afterEach(async () => {
    await portal.close();
    await restored?.close();
  });

  const pullOf = async (from: Portal, token: string, query: string) => {
    const response = await from.app.inject({ method: 'GET', url: `${PULL}?${query}`, headers: bearer(token) });
    expect(response.statusCode).toBe(200);
    return PullResponse.parse(response.json());
  };

  /** The console's position after pulling everything, with a note of its own at the end. */
  async function consoleAhead(from: Portal, token: string) {
    const ticket = await ticketWhere(from.db, (t) => t.assignee?.id === giulia.id && t.stage === 'investigation');
    const [result] = await push(from.app, token, [addNote(ticket.id)]);
    expect(result).toMatchObject({ status: 'applied', seq: 201 });
    return pullOf(from, token, 'cursor=0&limit=2000');
  }

  it('keeps a cursor across a restart that lost nothing', async () => {
    const token = await signIn(portal.app, giulia.email);
    const { cursor, history } = await consoleAhead(portal, token);
    restored = await seededPortal(await backupOf(portal.db));
    const next = await pullOf(restored, token, `cursor=${cursor}&history=${history}`);
    expect(next).toMatchObject({ reset: false, tickets: [], cursor, history });
  });

  it('starts from 0 for a cursor past the last change of a database restored from a backup', async () => {
    const token = await signIn(portal.app, giulia.email);
    const backup = await backupOf(portal.db);
    const { cursor, history } = await consoleAhead(portal, token);
    restored = await seededPortal(backup);
    const next = await pullOf(restored, token, `cursor=${cursor}&history=${history}&limit=2000`);
    const fromZero = await pullOf(restored, token, 'cursor=0&limit=2000');
    expect(next).toEqual({ ...fromZero, reset: true });
  });

  it('starts from 0 once the restored database has made other changes under the same number', async () => {
    const token = await signIn(portal.app, giulia.email);
    const backup = await backupOf(portal.db);
    const { cursor, history } = await consoleAhead(portal, token);
    restored = await seededPortal(backup);
    const other = await ticketWhere(restored.db, (t) => t.assignee?.id === giulia.id && t.stage === 'investigation');
    await push(restored.app, token, [addNote(other.id, 'Made after the restore, numbered 201 again.')]);
    expect(await restored.db.currentSeq()).toBe(Number(cursor));
    const next = await pullOf(restored, token, `cursor=${cursor}&history=${history}`);
    expect(next.reset).toBe(true);
    expect(next.history).not.toBe(history);
  });

  it('starts from 0 when one acknowledged change listed is lost, though the cursor and the others are held', async () => {
    const token = await signIn(portal.app, giulia.email);
    const backup = await backupOf(portal.db);
    const { cursor: before, history: beforeHistory } = await pullOf(portal, token, 'cursor=0&limit=2000');
    const ticket = await ticketWhere(portal.db, (t) => t.assignee?.id === giulia.id && t.stage === 'investigation');
    const [lost] = await push(portal.app, token, [addNote(ticket.id, 'Acknowledged, then lost in the restore.')]);
    restored = await seededPortal(backup);
    const [kept] = await push(restored.app, token, [addNote(ticket.id, 'Made after the restore.')]);
    if (lost?.status !== 'applied' || kept?.status !== 'applied') throw new Error('both notes should apply');
    expect(kept.seq).toBe(lost.seq);

    const at = `cursor=${before}&history=${beforeHistory}`;
    expect((await pullOf(restored, token, `${at}&latest=${kept.seq}:${kept.history}`)).reset).toBe(false);
    const both = `${at}&latest=${kept.seq}:${kept.history},${lost.seq}:${lost.history}`;
    expect((await pullOf(restored, token, both)).reset).toBe(true);
  });
});
