/**
 * The sync protocol, version 1. Pull returns every ticket in the caller's scope changed after a
 * cursor (the server's change sequence, never a client clock); push applies a batch of named
 * mutations, each exactly once, keyed by its client mutation id.
 */
import { z } from 'zod';
import { Ticket, TicketId } from '../domain/ticket';
import { Mutation, Refusal } from '../mutations';

/** An opaque position in the server's change sequence; "0" is the beginning. */
export const Cursor = z
  .string()
  .regex(/^(0|[1-9]\d{0,15})$/, { message: 'the cursor must be one returned by a previous pull, or 0' });
export type Cursor = z.infer<typeof Cursor>;

export const PULL_LIMIT_MAX = 1000;

export const PullQuery = z.object({
  cursor: Cursor.default('0'),
  limit: z.coerce
    .number({ message: 'the limit must be a number' })
    .int({ message: 'the limit must be a whole number' })
    .min(1, { message: 'the limit must be at least 1' })
    .max(PULL_LIMIT_MAX, { message: `the limit must be at most ${PULL_LIMIT_MAX}` })
    .default(500),
});
export type PullQuery = z.infer<typeof PullQuery>;

export const PullResponse = z.object({
  /** Tickets in the caller's scope changed after the cursor, in change order. */
  tickets: z.array(Ticket),
  /**
   * Tickets of the caller's team changed after the cursor that are not in their scope, by id: one
   * that has just left it (reassigned, taken by a colleague) must leave the console's copy too.
   * Absent from servers that predate it, hence the default.
   */
  removed: z.array(TicketId).default([]),
  cursor: Cursor,
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponse>;

export const PUSH_BATCH_MAX = 100;

export const PushRequest = z.object({
  /** The console installation sending the batch, for the server's log. */
  clientId: z.uuid(),
  mutations: z.array(Mutation).min(1).max(PUSH_BATCH_MAX),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const MutationResult = z.discriminatedUnion('status', [
  z.object({
    id: z.uuid(),
    status: z.literal('applied'),
    ticketId: z.uuid(),
    version: z.number().int().min(1),
  }),
  z.object({ id: z.uuid(), status: z.literal('refused'), refusal: Refusal }),
]);
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({ results: z.array(MutationResult) });
export type PushResponse = z.infer<typeof PushResponse>;
