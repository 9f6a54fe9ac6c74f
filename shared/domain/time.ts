/** Timestamps and clocks: every instant crossing a boundary is an ISO-8601 UTC string. */
import { z } from 'zod';

export const Instant = z.iso.datetime({ offset: false }).describe('An instant, ISO-8601 in UTC');
export type Instant = z.infer<typeof Instant>;

/** An IANA time-zone name such as "Europe/Rome"; checked against the runtime's zone database. */
export const TimeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as Europe/Rome' },
);
export type TimeZone = z.infer<typeof TimeZone>;

/** The clock is injected everywhere a rule depends on "now", so rules are testable at any instant. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
