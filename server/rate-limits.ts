/**
 * Rate limits: @fastify/rate-limit's, counted in windows of the server's clock behind the plugin's own
 * store interface, and refused with 429, Retry-After and the shared error shape.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../shared/domain/time';
import { plural } from '../shared/plural';
import { HttpError } from './http';

type Counted = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Keys remembered per limit at most: beyond, the oldest windows are forgotten first. */
const MAX_KEYS = 10_000;

/**
 * The counts of each key in fixed windows of the server's clock, in this process: the store interface
 * the plugin asks for (incr, read, child), which a store shared by several server processes implements too.
 */
class WindowCounts {
  /** In the order the windows opened, so the first to close come first. */
  private readonly windows = new Map<string, { count: number; startMs: number }>();

  constructor(private readonly clock: Clock) {}

  incr(key: string, counted: Counted, timeWindow: number): void {
    const now = this.clock().getTime();
    let window = this.open(key, now, timeWindow);
    if (window === undefined) {
      window = { count: 0, startMs: now };
      this.windows.delete(key);
      this.windows.set(key, window);
      this.forgetClosed(now, timeWindow);
    }
    window.count += 1;
    counted(null, { current: window.count, ttl: window.startMs + timeWindow - now });
  }

  read(key: string, counted: Counted, timeWindow: number): void {
    const now = this.clock().getTime();
    const window = this.open(key, now, timeWindow);
    counted(
      null,
      window === undefined ? { current: 0, ttl: 0 } : { current: window.count, ttl: window.startMs + timeWindow - now },
    );
  }

  child(): WindowCounts {
    return new WindowCounts(this.clock);
  }

  private open(key: string, now: number, timeWindow: number) {
    const window = this.windows.get(key);
    return window !== undefined && now < window.startMs + timeWindow ? window : undefined;
  }

  private forgetClosed(now: number, timeWindow: number): void {
    for (const [key, window] of this.windows) {
      if (this.windows.size <= MAX_KEYS && now < window.startMs + timeWindow) return;
      this.windows.delete(key);
    }
  }
}

/** Registers the plugin, counting by `clock`, for createLimit's limits. */
export function registerRateLimits(app: FastifyInstance, clock: Clock): void {
  void app.register(rateLimit, {
    global: false,
    store: class extends WindowCounts {
      constructor() {
        super(clock);
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
 * why in words, given the seconds until the window ends.
 */
export function createLimit(
  app: FastifyInstance,
  {
    max,
    windowMs,
    key,
    refusal,
  }: { max: number; windowMs: number; key?: (request: FastifyRequest) => string; refusal: (seconds: number) => string },
): Limit {
  // Made at the first request, once the plugin has loaded: the routes are declared before it does.
  let limiter: ReturnType<FastifyInstance['createRateLimit']> | undefined;
  const limited = () =>
    (limiter ??= app.createRateLimit({
      max,
      timeWindow: windowMs,
      ...(key === undefined ? {} : { keyGenerator: key }),
    }));
  // Requests at work under each key: counted as used until they end.
  const atWork = new Map<string, number>();
  return {
    async guard(request, reply, work) {
      const state = await limited()(request, { increment: false });
      const busy = atWork.get(state.key) ?? 0;
      if (!state.isAllowed && state.remaining - busy <= 0) {
        void reply.header('retry-after', String(Math.max(1, state.ttlInSeconds)));
        throw new HttpError(429, 'rate_limited', refusal(Math.max(1, state.ttlInSeconds)));
      }
      atWork.set(state.key, busy + 1);
      let counted = false;
      try {
        return await work(() => {
          counted = true;
        });
      } finally {
        // Counted before it stops being at work, so no request in between sees it as neither.
        if (counted) await limited()(request);
        const left = (atWork.get(state.key) ?? 1) - 1;
        if (left === 0) atWork.delete(state.key);
        else atWork.set(state.key, left);
      }
    },
  };
}
