/**
 * The sync engine: pushes the outbox in batches (client mutation ids are the idempotency keys),
 * then pulls every change after the cursor. One run at a time; failures worth retrying back off
 * exponentially with jitter (p-retry); nothing is attempted while offline.
 */
import pRetry, { AbortError } from 'p-retry';
import { PUSH_BATCH_MAX } from '../../shared/api';
import { ApiError } from './api-client';
import type { Connectivity } from './connectivity';
import type { LocalStore } from './local-store';
import type { SyncApi } from './sync-api';

export interface SyncStatus {
  online: boolean;
  syncing: boolean;
  pending: number;
  lastSyncAt: string | null;
  /** The last failure in words, cleared by the next successful run. */
  lastError: string | null;
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
  pageSize?: number;
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
  private readonly options: Required<SyncEngineOptions>;

  constructor(options: SyncEngineOptions) {
    this.options = {
      pageSize: 500,
      intervalMs: 30_000,
      retries: 6,
      minRetryDelayMs: 1_000,
      now: () => new Date(),
      ...options,
    };
  }

  start(): void {
    const { connectivity, intervalMs, onStatus } = this.options;
    onStatus({ online: connectivity.isOnline() });
    this.unwatch = connectivity.watch((online) => {
      onStatus({ online });
      if (online) void this.sync();
    });
    this.timer = setInterval(() => void this.sync(), intervalMs);
    void this.reportCounts().then(() => this.sync());
  }

  stop(): void {
    this.unwatch?.();
    if (this.timer !== null) clearInterval(this.timer);
    this.unwatch = null;
    this.timer = null;
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
    onStatus({ syncing: true });
    try {
      await pRetry(() => this.pushThenPull(), {
        retries,
        factor: 2,
        minTimeout: minRetryDelayMs,
        maxTimeout: 60_000,
        randomize: true,
        shouldRetry: ({ error }) => error instanceof ApiError && error.transient && connectivity.isOnline(),
        onFailedAttempt: ({ error }) => onStatus({ lastError: error.message }),
      });
      onStatus({ lastError: null, lastSyncAt: await this.options.store.lastSyncAt() });
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'unauthenticated') this.options.onUnauthenticated();
      onStatus({ lastError: error instanceof Error ? error.message : String(error) });
    } finally {
      onStatus({ syncing: false });
      await this.reportCounts();
    }
  }

  private async pushThenPull(): Promise<void> {
    await this.options.store.saveTeam(await this.options.api.team());
    await this.pushOutbox();
    await this.pullAll();
  }

  private async pushOutbox(): Promise<void> {
    const { store, api, clientId } = this.options;
    for (;;) {
      const batch = await store.pendingEntries(PUSH_BATCH_MAX);
      if (batch.length === 0) return;
      const { results } = await api.push({ clientId, mutations: batch.map((entry) => entry.mutation) });
      if (results.length === 0) throw new AbortError('The server acknowledged none of the pushed changes.');
      await store.recordPushResults(results);
      await this.reportCounts();
    }
  }

  private async pullAll(): Promise<void> {
    const { store, api, pageSize, now } = this.options;
    let cursor = await store.cursor();
    for (;;) {
      const page = await api.pull(cursor, pageSize);
      if (BigInt(page.cursor) < BigInt(cursor)) {
        throw new AbortError(`The server's change cursor moved backwards (${cursor} → ${page.cursor}).`);
      }
      await store.applyPullPage(page.tickets, page.cursor, now().toISOString(), page.removed);
      cursor = page.cursor;
      if (!page.hasMore) return;
    }
  }

  private async reportCounts(): Promise<void> {
    const { pending } = await this.options.store.outboxCounts();
    this.options.onStatus({ pending });
  }
}
