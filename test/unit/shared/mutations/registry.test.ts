// The registry through applyMutation: every mutation parses its args, applies deterministically, and a closed ticket takes only reopening.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { closureExplanation, confirmationRequest, type Ticket } from '../../../../shared/domain';
import { MutationName, applyMutation, mutations, type Mutation, type MutationArgs } from '../../../../shared/mutations';
import {
  COLLEAGUE,
  FIXED_NOW,
  TICKET_ID,
  entryId,
  makeConfirmation,
  makeContext,
  makeTicket,
  makeTicketInStage,
} from '../../../fixtures/tickets';
import { deepFreeze, expectApplied, expectRefused } from './apply';

const eventId = entryId(1);
const replyId = entryId(2);
const entry = entryId(3);
const ticketId = TICKET_ID;

/** As the console builds it: the args type-checked against the named mutation. */
function mutation<N extends MutationName>(name: N, args: MutationArgs<N>): Mutation {
  return { id: entryId(99), name, args, createdAt: FIXED_NOW };
}

/** One applicable case per mutation: the ticket it applies to, and the mutation. */
/** The ticket-flow mutations this suite covers (the escalation mutations have their own). */
const FLOW_MUTATIONS = [
  'addNote',
  'runValidation',
  'passValidation',
  'failValidation',
  'updateDetails',
  'assignTicket',
  'setStatus',
  'addReply',
  'requestConfirmation',
  'sendReminder',
  'recordCustomerAnswer',
  'closeWithoutConfirmation',
  'reopenTicket',
] as const satisfies MutationName[];
type FlowMutation = (typeof FLOW_MUTATIONS)[number];

const ALLOWED: { [N in FlowMutation]: [Ticket, Mutation] } = {
  addNote: [makeTicket(), mutation('addNote', { ticketId, noteId: entry, body: 'Checked the connector.' })],
  runValidation: [makeTicket(), mutation('runValidation', { ticketId, eventId })],
  passValidation: [makeTicket(), mutation('passValidation', { ticketId, eventId })],
  failValidation: [
    makeTicket({ entitlement: null }),
    mutation('failValidation', {
      ticketId,
      reason: 'not_entitled',
      explanation: closureExplanation(makeTicket({ entitlement: null }), 'not_entitled'),
      replyId,
      eventId,
    }),
  ],
  updateDetails: [
    makeTicket(),
    mutation('updateDetails', { ticketId, eventId, tenantDomain: 'fabrikam.onmicrosoft.com' }),
  ],
  assignTicket: [makeTicket(), mutation('assignTicket', { ticketId, eventId, assigneeId: COLLEAGUE.id })],
  setStatus: [
    makeTicketInStage('investigation'),
    mutation('setStatus', { ticketId, eventId, status: 'waiting_on_customer' }),
  ],
  addReply: [makeTicket(), mutation('addReply', { ticketId, replyId, body: 'We are on it.' })],
  requestConfirmation: [
    makeTicketInStage('investigation'),
    mutation('requestConfirmation', { ticketId, replyId, eventId, body: confirmationRequest(makeTicket()) }),
  ],
  sendReminder: [
    makeTicketInStage('resolution'),
    mutation('sendReminder', { ticketId, replyId, eventId, body: 'Reminder.' }),
  ],
  recordCustomerAnswer: [
    makeTicketInStage('resolution'),
    mutation('recordCustomerAnswer', {
      ticketId,
      entryId: entry,
      eventId,
      answer: 'not_fixed',
      message: 'Still broken.',
    }),
  ],
  closeWithoutConfirmation: [
    makeTicketInStage('resolution', { confirmation: makeConfirmation({ remindersSent: 3 }) }),
    mutation('closeWithoutConfirmation', { ticketId, replyId, eventId, body: 'Closing.' }),
  ],
  reopenTicket: [makeTicketInStage('closed'), mutation('reopenTicket', { ticketId, eventId, reason: 'It is back.' })],
};

describe('the mutation registry', () => {
  it('registers every ticket-flow mutation, addNote included', () => {
    expect(MutationName.options).toEqual(expect.arrayContaining([...FLOW_MUTATIONS]));
    for (const name of FLOW_MUTATIONS) expect(mutations[name].name).toBe(name);
  });

  it.each(FLOW_MUTATIONS)(
    '%s applies through applyMutation, deterministically, to a frozen ticket it leaves untouched',
    (name) => {
      const [ticket, change] = ALLOWED[name];
      const frozen = deepFreeze(structuredClone(ticket));
      const first = expectApplied(applyMutation(frozen, change, makeContext()));
      // The console's optimistic result and the server's must be the same ticket.
      expect(applyMutation(frozen, change, makeContext())).toEqual({ ok: true, ticket: first });
      expect(frozen).toEqual(ticket);
      expect(first.version).toBe(ticket.version);
      expect(first.serverSeq).toBe(ticket.serverSeq);
      expect(first.updatedAt).toBe(FIXED_NOW);
    },
  );

  it.each(FLOW_MUTATIONS.filter((name) => name !== 'reopenTicket'))(
    '%s is refused on a closed ticket: reopen first',
    (name) => {
      const [, change] = ALLOWED[name];
      const message = expectRefused(applyMutation(makeTicketInStage('closed'), change, makeContext()), 'ticket_closed');
      expect(message).toMatch(/^CSS-100042 is closed: reopen it before .+\.$/);
    },
  );

  it('refuses arguments that do not parse, naming the field for the form', () => {
    const bad: Mutation = {
      id: entryId(99),
      name: 'failValidation',
      args: { ticketId, reason: 'resolved' },
      createdAt: FIXED_NOW,
    };
    const result = applyMutation(makeTicket(), bad, makeContext());
    expect(result).toMatchObject({ ok: false, refusal: { code: 'invalid_args' } });
    if (!result.ok) {
      // In words, without the argument's path; each failing argument is named for the form that shows it.
      expect(result.refusal.message).toMatch(/^Choose why validation failed/);
      expect(result.refusal.issues?.find((issue) => issue.path === 'reason')?.message).toMatch(/^Choose why/);
    }
  });

  it('refuses a change addressed to another ticket', () => {
    const [, change] = ALLOWED.addReply;
    const other = makeTicket({ id: '00000000-0000-4000-8000-000000000999' });
    expect(applyMutation(other, change, makeContext())).toEqual({
      ok: false,
      refusal: { code: 'invalid_args', message: 'the change names another ticket.' },
    });
  });

  it('types the arguments per name for the console', () => {
    expectTypeOf<MutationArgs<'passValidation'>>().toEqualTypeOf<{ ticketId: string; eventId: string }>();
    expectTypeOf<MutationArgs<'assignTicket'>>().toEqualTypeOf<{
      ticketId: string;
      eventId: string;
      assigneeId: string | null;
    }>();
    // @ts-expect-error: passValidation takes an eventId, not a noteId
    mutation('passValidation', { ticketId, noteId: eventId });
    // @ts-expect-error: failValidation needs its reason, explanation and ids
    mutation('failValidation', { ticketId, eventId });
  });
});
