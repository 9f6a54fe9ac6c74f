/** What the lead's charts plot, from the rows on screen: escalations by age and severity, and each engineer's load. */
import type { EscalationRow } from '../../../shared/api/lead';
import { SEVERITY_LABEL, Severity } from '../../../shared/domain';
import { UNASSIGNED, compareText } from './columns';

export interface Bucket {
  label: string;
  count: number;
}

/** Upper bounds in hours, exclusive: an escalation opened exactly 24 hours ago is in "1–3 days". */
const AGE_BUCKETS: readonly { label: string; below: number }[] = [
  { label: '< 1 day', below: 24 },
  { label: '1–3 days', below: 72 },
  { label: '3–7 days', below: 168 },
  { label: '1–2 weeks', below: 336 },
  { label: '> 2 weeks', below: Number.POSITIVE_INFINITY },
];

/** Counts `values` into buckets by exclusive upper bound; every bucket is present, empty ones with 0. */
export function countBelow(values: readonly number[], buckets: readonly { label: string; below: number }[]): Bucket[] {
  const counts = buckets.map(({ label }) => ({ label, count: 0 }));
  for (const value of values) {
    const index = buckets.findIndex(({ below }) => value < below);
    const bucket = counts[index];
    if (bucket !== undefined) bucket.count += 1;
  }
  return counts;
}

export const ageBuckets = (rows: readonly EscalationRow[]): Bucket[] =>
  countBelow(
    rows.map((row) => row.ageHours),
    AGE_BUCKETS,
  );

export interface SeverityCount extends Bucket {
  severity: Severity;
}

export const severityCounts = (rows: readonly EscalationRow[]): SeverityCount[] =>
  Severity.options.map((severity) => ({
    severity,
    label: SEVERITY_LABEL[severity],
    count: rows.filter((row) => row.severity === severity).length,
  }));

export interface EngineerLoad {
  /** The engineer's user id; "" for the escalations nobody holds. */
  id: string;
  name: string;
  onTime: number;
  overdue: number;
}

/** Open escalations per engineer, split into on time and overdue; the heaviest load first. */
export function loadPerEngineer(rows: readonly EscalationRow[]): EngineerLoad[] {
  const byEngineer = new Map<string, EngineerLoad>();
  for (const row of rows) {
    const key = row.engineer?.id ?? '';
    const load = byEngineer.get(key) ?? { id: key, name: row.engineer?.name ?? UNASSIGNED, onTime: 0, overdue: 0 };
    if (row.followUpOverdue) load.overdue += 1;
    else load.onTime += 1;
    byEngineer.set(key, load);
  }
  return [...byEngineer.values()].sort(
    (a, b) => b.onTime + b.overdue - (a.onTime + a.overdue) || compareText(a.name, b.name),
  );
}
