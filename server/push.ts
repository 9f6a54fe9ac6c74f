/**
 * Push: each mutation applied exactly once, in order, each in its own transaction, with its first
 * result recorded under the client's mutation id so a redelivered mutation gets the same answer.
 */
import type { MutationResult, PushRequest, PushResponse } from '../shared/api/sync';
import type { User } from '../shared/domain/people';
import type { TeamContext } from '../shared/domain/team';
import { type Mutation, type Refusal, applyMutation, targetTicketId } from '../shared/mutations';
import type { PortalDatabase } from './db';
import { inScope } from './scope';

/** Who pushes, when, and the team rules their changes are checked against. */
export interface PushContext {
  user: User;
  team: TeamContext;
  now: Date;
}

export function pushMutations(db: PortalDatabase, request: PushRequest, context: PushContext): PushResponse {
  return { results: request.mutations.map((mutation) => pushOne(db, request.clientId, mutation, context)) };
}

function pushOne(db: PortalDatabase, clientId: string, mutation: Mutation, context: PushContext): MutationResult {
  const { user, now } = context;
  return db.transaction(() => {
    const seen = db.findMutation(mutation.id);
    if (seen !== null) {
      // Another user's result is theirs; a client reusing that id gets a refusal, recorded nowhere.
      return seen.userId === user.id
        ? seen.result
        : refused(mutation, { code: 'forbidden', message: 'this change id was already used by another user.' });
    }
    const ticketId = targetTicketId(mutation);
    const result = apply(db, mutation, ticketId, context);
    // Refusals are recorded too: a redelivered refused mutation is refused again, never applied late.
    db.recordMutation({
      userId: user.id,
      clientId,
      ticketId,
      name: mutation.name,
      result,
      receivedAt: now.toISOString(),
    });
    return result;
  });
}

function apply(db: PortalDatabase, mutation: Mutation, ticketId: string | null, context: PushContext): MutationResult {
  const { user, team, now } = context;
  if (ticketId === null) {
    return refused(mutation, { code: 'invalid_args', message: 'the change does not name a ticket (args.ticketId).' });
  }
  const ticket = db.findTicket(ticketId);
  if (ticket === null) {
    return refused(mutation, { code: 'ticket_not_found', message: `there is no ticket with id ${ticketId}.` });
  }
  if (!inScope(user, ticket)) {
    return refused(mutation, {
      code: 'out_of_scope',
      message: `${ticket.number} is not assigned to you or to your team's queue.`,
    });
  }
  const outcome = applyMutation(ticket, mutation, {
    now: now.toISOString(),
    actor: { id: user.id, name: user.name, role: user.role },
    team,
  });
  if (!outcome.ok) return refused(mutation, outcome.refusal);
  const version = ticket.version + 1;
  db.saveTicket({ ...outcome.ticket, version, serverSeq: db.nextSeq(), updatedAt: now.toISOString() });
  return { id: mutation.id, status: 'applied', ticketId: ticket.id, version };
}

const refused = (mutation: Mutation, refusal: Refusal): MutationResult => ({
  id: mutation.id,
  status: 'refused',
  refusal,
});
