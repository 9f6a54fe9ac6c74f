/**
 * Rate limits: @fastify/rate-limit's, counted in windows of the server's clock in the database, so that
 * every server process on it counts the same requests, behind the plugin's own store interface, and
 * refused with 429, Retry-After and the shared error shape.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Clock } from '../shared/domain/time';
import { plural } from '../shared/plural';
import type { PortalDatabase } from './db';
import { HttpError } from './http';

type Counted = (error: Error | null, result?: { current: number; ttl: number }) => void;

const SQL = {
  // Windows that have ended are forgotten as new ones open, so the table holds only the open ones.
  forgetEnded: 'DELETE FROM rate_limit_windows WHERE ends_ms <= ?',
  count: `INSERT INTO rate_limit_windows (key, count, ends_ms) VALUES (@key, 1, @ends)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit_windows.ends_ms > @now THEN rate_limit_windows.count + 1 ELSE 1 END,
      ends_ms = CASE WHEN rate_limit_windows.ends_ms > @now THEN rate_limit_windows.ends_ms ELSE @ends END
    RETURNING count, ends_ms`,
  read: 'SELECT count, ends_ms FROM rate_limit_windows WHERE key = ? AND ends_ms > ?',
} as const;

const WindowRow = z.object({ count: z.number().int(), ends_ms: z.number().int() });

/**
 * The counts of each key in fixed windows of the server's clock, kept in the database: the store
 * interface the plugin asks for (incr, read, child). Each limit's keys carry its name (see createLimit),
 * so its children share the one table.
 */
class WindowCounts {
  constructor(
    private readonly db: PortalDatabase,
    private readonly clock: Clock,
  ) {}

  incr(key: string, counted: Counted, timeWindow: number): void {
    const now = this.clock().getTime();
    this.answer(
      counted,
      now,
      this.db.transaction(async (tx) => {
        await tx.sql.run(SQL.forgetEnded, [now]);
        return tx.sql.get(SQL.count, { key, now, ends: now + timeWindow });
      }),
    );
  }

  read(key: string, counted: Counted): void {
    const now = this.clock().getTime();
    this.answer(counted, now, this.db.sql.get(SQL.read, [key, now]));
  }

  child(): WindowCounts {
    return this;
  }

  private answer(counted: Counted, now: number, row: Promise<unknown>): void {
    row.then(
      (found) => {
        if (found === undefined) return counted(null, { current: 0, ttl: 0 });
        const window = WindowRow.parse(found);
        counted(null, { current: window.count, ttl: window.ends_ms - now });
      },
      (error: unknown) => counted(error instanceof Error ? error : new Error(String(error))),
    );
  }
}

/** Registers the plugin, counting in `db` by `clock`, for createLimit's limits. */
export function registerRateLimits(app: FastifyInstance, { db, clock }: { db: PortalDatabase; clock: Clock }): void {
  void app.register(rateLimit, {
    global: false,
    store: class extends WindowCounts {
      constructor() {
        super(db, clock);
      }
    },
  });
}

/** A limit on what requests do: checked before the work, counted when it happened. */
export interface Limit {
  /**
   * Runs `work` unless the request's key has used up its window (then 429, with Retry-After); the
   * requests under the same key still at work are counted as used, so a burst sent at once is held to
   * the limit too. What `work` marks with `count` counts against the key once it ends.
   */
  guard<T>(request: FastifyRequest, reply: FastifyReply, work: (count: () => void) => T | Promise<T>): Promise<T>;
}

export const inSeconds = (seconds: number) => plural(seconds, 'second', 'seconds');

/**
 * At most `max` counted per `windowMs` for each key (by default the caller's address); `refusal` says
 * why in words, given the seconds until the window ends. `name` keeps the limit's keys apart from
 * the other limits' in the table they share.
 */
export function createLimit(
  app: FastifyInstance,
  {
    name,
    max,
    windowMs,
    key = (request) => request.ip,
    refusal,
  }: {
    name: string;
    max: number;
    windowMs: number;
    key?: (request: FastifyRequest) => string;
    refusal: (seconds: number) => string;
  },
): Limit {
  // Made at the first request, once the plugin has loaded: the routes are declared before it does.
  let limiter: ReturnType<FastifyInstance['createRateLimit']> | undefined;
  const keyOf = (request: FastifyRequest) => `${name} ${key(request)}`;
  const limited = () => (limiter ??= app.createRateLimit({ max, timeWindow: windowMs, keyGenerator: keyOf }));
  // Requests at work under each key: counted as used until they end.
  const atWork = new Map<string, number>();
  // Per key, the check or the count in progress, one at a time: the count is read from the database, so
  // a check reading it while a request is between being counted and leaving the work would miss it.
  const turns = new Map<string, Promise<void>>();
  const inTurn = async <T>(turnKey: string, step: () => Promise<T>): Promise<T> => {
    const previous = turns.get(turnKey) ?? Promise.resolve();
    const result = previous.then(step);
    const done = result.then(
      () => {},
      () => {},
    );
    turns.set(turnKey, done);
    try {
      return await result;
    } finally {
      if (turns.get(turnKey) === done) turns.delete(turnKey);
    }
  };
  return {
    async guard(request, reply, work) {
      const turnKey = keyOf(request);
      await inTurn(turnKey, async () => {
        const state = await limited()(request, { increment: false });
        const busy = atWork.get(turnKey) ?? 0;
        if (!state.isAllowed && state.remaining - busy <= 0) {
          void reply.header('retry-after', String(Math.max(1, state.ttlInSeconds)));
          throw new HttpError(429, 'rate_limited', refusal(Math.max(1, state.ttlInSeconds)));
        }
        atWork.set(turnKey, busy + 1);
      });
      let counted = false;
      try {
        return await work(() => {
          counted = true;
        });
      } finally {
        // Counted before it stops being at work, so no check in between sees it as neither.
        await inTurn(turnKey, async () => {
          if (counted) await limited()(request);
          const left = (atWork.get(turnKey) ?? 1) - 1;
          if (left === 0) atWork.delete(turnKey);
          else atWork.set(turnKey, left);
        });
      }
    },
  };
}
