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
   * pending: not yet acknowledged; applied: acknowledged, laid over the ticket until a pull brings it
   * at `appliedVersion` or later (so the change never blinks out of view), and kept until the server's
   * history is known to hold `appliedSeq` and KEEP_ACKNOWLEDGED_MS have passed, to be sent again if
   * the server loses it; refused: the
   * server said no, kept with its reason for the user to retry or discard.
   */
  state: z.enum(['pending', 'applied', 'refused']),
  appliedVersion: z.number().int().min(1).nullable(),
  /** The change's place in the server's sequence; null from servers that predate it, and before. */
  appliedSeq: z.number().int().min(1).nullable().default(null),
  /** The server's history `appliedSeq` belongs to: a server that no longer has it must be told apart. */
  appliedHistory: z.string().nullable().default(null),
  /** When the server's acknowledgement arrived (the console's clock); null until it does. */
  acknowledgedAt: z.iso.datetime({ offset: false }).nullable().default(null),
  refusal: Refusal.nullable(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** A change as it enters the outbox: not yet sent, nothing heard of it; its `seq` is given when it is added. */
export function newEntry(mutation: Mutation, ticketId: string, actor: TeamMember): Omit<OutboxEntry, 'seq'> {
  return {
    mutation,
    ticketId,
    actor,
    state: 'pending',
    appliedVersion: null,
    appliedSeq: null,
    appliedHistory: null,
    acknowledgedAt: null,
    refusal: null,
  };
}

/**
 * How long an acknowledged change is kept once the server's history is known to hold it: a server
 * restored from a backup up to a week old gets it again (see LocalStore.startOver).
 */
export const KEEP_ACKNOWLEDGED_MS = 7 * 24 * 3_600_000;

/** Whether the entry's effect must still be laid over the server's record of the ticket. */
export function stillPending(entry: OutboxEntry, serverVersion: number): boolean {
  if (entry.state === 'pending') return true;
  return entry.state === 'applied' && serverVersion < (entry.appliedVersion ?? 0);
}

/** Outbox entries by the ticket they change, each ticket's in outbox order. */
export function groupByTicket(entries: readonly OutboxEntry[]): Map<string, OutboxEntry[]> {
  const byTicket = new Map<string, OutboxEntry[]>();
  for (const entry of entries) {
    const own = byTicket.get(entry.ticketId);
    if (own === undefined) byTicket.set(entry.ticketId, [entry]);
    else own.push(entry);
  }
  return byTicket;
}
