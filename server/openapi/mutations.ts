/** The mutations in the OpenAPI document, from the registry in shared/mutations: each name with its arguments, and the refusal codes. */
import { z } from 'zod';
import { PUSH_BATCH_MAX, PushRequest, TICKET_MAX_BYTES, TICKET_MAX_TIMELINE_ENTRIES } from '../../shared/api/sync';
import { Mutation, MutationName, type RefusalCode, mutations } from '../../shared/mutations';
import { formatBytes } from '../http';

const pascal = (name: string) => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;

/** Each mutation's arguments as a schema of its own (AddNoteArgs…), named after the mutation. */
export const mutationArgs = Object.fromEntries(
  MutationName.options.map((name) => [`${pascal(name)}Args`, mutations[name].args]),
);

/** The mutations that book or offer a remote-session time: the ones that take a reason to overlap another. */
const bookingMutations = MutationName.options.filter((name) => {
  const args = mutations[name].args;
  return args instanceof z.ZodObject && 'overlapReason' in args.shape;
});

/** A mutation as it must be sent to be applied: its name ties it to the schema of its arguments. */
const namedMutations: z.ZodObject[] = MutationName.options.map((name) =>
  Mutation.extend({ name: z.literal(name), args: mutations[name].args }),
);
const NamedMutation = z.discriminatedUnion('name', namedMutations as [z.ZodObject, ...z.ZodObject[]]).meta({
  id: 'NamedMutation',
  description:
    'A mutation the server knows, with the schema of its `args`. The server takes any `Mutation` in a batch and ' +
    'refuses one that fits none of these alone (`unknown_mutation`, `invalid_args`); the rest of the batch is ' +
    'still applied.',
});

/**
 * The push's body as a client must send it: PushRequest, each mutation with its own arguments' schema.
 * The server parses the looser PushRequest, so that a mismatch refuses one mutation, not the batch.
 */
export const PushRequestBody = PushRequest.extend({
  mutations: z
    .array(NamedMutation)
    .min(1)
    .max(PUSH_BATCH_MAX)
    .meta(PushRequest.shape.mutations.meta() ?? {}),
});

/** What each refusal code means to a client; a Record, so a new code cannot go undocumented. */
const REFUSAL_MEANING: Record<RefusalCode, string> = {
  invalid_args: 'the arguments break the schema of the mutation, or name a ticket, entry or session that does not fit',
  unknown_mutation: 'the name is not one this server knows',
  ticket_not_found: 'no ticket has the id in `args.ticketId`',
  out_of_scope: "the ticket is neither assigned to the caller nor in their team's queue",
  ticket_closed: 'the ticket is closed: only reopenTicket changes a closed ticket',
  illegal_transition:
    "the support process does not allow the change in the ticket's stage or state, or the ticket would grow past " +
    `${formatBytes(TICKET_MAX_BYTES)} of JSON or ${TICKET_MAX_TIMELINE_ENTRIES} timeline entries (a change that moves ` +
    'it on to a later stage, closing included, is still taken)',
  forbidden: 'the mutation id was already used by another user',
  reused_id:
    'the mutation id was already used for a different change (another name, args or createdAt); the id keeps its ' +
    'first change and result',
  session_overlap:
    "the time offered or booked overlaps another of the engineer's confirmed sessions, and `overlapReason` is null " +
    `(only ${bookingMutations.join(', ')})`,
};

/** The push's description: how a batch is applied, and the mutations with their refusal codes. */
export const PUSH_DESCRIPTION = [
  '**Batches.** The mutations are applied in the order sent, each on its own: applied, or refused and rolled back, ' +
    'without touching the others. A batch is not atomic: a mutation refused in the middle does not stop the ones ' +
    'after it, and other requests may run between two mutations of a batch. The answer is sent only once every ' +
    'result is on disk (SQLite, synchronous=FULL): a 200 means each applied change survives a crash.',
  "**Idempotency.** A mutation's `id` is the idempotency key of one change: its name, args and createdAt. Sent " +
    'again with the same payload (a retry after a lost answer, or twice in one batch), it is answered with its ' +
    'first result and not applied again. Sent again with a different payload it is refused `reused_id`; sent by ' +
    'another user, `forbidden`. A refusal is final for its id: the same mutation is refused again each time it is ' +
    'sent, never applied later, so a change tried again needs a new id. A push whose answer was lost is sent again ' +
    'as it was: nothing is applied twice.',
  '**Results.** One per mutation, in the order sent; a long push may be answered for its first mutations only ' +
    '(at least one), the rest not looked at, to be sent again. An applied change carries the ticket version and ' +
    '`seq`, its place in the change sequence: the console keeps the change until a pull from a cursor at or past ' +
    '`seq` is answered without `reset`, and sends it again (same id) if the server comes back without it.',
  `**Mutations** (arguments: \`components.schemas.<Name>Args\`; name and arguments together: \`NamedMutation\`): ${MutationName.options.join(', ')}.`,
  `**Refusal codes**, any of which may refuse any mutation:\n${Object.entries(REFUSAL_MEANING)
    .map(([code, meaning]) => `- \`${code}\`: ${meaning}`)
    .join('\n')}`,
].join('\n\n');
