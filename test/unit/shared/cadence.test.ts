// Follow-up cadence: the severity suggestion, when the next follow-up is due, and the flags at exact instants.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CADENCE,
  FollowUpCadence,
  escalationFlags,
  nextFollowUpDue,
  suggestSeverity,
  type FollowUp,
} from '../../../shared/domain';
import { ENGINEER, makeEscalation } from '../../fixtures/tickets';

const at = (iso: string) => new Date(iso);
const plusMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms);

const followUp = (id: number, when: string, microsoftResponded: boolean): FollowUp => ({
  id: `00000000-0000-4000-b000-${String(id).padStart(12, '0')}`,
  at: when,
  channel: 'portal',
  summary: microsoftResponded ? 'Microsoft answered.' : 'Chased Microsoft; no answer.',
  microsoftResponded,
  loggedBy: ENGINEER,
});

// Severity B (24 h) opened 2025-03-05 10:00; Microsoft last answered 2025-03-06 15:30.
const escalation = makeEscalation();
const DUE = '2025-03-07T15:30:00.000Z';
const SILENT_FROM = '2025-03-09T15:30:00.000Z';

describe('FollowUpCadence', () => {
  it('accepts the defaults: A every 4 hours, B 24, C 48, Microsoft silent after 72', () => {
    expect(FollowUpCadence.parse(DEFAULT_CADENCE)).toEqual({
      critical: 4,
      moderate: 24,
      minimal: 48,
      microsoftSilentAfterHours: 72,
    });
  });

  it.each([
    [{ ...DEFAULT_CADENCE, critical: 0 }, 'critical', 'the follow-up interval for severity A must be at least 1 hour'],
    [
      { ...DEFAULT_CADENCE, moderate: 1.5 },
      'moderate',
      'the follow-up interval for severity B must be a whole number of hours',
    ],
    [
      { ...DEFAULT_CADENCE, minimal: 721 },
      'minimal',
      'the follow-up interval for severity C must be at most 720 hours (30 days)',
    ],
    [
      { ...DEFAULT_CADENCE, microsoftSilentAfterHours: '72' },
      'microsoftSilentAfterHours',
      'the hours before Microsoft counts as silent must be a number of hours',
    ],
  ])('refuses %o, naming the field', (value, path, message) => {
    const parsed = FollowUpCadence.safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([[path, message]]);
  });
});

describe('suggestSeverity', () => {
  it.each([
    ['critical', 'critical'],
    ['high', 'moderate'],
    ['normal', 'minimal'],
    ['low', 'minimal'],
    [null, 'minimal'],
  ] as const)('suggests %s priority as %s', (priority, severity) => {
    expect(suggestSeverity(priority)).toBe(severity);
  });
});

describe('nextFollowUpDue', () => {
  it('counts from the case opening when nothing was logged yet, by the severity of the case', () => {
    const fresh = makeEscalation({ followUps: [] });
    expect(nextFollowUpDue(fresh, DEFAULT_CADENCE).toISOString()).toBe('2025-03-06T10:00:00.000Z');
    expect(nextFollowUpDue({ ...fresh, severity: 'critical' }, DEFAULT_CADENCE).toISOString()).toBe(
      '2025-03-05T14:00:00.000Z',
    );
    expect(nextFollowUpDue({ ...fresh, severity: 'minimal' }, DEFAULT_CADENCE).toISOString()).toBe(
      '2025-03-07T10:00:00.000Z',
    );
  });

  it('counts from the latest follow-up, answered or not, even when a late one was logged with an earlier date', () => {
    const logged = makeEscalation({
      followUps: [followUp(1, '2025-03-08T08:00:00.000Z', false), followUp(2, '2025-03-07T12:00:00.000Z', true)],
    });
    expect(nextFollowUpDue(logged, DEFAULT_CADENCE).toISOString()).toBe('2025-03-09T08:00:00.000Z');
  });

  it("uses the team's own cadence", () => {
    expect(nextFollowUpDue(escalation, { ...DEFAULT_CADENCE, moderate: 8 }).toISOString()).toBe(
      '2025-03-06T23:30:00.000Z',
    );
  });
});

describe('escalationFlags', () => {
  it('reports the due time, the last Microsoft contact and the age in whole hours', () => {
    expect(escalationFlags(escalation, DEFAULT_CADENCE, at('2025-03-07T09:59:59.999Z'))).toEqual({
      nextFollowUpDue: DUE,
      followUpOverdue: false,
      lastMicrosoftContact: '2025-03-06T15:30:00.000Z',
      microsoftSilent: false,
      ageHours: 47,
    });
  });

  it('is not overdue exactly at the due time, and overdue one millisecond later', () => {
    expect(escalationFlags(escalation, DEFAULT_CADENCE, at(DUE)).followUpOverdue).toBe(false);
    expect(escalationFlags(escalation, DEFAULT_CADENCE, plusMs(DUE, 1)).followUpOverdue).toBe(true);
  });

  it('is not silent exactly at the threshold, and silent one millisecond later', () => {
    expect(escalationFlags(escalation, DEFAULT_CADENCE, at(SILENT_FROM)).microsoftSilent).toBe(false);
    expect(escalationFlags(escalation, DEFAULT_CADENCE, plusMs(SILENT_FROM, 1)).microsoftSilent).toBe(true);
  });

  it('counts silence from the opening when Microsoft never answered', () => {
    const unanswered = makeEscalation({ followUps: [followUp(1, '2025-03-05T12:00:00.000Z', false)] });
    const threshold = '2025-03-08T10:00:00.000Z';
    expect(escalationFlags(unanswered, DEFAULT_CADENCE, at(threshold))).toMatchObject({
      lastMicrosoftContact: null,
      microsoftSilent: false,
    });
    expect(escalationFlags(unanswered, DEFAULT_CADENCE, plusMs(threshold, 1)).microsoftSilent).toBe(true);
  });

  it('does not reset the silence with a follow-up Microsoft did not answer, though it restarts the cadence', () => {
    const chased = makeEscalation({
      followUps: [...escalation.followUps, followUp(1, '2025-03-09T09:00:00.000Z', false)],
    });
    const flags = escalationFlags(chased, DEFAULT_CADENCE, plusMs(SILENT_FROM, 1));
    expect(flags).toMatchObject({
      nextFollowUpDue: '2025-03-10T09:00:00.000Z',
      followUpOverdue: false,
      lastMicrosoftContact: '2025-03-06T15:30:00.000Z',
      microsoftSilent: true,
    });
  });

  it('resets the silence with an answer from Microsoft', () => {
    const answered = makeEscalation({
      followUps: [...escalation.followUps, followUp(1, '2025-03-09T09:00:00.000Z', true)],
    });
    expect(escalationFlags(answered, DEFAULT_CADENCE, plusMs(SILENT_FROM, 1))).toMatchObject({
      lastMicrosoftContact: '2025-03-09T09:00:00.000Z',
      microsoftSilent: false,
    });
  });

  it('never flags a closed case, however long ago it was last chased', () => {
    const closed = makeEscalation({ status: 'closed', closedAt: '2025-03-07T00:00:00.000Z' });
    expect(escalationFlags(closed, DEFAULT_CADENCE, at('2026-01-01T00:00:00.000Z'))).toMatchObject({
      followUpOverdue: false,
      microsoftSilent: false,
    });
  });

  it('does not call Microsoft silent while it waits on us, but still flags our overdue follow-up', () => {
    const waitingOnUs = makeEscalation({ status: 'attention_needed' });
    expect(escalationFlags(waitingOnUs, DEFAULT_CADENCE, plusMs(SILENT_FROM, 1))).toMatchObject({
      followUpOverdue: true,
      microsoftSilent: false,
    });
  });
});
