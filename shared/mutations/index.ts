/** The registry of named mutations, and how an incoming mutation is checked against it. */
import { z } from 'zod';
import type { Ticket } from '../domain/ticket';
import { addNote } from './add-note';
import { type ApplyResult, type MutationContext, refuse } from './mutation';
import { describeZodError } from '../api/errors';

export * from './mutation';
export { addNote, AddNoteArgs } from './add-note';

export const mutations = { addNote } as const;
export type MutationName = keyof typeof mutations;
export const MutationName = z.enum(Object.keys(mutations) as [MutationName, ...MutationName[]]);

export type MutationArgs<N extends MutationName> = z.infer<(typeof mutations)[N]['args']>;

/** A mutation as queued in the outbox and pushed to the server. */
export const Mutation = z.object({
  /** Client mutation id: the idempotency key of the push. */
  id: z.uuid(),
  name: z.string().min(1).max(64),
  args: z.unknown(),
  /** When the user made the change (the client's clock, informative only). */
  createdAt: z.iso.datetime({ offset: false }),
});
export type Mutation = z.infer<typeof Mutation>;

/** The ticket a mutation targets, or null when its arguments do not name one. */
export function targetTicketId(mutation: Mutation): string | null {
  const parsed = z.object({ ticketId: z.string() }).safeParse(mutation.args);
  return parsed.success ? parsed.data.ticketId : null;
}

/** Parses the mutation's name and arguments and applies it; any failure is a refusal, never a throw. */
export function applyMutation(ticket: Ticket, mutation: Mutation, context: MutationContext): ApplyResult {
  const name = MutationName.safeParse(mutation.name);
  if (!name.success) return refuse('unknown_mutation', `"${mutation.name}" is not a change this server knows.`);
  const definition = mutations[name.data];
  const args = definition.args.safeParse(mutation.args);
  if (!args.success) return refuse('invalid_args', describeZodError(args.error));
  if (args.data.ticketId !== ticket.id) return refuse('invalid_args', 'the change names another ticket.');
  return definition.apply(ticket, args.data, context);
}
