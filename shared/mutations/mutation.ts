/**
 * A named mutation: the schema of its arguments and one pure `apply`, used optimistically by the
 * console and authoritatively by the server, so each rule of the ticket flow lives here once.
 */
import { z } from 'zod';
import { TeamContext, TeamMember } from '../domain/team';
import type { Ticket } from '../domain/ticket';
import { Instant } from '../domain/time';
import { FieldIssue } from '../api/errors';

/**
 * Who is applying the mutation, when, and under which team rules; the server's clock and records
 * win once the mutation is pushed.
 */
export const MutationContext = z.object({ now: Instant, actor: TeamMember, team: TeamContext });
export type MutationContext = z.infer<typeof MutationContext>;

export const RefusalCode = z.enum([
  'invalid_args',
  'unknown_mutation',
  'ticket_not_found',
  'out_of_scope',
  'ticket_closed',
  'illegal_transition',
  'forbidden',
  'reused_id',
  'session_overlap',
]);
export type RefusalCode = z.infer<typeof RefusalCode>;

/** Why a mutation was not applied, in words a support engineer can act on. */
export const Refusal = z.object({
  code: RefusalCode,
  message: z.string().min(1),
  /** The arguments at fault, each with its own words, when the refusal is about some of them: a form shows each beside its field. */
  issues: z.array(FieldIssue).optional(),
});
export type Refusal = z.infer<typeof Refusal>;

export type ApplyResult = { ok: true; ticket: Ticket } | { ok: false; refusal: Refusal };

/** A refusal; `field` names the argument at fault (its path, as "openedAt") when the refusal is about one. */
export const refuse = (code: RefusalCode, message: string, field?: string): ApplyResult => ({
  ok: false,
  refusal: { code, message, ...(field === undefined ? {} : { issues: [{ path: field, message }] }) },
});

export interface MutationDefinition<Name extends string, Args extends { ticketId: string }> {
  readonly name: Name;
  readonly args: z.ZodType<Args>;
  /** Pure: returns the changed ticket (same version; the server assigns versions) or a refusal. */
  apply(ticket: Ticket, args: Args, context: MutationContext): ApplyResult;
}

export function defineMutation<Name extends string, Args extends { ticketId: string }>(
  definition: MutationDefinition<Name, Args>,
): MutationDefinition<Name, Args> {
  return definition;
}
