/**
 * The sync protocol, version 1. Pull returns every ticket in the caller's scope changed after a
 * cursor (the server's change sequence, never a client clock); push applies a batch of named
 * mutations, each exactly once, keyed by its client mutation id.
 */
import { z } from 'zod';
import { Ticket, TicketId } from '../domain/ticket';
import { Mutation, Refusal } from '../mutations';

export const Cursor = z
  .string()
  .regex(/^(0|[1-9]\d{0,15})$/, { message: 'the cursor must be one returned by a previous pull, or 0' })
  .meta({ description: 'A position in the server\'s change sequence, opaque to the console; "0" is the beginning' });
export type Cursor = z.infer<typeof Cursor>;

/**
 * Which history of the server's changes a cursor belongs to. The server starts a new history each time
 * it starts, at the change after its last; a database restored from a backup, or one that lost the
 * tail of its log in a crash, starts one at an earlier change. A cursor is only meaningful with its
 * history: the server answers `reset` when the pair is not in its own past.
 */
export const HistoryId = z.uuid({ message: 'the history must be one returned by a previous pull' }).meta({
  description:
    "Which history of the server's changes a cursor belongs to: a server restored from a backup, or one that " +
    'lost the tail of its log, starts a new one. A cursor is only meaningful with its history',
});

/** The largest page: a first sync of a lead's 50,000 tickets in 25 requests, each about 10 MB at 5 KB a ticket. */
export const PULL_LIMIT_MAX = 2000;

/** An acknowledged change the console asks the server still to have: the seq and history its push result named. */
export interface Acknowledged {
  seq: number;
  history: string | null;
}

/** The most acknowledged changes one pull asks after: one per history, and servers rarely start a new one. */
export const LATEST_MAX = 16;
const ACKNOWLEDGED = String.raw`(?:[1-9]\d{0,15})(?::[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?`;
const LATEST_PATTERN = new RegExp(`^${ACKNOWLEDGED}(?:,${ACKNOWLEDGED}){0,${LATEST_MAX - 1}}$`, 'i');

/** PullQuery.latest as the console sends it. */
export const formatLatest = (acknowledged: readonly Acknowledged[]): string =>
  acknowledged.map(({ seq, history }) => (history === null ? String(seq) : `${seq}:${history}`)).join(',');

/** PullQuery.latest, once its pattern is checked, as the server reads it. */
export const parseLatest = (latest: string): Acknowledged[] =>
  latest.split(',').map((item) => {
    const [seq = '', history] = item.split(':');
    return { seq: Number(seq), history: history ?? null };
  });

export const PullQuery = z.object({
  cursor: Cursor.default('0').meta({ description: 'The cursor of the last page received; 0 (the default) for all' }),
  history: HistoryId.optional().meta({
    description: 'The history the cursor came with; omitted with cursor 0 (and by consoles that predate histories)',
  }),
  latest: z
    .string()
    .regex(LATEST_PATTERN, {
      message: `latest must list at most ${LATEST_MAX} acknowledged changes as seq:history, separated by commas`,
    })
    .optional()
    .meta({
      description:
        'The acknowledged changes the console still relies on (push results it was given): for each history they ' +
        "came in (beyond the cursor's own), the latest one, as `seq:history` (`seq` alone from a server without " +
        `histories), separated by commas, at most ${LATEST_MAX}. A server that no longer has any of them, in the ` +
        'history named, answers `reset`, though the cursor itself is still in its past',
    }),
  limit: z.coerce
    .number({ message: 'the limit must be a number' })
    .int({ message: 'the limit must be a whole number' })
    .min(1, { message: 'the limit must be at least 1' })
    .max(PULL_LIMIT_MAX, { message: `the limit must be at most ${PULL_LIMIT_MAX}` })
    .default(500)
    .meta({ description: `The most tickets in the page, 1 to ${PULL_LIMIT_MAX}` }),
});
export type PullQuery = z.infer<typeof PullQuery>;

// The defaults stand for fields absent from servers that predate them.
export const PullResponse = z.object({
  tickets: z.array(Ticket).meta({
    description:
      "Tickets in the caller's scope changed after the cursor, in change order, each whole and at its latest",
  }),
  removed: z
    .array(TicketId)
    .default([])
    .meta({
      description:
        "Tickets that left the caller's scope after the cursor (reassigned, taken by a colleague) and are not back " +
        "in it, by id: the console drops them from its copy. Only tickets once in the caller's scope are named, " +
        "never one that was always a colleague's. From cursor 0 these are the tickets that left it at any time: a " +
        'console pulling again from the start keeps its copy and must learn what to drop',
    }),
  remaining: z
    .number()
    .int()
    .min(0)
    .default(0)
    .meta({
      description:
        "How many tickets in the caller's scope have changes after the returned cursor: what later pages will " +
        'send, for a first sync to show its progress. 0 when `hasMore` is false',
    }),
  cursor: Cursor.meta({
    description:
      "Where the next pull starts: the last ticket of a full page, or the server's latest change once nothing in " +
      'scope remains. Never behind the cursor sent, within a history',
  }),
  history: HistoryId.nullable().default(null).meta({
    description: 'The history the returned cursor belongs to: send it back with the cursor. Null with cursor 0',
  }),
  reset: z
    .boolean()
    .default(false)
    .meta({
      description:
        "True when the cursor and history sent are not in this server's past (it was restored from a backup, or " +
        'lost recent changes): the page is then the first page from cursor 0. The console pulls everything again, ' +
        'drops what the server no longer has, and sends again the changes it had acknowledged since, which the ' +
        'server may have lost',
    }),
  hasMore: z.boolean().meta({ description: 'More pages follow: pull again at once from the returned cursor' }),
});
export type PullResponse = z.infer<typeof PullResponse>;

/**
 * The most mutations one push may carry. Pushes are sized by bytes (PUSH_BATCH_BYTES): a note is a few
 * hundred bytes, so a thousand changes made offline go in one push, one round trip rather than ten.
 */
export const PUSH_BATCH_MAX = 1000;

/**
 * The most a push could carry before pushes were sized by bytes: a portal built to that contract
 * refuses a larger push as invalid (400), and a console then sends it this many at a time.
 */
export const EARLIER_PUSH_BATCH_MAX = 100;

/**
 * The largest push body the server accepts (413 beyond it). A console's push (PUSH_BATCH_BYTES) fits,
 * and so do 100 of the largest mutations the contract allows (a 20,000-character note, up to 6 bytes
 * a character once JSON-escaped): about 12 MiB.
 */
export const PUSH_BODY_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * What a console puts in one push, at most: small enough to go through slow links and proxies with
 * lower limits than the server's. A single larger change is sent alone.
 */
export const PUSH_BATCH_BYTES = 1024 * 1024;

/** How long a console waits for the answer to one request before it gives up on it and tries again later. */
export const REQUEST_TIMEOUT_MS = 20_000;

/**
 * How long the reference server works on one push before it answers for the mutations it has got
 * through: half of what the console waits, so a push of changes to the largest tickets (50 to 75 ms
 * each, see TICKET_MAX_BYTES) is answered in time, and the console sends the rest in its next push.
 * Ten seconds: a push of 100 (what consoles sent before pushes were sized by bytes) always fits.
 */
export const PUSH_ANSWER_MS = REQUEST_TIMEOUT_MS / 2;

/**
 * The most one ticket may hold: a change that would take it past either limit is refused, unless it
 * moves the ticket on to a later stage (closing it included), so that a full ticket can still be
 * finished. Every change to a ticket parses, checks and rewrites its whole JSON, so the ticket's size is
 * what each change to it costs: about 190 ms a change at 10 MiB (19 s for a batch of 100), 50 to 75 ms
 * at these limits, and the server lets other requests in between two changes of a batch. Real tickets
 * stay far below both: the demo's largest is 11 KB with 20 entries, 2,000 entries is a follow-up every
 * working day for eight years, and 2 MiB holds 50 to 100 notes of the longest length allowed.
 */
export const TICKET_MAX_BYTES = 2 * 1024 * 1024;
export const TICKET_MAX_TIMELINE_ENTRIES = 2000;

/**
 * A batch of mutations, applied in order, each in its own transaction. A mutation's id is the
 * idempotency key of one change, its payload being its name, args and createdAt:
 * - sent again with the same payload (a retry, or twice in one batch), it is not applied again and is
 *   answered with its first result;
 * - sent again with a different payload, it is refused with `reused_id` and nothing is applied; the id
 *   keeps its first change and result;
 * - sent by another user, it is refused with `forbidden`.
 * A refusal is final for its id: the same mutation sent again is refused again, never applied later.
 * To try a refused change again, send it as a new mutation with a new id.
 */
export const PushRequest = z.object({
  clientId: z.uuid().meta({ description: "The console installation sending the batch, for the server's records" }),
  mutations: z
    .array(Mutation)
    .min(1)
    .max(PUSH_BATCH_MAX)
    .meta({ description: `1 to ${PUSH_BATCH_MAX} mutations, applied in this order` }),
});
export type PushRequest = z.infer<typeof PushRequest>;

/**
 * What became of one mutation, the same each time its id is sent with the same payload (see
 * PushRequest): applied, with the ticket's version after it, or refused with the reason, for good.
 */
export const MutationResult = z.discriminatedUnion('status', [
  z.object({
    id: z.uuid(),
    status: z.literal('applied'),
    ticketId: z.uuid(),
    version: z.number().int().min(1).meta({ description: "The ticket's version once this change was applied" }),
    seq: z
      .number()
      .int()
      .min(1)
      .nullable()
      .default(null)
      .meta({
        description:
          "The change's place in the server's sequence: once a pull from a cursor at or past it is answered " +
          "without `reset`, the server's history holds the change. Null from servers that predate it",
      }),
    history: HistoryId.nullable()
      .default(null)
      .meta({ description: 'The history `seq` belongs to (see HistoryId). Null from servers that predate it' }),
  }),
  z.object({ id: z.uuid(), status: z.literal('refused'), refusal: Refusal }),
]);
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({
  results: z.array(MutationResult).meta({
    description:
      'One result per mutation, in the order sent, or for the first mutations only: a server may answer a long ' +
      'push for the mutations it got through (at least one; the reference server after ' +
      `${PUSH_ANSWER_MS / 1000} seconds). The rest were not looked at, and go in the next push`,
  }),
});
export type PushResponse = z.infer<typeof PushResponse>;
