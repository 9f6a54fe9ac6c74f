/** Sorting the escalation rows by any column of the lead's list. */
import type { LeadLayout, LeadSortColumn } from '../../../shared/bridge';
import type { EscalationRow } from '../../../shared/api/lead';
import { Severity } from '../../../shared/domain';
import { compareText } from './columns';

type Compare = (a: EscalationRow, b: EscalationRow) => number;

const byText =
  (get: (row: EscalationRow) => string): Compare =>
  (a, b) =>
    compareText(get(a), get(b));
const byNumber =
  (get: (row: EscalationRow) => number): Compare =>
  (a, b) =>
    get(a) - get(b);

/**
 * Ascending order per column. Where "first" has a meaning it comes first: severity A, flagged rows
 * (overdue, silent), and for the last Microsoft contact "never", the longest silence of all.
 * A missing customer or engineer sorts as empty text, so those rows surface at the top.
 */
const ASCENDING: Record<LeadSortColumn, Compare> = {
  number: byText((row) => row.number),
  customer: byText((row) => row.customerName ?? ''),
  caseNumber: byText((row) => row.caseNumber),
  // The enum lists A, B, C.
  severity: byNumber((row) => Severity.options.indexOf(row.severity)),
  age: byNumber((row) => row.ageHours),
  lastMicrosoftContact: byNumber((row) =>
    row.lastMicrosoftContact === null ? Number.NEGATIVE_INFINITY : Date.parse(row.lastMicrosoftContact),
  ),
  nextFollowUpDue: byNumber((row) => Date.parse(row.nextFollowUpDue)),
  overdue: byNumber((row) => (row.followUpOverdue ? 0 : 1)),
  silent: byNumber((row) => (row.microsoftSilent ? 0 : 1)),
  engineer: byText((row) => row.engineer?.name ?? ''),
};

// Ties keep the server's order, most urgent first, whichever way the column runs, so the list is stable.
const mostUrgentFirst: Compare = (a, b) => ASCENDING.nextFollowUpDue(a, b) || ASCENDING.number(a, b);

export function sortRows(rows: readonly EscalationRow[], { column, direction }: LeadLayout['sort']): EscalationRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => sign * ASCENDING[column](a, b) || mostUrgentFirst(a, b));
}

/** The next sort after a click on `column`'s header: a new column starts ascending, the same one flips. */
export function toggleSort(current: LeadLayout['sort'], column: LeadSortColumn): LeadLayout['sort'] {
  if (current.column !== column) return { column, direction: 'ascending' };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}
