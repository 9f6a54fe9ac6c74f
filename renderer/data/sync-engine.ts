/**
 * The sync engine: pushes the outbox in batches (client mutation ids are the idempotency keys),
 * then pulls every change after the cursor. One run at a time; failures worth retrying back off
 * exponentially with jitter (p-retry); nothing is attempted while offline.
 */
import pRetry, { AbortError } from 'p-retry';
import { type Cursor, PULL_LIMIT_MAX, PUSH_BATCH_MAX } from '../../shared/api';
import { ApiError } from './api-client';
import type { Connectivity } from './connectivity';
import { handled } from './handled';
import type { LocalStore } from './local-store';
import { OutboxPush } from './outbox-push';
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
  private readonly outbox: OutboxPush;
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
    const { store, api, clientId, now, pushBatchSize } = this.options;
    this.outbox = new OutboxPush({ store, api, clientId, now, pushBatchSize, onRecorded: () => this.reportCounts() });
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
   * Sends the outbox (OutboxPush), telling pushSettled while it does, and onBusy from the first batch
   * found: an empty outbox, the usual case, holds no background work back.
   */
  private async pushOutbox(): Promise<void> {
    let busy = false;
    const pushing = this.outbox.send(() => {
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
