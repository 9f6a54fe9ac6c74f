/**
 * Push: each mutation applied exactly once, in order, each committed or rolled back alone, with its first
 * result recorded under the client's mutation id so a redelivered mutation gets the same answer.
 */
import { setImmediate } from 'node:timers/promises';
import { type MutationResult, PUSH_ANSWER_MS, type PushRequest, type PushResponse } from '../shared/api/sync';
import type { User } from '../shared/domain/people';
import type { TeamContext } from '../shared/domain/team';
import { type Mutation, type Refusal, applyMutation, targetTicketId } from '../shared/mutations';
import type { PortalDatabase } from './db';
import type { MutationRecord } from './mutation-log';
import { mutationHash } from './mutation-hash';
import { sessionRefusal } from './scheduling/session-refusal';
import { inScope } from './scope';
import { ticketLimitRefusal } from './ticket-limits';

/** Who pushes, when, and the team rules their changes are checked against. */
export interface PushContext {
  user: User;
  team: TeamContext;
  now: Date;
}

/**
 * Applies the batch in order, each mutation in a savepoint of its own (it is applied, or refused and
 * rolled back, alone), the mutations grouped into transactions of up to GROUP_BUDGET_MS of work. A push
 * is answered only once durable, and each commit costs a disk flush, which holds the event loop as the
 * work does (a few ms on an idle disk, far more on a busy one): one flush per group instead of one per
 * mutation. Between two groups other requests run: a change to a ticket at its size limit takes about
 * 50 ms, so a batch of them holds up everyone else for one group, not for the batch. Once the push has
 * taken PUSH_ANSWER_MS, it is answered for the groups done (at least one): the console sends the rest,
 * not looked at, in its next push. A mutation id repeated within the batch is answered as a redelivery:
 * the first is recorded by then.
 */
export async function pushMutations(
  db: PortalDatabase,
  request: PushRequest,
  context: PushContext,
  workClock: () => number = () => performance.now(),
): Promise<PushResponse> {
  const { mutations, clientId } = request;
  const results: MutationResult[] = [];
  // On PostgreSQL each mutation is a transaction of its own: the server processes sharing the database
  // commit together anyway, and a group holding one ticket while waiting for another could deadlock.
  const budget = db.sql.dialect.name === 'postgres' ? 0 : GROUP_BUDGET_MS;
  const began = workClock();
  while (results.length < mutations.length) {
    if (results.length > 0) {
      if (workClock() - began >= PUSH_ANSWER_MS) break;
      await setImmediate();
    }
    const group = await db.transaction(async (tx) => {
      const started = workClock();
      const applied: MutationResult[] = [];
      for (const mutation of mutations.slice(results.length)) {
        applied.push(await pushOne(tx, clientId, mutation, context));
        if (workClock() - started >= budget) break;
      }
      return applied;
    });
    results.push(...group);
  }
  return { results };
}

/**
 * How long one group of mutations may hold the database before other requests get a turn: about a
 * hundred ordinary changes (notes) fit in one group, so a console sending its outbox waits for one flush
 * per hundred changes rather than one per few.
 */
export const GROUP_BUDGET_MS = 50;

/**
 * One mutation, in a savepoint. Two server processes handling the same id at once both find it unseen;
 * the second to record it breaks the id's uniqueness, and its transaction runs again (see the engine),
 * finding the first's record this time: the mutation is applied once.
 */
function pushOne(
  db: PortalDatabase,
  clientId: string,
  mutation: Mutation,
  context: PushContext,
): Promise<MutationResult> {
  const { user, now } = context;
  const payloadHash = mutationHash(mutation);
  return db.transaction(async (tx) => {
    const seen = await tx.mutations.find(mutation.id);
    if (seen !== null) return redelivered(seen, mutation, payloadHash, user);
    const ticketId = targetTicketId(mutation);
    const result = await apply(tx, mutation, ticketId, context);
    // Refusals are recorded too: a redelivered refused mutation is refused again, never applied late.
    await tx.mutations.record({
      userId: user.id,
      clientId,
      ticketId,
      name: mutation.name,
      payloadHash,
      result,
      receivedAt: now.toISOString(),
    });
    return result;
  });
}

/**
 * The answer to a mutation id already recorded: its first result, to the user who sent it, for the same
 * change. Either refusal here is recorded nowhere: the id keeps standing for its first change.
 */
function redelivered(seen: MutationRecord, mutation: Mutation, payloadHash: string, user: User): MutationResult {
  if (seen.userId !== user.id) {
    return refused(mutation, { code: 'forbidden', message: 'this change id was already used by another user.' });
  }
  // A record from before payload hashes has none: its id alone decides, as it did when it was recorded.
  if (seen.payloadHash !== null && seen.payloadHash !== payloadHash) {
    return refused(mutation, {
      code: 'reused_id',
      message:
        `this change was not applied: its id was already used by a different change (${seen.name}) received ` +
        'earlier, and one id stands for one change only. Make the change again to send it with a new id.',
    });
  }
  return seen.result;
}

async function apply(
  db: PortalDatabase,
  mutation: Mutation,
  ticketId: string | null,
  context: PushContext,
): Promise<MutationResult> {
  const { user, team, now } = context;
  if (ticketId === null) {
    return refused(mutation, { code: 'invalid_args', message: 'the change does not name a ticket (args.ticketId).' });
  }
  const ticket = await db.lockTicket(ticketId);
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
  // The engineer's calendar and the links live in tables of their own, beyond the mutation's reach.
  const sessionProblem = await sessionRefusal(db.sessions, ticket, outcome.ticket);
  if (sessionProblem !== null) return refused(mutation, sessionProblem);
  const tooLarge = ticketLimitRefusal(ticket, outcome.ticket);
  if (tooLarge !== null) return refused(mutation, tooLarge);
  const version = ticket.version + 1;
  const seq = await db.nextSeq();
  await db.saveTicket({ ...outcome.ticket, version, serverSeq: seq, updatedAt: now.toISOString() });
  // Read here rather than this start's own: another server process may have begun a history since.
  return { id: mutation.id, status: 'applied', ticketId: ticket.id, version, seq, history: await db.historyOf(seq) };
}

const refused = (mutation: Mutation, refusal: Refusal): MutationResult => ({
  id: mutation.id,
  status: 'refused',
  refusal,
});
