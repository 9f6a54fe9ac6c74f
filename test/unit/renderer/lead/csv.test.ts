// The CSV export: RFC 4180 quoting, exactly the columns and rows given in their order, and cells a
// spreadsheet cannot run as formulas.
process.env.TZ = 'Europe/Rome';

import { describe, expect, it } from 'vitest';
import { escalationRows } from '../../../../shared/api/lead';
import { DEFAULT_CADENCE } from '../../../../shared/domain';
import { LEAD_COLUMNS, formatAge } from '../../../../renderer/features/lead/columns';
import { escalationsCsv, exportFileName, spreadsheetSafe, toCsv } from '../../../../renderer/features/lead/csv';
import { FIXED_NOW, makeEscalation, makeTicketInStage } from '../../../fixtures/tickets';
import { COLLEAGUE, makeRow } from './rows';

describe('toCsv', () => {
  it('quotes fields with commas, quotes or line breaks, doubling quotes, and ends every record with CRLF', () => {
    expect(toCsv([['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\r', ''], ['x']])).toBe(
      'plain,"a,b","say ""hi""","two\nlines","cr\r",\r\nx\r\n',
    );
  });

  it('is empty for no records', () => {
    expect(toCsv([])).toBe('');
  });
});

describe('spreadsheetSafe', () => {
  it.each([
    ['=HYPERLINK("http://evil.example")', `'=HYPERLINK("http://evil.example")`],
    ['+41 55 000', "'+41 55 000"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTabbed', "'\tTabbed"],
  ])('makes %j inert', (value, expected) => {
    expect(spreadsheetSafe(value)).toBe(expected);
  });

  it.each(['Contoso Ltd', '250303010000123', 'Müller-Lüdenscheidt'])('leaves %j as it is', (value) => {
    expect(spreadsheetSafe(value)).toBe(value);
  });
});

describe('escalationsCsv', () => {
  it('writes a BOM, the header of the columns shown and each row in the order shown, ages as numbers of hours', () => {
    const first = makeRow({
      number: 'CSS-104240',
      customerName: 'Müller, Söhne & "Partner"',
      caseNumber: '2503100040001234',
      severity: 'critical',
      ageHours: 75,
      lastMicrosoftContact: null,
      nextFollowUpDue: '2025-03-10T08:00:00.000Z',
      followUpOverdue: true,
      microsoftSilent: true,
      engineer: COLLEAGUE,
    });
    const second = makeRow({
      number: 'CSS-104233',
      customerName: '=cmd|calc',
      escalationStatus: 'attention_needed',
      followUpOverdue: false,
      engineer: null,
    });
    expect(escalationsCsv(LEAD_COLUMNS, [first, second]).split('\r\n')).toEqual([
      '\uFEFFTicket,Customer,Microsoft case,Severity,Age (hours),Last Microsoft contact,Next follow-up due,Overdue,Microsoft silent,Engineer',
      'CSS-104240,"Müller, Söhne & ""Partner""",2503100040001234,A,75,,2025-03-10 09:00,Overdue,Silent,Paolo Conti',
      "CSS-104233,'=cmd|calc,250303010000123,B,119,2025-03-06 16:30,2025-03-07 16:30,On time,Waiting on us,Unassigned",
      '',
    ]);
  });

  it('follows the columns given, so the file has the columns on screen', () => {
    const [number, , , severity] = LEAD_COLUMNS;
    if (number === undefined || severity === undefined) throw new Error('columns missing');
    expect(escalationsCsv([severity, number], [makeRow({ number: 'CSS-104233', severity: 'minimal' })])).toBe(
      '\uFEFFSeverity,Ticket\r\nC,CSS-104233\r\n',
    );
  });

  it("exports the server's rows for the lead's cached tickets", () => {
    const ticket = makeTicketInStage('escalated', { escalation: makeEscalation({ caseNumber: '250303010000777' }) });
    const rows = escalationRows([ticket], DEFAULT_CADENCE, new Date(FIXED_NOW));
    expect(escalationsCsv(LEAD_COLUMNS, rows).split('\r\n')[1]).toBe(
      'CSS-100042,Contoso Ltd,250303010000777,B,119,2025-03-06 16:30,2025-03-07 16:30,Overdue,Silent,Giulia Bianchi',
    );
  });
});

describe('formatAge and exportFileName', () => {
  it('shows hours under two days, days and hours beyond', () => {
    expect([0, 47, 48, 75, 336].map(formatAge)).toEqual(['0 h', '47 h', '2 d 0 h', '3 d 3 h', '14 d 0 h']);
  });

  it('names the file after the local date and time', () => {
    expect(exportFileName(new Date(FIXED_NOW))).toBe('escalations-2025-03-10-1000.csv');
  });
});
