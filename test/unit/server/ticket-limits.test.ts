// One ticket cannot grow without bound: past its limits a change is refused in words, unless it moves the ticket on.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TICKET_MAX_BYTES, TICKET_MAX_TIMELINE_ENTRIES } from '../../../shared/api/sync';
import type { Ticket, TimelineEntry } from '../../../shared/domain/ticket';
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

const LONGEST_NOTE = 'x'.repeat(20_000);

const bytes = (ticket: Ticket) => Buffer.byteLength(JSON.stringify(ticket));

const noteEntry = (body: string): TimelineEntry => ({
  id: randomUUID(),
  at: NOW.toISOString(),
  kind: 'internal_note',
  author: { id: giulia.id, name: giulia.name },
  body,
});

const fullMessage = (ticket: Ticket, limit: string) =>
  `${ticket.number} has reached its maximum size (${limit}), so this change was not saved. ` +
  `Open a new ticket for the rest of the work and mention ${ticket.number} in it.`;

describe('push, a ticket at its limits', () => {
  let portal: Portal;
  let token: string;
  beforeEach(async () => {
    portal = await seededPortal();
    token = await signIn(portal.app, giulia.email);
  });
  afterEach(() => portal.close());

  const ownOpenTicket = async () =>
    ticketWhere(portal.db, (t) => t.assignee?.id === giulia.id && t.stage === 'investigation');

  /** The ticket stored with `entries` more on its timeline, as earlier pushes would have left it. */
  async function grown(ticket: Ticket, entries: TimelineEntry[]): Promise<Ticket> {
    await portal.db.saveTicket({
      ...ticket,
      timeline: [...ticket.timeline, ...entries],
      serverSeq: await portal.db.nextSeq(),
    });
    return (await portal.db.findTicket(ticket.id)) as Ticket;
  }

  async function withFullTimeline(): Promise<Ticket> {
    const ticket = await ownOpenTicket();
    const more = TICKET_MAX_TIMELINE_ENTRIES - ticket.timeline.length;
    return await grown(
      ticket,
      Array.from({ length: more }, () => noteEntry('Checked the mail flow again.')),
    );
  }

  it(`refuses a change past ${TICKET_MAX_TIMELINE_ENTRIES} timeline entries in words, and for good`, async () => {
    const ticket = await withFullTimeline();
    expect(ticket.timeline).toHaveLength(TICKET_MAX_TIMELINE_ENTRIES);
    const before = await snapshot(portal.db);

    const note = addNote(ticket.id);
    const [result] = await push(portal.app, token, [note]);
    expect(result).toEqual({
      id: note.id,
      status: 'refused',
      refusal: { code: 'illegal_transition', message: fullMessage(ticket, '2,000 timeline entries') },
    });
    // Recorded like any refusal, so the outbox moves on and a redelivery is refused alike.
    expect(await snapshot(portal.db)).toEqual({ ...before, appliedMutations: Number(before.appliedMutations) + 1 });
    expect(await push(portal.app, token, [note])).toEqual([result]);
  });

  it('refuses a change past 2 MiB of JSON, and still takes one that fits', async () => {
    const perNote = Buffer.byteLength(JSON.stringify(noteEntry(LONGEST_NOTE))) + 1;
    const start = await ownOpenTicket();
    const room = Math.floor((TICKET_MAX_BYTES - bytes(start)) / perNote);
    const ticket = await grown(
      start,
      Array.from({ length: room - 2 }, () => noteEntry(LONGEST_NOTE)),
    );

    const results = await push(
      portal.app,
      token,
      Array.from({ length: 4 }, () => addNote(ticket.id, LONGEST_NOTE)),
    );
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied', 'refused', 'refused']);
    expect(results[2]).toMatchObject({
      refusal: { code: 'illegal_transition', message: fullMessage(ticket, '2 MiB') },
    });
    expect(bytes((await portal.db.findTicket(ticket.id)) as Ticket)).toBeLessThanOrEqual(TICKET_MAX_BYTES);

    const [short] = await push(portal.app, token, [addNote(ticket.id, 'Customer confirmed by phone.')]);
    expect(short?.status).toBe('applied');
  });

  it('takes a change that moves a full ticket on to a later stage, so it can still be finished', async () => {
    const ticket = await withFullTimeline();
    const requestConfirmation: Mutation = {
      id: randomUUID(),
      name: 'requestConfirmation',
      args: { ticketId: ticket.id, replyId: randomUUID(), eventId: randomUUID(), body: 'Is mail flowing again?' },
      createdAt: NOW.toISOString(),
    };
    const lead = await signIn(portal.app, 'anna.moretti@css.example');

    expect((await push(portal.app, token, [requestConfirmation]))[0]?.status).toBe('applied');
    expect((await push(portal.app, lead, [assignTicket(ticket.id, marco.id)]))[0]).toMatchObject({
      status: 'refused',
      refusal: { code: 'illegal_transition' },
    });
    // Past the limit now, and still read: the limits bound growth, they are not part of the Ticket schema.
    expect(await portal.db.findTicket(ticket.id)).toMatchObject({
      stage: 'resolution',
      timeline: { length: TICKET_MAX_TIMELINE_ENTRIES + 2 },
    });
  });
});
