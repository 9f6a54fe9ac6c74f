// The time-zone rule: IANA names pass, anything else is refused with the rule; a valid name is checked once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TimeZone } from '../../../shared/domain/time';

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
