/**
 * Microsoft's response lag, measured from the follow-up log alone. Follow-ups are taken in time
 * order (they may be logged late, with an earlier `at`). A wait for Microsoft starts when the case
 * is opened, and again at the first follow-up Microsoft did not answer after its last response; the
 * next follow-up marked "Microsoft responded" ends it, and the hours in between are one lag. A
 * response with no wait open (two responses in a row) measures nothing. A wait with no response yet
 * has no known end, so it is not a lag: it is counted as "waiting" instead, so the chart never
 * flatters a case Microsoft has not answered.
 */
import type { Escalation } from '../../../shared/domain';
import { countBelow, type Bucket } from './chart-data';

type LagFacts = Pick<Escalation, 'openedAt' | 'status' | 'followUps'>;

const HOUR_MS = 3_600_000;

export interface EscalationLags {
  /** Hours from the start of each wait to Microsoft's response, oldest first. */
  lags: number[];
  /** When the wait still open began, or null if Microsoft has answered the last contact. */
  waitingSince: string | null;
}

export function responseLags({ openedAt, followUps }: LagFacts): EscalationLags {
  const inOrder = [...followUps].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const lags: number[] = [];
  let waitingSince: string | null = openedAt;
  for (const followUp of inOrder) {
    if (followUp.microsoftResponded) {
      if (waitingSince !== null) lags.push((Date.parse(followUp.at) - Date.parse(waitingSince)) / HOUR_MS);
      waitingSince = null;
    } else {
      waitingSince ??= followUp.at;
    }
  }
  return { lags, waitingSince };
}

const LAG_BUCKETS: readonly { label: string; below: number }[] = [
  { label: '< 4 h', below: 4 },
  { label: '4–24 h', below: 24 },
  { label: '1–3 days', below: 72 },
  { label: '3–7 days', below: 168 },
  { label: '> 7 days', below: Number.POSITIVE_INFINITY },
];

export interface LagSummary {
  buckets: Bucket[];
  /** How many responses were measured. */
  responses: number;
  medianHours: number | null;
  /** Escalations open on Microsoft's side whose last contact Microsoft has not answered yet. */
  waiting: number;
}

export function lagSummary(escalations: readonly LagFacts[]): LagSummary {
  const measured = escalations.map((escalation) => ({ escalation, ...responseLags(escalation) }));
  const lags = measured.flatMap(({ lags: own }) => own).sort((a, b) => a - b);
  const middle = Math.floor(lags.length / 2);
  const medianHours =
    lags.length === 0 ? null : lags.length % 2 === 1 ? lags[middle]! : (lags[middle - 1]! + lags[middle]!) / 2;
  return {
    buckets: countBelow(lags, LAG_BUCKETS),
    responses: lags.length,
    medianHours,
    // attention_needed: Microsoft is waiting on us, so an unanswered contact is not its delay.
    waiting: measured.filter(({ escalation, waitingSince }) => escalation.status === 'open' && waitingSince !== null)
      .length,
  };
}
