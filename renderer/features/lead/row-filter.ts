/** Which escalation rows the lead's filters let through, and the engineers the engineer filter offers. */
import type { LeadLayout } from '../../../shared/bridge';
import type { EscalationRow } from '../../../shared/api/lead';
import type { TeamMember } from '../../../shared/domain';
import { UNASSIGNED, compareEngineers } from './columns';

export type LeadFilters = LeadLayout['filters'];

export function hasFilters(filters: LeadFilters): boolean {
  return (
    filters.severities.length > 0 ||
    filters.engineers.length > 0 ||
    filters.overdueOnly ||
    filters.silentOnly ||
    filters.text.trim() !== ''
  );
}

/** Every filter must match; an empty list means any. The text matches customer, Microsoft case or ticket number. */
export function filterRows(rows: readonly EscalationRow[], filters: LeadFilters): EscalationRow[] {
  const text = filters.text.trim().toLocaleLowerCase();
  return rows.filter(
    (row) =>
      (filters.severities.length === 0 || filters.severities.includes(row.severity)) &&
      (filters.engineers.length === 0 || filters.engineers.includes(row.engineer?.id ?? '')) &&
      (!filters.overdueOnly || row.followUpOverdue) &&
      (!filters.silentOnly || row.microsoftSilent) &&
      (text === '' ||
        [row.customerName ?? '', row.caseNumber, row.number].some((value) => value.toLocaleLowerCase().includes(text))),
  );
}

export interface EngineerOption {
  /** The user id, or "" for unassigned. */
  value: string;
  label: string;
}

/**
 * The team's engineers, plus anyone else holding an escalation (a lead, someone who left the team)
 * and "Unassigned" when a row has no one, so every row can be filtered to.
 */
export function engineerOptions(rows: readonly EscalationRow[], members: readonly TeamMember[]): EngineerOption[] {
  const byId = new Map<string, string>();
  for (const member of members) if (member.role === 'engineer') byId.set(member.id, member.name);
  for (const row of rows) byId.set(row.engineer?.id ?? '', row.engineer?.name ?? UNASSIGNED);
  return [...byId]
    .sort(([aId, aName], [bId, bName]) => compareEngineers({ id: aId, name: aName }, { id: bId, name: bName }))
    .map(([value, label]) => ({ value, label }));
}
