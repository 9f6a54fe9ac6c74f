// Sorting the lead's list by any column, both ways, with ties kept most urgent first.
import { describe, expect, it } from 'vitest';
import type { LeadSortColumn } from '../../../../shared/bridge';
import { sortRows, toggleSort } from '../../../../renderer/features/lead/row-sort';
import { COLLEAGUE, makeRow } from './rows';

const a = makeRow({
  number: 'CSS-100009',
  customerName: 'contoso ltd',
  caseNumber: '250303010000123',
  severity: 'minimal',
  ageHours: 30,
  lastMicrosoftContact: null,
  nextFollowUpDue: '2025-03-10T12:00:00.000Z',
  followUpOverdue: false,
  microsoftSilent: true,
  engineer: null,
});
const b = makeRow({
  number: 'CSS-100010',
  customerName: 'Adatum',
  caseNumber: '2503030100009999',
  severity: 'critical',
  ageHours: 400,
  lastMicrosoftContact: '2025-03-09T08:00:00.000Z',
  nextFollowUpDue: '2025-03-09T12:00:00.000Z',
  followUpOverdue: true,
  microsoftSilent: false,
  engineer: COLLEAGUE,
});
const c = makeRow({
  number: 'CSS-100002',
  customerName: 'Fabrikam',
  caseNumber: '250303010000200',
  severity: 'moderate',
  ageHours: 5,
  lastMicrosoftContact: '2025-03-08T08:00:00.000Z',
  nextFollowUpDue: '2025-03-11T12:00:00.000Z',
  followUpOverdue: false,
  microsoftSilent: false,
});

const numbers = (column: LeadSortColumn, direction: 'ascending' | 'descending' = 'ascending') =>
  sortRows([a, b, c], { column, direction }).map((row) => row.number);

describe('sortRows', () => {
  it.each<[LeadSortColumn, string[]]>([
    ['number', ['CSS-100002', 'CSS-100009', 'CSS-100010']],
    ['customer', ['CSS-100010', 'CSS-100009', 'CSS-100002']],
    ['caseNumber', ['CSS-100009', 'CSS-100002', 'CSS-100010']],
    ['severity', ['CSS-100010', 'CSS-100002', 'CSS-100009']],
    ['age', ['CSS-100002', 'CSS-100009', 'CSS-100010']],
    ['lastMicrosoftContact', ['CSS-100009', 'CSS-100002', 'CSS-100010']],
    ['nextFollowUpDue', ['CSS-100010', 'CSS-100009', 'CSS-100002']],
    ['engineer', ['CSS-100009', 'CSS-100002', 'CSS-100010']],
  ])('sorts by %s ascending, and exactly the other way descending', (column, ascending) => {
    expect(numbers(column)).toEqual(ascending);
    expect(numbers(column, 'descending')).toEqual([...ascending].reverse());
  });

  it('puts flagged rows first, ties in the order of the next follow-up due', () => {
    expect(numbers('overdue')).toEqual(['CSS-100010', 'CSS-100009', 'CSS-100002']);
    expect(numbers('silent')).toEqual(['CSS-100009', 'CSS-100010', 'CSS-100002']);
    // Descending flips the flag, not the tie-break: the unflagged stay most urgent first.
    expect(numbers('overdue', 'descending')).toEqual(['CSS-100009', 'CSS-100002', 'CSS-100010']);
  });

  it('compares case numbers as numbers, and leaves its input alone', () => {
    const rows = [makeRow({ caseNumber: '2503030100000010' }), makeRow({ caseNumber: '250303010000009' })];
    expect(sortRows(rows, { column: 'caseNumber', direction: 'ascending' }).map((row) => row.caseNumber)).toEqual([
      '250303010000009',
      '2503030100000010',
    ]);
    expect(rows[0]?.caseNumber).toBe('2503030100000010');
  });
});

describe('toggleSort', () => {
  it('starts a new column ascending and flips the current one', () => {
    const byDue = { column: 'nextFollowUpDue', direction: 'ascending' } as const;
    expect(toggleSort(byDue, 'age')).toEqual({ column: 'age', direction: 'ascending' });
    expect(toggleSort(byDue, 'nextFollowUpDue')).toEqual({ column: 'nextFollowUpDue', direction: 'descending' });
    expect(toggleSort({ ...byDue, direction: 'descending' }, 'nextFollowUpDue')).toEqual(byDue);
  });
});
