// Push commits its mutations in groups on SQLite: one disk flush per group of work, each mutation still applied or
// refused alone; on PostgreSQL, shared by several server processes, each mutation commits on its own.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CADENCE } from '../../../shared/domain/cadence';
import { DEFAULT_FLOW_POLICY } from '../../../shared/domain/flow';
import { PUSH_ANSWER_MS } from '../../../shared/api/sync';
import type { User } from '../../../shared/domain/people';
import type { Mutation } from '../../../shared/mutations';
import { GROUP_BUDGET_MS, type PushContext, pushMutations } from '../../../server/push';
import { TEST_ENGINE } from '../../support/test-database';
import { NOW, type Portal, addNote, giulia, seededPortal, ticketWhere } from './fixtures';

describe('push, grouped commits', () => {
  let portal: Portal;
  let context: PushContext;
  /**
   * Top-level transactions, each of which is one commit (one flush); the savepoints inside are begun on
   * the transaction's own database, so they are not counted.
   */
  let commits: number;
  beforeEach(async () => {
    portal = await seededPortal();
    const user = (await portal.db.directory.findAccountByEmail(giulia.email))?.user as User;
    context = {
      user,
      team: {
        members: await portal.db.directory.teamMembers(user.teamId),
        policy: DEFAULT_FLOW_POLICY,
        cadence: DEFAULT_CADENCE,
        portalUrl: null,
      },
      now: NOW,
    };
    commits = 0;
    const transaction = portal.db.transaction.bind(portal.db);
    vi.spyOn(portal.db, 'transaction').mockImplementation((work) => {
      commits += 1;
      return transaction(work);
    });
  });
  afterEach(() => portal.close());

  const ownOpenTicket = async () =>
    ticketWhere(portal.db, (t) => t.assignee?.id === giulia.id && t.stage === 'investigation');
  const closedTicket = async () => ticketWhere(portal.db, (t) => t.assignee?.id === giulia.id && t.stage === 'closed');
  const pushed = (mutations: Mutation[], workClock: () => number) =>
    pushMutations(portal.db, { clientId: randomUUID(), mutations }, context, workClock);

  const onSqlite = TEST_ENGINE === 'sqlite';

  it(`commits a batch that fits the budget ${onSqlite ? 'once' : 'one mutation at a time'}, each mutation applied or refused alone`, async () => {
    const ticket = await ownOpenTicket();
    const batch = [addNote(ticket.id, 'first'), addNote((await closedTicket()).id), addNote(ticket.id, 'second')];
    const { results } = await pushed(batch, () => 0);

    expect(commits).toBe(onSqlite ? 1 : batch.length);
    expect(results.map((result) => result.status)).toEqual(['applied', 'refused', 'applied']);
    expect((await portal.db.findTicket(ticket.id))?.version).toBe(ticket.version + 2);
  });

  it('ends a group once its work reaches the budget, and answers every mutation in order', async () => {
    const ticket = await ownOpenTicket();
    const batch = Array.from({ length: 5 }, (_, index) => addNote(ticket.id, `note ${index + 1}`));
    // Each reading of the clock finds half the budget gone: two mutations to a group.
    let elapsed = 0;
    const { results } = await pushed(batch, () => (elapsed += GROUP_BUDGET_MS / 2));

    expect(commits).toBe(onSqlite ? 3 : batch.length);
    expect(results.map((result) => result.id)).toEqual(batch.map((mutation) => mutation.id));
    expect(results.map((result) => result.status === 'applied' && result.version)).toEqual(
      [1, 2, 3, 4, 5].map((n) => ticket.version + n),
    );
  });

  it('answers for the mutations it got through once a push has taken its time, leaving the rest for the next push', async () => {
    const ticket = await ownOpenTicket();
    const batch = Array.from({ length: 5 }, (_, index) => addNote(ticket.id, `note ${index + 1}`));
    // Each reading of the clock finds a quarter of the answer's time gone: one mutation to a group, two groups.
    let elapsed = 0;
    const { results } = await pushed(batch, () => (elapsed += PUSH_ANSWER_MS / 4));

    expect(results.map((result) => result.id)).toEqual(batch.slice(0, 2).map((mutation) => mutation.id));
    const notesOnTicket = async () =>
      (await portal.db.findTicket(ticket.id))?.timeline.flatMap((entry) =>
        entry.kind === 'internal_note' && entry.body.startsWith('note ') ? [entry.body] : [],
      );
    expect(await notesOnTicket()).toEqual(['note 1', 'note 2']);

    const rest = await pushed(batch.slice(2), () => 0);
    expect(rest.results.map((result) => result.status)).toEqual(['applied', 'applied', 'applied']);
    expect(await notesOnTicket()).toEqual(['note 1', 'note 2', 'note 3', 'note 4', 'note 5']);
  });

  it('answers for one group at least, however long it took', async () => {
    const ticket = await ownOpenTicket();
    const batch = [addNote(ticket.id, 'first'), addNote(ticket.id, 'second')];
    let elapsed = 0;
    const { results } = await pushed(batch, () => (elapsed += PUSH_ANSWER_MS));

    expect(results.map((result) => result.id)).toEqual([batch[0]?.id]);
    expect(results[0]?.status).toBe('applied');
  });
});
