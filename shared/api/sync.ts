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

/** The largest page: a first sync of a lead's 50,000 tickets in 25 requests, each about 10 MB at 5 KB a ticket. */
export const PULL_LIMIT_MAX = 2000;

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
   * Tickets that left the caller's scope after the cursor (reassigned, taken by a colleague) and are
   * not back in it, by id: the console drops them from its copy. Only tickets once in the caller's
   * scope are named, never one that was always a colleague's. From cursor 0 these are the tickets that
   * left it at any time: a console pulling again from the start keeps its copy and must learn what to
   * drop. Absent from servers that predate it, hence the default.
   */
  removed: z.array(TicketId).default([]),
  /**
   * How many tickets in the caller's scope have changes after the returned cursor: what later pages
   * will send, so a first sync can show its progress ("12,500 of 50,000 tickets"). 0 when `hasMore`
   * is false. Absent from servers that predate it, hence the default.
   */
  remaining: z.number().int().min(0).default(0),
  cursor: Cursor,
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponse>;

export const PUSH_BATCH_MAX = 100;

/**
 * The largest push body the server accepts (413 beyond it). Every mutation the contract allows fits
 * in it a full batch at a time: 100 of the largest (a 20,000-character note, up to 6 bytes a character
 * once JSON-escaped) come to about 12 MiB.
 */
export const PUSH_BODY_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * What a console puts in one push, at most: small enough to go through slow links and proxies with
 * lower limits than the server's. A single larger change is sent alone.
 */
export const PUSH_BATCH_BYTES = 1024 * 1024;

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
