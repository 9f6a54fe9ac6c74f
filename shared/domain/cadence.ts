/** How often CSS chases Microsoft per severity, and the flags an escalation earns against that cadence at an instant. */
import { addHours, differenceInHours, max } from 'date-fns';
import { z } from 'zod';
import type { Escalation, FollowUp, Severity } from './escalation';
import { type Instant, instantDate } from './time';
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

type CadenceFacts = Pick<Escalation, 'severity' | 'status' | 'openedAt'> & {
  followUps: readonly Pick<FollowUp, 'at' | 'microsoftResponded'>[];
};

/**
 * What the cadence reads of an escalation, condensed: a queue row keeps this much, and the deadlines
 * follow from it and the team's cadence (which the lead may change) at any time.
 */
export interface EscalationClock {
  severity: Severity;
  status: Escalation['status'];
  openedAt: Instant;
  /** The latest follow-up's `at`, or null before the first. */
  lastFollowUpAt: Instant | null;
  /** The latest follow-up in which Microsoft responded, or null if it never has. */
  lastResponseAt: Instant | null;
}

const latest = (instants: readonly string[]): string | null =>
  instants.length === 0 ? null : max(instants.map(instantDate)).toISOString();

/** Follow-ups may be logged late with an earlier date, so "last" is the latest `at`, not the last entry. */
export function escalationClock(escalation: CadenceFacts): EscalationClock {
  return {
    severity: escalation.severity,
    status: escalation.status,
    openedAt: escalation.openedAt,
    lastFollowUpAt: latest(escalation.followUps.map((followUp) => followUp.at)),
    lastResponseAt: latest(escalation.followUps.filter((f) => f.microsoftResponded).map((f) => f.at)),
  };
}

export interface EscalationDeadlines {
  /** When CSS must next chase Microsoft; null once Microsoft has closed the case. */
  followUpDue: Date | null;
  /**
   * When Microsoft counts as silent: the configured hours after the case opened or Microsoft last
   * answered. Null unless the case is open: while it is attention_needed Microsoft waits on us.
   */
  silentAt: Date | null;
}

/** The escalation's two deadlines under the team's cadence: the one rule behind flags, badges and alerts. */
export function escalationDeadlines(clock: EscalationClock, cadence: FollowUpCadence): EscalationDeadlines {
  const openedAt = instantDate(clock.openedAt);
  const silentSince = clock.lastResponseAt === null ? openedAt : max([openedAt, instantDate(clock.lastResponseAt)]);
  return {
    // A closed case is Microsoft's final word: nothing is chased on it any more.
    followUpDue: clock.status === 'closed' ? null : dueAfterLastContact(clock, cadence),
    silentAt: clock.status === 'open' ? addHours(silentSince, cadence.microsoftSilentAfterHours) : null,
  };
}

/** Strictly after the instant: a follow-up logged exactly at its due time is on time. */
export const isPast = (deadline: Date | null, now: Date): boolean =>
  deadline !== null && now.getTime() > deadline.getTime();

const dueAfterLastContact = (clock: EscalationClock, cadence: FollowUpCadence): Date =>
  addHours(instantDate(clock.lastFollowUpAt ?? clock.openedAt), cadence[clock.severity]);

/** The next follow-up's due time, also on a closed case (the lead's list shows when it was last due). */
export function nextFollowUpDue(escalation: CadenceFacts, cadence: FollowUpCadence): Date {
  return dueAfterLastContact(escalationClock(escalation), cadence);
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
  const clock = escalationClock(escalation);
  const { followUpDue, silentAt } = escalationDeadlines(clock, cadence);
  return {
    nextFollowUpDue: nextFollowUpDue(escalation, cadence).toISOString(),
    followUpOverdue: isPast(followUpDue, now),
    lastMicrosoftContact: clock.lastResponseAt,
    microsoftSilent: isPast(silentAt, now),
    ageHours: differenceInHours(now, instantDate(clock.openedAt)),
  };
}
