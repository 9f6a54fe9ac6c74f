// What the lead's charts plot: age buckets at their exact edges, severity counts, and load per engineer.
import { describe, expect, it } from 'vitest';
import { ageBuckets, loadPerEngineer, severityCounts } from '../../../../renderer/features/lead/chart-data';
import { COLLEAGUE, ENGINEER, makeRow } from './rows';

describe('ageBuckets', () => {
  it('counts each age into exactly one bucket, edges going to the older one', () => {
    const ages = [0, 23, 24, 71, 72, 167, 168, 335, 336, 5000];
    expect(ageBuckets(ages.map((ageHours) => makeRow({ ageHours })))).toEqual([
      { label: '< 1 day', count: 2 },
      { label: '1–3 days', count: 2 },
      { label: '3–7 days', count: 2 },
      { label: '1–2 weeks', count: 2 },
      { label: '> 2 weeks', count: 2 },
    ]);
  });

  it('keeps every bucket, empty ones at zero', () => {
    expect(ageBuckets([]).map((bucket) => bucket.count)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('severityCounts', () => {
  it('counts A, B and C, in that order', () => {
    const rows = [
      makeRow({ severity: 'minimal' }),
      makeRow({ severity: 'critical' }),
      makeRow({ severity: 'minimal' }),
    ];
    expect(severityCounts(rows)).toEqual([
      { severity: 'critical', label: 'A', count: 1 },
      { severity: 'moderate', label: 'B', count: 0 },
      { severity: 'minimal', label: 'C', count: 2 },
    ]);
  });
});

describe('loadPerEngineer', () => {
  it('splits each load into on time and overdue, the heaviest first, ties by name', () => {
    const rows = [
      makeRow({ engineer: COLLEAGUE, followUpOverdue: false }),
      makeRow({ engineer: ENGINEER, followUpOverdue: true }),
      makeRow({ engineer: null, followUpOverdue: true }),
      makeRow({ engineer: ENGINEER, followUpOverdue: false }),
      makeRow({ engineer: COLLEAGUE, followUpOverdue: true }),
    ];
    expect(loadPerEngineer(rows)).toEqual([
      { id: ENGINEER.id, name: 'Giulia Bianchi', onTime: 1, overdue: 1 },
      { id: COLLEAGUE.id, name: 'Paolo Conti', onTime: 1, overdue: 1 },
      { id: '', name: 'Unassigned', onTime: 0, overdue: 1 },
    ]);
  });
});
