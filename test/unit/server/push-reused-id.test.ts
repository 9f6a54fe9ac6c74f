// A mutation id stands for one change: sent again with another payload it is refused, and a refusal is final.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Mutation } from '../../../shared/mutations';
import {
  NOW,
  type Portal,
  addNote,
  assignTicket,
  giulia,
  marco,
  push,
  seededPortal,
  signIn,
  snapshot,
  ticketWhere,
} from './fixtures';

describe('push, a mutation id reused', () => {
  let portal: Portal;
  let token: string;
  beforeEach(async () => {
    portal = await seededPortal();
    token = await signIn(portal.app, giulia.email);
  });
  afterEach(() => portal.close());

  const ownOpenTicket = async () =>
    await ticketWhere(portal.db, (t) => t.assignee?.id === giulia.id && t.stage === 'investigation');
  const noteBodies = async (ticketId: string) =>
    (await portal.db.findTicket(ticketId))?.timeline.flatMap((entry) =>
      entry.kind === 'internal_note' ? [entry.body] : [],
    );

  const otherPayloads: [string, (first: Mutation) => Mutation][] = [
    ['other args', (first) => ({ ...first, args: { ...(first.args as object), body: 'A different note.' } })],
    ['another name', (first) => ({ ...first, name: 'addReply' })],
    ['another createdAt', (first) => ({ ...first, createdAt: new Date(NOW.getTime() + 1000).toISOString() })],
  ];

  it.each(otherPayloads)(
    'with %s is refused as reused_id, applies and records nothing, and leaves the first result to the first change',
    async (_case, reuse) => {
      const ticket = await ownOpenTicket();
      const first = addNote(ticket.id, 'The first note.');
      const [applied] = await push(portal.app, token, [first]);
      const before = await snapshot(portal.db);

      const [result] = await push(portal.app, token, [reuse(first)]);
      expect(result).toMatchObject({ id: first.id, status: 'refused', refusal: { code: 'reused_id' } });
      expect(result?.status === 'refused' && result.refusal.message).toMatch(
        /^this change was not applied: its id was already used by a different change \(addNote\) received earlier.+new id\.$/,
      );
      expect(await snapshot(portal.db)).toEqual(before);
      expect(await push(portal.app, token, [first])).toEqual([applied]);
      expect((await noteBodies(ticket.id))?.filter((body) => body === 'The first note.')).toHaveLength(1);
    },
  );

  it('with the same payload, its keys in another order, is the same change: the first result again', async () => {
    const first = addNote((await ownOpenTicket()).id);
    const [applied] = await push(portal.app, token, [first]);
    const { body, noteId, ticketId } = first.args as { ticketId: string; noteId: string; body: string };
    const reordered = { createdAt: first.createdAt, args: { body, noteId, ticketId }, name: first.name, id: first.id };
    expect(await push(portal.app, token, [reordered])).toEqual([applied]);
  });

  it('twice in one batch: the second gets the first result when identical, and is refused when it differs', async () => {
    const ticket = await ownOpenTicket();
    const same = addNote(ticket.id, 'Sent twice.');
    const differing = addNote(ticket.id, 'Sent first.');
    const results = await push(portal.app, token, [
      same,
      same,
      differing,
      { ...differing, args: { ...(differing.args as object), body: 'Sent second under the same id.' } },
    ]);

    expect(results[1]).toEqual(results[0]);
    expect(results[0]?.status).toBe('applied');
    expect(results[2]?.status).toBe('applied');
    expect(results[3]).toMatchObject({ id: differing.id, status: 'refused', refusal: { code: 'reused_id' } });
    expect((await noteBodies(ticket.id))?.slice(-2)).toEqual(['Sent twice.', 'Sent first.']);
  });

  it('recorded before payload hashes keeps being matched on its id alone', async () => {
    const first = addNote((await ownOpenTicket()).id);
    const [applied] = await push(portal.app, token, [first]);
    await portal.db.sql.run('UPDATE applied_mutations SET payload_hash = NULL WHERE id = ?', [first.id]);

    const other = { ...first, args: { ...(first.args as object), body: 'A different note.' } };
    expect(await push(portal.app, token, [other])).toEqual([applied]);
  });

  it('after a refusal is refused again even once the reason is gone: a refusal is final for its id', async () => {
    const teammates = await ticketWhere(portal.db, (t) => t.assignee?.id === marco.id && t.stage === 'investigation');
    const note = addNote(teammates.id);
    const [refused] = await push(portal.app, token, [note]);
    expect(refused).toMatchObject({ status: 'refused', refusal: { code: 'out_of_scope' } });

    const lead = await signIn(portal.app, 'anna.moretti@css.example');
    expect((await push(portal.app, lead, [assignTicket(teammates.id, giulia.id)]))[0]?.status).toBe('applied');
    expect(await push(portal.app, token, [note])).toEqual([refused]);
    // Sent as a new change, with a new id, it is applied.
    expect((await push(portal.app, token, [addNote(teammates.id)]))[0]?.status).toBe('applied');
  });
});
