// The time-zone rule: IANA names pass, anything else is refused with the rule; a valid name is checked once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TimeZone, minuteStart } from '../../../shared/domain/time';

const RULE = 'must be an IANA time zone such as Europe/Rome';

describe('TimeZone', () => {
  afterEach(() => vi.restoreAllMocks());

  it('accepts IANA zone names in any letter case and refuses anything else with the rule', () => {
    expect(TimeZone.parse('Europe/Rome')).toBe('Europe/Rome');
    expect(TimeZone.parse('UTC')).toBe('UTC');
    expect(TimeZone.parse('america/new_york')).toBe('america/new_york');
    for (const zone of ['CET+1', 'Europe/Atlantis', '', 'Europe/Rome ']) {
      expect(TimeZone.safeParse(zone).error?.issues.map((issue) => issue.message)).toEqual([RULE]);
    }
  });

  it('asks the runtime about a valid zone once, and about an invalid one every time', () => {
    const formats = vi.spyOn(Intl, 'DateTimeFormat');
    expect(TimeZone.safeParse('Pacific/Chatham').success).toBe(true);
    expect(TimeZone.safeParse('Pacific/Chatham').success).toBe(true);
    expect(formats).toHaveBeenCalledTimes(1);

    expect(TimeZone.safeParse('Mars/Olympus_Mons').success).toBe(false);
    expect(TimeZone.safeParse('Mars/Olympus_Mons').success).toBe(false);
    expect(formats).toHaveBeenCalledTimes(3);
  });
});

describe('minuteStart', () => {
  it('drops the seconds and milliseconds, also before 1970', () => {
    expect(minuteStart('2025-03-10T09:04:59.999Z').toISOString()).toBe('2025-03-10T09:04:00.000Z');
    expect(minuteStart(new Date('2025-03-10T09:04:00.000Z')).toISOString()).toBe('2025-03-10T09:04:00.000Z');
    expect(minuteStart('1969-12-31T23:59:30.000Z').toISOString()).toBe('1969-12-31T23:59:00.000Z');
  });
});
