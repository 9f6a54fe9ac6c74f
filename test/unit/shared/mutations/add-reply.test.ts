// addReply: a message to the customer on the timeline, in any open stage.
import { describe, expect, it } from 'vitest';
import { AddReplyArgs, addReply } from '../../../../shared/mutations';
import { ENGINEER, FIXED_NOW, TICKET_ID, entryId, makeTicketInStage } from '../../../fixtures/tickets';
import { applyTo, expectApplied, expectRefused } from './apply';

const replyId = entryId(2);
const body = 'Could you send us a message trace for one of the queued messages?';

describe('addReply', () => {
  it.each(['validation', 'investigation', 'escalated', 'resolution'] as const)(
    'adds an outbound reply in %s, authored by the engineer',
    (stage) => {
      const ticket = makeTicketInStage(stage);
      const result = expectApplied(applyTo(addReply, ticket, { ticketId: TICKET_ID, replyId, body }));
      expect(result).toEqual({
        ...ticket,
        updatedAt: FIXED_NOW,
        timeline: [
          ...ticket.timeline,
          {
            id: replyId,
            at: FIXED_NOW,
            kind: 'customer_reply',
            direction: 'outbound',
            author: { name: ENGINEER.name },
            body,
          },
        ],
      });
    },
  );

  it('is refused on a closed ticket', () => {
    const result = applyTo(addReply, makeTicketInStage('closed'), { ticketId: TICKET_ID, replyId, body });
    expect(expectRefused(result, 'ticket_closed')).toBe(
      'CSS-100042 is closed: reopen it before replying to the customer.',
    );
  });

  it('refuses an id already on the timeline: the same reply is never added twice', () => {
    const once = expectApplied(
      applyTo(addReply, makeTicketInStage('investigation'), { ticketId: TICKET_ID, replyId, body }),
    );
    expect(expectRefused(applyTo(addReply, once, { ticketId: TICKET_ID, replyId, body }), 'invalid_args')).toBe(
      `a timeline entry with id ${replyId} already exists on CSS-100042: this change was already applied, or it reuses an id; make the change again.`,
    );
  });

  it('refuses an empty reply, in words', () => {
    const parsed = AddReplyArgs.safeParse({ ticketId: TICKET_ID, replyId, body: '   ' });
    expect(parsed.error?.issues[0]?.message).toBe('the reply to the customer is empty');
  });
});
