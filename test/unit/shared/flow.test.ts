// The ticket flow: every (stage, action) pair, each guard, and what the console may offer.
import { describe, it, expect } from 'vitest';
import {
  ACTION_FROM_STAGE,
  ACTION_LABEL,
  DEFAULT_FLOW_POLICY,
  FlowAction,
  FlowPolicy,
  STAGE_LABEL,
  STAGE_STATUSES,
  Stage,
  Status,
  Ticket,
  availableActions,
  decide,
  isStatusAllowed,
  type ClosureReason,
  type FlowDecision,
  type FlowFacts,
} from '../../../shared/domain';
import {
  ENTITLED,
  ENTITLED_WITH_ON_PREMISE,
  FIXED_NOW,
  TICKET_NUMBER,
  makeClosure,
  makeConfirmation,
  makeEscalation,
  makeTicket,
  makeTicketInStage,
} from '../../fixtures/tickets';

const now = new Date(FIXED_NOW);
const policy = DEFAULT_FLOW_POLICY;

/** How a refusal starts for a ticket in each stage: the ticket number, then where it stands. */
const REFUSAL_START: Record<Stage, string> = {
  validation: `${TICKET_NUMBER} is in validation`,
  investigation: `${TICKET_NUMBER} is in investigation`,
  escalated: `${TICKET_NUMBER} is escalated to Microsoft`,
  resolution: `${TICKET_NUMBER} is in resolution`,
  closed: `${TICKET_NUMBER} is closed`,
};

/** How a wrong-stage refusal names the stage the action needs. */
const NEEDED_STAGE: Record<Stage, string> = {
  validation: 'a ticket in validation',
  investigation: 'a ticket in investigation',
  escalated: 'a ticket escalated to Microsoft',
  resolution: 'a ticket in resolution',
  closed: 'a closed ticket',
};

/** A refusal is one plain sentence for an engineer: names the ticket and its stage, no code leaking. */
function expectReadableRefusal(decision: FlowDecision, stage: Stage): string {
  expect(decision.ok).toBe(false);
  if (decision.ok) return '';
  expect(decision.reason.startsWith(REFUSAL_START[stage])).toBe(true);
  expect(decision.reason).toMatch(/[.!]$/);
  expect(decision.reason).not.toMatch(/undefined|null|NaN|\[object|_/);
  return decision.reason;
}

/**
 * The ticket each stage row uses: one that has passed every guard of its stage (reminders all sent,
 * still inside the reopen window, no On-Premise add-on, no open Microsoft case), so the table shows
 * the stage rule alone; the guards have their own cases below.
 */
const ROW_TICKET: Record<Stage, Ticket> = {
  validation: makeTicketInStage('validation'),
  investigation: makeTicketInStage('investigation'),
  escalated: makeTicketInStage('escalated', { entitlement: ENTITLED }),
  resolution: makeTicketInStage('resolution', { confirmation: makeConfirmation({ remindersSent: 3 }) }),
  closed: makeTicketInStage('closed'),
};

type Landing = { stage: Stage; status: Status; closureReason: ClosureReason | null };
const refused = 'refused' as const;
const to = (stage: Stage, status: Status, closureReason: ClosureReason | null = null): Landing => ({
  stage,
  status,
  closureReason,
});

// Keyed by every pair: the type makes a missing pair a compile error, the first test a runtime failure.
const TABLE: Record<`${Stage}:${FlowAction}`, Landing | typeof refused> = {
  'validation:pass_validation': to('investigation', 'in_progress'),
  'validation:fail_validation': to('closed', 'closed', 'missing_information'),
  'validation:escalate': refused,
  'validation:record_on_premise_without_add_on': refused,
  'validation:microsoft_resolved': refused,
  'validation:request_confirmation': refused,
  'validation:confirm_resolution': refused,
  'validation:report_not_fixed': refused,
  'validation:close_without_confirmation': refused,
  'validation:reopen': refused,

  'investigation:pass_validation': refused,
  'investigation:fail_validation': refused,
  'investigation:escalate': to('escalated', 'waiting_on_microsoft'),
  'investigation:record_on_premise_without_add_on': refused,
  'investigation:microsoft_resolved': refused,
  'investigation:request_confirmation': to('resolution', 'awaiting_confirmation'),
  'investigation:confirm_resolution': refused,
  'investigation:report_not_fixed': refused,
  'investigation:close_without_confirmation': refused,
  'investigation:reopen': refused,

  'escalated:pass_validation': refused,
  'escalated:fail_validation': refused,
  'escalated:escalate': refused,
  'escalated:record_on_premise_without_add_on': to('closed', 'closed', 'on_premise_not_entitled'),
  'escalated:microsoft_resolved': to('resolution', 'awaiting_confirmation'),
  'escalated:request_confirmation': refused,
  'escalated:confirm_resolution': refused,
  'escalated:report_not_fixed': refused,
  'escalated:close_without_confirmation': refused,
  'escalated:reopen': refused,

  'resolution:pass_validation': refused,
  'resolution:fail_validation': refused,
  'resolution:escalate': refused,
  'resolution:record_on_premise_without_add_on': refused,
  'resolution:microsoft_resolved': refused,
  'resolution:request_confirmation': refused,
  'resolution:confirm_resolution': to('closed', 'closed', 'resolved'),
  'resolution:report_not_fixed': to('investigation', 'in_progress'),
  'resolution:close_without_confirmation': to('closed', 'closed', 'resolved_without_confirmation'),
  'resolution:reopen': refused,

  'closed:pass_validation': refused,
  'closed:fail_validation': refused,
  'closed:escalate': refused,
  'closed:record_on_premise_without_add_on': refused,
  'closed:microsoft_resolved': refused,
  'closed:request_confirmation': refused,
  'closed:confirm_resolution': refused,
  'closed:report_not_fixed': refused,
  'closed:close_without_confirmation': refused,
  'closed:reopen': to('investigation', 'in_progress'),
};

const ALL_PAIRS = Stage.options.flatMap((stage) => FlowAction.options.map((action) => ({ stage, action })));

describe('every stage × action pair is decided', () => {
  it('the table holds exactly the 5 × 10 pairs', () => {
    const expected = ALL_PAIRS.map(({ stage, action }) => `${stage}:${action}`).sort();
    expect(Object.keys(TABLE).sort()).toEqual(expected);
    expect(expected).toHaveLength(50);
  });

  it.each(ALL_PAIRS)('$stage + $action', ({ stage, action }) => {
    const expected = TABLE[`${stage}:${action}`];
    const decision = decide(ROW_TICKET[stage], action, { policy, now, closureReason: 'missing_information' });
    if (expected === refused) {
      const reason = expectReadableRefusal(decision, stage);
      // Every refusal in the table is a wrong-stage one: it says which stage the action needs.
      expect(reason).toContain(`: only ${NEEDED_STAGE[ACTION_FROM_STAGE[action]]} can `);
    } else {
      expect(decision).toEqual({ ok: true, ...expected });
      expect(isStatusAllowed(expected.stage, expected.status)).toBe(true);
    }
  });

  it('uses the wording of the example refusal', () => {
    expect(decide(ROW_TICKET.investigation, 'pass_validation', { policy, now })).toEqual({
      ok: false,
      reason: 'CSS-100042 is in investigation: only a ticket in validation can pass validation.',
    });
  });

  it('never throws, even for a bare ticket with no records, an unknown action or an unknown stage', () => {
    const bare: FlowFacts = {
      number: TICKET_NUMBER,
      stage: 'validation',
      escalation: null,
      entitlement: null,
      confirmation: null,
      closure: null,
    };
    for (const { stage, action } of ALL_PAIRS) {
      expect(() => decide({ ...bare, stage }, action, { policy, now })).not.toThrow();
      expect(() => availableActions({ ...bare, stage }, { policy, now })).not.toThrow();
    }
    const unknownAction = decide(bare, 'delete_ticket' as FlowAction, { policy, now });
    expect(unknownAction).toEqual({ ok: false, reason: expect.stringContaining(TICKET_NUMBER) as string });
    const unknownStage = decide({ ...bare, stage: 'archived' as Stage }, 'reopen', { policy, now });
    expect(unknownStage).toEqual({ ok: false, reason: expect.stringContaining(TICKET_NUMBER) as string });
  });

  it('points to the next step for the usual mix-ups', () => {
    const escalatedConfirm = decide(ROW_TICKET.escalated, 'request_confirmation', { policy, now });
    expect(expectReadableRefusal(escalatedConfirm, 'escalated')).toContain(
      'Record that Microsoft resolved it instead.',
    );
    const closedEscalate = decide(ROW_TICKET.closed, 'escalate', { policy, now });
    expect(expectReadableRefusal(closedEscalate, 'closed')).toContain('Reopen it first.');
  });
});

describe('fail_validation closes only as not entitled or missing information', () => {
  const ticket = makeTicketInStage('validation');

  it.each(['not_entitled', 'missing_information'] as const)('accepts %s', (closureReason) => {
    expect(decide(ticket, 'fail_validation', { policy, now, closureReason })).toEqual({
      ok: true,
      stage: 'closed',
      status: 'closed',
      closureReason,
    });
  });

  it.each(['resolved', 'resolved_without_confirmation', 'on_premise_not_entitled'] as const)(
    'refuses %s',
    (closureReason) => {
      const reason = expectReadableRefusal(
        decide(ticket, 'fail_validation', { policy, now, closureReason }),
        'validation',
      );
      expect(reason).toContain('not entitled or missing information');
    },
  );

  it('refuses when no reason is given, asking for one', () => {
    const reason = expectReadableRefusal(decide(ticket, 'fail_validation', { policy, now }), 'validation');
    expect(reason).toContain('choose why validation failed');
  });
});

describe('Microsoft finds the issue On-Premise', () => {
  const escalated = (entitlement: Ticket['entitlement']) => makeTicketInStage('escalated', { entitlement });

  it('keeps the escalation going when the customer holds the On-Premise add-on', () => {
    const reason = expectReadableRefusal(
      decide(escalated(ENTITLED_WITH_ON_PREMISE), 'record_on_premise_without_add_on', { policy, now }),
      'escalated',
    );
    expect(reason).toContain('holds the On-Premise add-on: the escalation continues');
  });

  it('closes as On-Premise not entitled when the add-on is not held', () => {
    expect(decide(escalated(ENTITLED), 'record_on_premise_without_add_on', { policy, now })).toEqual({
      ok: true,
      stage: 'closed',
      status: 'closed',
      closureReason: 'on_premise_not_entitled',
    });
  });

  it('closes when the entitlement is unknown: the add-on is not proven, so the customer is not entitled', () => {
    expect(decide(escalated(null), 'record_on_premise_without_add_on', { policy, now })).toMatchObject({
      ok: true,
      closureReason: 'on_premise_not_entitled',
    });
  });
});

describe('the customer reports the fix did not work', () => {
  const resolution = (escalation: Ticket['escalation']) => makeTicketInStage('resolution', { escalation });

  it.each(['open', 'attention_needed'] as const)('goes back to Microsoft while their case is %s', (status) => {
    expect(decide(resolution(makeEscalation({ status })), 'report_not_fixed', { policy, now })).toEqual({
      ok: true,
      stage: 'escalated',
      status: 'waiting_on_microsoft',
      closureReason: null,
    });
  });

  it('goes back to investigation when the Microsoft case is closed', () => {
    const closedCase = makeEscalation({ status: 'closed', closedAt: '2025-03-07T10:00:00.000Z' });
    expect(decide(resolution(closedCase), 'report_not_fixed', { policy, now })).toEqual({
      ok: true,
      stage: 'investigation',
      status: 'in_progress',
      closureReason: null,
    });
  });

  it('goes back to investigation when there was no escalation', () => {
    expect(decide(resolution(null), 'report_not_fixed', { policy, now })).toMatchObject({
      ok: true,
      stage: 'investigation',
    });
  });
});

describe('closing without the customer confirming', () => {
  const withReminders = (remindersSent: number) =>
    makeTicketInStage('resolution', { confirmation: makeConfirmation({ remindersSent }) });

  it('refuses below the threshold, saying how many reminders were sent and how many are needed', () => {
    const reason = expectReadableRefusal(
      decide(withReminders(2), 'close_without_confirmation', { policy, now }),
      'resolution',
    );
    expect(reason).toBe(
      'CSS-100042 is in resolution: 2 reminders have been sent without an answer and 3 are needed before closing without confirmation; send 1 more reminder first.',
    );
    const one = decide(withReminders(1), 'close_without_confirmation', { policy, now });
    expect(expectReadableRefusal(one, 'resolution')).toContain('1 reminder has been sent');
  });

  it.each([3, 4])('closes as resolved without confirmation once %i reminders were sent', (remindersSent) => {
    expect(decide(withReminders(remindersSent), 'close_without_confirmation', { policy, now })).toEqual({
      ok: true,
      stage: 'closed',
      status: 'closed',
      closureReason: 'resolved_without_confirmation',
    });
  });

  it('counts a missing confirmation request as no reminder sent', () => {
    const ticket = makeTicketInStage('resolution', { confirmation: null });
    const reason = expectReadableRefusal(decide(ticket, 'close_without_confirmation', { policy, now }), 'resolution');
    expect(reason).toContain('0 reminders have been sent');
  });

  it('follows the configured threshold', () => {
    const strict = FlowPolicy.parse({ remindersBeforeClosing: 1 });
    expect(decide(withReminders(1), 'close_without_confirmation', { policy: strict, now }).ok).toBe(true);
    const reason = expectReadableRefusal(
      decide(withReminders(0), 'close_without_confirmation', { policy: strict, now }),
      'resolution',
    );
    expect(reason).toContain('0 reminders have been sent without an answer and 1 is needed');
  });
});

describe('reopening a closed ticket within the window', () => {
  const closedTicket = makeTicketInStage('closed', { closure: makeClosure({ closedAt: '2025-03-01T10:00:00.000Z' }) });
  const windowEnd = new Date('2025-03-15T10:00:00.000Z');

  it('allows it exactly at the end of the window', () => {
    expect(decide(closedTicket, 'reopen', { policy, now: windowEnd })).toEqual({
      ok: true,
      stage: 'investigation',
      status: 'in_progress',
      closureReason: null,
    });
  });

  it('refuses one millisecond later, saying when the window ended', () => {
    const later = new Date(windowEnd.getTime() + 1);
    const reason = expectReadableRefusal(decide(closedTicket, 'reopen', { policy, now: later }), 'closed');
    expect(reason).toContain('14-day reopen window ended on 2025-03-15 10:00 UTC');
  });

  it('counts 24-hour days, so a daylight-saving change does not move the boundary', () => {
    // Europe and the US change clocks between these dates; the window still ends 14 × 24 h later.
    const acrossDst = makeTicketInStage('closed', { closure: makeClosure({ closedAt: '2025-03-25T10:00:00.000Z' }) });
    expect(decide(acrossDst, 'reopen', { policy, now: new Date('2025-04-08T10:00:00.000Z') }).ok).toBe(true);
    expect(decide(acrossDst, 'reopen', { policy, now: new Date('2025-04-08T10:00:00.001Z') }).ok).toBe(false);
  });

  it('follows the configured window', () => {
    const week = FlowPolicy.parse({ reopenWindowDays: 7 });
    expect(decide(closedTicket, 'reopen', { policy: week, now: new Date('2025-03-08T10:00:00.000Z') }).ok).toBe(true);
    const reason = expectReadableRefusal(
      decide(closedTicket, 'reopen', { policy: week, now: new Date('2025-03-09T00:00:00.000Z') }),
      'closed',
    );
    expect(reason).toContain('7-day reopen window ended on 2025-03-08 10:00 UTC');
  });

  it('does not throw on a policy that skipped its schema', () => {
    const broken = { reopenWindowDays: Number.NaN, remindersBeforeClosing: 3 };
    expectReadableRefusal(decide(closedTicket, 'reopen', { policy: broken, now }), 'closed');
  });

  it('refuses a closed ticket without a closure record, rather than guessing', () => {
    const noClosure = makeTicketInStage('closed', { closure: null });
    expectReadableRefusal(decide(noClosure, 'reopen', { policy, now }), 'closed');
  });
});

describe('the console offers only the actions the flow allows', () => {
  it.each([
    ['validation', makeTicketInStage('validation'), ['pass_validation', 'fail_validation']],
    ['investigation', makeTicketInStage('investigation'), ['escalate', 'request_confirmation']],
    ['escalated', makeTicketInStage('escalated'), ['record_on_premise_without_add_on', 'microsoft_resolved']],
    [
      'escalated, add-on held',
      makeTicketInStage('escalated', { entitlement: ENTITLED_WITH_ON_PREMISE }),
      ['microsoft_resolved'],
    ],
    ['resolution, no reminder yet', makeTicketInStage('resolution'), ['confirm_resolution', 'report_not_fixed']],
    [
      'resolution, reminders exhausted',
      ROW_TICKET.resolution,
      ['confirm_resolution', 'report_not_fixed', 'close_without_confirmation'],
    ],
    ['closed, within the window', makeTicketInStage('closed'), ['reopen']],
    [
      'closed, window over',
      makeTicketInStage('closed', { closure: makeClosure({ closedAt: '2025-01-01T00:00:00.000Z' }) }),
      [],
    ],
  ] as const)('%s', (_label, ticket, expected) => {
    expect(availableActions(ticket, { policy, now })).toEqual(expected);
  });

  it('agrees with decide() for every pair', () => {
    for (const stage of Stage.options) {
      const offered = availableActions(ROW_TICKET[stage], { policy, now });
      const allowed = FlowAction.options.filter((action) => TABLE[`${stage}:${action}`] !== refused);
      expect(offered).toEqual(allowed);
    }
  });
});

describe('stages and statuses', () => {
  it('lists the statuses of every stage, and every status belongs to some stage', () => {
    expect(Object.keys(STAGE_STATUSES).sort()).toEqual([...Stage.options].sort());
    const used = new Set(Object.values(STAGE_STATUSES).flat());
    expect([...used].sort()).toEqual([...Status.options].sort());
  });

  it('matches the documented statuses', () => {
    expect(STAGE_STATUSES).toEqual({
      validation: ['new'],
      investigation: ['in_progress', 'waiting_on_customer'],
      escalated: ['waiting_on_microsoft', 'in_progress'],
      resolution: ['awaiting_confirmation'],
      closed: ['closed'],
    });
  });

  it('isStatusAllowed follows STAGE_STATUSES', () => {
    for (const stage of Stage.options) {
      for (const status of Status.options) {
        expect(isStatusAllowed(stage, status)).toBe(STAGE_STATUSES[stage].includes(status));
      }
    }
    expect(isStatusAllowed('closed', 'in_progress')).toBe(false);
    expect(isStatusAllowed('escalated', 'in_progress')).toBe(true);
  });

  it('every allowed transition lands on a status its stage allows, and closes with a reason exactly when closed', () => {
    for (const { stage, action } of ALL_PAIRS) {
      const decision = decide(ROW_TICKET[stage], action, { policy, now, closureReason: 'not_entitled' });
      if (!decision.ok) continue;
      expect(isStatusAllowed(decision.stage, decision.status)).toBe(true);
      expect(decision.closureReason !== null).toBe(decision.stage === 'closed');
    }
  });

  it('the fixtures put each stage on an allowed status', () => {
    for (const stage of Stage.options) {
      const ticket = makeTicketInStage(stage);
      expect(isStatusAllowed(ticket.stage, ticket.status)).toBe(true);
    }
  });
});

describe('policy and labels', () => {
  it('defaults to a 14-day reopen window and 3 reminders, also when parsed from an empty configuration', () => {
    expect(DEFAULT_FLOW_POLICY).toEqual({ reopenWindowDays: 14, remindersBeforeClosing: 3 });
    expect(FlowPolicy.parse({})).toEqual(DEFAULT_FLOW_POLICY);
    expect(FlowPolicy.safeParse({ reopenWindowDays: -1 }).success).toBe(false);
    expect(FlowPolicy.safeParse({ remindersBeforeClosing: 1.5 }).success).toBe(false);
  });

  it('labels every stage and action', () => {
    expect(Object.keys(STAGE_LABEL).sort()).toEqual([...Stage.options].sort());
    expect(Object.keys(ACTION_LABEL).sort()).toEqual([...FlowAction.options].sort());
    expect(ACTION_LABEL.pass_validation).toBe('Pass validation');
    expect(ACTION_LABEL.request_confirmation).toBe('Ask the customer to confirm');
    expect(ACTION_LABEL.reopen).toBe('Reopen');
  });
});

describe('test fixtures', () => {
  it('makeTicket and makeTicketInStage build tickets the Ticket schema accepts', () => {
    expect(Ticket.safeParse(makeTicket()).success).toBe(true);
    for (const stage of Stage.options) {
      const parsed = Ticket.safeParse(makeTicketInStage(stage));
      expect(parsed.error?.issues ?? []).toEqual([]);
    }
  });

  it('are deterministic', () => {
    expect(makeTicketInStage('escalated')).toEqual(makeTicketInStage('escalated'));
    expect(makeTicket({ entitlement: null }).entitlement).toBeNull();
  });
});
