/** Grouping the (already sorted) escalation rows by engineer or severity, with the counts each group header shows. */
import type { LeadLayout } from '../../../shared/bridge';
import type { EscalationRow } from '../../../shared/api/lead';
import { SEVERITY_LABEL, Severity } from '../../../shared/domain';
import { UNASSIGNED, compareEngineers } from './columns';

export interface RowGroup {
  key: string;
  /** null when the list is not grouped: one group, no header. */
  label: string | null;
  rows: EscalationRow[];
  overdue: number;
}

interface LabelledGroup extends RowGroup {
  label: string;
}

function group(
  rows: readonly EscalationRow[],
  keyOf: (row: EscalationRow) => string,
  labelOf: (row: EscalationRow) => string,
): LabelledGroup[] {
  const groups = new Map<string, LabelledGroup>();
  for (const row of rows) {
    const key = keyOf(row);
    const found = groups.get(key) ?? { key, label: labelOf(row), rows: [], overdue: 0 };
    found.rows.push(row);
    if (row.followUpOverdue) found.overdue += 1;
    groups.set(key, found);
  }
  return [...groups.values()];
}

/** Rows keep their order within a group. Engineers by name with "Unassigned" first; severities A, B, C. */
export function groupRows(rows: readonly EscalationRow[], groupBy: LeadLayout['groupBy']): RowGroup[] {
  switch (groupBy) {
    case 'none':
      return [{ key: 'all', label: null, rows: [...rows], overdue: rows.filter((row) => row.followUpOverdue).length }];
    case 'severity':
      // The enum lists A, B, C.
      return group(
        rows,
        (row) => row.severity,
        (row) => `Severity ${SEVERITY_LABEL[row.severity]}`,
      ).sort((a, b) => Severity.options.indexOf(a.key as Severity) - Severity.options.indexOf(b.key as Severity));
    case 'engineer':
      return group(
        rows,
        (row) => row.engineer?.id ?? '',
        (row) => row.engineer?.name ?? UNASSIGNED,
      ).sort((a, b) => compareEngineers({ id: a.key, name: a.label }, { id: b.key, name: b.label }));
  }
}
