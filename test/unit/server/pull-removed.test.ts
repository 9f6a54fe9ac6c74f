// Pull's `removed`: an engineer's console is told to drop the tickets that left their scope, and no others.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DemoUser } from '../../../server/seed';
import { API_PREFIX } from '../../../shared/api';
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
  giulia,
  marco,
  seededPortal,
  signIn,
  sofia,
} from './fixtures';

describe('pull: tickets that left the scope', () => {
  let portal: Portal;
  beforeEach(async () => {
    portal = await seededPortal();
  });
  afterEach(() => portal.close());

  async function pull(user: DemoUser, cursor = '0', limit = 2000): Promise<PullResponse> {
    const response = await portal.app.inject({
      method: 'GET',
      url: `${API_PREFIX}/sync/pull?cursor=${cursor}&limit=${limit}`,
      headers: bearer(await signIn(portal.app, user.email)),
    });
    expect(response.statusCode).toBe(200);
    return PullResponse.parse(response.json());
  }

  /** Pushed by the lead, who may change any ticket of the team. */
  async function leadChanges(...mutations: Mutation[]): Promise<void> {
    const response = await portal.app.inject({
      method: 'POST',
      url: `${API_PREFIX}/sync/push`,
      headers: bearer(await signIn(portal.app, anna.email)),
      payload: { clientId: crypto.randomUUID(), mutations },
    });
    const { results } = PushResponse.parse(response.json());
    expect(results.map((result) => result.status)).toEqual(mutations.map(() => 'applied'));
  }

  const open = async (held: (ticket: Ticket) => boolean) => {
    const ticket = (await allTickets(portal.db)).find(
      (t) => t.teamId === anna.teamId && t.stage !== 'closed' && held(t),
    );
    if (ticket === undefined) throw new Error('the demo data has no such ticket');
    return ticket;
  };
  const heldBy = (user: DemoUser) => (ticket: Ticket) => ticket.assignee?.id === user.id;
  const queued = (ticket: Ticket) => ticket.assignee === null;
  const cursorNow = async () => String(await portal.db.currentSeq());
  const ids = (page: PullResponse) => page.tickets.map((ticket) => ticket.id);

  it("names none of the teammates' tickets on an engineer's first pull", async () => {
    const teammates = (await allTickets(portal.db)).filter(
      (t) => t.teamId === giulia.teamId && t.assignee !== null && t.assignee.id !== giulia.id,
    );
    expect(teammates.length).toBeGreaterThan(50);
    const first = await pull(giulia);
    expect(first.hasMore).toBe(false);
    expect(first.removed).toEqual([]);
  });

  it('never names a ticket passed between colleagues to an engineer who never held it, even from 0', async () => {
    const cursor = await cursorNow();
    const marcos = await open(heldBy(marco));
    await leadChanges(assignTicket(marcos.id, sofia.id));
    expect((await pull(giulia, cursor)).removed).toEqual([]);
    expect((await pull(giulia)).removed).toEqual([]);
    expect((await pull(marco, cursor)).removed).toEqual([marcos.id]);
    expect(ids(await pull(sofia, cursor))).toEqual([marcos.id]);
  });

  it('names a queue ticket taken by a colleague to the engineers of its team, and to no one else', async () => {
    const cursor = await cursorNow();
    const ticket = await open(queued);
    await leadChanges(assignTicket(ticket.id, marco.id));
    expect((await pull(giulia, cursor)).removed).toEqual([ticket.id]);
    expect((await pull(sofia, cursor)).removed).toEqual([ticket.id]);
    const taker = await pull(marco, cursor);
    expect([ids(taker), taker.removed]).toEqual([[ticket.id], []]);
    expect((await pull(david, cursor)).removed).toEqual([]);
    // A lead's scope is the whole team: nothing ever leaves it.
    expect((await pull(anna, cursor)).removed).toEqual([]);
  });

  it('sends a ticket that left and came back within the window, and does not name it', async () => {
    const cursor = await cursorNow();
    const hers = await open(heldBy(giulia));
    await leadChanges(assignTicket(hers.id, marco.id), assignTicket(hers.id, giulia.id));
    const next = await pull(giulia, cursor);
    expect([ids(next), next.removed]).toEqual([[hers.id], []]);
  });

  it('names what left at any time to a console pulling again from 0, which still holds its copy', async () => {
    const hers = await open(heldBy(giulia));
    await leadChanges(assignTicket(hers.id, marco.id), addNote((await open(heldBy(marco))).id));
    const again = await pull(giulia);
    expect(again.removed).toEqual([hers.id]);
    expect(ids(again)).not.toContain(hers.id);
  });

  it('names a ticket once, on the page whose window holds the change that moved it', async () => {
    const cursor = await cursorNow();
    const hers = await open(heldBy(giulia));
    const notes = (await allTickets(portal.db))
      .filter((t) => t.teamId === giulia.teamId && queued(t) && t.stage !== 'closed')
      .slice(0, 4)
      .map((ticket) => addNote(ticket.id));
    expect(notes).toHaveLength(4);
    await leadChanges(...notes.slice(0, 3), assignTicket(hers.id, marco.id), ...notes.slice(3));

    const pages = [await pull(giulia, cursor, 2)];
    while ((pages.at(-1) as PullResponse).hasMore)
      pages.push(await pull(giulia, (pages.at(-1) as PullResponse).cursor, 2));
    expect(pages.map((page) => [ids(page).length, page.removed])).toEqual([
      [2, []],
      [2, [hers.id]],
    ]);
  });
});
