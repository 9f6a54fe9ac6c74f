/** CSV export of the lead's list: RFC 4180 text of exactly the rows and columns on screen, safe to open in a spreadsheet. */
import { format } from 'date-fns';
import type { EscalationRow } from '../../../shared/api/lead';
import type { LeadColumn } from './columns';

/** A field with a comma, a quote or a line break is quoted, its quotes doubled (RFC 4180, section 2). */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Records joined with CRLF, each ending with one, as RFC 4180 writes them. */
export function toCsv(records: readonly (readonly string[])[]): string {
  return records.map((record) => `${record.map(field).join(',')}\r\n`).join('');
}

/**
 * Customer names come from a public web form: a name starting with = + - @ (or a tab or CR) would
 * run as a formula when the file is opened in Excel, so such a cell is prefixed with an apostrophe
 * (OWASP's advice for CSV injection).
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

// Excel reads a CSV as the system code page unless it starts with a byte-order mark.
const UTF8_BOM = '\uFEFF';

export function escalationsCsv(columns: readonly LeadColumn[], rows: readonly EscalationRow[]): string {
  const header = columns.map((column) => column.csv?.label ?? column.label);
  const body = rows.map((row) => columns.map((column) => spreadsheetSafe((column.csv?.value ?? column.text)(row))));
  return UTF8_BOM + toCsv([header, ...body]);
}

export const exportFileName = (now: Date): string => `escalations-${format(now, 'yyyy-MM-dd-HHmm')}.csv`;
