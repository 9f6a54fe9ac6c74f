import { AbortError } from 'p-retry';
import { EARLIER_PUSH_BATCH_MAX, type MutationResult, PUSH_BATCH_BYTES } from '../../shared/api';
import { ApiError } from './api-client';
import { handled } from './handled';
import type { LocalStore } from './local-store';
import type { OutboxEntry } from './outbox-entry';
import type { SyncApi } from './sync-api';

export interface OutboxPushOptions {
  store: LocalStore;
  api: SyncApi;
  /** Identifies this installation in the server's push log. */
  clientId: string;
  /** The most changes in one push; the bytes a push may weigh are PUSH_BATCH_BYTES. */
  pushBatchSize: number;
  now: () => Date;
  /** A batch's answers were recorded: the outbox's count has changed. */
  onRecorded: () => Promise<void>;
}

/**
 * The outbox's push (the sync engine's first half): the user's changes reach the server in the order
 * they were made, in batches sized by bytes; client mutation ids are the idempotency keys.
 */
export class OutboxPush {
  /**
   * The most changes a push starts with: pushBatchSize, until the portal refuses a larger push as invalid
   * (pushBatch) and then takes one of EARLIER_PUSH_BATCH_MAX; from then on EARLIER_PUSH_BATCH_MAX for as
   * long as the engine runs (the user stays signed in), so that each sync does not send a push that
   * portal refuses first. A portal that refuses the smaller push too refused it for something else.
   */
  private pushLimit: number;

  constructor(private readonly options: OutboxPushOptions) {
    this.pushLimit = options.pushBatchSize;
  }

  /**
   * Pushes the outbox oldest first, in batches of at most PUSH_BATCH_BYTES (and pushBatchSize changes).
   * A batch the server finds too large (413) is split in half and sent again; a single change it
   * still refuses as too large is set aside for the user, so it never holds back the changes behind it.
   * A batch of more than EARLIER_PUSH_BATCH_MAX changes refused as invalid (400), as portals built
   * before pushes were sized by bytes do, goes again that many at a time.
   * A batch goes out only once the server has answered for the one before, so changes reach it in the
   * order they were made; while it is on its way the answers to the one before are recorded (each
   * batch's in one transaction) and the next batch is read. A server that answers for the first changes
   * of a batch only (it had worked on it long enough) gets the rest in the next batch. An answer not
   * recorded when something fails is asked for again next time: the server answers a change it has
   * seen with its first result.
   */
  async send(sending: () => void): Promise<void> {
    const { store } = this.options;
    let limit = this.pushLimit;
    /** Set when a push larger than EARLIER_PUSH_BATCH_MAX was refused as invalid: the next answer proves the portal's limit. */
    let portalLimit = false;
    /** The last change the server has answered for: the next batch starts after it. */
    let answeredSeq = 0;
    let recording: Promise<void> = Promise.resolve();
    let next = handled(store.pendingEntries(limit));
    try {
      for (;;) {
        const batch = withinBytes(await next, PUSH_BATCH_BYTES);
        const last = batch.at(-1);
        if (last === undefined) break;
        sending();
        next = handled(store.pendingEntries(limit, last.seq));
        const results = await this.pushBatch(batch);
        if (!Array.isArray(results)) {
          limit = results.limit;
          portalLimit ||= results.portalLimit;
          next = handled(store.pendingEntries(limit, answeredSeq));
          continue;
        }
        if (portalLimit) this.pushLimit = EARLIER_PUSH_BATCH_MAX;
        answeredSeq = (batch[results.length - 1] as OutboxEntry).seq;
        if (results.length < batch.length) next = handled(store.pendingEntries(limit, answeredSeq));
        await recording;
        recording = handled(
          store.recordPushResults(results, this.options.now().toISOString()).then(this.options.onRecorded),
        );
      }
    } catch (error) {
      // The failure that stopped the push is the one to report; what was left unrecorded is asked for again.
      await Promise.allSettled([recording, next]);
      throw error;
    }
    await recording;
  }

  /**
   * Sends one batch and resolves with the server's results, or with how many changes to send at most
   * instead: half the batch when the server finds it too large (413) and it holds more than one change,
   * or EARLIER_PUSH_BATCH_MAX when it refuses a larger batch as invalid (400), the limit of an earlier
   * portal (which later pushes start with, once a push that size is answered: see pushLimit). A single
   * change it finds too large is refused here, in words.
   */
  private async pushBatch(
    batch: readonly OutboxEntry[],
  ): Promise<MutationResult[] | { limit: number; portalLimit: boolean }> {
    const { api, clientId } = this.options;
    try {
      const { results } = await api.push({ clientId, mutations: batch.map((entry) => entry.mutation) });
      if (results.length === 0) throw new AbortError('The server acknowledged none of the pushed changes.');
      // The answers must be to the changes sent, in order: the next push starts after the last one answered.
      if (results.length > batch.length || results.some((result, i) => result.id !== batch[i]?.mutation.id)) {
        throw new AbortError(
          'The server answered for other changes than those sent. ' +
            'They stay on this computer and go again at the next sync.',
        );
      }
      return results;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 400 && batch.length > EARLIER_PUSH_BATCH_MAX) {
        return { limit: EARLIER_PUSH_BATCH_MAX, portalLimit: true };
      }
      if (error.status !== 413) throw error;
      const [first] = batch;
      if (batch.length > 1 || first === undefined) return { limit: Math.ceil(batch.length / 2), portalLimit: false };
      const kilobytes = Math.ceil(utf8Length(first.mutation) / 1024);
      return [
        {
          id: first.mutation.id,
          status: 'refused',
          refusal: {
            code: 'invalid_args',
            message: `This change is too large for the server to accept (${kilobytes} KB). Shorten it and send it again.`,
          },
        },
      ];
    }
  }
}

const utf8 = new TextEncoder();
const utf8Length = (value: unknown) => utf8.encode(JSON.stringify(value)).length;

/** The oldest entries whose changes fit in `bytes` together; always at least one, however large. */
function withinBytes(entries: readonly OutboxEntry[], bytes: number): OutboxEntry[] {
  let used = 0;
  const batch: OutboxEntry[] = [];
  for (const entry of entries) {
    used += utf8Length(entry.mutation);
    if (batch.length > 0 && used > bytes) break;
    batch.push(entry);
  }
  return batch;
}
