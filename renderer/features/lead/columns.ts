/** The columns of the lead's escalations list, in order: what each shows as text on screen, and in the CSV (a number where one is meant). */
import { format } from 'date-fns';
import type { LeadSortColumn } from '../../../shared/bridge';
import type { EscalationRow } from '../../../shared/api/lead';
import { SEVERITY_LABEL, dateTimeText } from '../../../shared/domain';

export interface LeadColumn {
  id: LeadSortColumn;
  label: string;
  text: (row: EscalationRow) => string;
  /** What the CSV holds instead of the text, where a spreadsheet should get a number to calculate with. */
  csv?: { label: string; value: (row: EscalationRow) => string };
}

/** An instant in the CSV: the lead's local time as "2026-03-10 09:00", which every spreadsheet reads as a date. */
const spreadsheetInstant = (instant: string): string => format(instant, 'yyyy-MM-dd HH:mm');

/** "5 h" under two days, "3 d 4 h" beyond: ages are read in days, follow-up cadences in hours. */
export function formatAge(hours: number): string {
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** Text the way people read it: case and accents ignored, digits as numbers (case 9 before case 10). */
export const compareText = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }).compare;

/** Engineers by name, with "" (unassigned) first: an escalation nobody holds needs the lead first. */
export const compareEngineers = (a: { id: string; name: string }, b: { id: string; name: string }): number =>
  Number(b.id === '') - Number(a.id === '') || compareText(a.name, b.name);

/** "1 escalation", "3 escalations". */
export const countOf = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

export const NO_CUSTOMER = 'Company name missing';
export const UNASSIGNED = 'Unassigned';

export function silenceText(row: EscalationRow): string {
  if (row.microsoftSilent) return 'Silent';
  // attention_needed: Microsoft waits on us, so its silence is ours to break.
  return row.escalationStatus === 'attention_needed' ? 'Waiting on us' : 'No';
}

export const LEAD_COLUMNS: readonly LeadColumn[] = [
  { id: 'number', label: 'Ticket', text: (row) => row.number },
  { id: 'customer', label: 'Customer', text: (row) => row.customerName ?? NO_CUSTOMER },
  { id: 'caseNumber', label: 'Microsoft case', text: (row) => row.caseNumber },
  { id: 'severity', label: 'Severity', text: (row) => SEVERITY_LABEL[row.severity] },
  {
    id: 'age',
    label: 'Age',
    text: (row) => formatAge(row.ageHours),
    csv: { label: 'Age (hours)', value: (row) => String(row.ageHours) },
  },
  {
    id: 'lastMicrosoftContact',
    label: 'Last Microsoft contact',
    text: (row) => (row.lastMicrosoftContact === null ? 'Never' : dateTimeText(row.lastMicrosoftContact)),
    csv: {
      label: 'Last Microsoft contact',
      value: (row) => (row.lastMicrosoftContact === null ? '' : spreadsheetInstant(row.lastMicrosoftContact)),
    },
  },
  {
    id: 'nextFollowUpDue',
    label: 'Next follow-up due',
    text: (row) => dateTimeText(row.nextFollowUpDue),
    csv: { label: 'Next follow-up due', value: (row) => spreadsheetInstant(row.nextFollowUpDue) },
  },
  { id: 'overdue', label: 'Overdue', text: (row) => (row.followUpOverdue ? 'Overdue' : 'On time') },
  { id: 'silent', label: 'Microsoft silent', text: silenceText },
  { id: 'engineer', label: 'Engineer', text: (row) => row.engineer?.name ?? UNASSIGNED },
];
