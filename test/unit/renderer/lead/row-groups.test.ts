// Grouping the sorted rows by engineer or severity, with the counts the group headers show.
import { describe, expect, it } from 'vitest';
import { groupRows } from '../../../../renderer/features/lead/row-groups';
import { COLLEAGUE, ENGINEER, makeRow } from './rows';

const giuliaA = makeRow({ engineer: ENGINEER, severity: 'critical' });
const paoloC = makeRow({ engineer: COLLEAGUE, severity: 'minimal', followUpOverdue: false });
const giuliaC = makeRow({ engineer: ENGINEER, severity: 'minimal' });
const nobodyB = makeRow({ engineer: null, severity: 'moderate', followUpOverdue: false });
const sorted = [paoloC, giuliaA, nobodyB, giuliaC];

const summary = (groupBy: 'none' | 'engineer' | 'severity') =>
  groupRows(sorted, groupBy).map(({ label, rows, overdue }) => ({
    label,
    tickets: rows.map((row) => row.number),
    overdue,
  }));

describe('groupRows', () => {
  it('keeps one headerless group when not grouping', () => {
    expect(summary('none')).toEqual([{ label: null, tickets: sorted.map((row) => row.number), overdue: 2 }]);
  });

  it('groups by engineer, Unassigned first then by name, rows in their sorted order', () => {
    expect(summary('engineer')).toEqual([
      { label: 'Unassigned', tickets: [nobodyB.number], overdue: 0 },
      { label: 'Giulia Bianchi', tickets: [giuliaA.number, giuliaC.number], overdue: 2 },
      { label: 'Paolo Conti', tickets: [paoloC.number], overdue: 0 },
    ]);
  });

  it('groups by severity A, B, C, leaving out severities with no rows', () => {
    expect(summary('severity')).toEqual([
      { label: 'Severity A', tickets: [giuliaA.number], overdue: 1 },
      { label: 'Severity B', tickets: [nobodyB.number], overdue: 0 },
      { label: 'Severity C', tickets: [paoloC.number, giuliaC.number], overdue: 1 },
    ]);
    expect(groupRows([giuliaA], 'severity').map((group) => group.label)).toEqual(['Severity A']);
  });

  it('has no groups for no rows', () => {
    expect(groupRows([], 'engineer')).toEqual([]);
  });
});
