/**
 * Rate limits, counted in windows of the server's clock in the database, so that every server process
 * on it counts the same requests, even those still at work; refused with 429, Retry-After and the
 * shared error shape.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Clock } from '../shared/domain/time';
import { plural } from '../shared/plural';
import type { PortalDatabase } from './db';
import { HttpError } from './http';

const SQL = {
  // Windows that have ended are forgotten as new ones open, so the table holds only the open ones.
  forgetEnded: 'DELETE FROM rate_limit_windows WHERE ends_ms <= ?',
  // One statement, so two processes taking a place under one key at once each get a count of their own.
  take: `INSERT INTO rate_limit_windows (key, count, ends_ms) VALUES (@key, 1, @ends)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit_windows.ends_ms > @now THEN rate_limit_windows.count + 1 ELSE 1 END,
      ends_ms = CASE WHEN rate_limit_windows.ends_ms > @now THEN rate_limit_windows.ends_ms ELSE @ends END
    RETURNING count, ends_ms`,
  // Only in the window it was taken in: once that has ended, the place went with it.
  giveBack: 'UPDATE rate_limit_windows SET count = count - 1 WHERE key = ? AND ends_ms = ? AND count > 0',
} as const;

const WindowRow = z.object({ count: z.number().int(), ends_ms: z.number().int() });

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
export function createLimit({
  db,
  clock,
  name,
  max,
  windowMs,
  key = (request) => request.ip,
  refusal,
}: {
  db: PortalDatabase;
  clock: Clock;
  name: string;
  max: number;
  windowMs: number;
  key?: (request: FastifyRequest) => string;
  refusal: (seconds: number) => string;
}): Limit {
  /** A place in the key's window, taken before the work: a request at work holds one in every process's count. */
  const take = async (keyed: string) => {
    const now = clock().getTime();
    const row = await db.transaction(async (tx) => {
      await tx.sql.run(SQL.forgetEnded, [now]);
      return tx.sql.get(SQL.take, { key: keyed, now, ends: now + windowMs });
    });
    const window = WindowRow.parse(row);
    return {
      count: window.count,
      endsMs: window.ends_ms,
      seconds: Math.max(1, Math.ceil((window.ends_ms - now) / 1000)),
    };
  };
  const giveBack = (keyed: string, endsMs: number) => db.sql.run(SQL.giveBack, [keyed, endsMs]);
  return {
    async guard(request, reply, work) {
      const keyed = `${name} ${key(request)}`;
      const place = await take(keyed);
      if (place.count > max) {
        await giveBack(keyed, place.endsMs);
        void reply.header('retry-after', String(place.seconds));
        throw new HttpError(429, 'rate_limited', refusal(place.seconds));
      }
      let counted = false;
      try {
        return await work(() => {
          counted = true;
        });
      } finally {
        if (!counted) await giveBack(keyed, place.endsMs);
      }
    },
  };
}
