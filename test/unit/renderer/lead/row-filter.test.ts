// The lead's filters: severity, engineer, overdue only, silent only and free text, all at once.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEAD_LAYOUT } from '../../../../shared/bridge';
import {
  engineerOptions,
  filterRows,
  hasFilters,
  type LeadFilters,
} from '../../../../renderer/features/lead/row-filter';
import { COLLEAGUE_MEMBER, ENGINEER_MEMBER, LEAD_MEMBER } from '../../../fixtures/tickets';
import { COLLEAGUE, makeRow } from './rows';

const none = DEFAULT_LEAD_LAYOUT.filters;
const filters = (changes: Partial<LeadFilters>): LeadFilters => ({ ...none, ...changes });

const contoso = makeRow({ number: 'CSS-104233', customerName: 'Contoso Ltd', severity: 'critical' });
const fabrikam = makeRow({
  number: 'CSS-104240',
  customerName: 'Fabrikam GmbH',
  caseNumber: '2503100040001234',
  followUpOverdue: false,
  microsoftSilent: true,
  engineer: COLLEAGUE,
});
const unassigned = makeRow({ customerName: null, severity: 'minimal', engineer: null, followUpOverdue: false });
const rows = [contoso, fabrikam, unassigned];

describe('filterRows', () => {
  it('lets everything through without filters', () => {
    expect(filterRows(rows, none)).toEqual(rows);
    expect(hasFilters(none)).toBe(false);
  });

  it.each([
    ['severity', filters({ severities: ['critical', 'minimal'] }), [contoso, unassigned]],
    ['engineer', filters({ engineers: [COLLEAGUE.id] }), [fabrikam]],
    ['unassigned', filters({ engineers: [''] }), [unassigned]],
    ['overdue only', filters({ overdueOnly: true }), [contoso]],
    ['Microsoft silent only', filters({ silentOnly: true }), [fabrikam]],
    ['customer text, any case', filters({ text: '  fabRIKAM ' }), [fabrikam]],
    ['part of a Microsoft case number', filters({ text: '0004000' }), [fabrikam]],
    ['a ticket number', filters({ text: 'css-104233' }), [contoso]],
    ['every filter at once', filters({ severities: ['moderate'], silentOnly: true, text: 'gmbh' }), [fabrikam]],
    ['filters that exclude each other', filters({ overdueOnly: true, silentOnly: true }), []],
  ])('filters by %s', (_case, chosen, expected) => {
    expect(filterRows(rows, chosen)).toEqual(expected);
    expect(hasFilters(chosen)).toBe(true);
  });

  it('does not count blank text as a filter', () => {
    expect(hasFilters(filters({ text: '   ' }))).toBe(false);
  });
});

describe('engineerOptions', () => {
  it("offers the team's engineers, anyone else holding an escalation, and Unassigned first", () => {
    const formerMember = { id: 'user-sara', name: 'Sara Esposito' };
    const options = engineerOptions(
      [...rows, makeRow({ engineer: formerMember })],
      [ENGINEER_MEMBER, COLLEAGUE_MEMBER, LEAD_MEMBER],
    );
    expect(options).toEqual([
      { value: '', label: 'Unassigned' },
      { value: ENGINEER_MEMBER.id, label: ENGINEER_MEMBER.name },
      { value: COLLEAGUE_MEMBER.id, label: COLLEAGUE_MEMBER.name },
      { value: formerMember.id, label: formerMember.name },
    ]);
  });
});
