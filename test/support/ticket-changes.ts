// The changes the model's people make to a ticket, built against the ticket as they see it, with ids from the run.
import { STAGE_STATUSES, type TeamContext, type TeamMember, type Ticket } from '../../shared/domain';
import { type Mutation, type MutationArgs, type MutationName, applyMutation } from '../../shared/mutations';

export const CHANGE_KINDS = ['note', 'reply', 'status', 'close', 'reopen', 'assign'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Who makes the change, when, and where its ids come from (a counter, so a run replays exactly). */
export interface ChangeAuthor {
  actor: TeamMember;
  team: TeamContext;
  now: string;
  nextId(): string;
}

function make<N extends MutationName>(author: ChangeAuthor, name: N, args: MutationArgs<N>): Mutation {
  return { id: author.nextId(), name, args, createdAt: author.now };
}

/** Every way the flow can close a ticket from some stage; the first that applies to the ticket is used. */
function closingFlows(ticket: Ticket, author: ChangeAuthor): Mutation[][] {
  const ticketId = ticket.id;
  const confirmed = () =>
    make(author, 'recordCustomerAnswer', {
      ticketId,
      entryId: author.nextId(),
      eventId: author.nextId(),
      answer: 'confirmed',
      closingReply: 'Thank you for confirming: we are closing this ticket.',
      replyId: author.nextId(),
    });
  const failed = (reason: 'not_entitled' | 'missing_information') => [
    make(author, 'failValidation', {
      ticketId,
      reason,
      explanation: 'We cannot take this ticket as it stands.',
      replyId: author.nextId(),
      eventId: author.nextId(),
    }),
  ];
  return [
    [confirmed()],
    [
      make(author, 'requestConfirmation', {
        ticketId,
        replyId: author.nextId(),
        eventId: author.nextId(),
        body: 'The fix is in: please confirm it works for you.',
      }),
      confirmed(),
    ],
    [
      make(author, 'microsoftResolved', { ticketId, eventId: author.nextId(), summary: 'Microsoft fixed the tenant.' }),
      confirmed(),
    ],
    failed('missing_information'),
    failed('not_entitled'),
  ];
}

function appliesInTurn(ticket: Ticket, flow: readonly Mutation[], author: ChangeAuthor): boolean {
  let current = ticket;
  for (const mutation of flow) {
    const outcome = applyMutation(current, mutation, { now: author.now, actor: author.actor, team: author.team });
    if (!outcome.ok) return false;
    current = outcome.ticket;
  }
  return true;
}

/**
 * The mutations for one action of a person on `ticket`: usually one, a short flow for closing. An
 * action the ticket does not allow is still built (the first candidate), so refusals are exercised too.
 */
export function changesFor(kind: ChangeKind, ticket: Ticket, pick: number, author: ChangeAuthor): Mutation[] {
  const ticketId = ticket.id;
  switch (kind) {
    case 'note':
      return [make(author, 'addNote', { ticketId, noteId: author.nextId(), body: `Note ${pick} on ${ticket.number}` })];
    case 'reply':
      return [make(author, 'addReply', { ticketId, replyId: author.nextId(), body: `Reply ${pick} to the customer` })];
    case 'status': {
      // Where the stage allows no other status, setting the current one is a change that changes nothing.
      const allowed = STAGE_STATUSES[ticket.stage].filter((status) => status !== ticket.status);
      const choices = allowed.length > 0 ? allowed : STAGE_STATUSES[ticket.stage];
      const status = choices[pick % choices.length] ?? 'in_progress';
      return [make(author, 'setStatus', { ticketId, eventId: author.nextId(), status })];
    }
    case 'close': {
      const flows = closingFlows(ticket, author);
      return flows.find((flow) => appliesInTurn(ticket, flow, author)) ?? flows[0] ?? [];
    }
    case 'assign': {
      // To someone in the team (the user, another engineer), or back to the team queue.
      const assignees = [...author.team.members.filter((member) => member.role === 'engineer').map((m) => m.id), null];
      const assigneeId = assignees[pick % assignees.length] ?? null;
      return [make(author, 'assignTicket', { ticketId, eventId: author.nextId(), assigneeId })];
    }
    case 'reopen':
      return [
        make(author, 'reopenTicket', { ticketId, eventId: author.nextId(), reason: 'The customer says it is back.' }),
      ];
  }
}
