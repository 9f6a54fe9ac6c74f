/**
 * The sync engine: pushes the outbox in batches (client mutation ids are the idempotency keys),
 * then pulls every change after the cursor. One run at a time; failures worth retrying back off
 * exponentially with jitter (p-retry); nothing is attempted while offline.
 */
import pRetry, { AbortError } from 'p-retry';
import {
  type Cursor,
  EARLIER_PUSH_BATCH_MAX,
  type MutationResult,
  PULL_LIMIT_MAX,
  PUSH_BATCH_BYTES,
  PUSH_BATCH_MAX,
} from '../../shared/api';
import type { OutboxEntry } from './outbox-entry';
import { ApiError } from './api-client';
import type { Connectivity } from './connectivity';
import type { LocalStore } from './local-store';
import type { PullPosition } from './pull-position';
import type { PulledTickets } from './pulled-page';
import type { SyncApi } from './sync-api';

export interface SyncStatus {
  online: boolean;
  syncing: boolean;
  pending: number;
  lastSyncAt: string | null;
  /** The last failure in words, cleared by the next successful run. */
  lastError: string | null;
  /** While a pull brings more than one page: how many tickets have arrived of how many. */
  progress: { received: number; total: number } | null;
}

export interface SyncEngineOptions {
  store: LocalStore;
  api: SyncApi;
  connectivity: Connectivity;
  /** Identifies this installation in the server's push log. */
  clientId: string;
  onStatus: (status: Partial<SyncStatus>) => void;
  /** The token was refused: the user must sign in again. */
  onUnauthenticated: () => void;
  /**
   * The server lost changes (restored from a backup, or a crash took its last ones): the console pulls
   * everything again and sends again the `resent` changes it had acknowledged since.
   */
  onHistoryLost?: (resent: number) => void;
  /**
   * The engine is busy (true): pushing changes, or pulling a run of pages (said again at each page);
   * then idle (false). Background work makes way for it meanwhile.
   */
  onBusy?: (busy: boolean) => void;
  pageSize?: number;
  /** The most changes in one push (PUSH_BATCH_MAX); the bytes a push may weigh are PUSH_BATCH_BYTES. */
  pushBatchSize?: number;
  intervalMs?: number;
  retries?: number;
  /** The first retry's delay; it doubles (with jitter) up to a minute. Tests pass 0. */
  minRetryDelayMs?: number;
  now?: () => Date;
}

export class SyncEngine {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private unwatch: (() => void) | null = null;
  /** The server asked the console to wait (Retry-After): no request before this time, by the console's clock. */
  private resumeAt = 0;
  private resumeTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly options: Required<SyncEngineOptions>;
  /** Settles when the push under way has: background reading waits for it (see pushSettled). */
  private pushing: Promise<void> | null = null;
  /**
   * The most changes a push starts with: pushBatchSize, until the portal refuses a larger push as invalid
   * (pushBatch) and then takes one of EARLIER_PUSH_BATCH_MAX; from then on EARLIER_PUSH_BATCH_MAX for as
   * long as the engine runs (the user stays signed in), so that each sync does not send a push that
   * portal refuses first. A portal that refuses the smaller push too refused it for something else.
   */
  private pushLimit: number;

  constructor(options: SyncEngineOptions) {
    this.options = {
      pageSize: PULL_LIMIT_MAX,
      pushBatchSize: PUSH_BATCH_MAX,
      intervalMs: 30_000,
      retries: 6,
      minRetryDelayMs: 1_000,
      now: () => new Date(),
      onHistoryLost: () => undefined,
      onBusy: () => undefined,
      ...options,
    };
    this.pushLimit = this.options.pushBatchSize;
  }

  /**
   * Syncs now, then whenever the machine comes online and every intervalMs. Resolves once the push
   * under way is over, at once when offline or with nothing to send: the caller's background reading
   * of the local copy waits for the changes made offline to go out rather than slow them down.
   */
  start(): Promise<void> {
    const { connectivity, intervalMs, onStatus } = this.options;
    onStatus({ online: connectivity.isOnline() });
    this.unwatch = connectivity.watch((online) => {
      onStatus({ online });
      if (online) void this.sync();
    });
    this.timer = setInterval(() => void this.sync(), intervalMs);
    // A sync runs up to its push without waiting (and counts the outbox when it ends), so the push under
    // way is this sync's.
    void this.sync();
    return this.pushSettled();
  }

  stop(): void {
    this.unwatch?.();
    if (this.timer !== null) clearInterval(this.timer);
    if (this.resumeTimer !== null) clearTimeout(this.resumeTimer);
    this.unwatch = null;
    this.timer = null;
    this.resumeTimer = null;
  }

  /** Runs a sync now, or once more right after the one under way; resolves when the outbox and the cursor are settled. */
  sync(): Promise<void> {
    if (this.running !== null) {
      this.again = true;
      return this.running;
    }
    this.running = this.runUntilSettled().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runUntilSettled(): Promise<void> {
    do {
      this.again = false;
      await this.runOnce();
    } while (this.again);
  }

  private async runOnce(): Promise<void> {
    const { connectivity, onStatus, retries, minRetryDelayMs } = this.options;
    if (!connectivity.isOnline()) {
      onStatus({ online: false });
      await this.reportCounts();
      return;
    }
    // The last failure, still shown, says how long the server asked to wait.
    if (this.options.now().getTime() < this.resumeAt) return;
    onStatus({ syncing: true });
    try {
      await pRetry(() => this.pushThenPull(), {
        retries,
        factor: 2,
        minTimeout: minRetryDelayMs,
        maxTimeout: 60_000,
        randomize: true,
        // A server that says how long to wait is not asked again sooner (waitForServer).
        shouldRetry: ({ error }) =>
          error instanceof ApiError && error.transient && error.retryAfterMs === null && connectivity.isOnline(),
        onFailedAttempt: ({ error }) => onStatus({ lastError: error.message }),
      });
      onStatus({ lastError: null, lastSyncAt: await this.options.store.lastSyncAt() });
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'unauthenticated') this.options.onUnauthenticated();
      if (error instanceof ApiError && error.retryAfterMs !== null) this.waitForServer(error.retryAfterMs);
      onStatus({ lastError: error instanceof Error ? error.message : String(error) });
    } finally {
      onStatus({ syncing: false });
      await this.reportCounts();
    }
  }

  /** No sync starts for `ms`; then one does, by itself. */
  private waitForServer(ms: number): void {
    this.resumeAt = this.options.now().getTime() + ms;
    if (this.resumeTimer !== null) clearTimeout(this.resumeTimer);
    this.resumeTimer = setTimeout(() => {
      this.resumeTimer = null;
      void this.sync();
    }, ms);
  }

  private async pushThenPull(): Promise<void> {
    const { api, store } = this.options;
    // The push needs no roster, and saving it waits for the tables' background readers: both go on at
    // once. Both settle before either failure is reported, so that a retry never starts a push while one runs.
    const [pushed, saved] = await Promise.allSettled([
      this.pushOutbox(),
      api.team().then((team) => store.saveTeam(team)),
    ]);
    if (pushed.status === 'rejected') throw pushed.reason;
    if (saved.status === 'rejected') throw saved.reason;
    if (await this.pullAll()) return;
    // The server lost changes: what it may have lost goes out again before everything is pulled again.
    await this.pushOutbox();
    await this.pullAll();
  }

  /**
   * Resolves at once, or when the push under way settles: start-up's background reading of the local
   * copy waits on it between chunks, as the user's changes reaching the server come first.
   */
  pushSettled(): Promise<void> {
    return this.pushing ?? Promise.resolve();
  }

  /**
   * Sends the outbox (sendOutbox), telling pushSettled while it does, and onBusy from the first batch
   * found: an empty outbox, the usual case, holds no background work back.
   */
  private async pushOutbox(): Promise<void> {
    let busy = false;
    const pushing = this.sendOutbox(() => {
      if (busy) return;
      busy = true;
      this.options.onBusy(true);
    });
    this.pushing = pushing.then(
      () => undefined,
      () => undefined,
    );
    try {
      await pushing;
    } finally {
      this.pushing = null;
      if (busy) this.options.onBusy(false);
    }
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
  private async sendOutbox(sending: () => void): Promise<void> {
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
          store.recordPushResults(results, this.options.now().toISOString()).then(() => this.reportCounts()),
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

  /**
   * Pulls every page after the stored cursor. Returns false when the server answers that the cursor is
   * not in its history: the acknowledged changes are then marked to be sent again and the cursor
   * set back to 0 (startOver), and the next pull brings everything, after which the tickets it did not
   * bring leave the local copy. Should the stored cursor move back while a page is on its way (a
   * damaged ticket set aside), the pull stops there and the engine runs once more, from that cursor.
   */
  private async pullAll(): Promise<boolean> {
    const { store, api, pageSize, now, onStatus, onHistoryLost, onBusy } = this.options;
    const position = await store.position();
    if (position.resetting && position.cursor !== '0') {
      // A pull from 0 after the server lost changes was cut short: it begins again, from 0.
      await store.startOver(now().toISOString());
      return false;
    }
    const { history } = position;
    let { cursor } = position;
    // Every ticket the pull from 0 brings, when the server lost changes.
    const kept = position.resetting ? new Set<string>() : null;
    let received = 0;
    let busy = false;
    const pull = (after: Cursor, afterHistory: string | null, latest: PullPosition['latest']) =>
      api.pull(after, pageSize, after === '0' ? null : afterHistory, latest);
    // The acknowledged changes are asked after only on the first page: later pages follow a checked one.
    let next: Promise<PulledTickets> | null = pull(cursor, history, position.resetting ? [] : position.latest);
    try {
      while (next !== null) {
        const page: PulledTickets = await next;
        if (page.reset) {
          onHistoryLost(await store.startOver(now().toISOString()));
          return false;
        }
        if (BigInt(page.cursor) < BigInt(cursor)) {
          throw new AbortError(`The server's change cursor moved backwards (${cursor} → ${page.cursor}).`);
        }
        // The next page is on its way while this one is written: the stored cursor still moves only
        // with the page it ends, in the same transaction, so a failed write drops the page fetched ahead.
        next = page.hasMore ? handled(pull(page.cursor, page.history, [])) : null;
        const at = now().toISOString();
        if (!(await store.applyPullPage(page.tickets, page.cursor, at, page.removed, page.history, cursor))) {
          // The local copy went back meanwhile (a damaged ticket set aside): the next run pulls from there.
          this.again = true;
          return true;
        }
        for (const ticket of page.tickets) kept?.add(ticket.id);
        cursor = page.cursor;
        received += page.tickets.length;
        if (page.hasMore) {
          onStatus({ progress: { received, total: received + page.remaining } });
          // A run of pages (a first sync): the background work waits until the last is written.
          busy = true;
          onBusy(true);
        }
      }
      if (kept !== null) await store.finishStartOver(kept);
      return true;
    } finally {
      if (received > 0) onStatus({ progress: null });
      if (busy) onBusy(false);
    }
  }

  /**
   * A change was just put in the outbox: a sync sends it, and the status bar counts it at once, not
   * when the sync under way ends. Resolves once it is counted; never rejects, as the change is saved
   * whatever the count does (one that fails is left to the sync's own report).
   */
  changeQueued(): Promise<void> {
    void this.sync();
    return this.reportCounts().catch(() => undefined);
  }

  private async reportCounts(): Promise<void> {
    const { pending } = await this.options.store.outboxCounts();
    this.options.onStatus({ pending });
  }
}

/**
 * The promise, marked as handled: work started ahead of its use may fail before it is awaited, and its
 * failure is reported where it is awaited, not as an unhandled rejection meanwhile.
 */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
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
