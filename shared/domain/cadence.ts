/** How often CSS chases Microsoft per severity, and the flags an escalation earns against that cadence at an instant. */
import { addHours, differenceInHours, max, parseISO } from 'date-fns';
import { z } from 'zod';
import type { Escalation, Severity } from './escalation';
import type { Instant } from './time';
import type { Priority } from './ticket';

/** Whole hours, from one hour to thirty days: a cadence outside that range is a typo, not a policy. */
const hours = (what: string) =>
  z
    .number({ message: `${what} must be a number of hours` })
    .int({ message: `${what} must be a whole number of hours` })
    .min(1, { message: `${what} must be at least 1 hour` })
    .max(720, { message: `${what} must be at most 720 hours (30 days)` });

/** A team's settings table: hours between follow-ups per severity, and when Microsoft counts as silent. */
export const FollowUpCadence = z.object({
  critical: hours('the follow-up interval for severity A'),
  moderate: hours('the follow-up interval for severity B'),
  minimal: hours('the follow-up interval for severity C'),
  microsoftSilentAfterHours: hours('the hours before Microsoft counts as silent'),
});
export type FollowUpCadence = z.infer<typeof FollowUpCadence>;

export const DEFAULT_CADENCE: FollowUpCadence = {
  critical: 4,
  moderate: 24,
  minimal: 48,
  microsoftSilentAfterHours: 72,
};

// Only a critical incident justifies Microsoft's A (24x7 on their side); high is B; the rest C.
const SEVERITY_FOR_PRIORITY: Record<Priority, Severity> = {
  critical: 'critical',
  high: 'moderate',
  normal: 'minimal',
  low: 'minimal',
};

/**
 * The severity proposed for a new Microsoft case. The ticket records no separate impact, so the
 * requester's priority (as corrected by the engineer) stands for it; a ticket without one gets C,
 * and the engineer overrides with a reason when the impact says otherwise.
 */
export function suggestSeverity(priority: Priority | null): Severity {
  return priority === null ? 'minimal' : SEVERITY_FOR_PRIORITY[priority];
}

type CadenceFacts = Pick<Escalation, 'severity' | 'status' | 'openedAt' | 'followUps'>;

const latest = (instants: readonly string[]): Date | null =>
  instants.length === 0 ? null : max(instants.map((instant) => parseISO(instant)));

/** Follow-ups may be logged late with an earlier date, so "last" is the latest `at`, not the last entry. */
export function nextFollowUpDue(escalation: CadenceFacts, cadence: FollowUpCadence): Date {
  const lastContact = latest(escalation.followUps.map((followUp) => followUp.at)) ?? parseISO(escalation.openedAt);
  return addHours(lastContact, cadence[escalation.severity]);
}

export interface EscalationFlags {
  nextFollowUpDue: Instant;
  /** Strictly after the due instant: a follow-up logged exactly at it is on time. */
  followUpOverdue: boolean;
  /** The latest follow-up in which Microsoft responded, or null if it never has. */
  lastMicrosoftContact: Instant | null;
  /**
   * No response for more than the configured hours since the case opened or Microsoft last answered.
   * Not while the case is attention_needed: Microsoft is then waiting on us, so the silence is ours.
   */
  microsoftSilent: boolean;
  /** Whole hours since the case was opened. */
  ageHours: number;
}

/** The flags the console and the lead's list show, from the records alone and an injected `now`. */
export function escalationFlags(escalation: CadenceFacts, cadence: FollowUpCadence, now: Date): EscalationFlags {
  const due = nextFollowUpDue(escalation, cadence);
  const openedAt = parseISO(escalation.openedAt);
  const lastResponse = latest(escalation.followUps.filter((f) => f.microsoftResponded).map((f) => f.at));
  const silentSince = lastResponse === null ? openedAt : max([openedAt, lastResponse]);
  const silentUntil = addHours(silentSince, cadence.microsoftSilentAfterHours);
  return {
    nextFollowUpDue: due.toISOString(),
    // A closed case is Microsoft's final word: nothing is chased on it any more.
    followUpOverdue: escalation.status !== 'closed' && now.getTime() > due.getTime(),
    lastMicrosoftContact: lastResponse?.toISOString() ?? null,
    microsoftSilent: escalation.status === 'open' && now.getTime() > silentUntil.getTime(),
    ageHours: differenceInHours(now, openedAt),
  };
}
