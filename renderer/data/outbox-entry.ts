/** A user's change waiting in the durable outbox, from the moment it is made until the server's state includes it. */
import { z } from 'zod';
import { TeamMember } from '../../shared/domain';
import { Mutation, Refusal } from '../../shared/mutations';

export const OutboxEntry = z.object({
  /** Local insertion order: the order mutations are pushed and re-applied in. */
  seq: z.number().int().min(1),
  mutation: Mutation,
  ticketId: z.uuid(),
  /** Who made the change: the optimistic apply runs as them. */
  actor: TeamMember,
  /**
   * pending: not yet acknowledged; applied: acknowledged, kept until a pull brings the ticket at
   * `appliedVersion` or later (so the change never blinks out of view); refused: the server said
   * no, kept with its reason for the user to retry or discard.
   */
  state: z.enum(['pending', 'applied', 'refused']),
  appliedVersion: z.number().int().min(1).nullable(),
  refusal: Refusal.nullable(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** Whether the entry's effect must still be laid over the server's record of the ticket. */
export function stillPending(entry: OutboxEntry, serverVersion: number): boolean {
  if (entry.state === 'pending') return true;
  return entry.state === 'applied' && serverVersion < (entry.appliedVersion ?? 0);
}
