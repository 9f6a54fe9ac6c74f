/** The ticket stage state machine: the console calls it optimistically, the server authoritatively. */
import { addHours, parseISO } from 'date-fns';
import { z } from 'zod';
import { CLOSURE_REASON_LABEL } from './flow-labels';
import { Stage, type ClosureReason, type Status, type Ticket } from './ticket';
import { utcMinute } from './time';
import { plural } from '../plural';

export * from './flow-labels';

/** Every stage change an engineer (or the customer, through the engineer) can make. */
export const FlowAction = z.enum([
  'pass_validation',
  'fail_validation',
  'escalate',
  'record_on_premise_without_add_on',
  'microsoft_resolved',
  'request_confirmation',
  'confirm_resolution',
  'report_not_fixed',
  'close_without_confirmation',
  'reopen',
]);
export type FlowAction = z.infer<typeof FlowAction>;

const DEFAULT_REOPEN_WINDOW_DAYS = 14;
const DEFAULT_REMINDERS_BEFORE_CLOSING = 3;

/** The configurable part of the flow; a partial configuration parses to the defaults. */
export const FlowPolicy = z.object({
  /** Counted in 24-hour days from closure, so console and server agree whatever their time zones. */
  reopenWindowDays: z.number().int().min(0).max(365).default(DEFAULT_REOPEN_WINDOW_DAYS),
  /** Reminders sent without an answer before a resolved ticket may close without confirmation. */
  remindersBeforeClosing: z.number().int().min(0).max(30).default(DEFAULT_REMINDERS_BEFORE_CLOSING),
});
export type FlowPolicy = z.infer<typeof FlowPolicy>;

export const DEFAULT_FLOW_POLICY: FlowPolicy = {
  reopenWindowDays: DEFAULT_REOPEN_WINDOW_DAYS,
  remindersBeforeClosing: DEFAULT_REMINDERS_BEFORE_CLOSING,
};

/** Only what the flow looks at, so callers holding a partial ticket (or a draft) can ask. */
export type FlowFacts = Pick<Ticket, 'number' | 'stage' | 'escalation' | 'entitlement' | 'confirmation' | 'closure'>;

export interface FlowOptions {
  policy: FlowPolicy;
  /** Injected so the reopen window is decided against the server's clock once pushed, and in tests. */
  now: Date;
  /** Required by fail_validation (not_entitled or missing_information); the other actions fix their own. */
  closureReason?: ClosureReason;
}

export type FlowDecision =
  { ok: true; stage: Stage; status: Status; closureReason: ClosureReason | null } | { ok: false; reason: string };

/** Which statuses each stage allows; a transition always lands on one of them. */
export const STAGE_STATUSES: Record<Stage, Status[]> = {
  validation: ['new'],
  investigation: ['in_progress', 'waiting_on_customer'],
  // in_progress while Microsoft waits on us (their "attention needed").
  escalated: ['waiting_on_microsoft', 'in_progress'],
  resolution: ['awaiting_confirmation'],
  closed: ['closed'],
};

export function isStatusAllowed(stage: Stage, status: Status): boolean {
  return STAGE_STATUSES[stage].includes(status);
}

/** Each action starts from exactly one stage; the console can use this to explain a greyed-out action. */
export const ACTION_FROM_STAGE: Record<FlowAction, Stage> = {
  pass_validation: 'validation',
  fail_validation: 'validation',
  escalate: 'investigation',
  record_on_premise_without_add_on: 'escalated',
  microsoft_resolved: 'escalated',
  request_confirmation: 'investigation',
  confirm_resolution: 'resolution',
  report_not_fixed: 'resolution',
  close_without_confirmation: 'resolution',
  reopen: 'closed',
};

/** The only reasons validation can fail with: the seed's two layers, entitlement and mandatory information. */
export const VALIDATION_FAILURE_REASONS = ['not_entitled', 'missing_information'] as const satisfies ClosureReason[];

// Refusals read "CSS-100042 is <where>: only <which ticket> can <action>.", so each stage and action
// has the phrase that fits that sentence.
export const STAGE_WHERE: Record<Stage, string> = {
  validation: 'in validation',
  investigation: 'in investigation',
  escalated: 'escalated to Microsoft',
  resolution: 'in resolution',
  closed: 'closed',
};

const WHICH_TICKET: Record<Stage, string> = {
  validation: 'a ticket in validation',
  investigation: 'a ticket in investigation',
  escalated: 'a ticket escalated to Microsoft',
  resolution: 'a ticket in resolution',
  closed: 'a closed ticket',
};

const ACTION_PHRASE: Record<FlowAction, string> = {
  pass_validation: 'pass validation',
  fail_validation: 'fail validation',
  escalate: 'be escalated to Microsoft',
  record_on_premise_without_add_on: 'be closed as On-Premise without the add-on',
  microsoft_resolved: 'be marked as resolved by Microsoft',
  request_confirmation: 'go to the customer for confirmation',
  confirm_resolution: 'be closed as confirmed by the customer',
  report_not_fixed: 'be reported as not fixed',
  close_without_confirmation: 'be closed without confirmation',
  reopen: 'be reopened',
};

/** The next step for the mix-ups engineers actually make; other wrong-stage refusals need no hint. */
const NEXT_STEP_HINT: Partial<Record<`${Stage}:${FlowAction}`, string>> = {
  'validation:escalate': 'Pass validation first.',
  'validation:request_confirmation': 'Pass validation first.',
  'closed:escalate': 'Reopen it first.',
  'closed:request_confirmation': 'Reopen it first.',
  'escalated:request_confirmation': 'Record that Microsoft resolved it instead.',
  'escalated:escalate': 'Log a follow-up with Microsoft instead.',
};

const allow = (stage: Stage, status: Status, closureReason: ClosureReason | null = null): FlowDecision => ({
  ok: true,
  stage,
  status,
  closureReason,
});

const refuse = (reason: string): FlowDecision => ({ ok: false, reason });

/**
 * Whether `action` may be applied to the ticket now, and where it lands. Never throws: every refusal
 * is a sentence naming the ticket and its stage, shown as is to the engineer.
 */
export function decide(ticket: FlowFacts, action: FlowAction, options: FlowOptions): FlowDecision {
  // Values arriving from an outbox or an older client are not trusted to be in the enums.
  if (!FlowAction.safeParse(action).success) {
    return refuse(`${ticket.number}: "${String(action)}" is not a step of the ticket flow.`);
  }
  if (!Stage.safeParse(ticket.stage).success) {
    return refuse(`${ticket.number} has an unknown stage "${String(ticket.stage)}": ask a team lead to correct it.`);
  }
  const where = `${ticket.number} is ${STAGE_WHERE[ticket.stage]}`;
  const from = ACTION_FROM_STAGE[action];
  if (ticket.stage !== from) {
    const hint = NEXT_STEP_HINT[`${ticket.stage}:${action}`];
    return refuse(`${where}: only ${WHICH_TICKET[from]} can ${ACTION_PHRASE[action]}.${hint ? ` ${hint}` : ''}`);
  }
  return decideInStage(ticket, action, options, where);
}

/** The guards of each action, once the ticket is known to be in the action's stage. */
function decideInStage(ticket: FlowFacts, action: FlowAction, options: FlowOptions, where: string): FlowDecision {
  switch (action) {
    case 'pass_validation':
      return allow('investigation', 'in_progress');
    case 'fail_validation':
      return failValidation(options.closureReason, where);
    case 'escalate':
      return allow('escalated', 'waiting_on_microsoft');
    case 'record_on_premise_without_add_on':
      // Unknown entitlement (null) has not proven the add-on, and only a proven add-on keeps the
      // escalation going: the seed closes On-Premise issues unless the add-on was purchased.
      if (ticket.entitlement?.onPremiseAddOn === true) {
        return refuse(
          `${where} and its end customer holds the On-Premise add-on: the escalation continues, so it cannot be closed as not entitled.`,
        );
      }
      return allow('closed', 'closed', 'on_premise_not_entitled');
    case 'microsoft_resolved':
      return allow('resolution', 'awaiting_confirmation');
    case 'request_confirmation':
      return allow('resolution', 'awaiting_confirmation');
    case 'confirm_resolution':
      return allow('closed', 'closed', 'resolved');
    case 'report_not_fixed':
      // Back to Microsoft only while their case is still open; a closed case means CSS investigates again.
      if (ticket.escalation !== null && ticket.escalation.status !== 'closed') {
        return allow('escalated', 'waiting_on_microsoft');
      }
      return allow('investigation', 'in_progress');
    case 'close_without_confirmation':
      return closeWithoutConfirmation(ticket, options.policy, where);
    case 'reopen':
      return reopen(ticket, options, where);
  }
}

function failValidation(closureReason: ClosureReason | undefined, where: string): FlowDecision {
  if (closureReason === undefined) {
    return refuse(`${where}: choose why validation failed (not entitled or missing information) before closing it.`);
  }
  if (!(VALIDATION_FAILURE_REASONS as readonly string[]).includes(closureReason)) {
    const given = CLOSURE_REASON_LABEL[closureReason] ?? String(closureReason);
    return refuse(`${where}: validation can only fail as not entitled or missing information, not as "${given}".`);
  }
  return allow('closed', 'closed', closureReason);
}

function closeWithoutConfirmation(ticket: FlowFacts, policy: FlowPolicy, where: string): FlowDecision {
  // No confirmation request recorded counts as no reminder sent: the customer was never chased.
  const sent = ticket.confirmation?.remindersSent ?? 0;
  const needed = policy.remindersBeforeClosing;
  if (sent >= needed) return allow('closed', 'closed', 'resolved_without_confirmation');
  const sentText = sent === 1 ? '1 reminder has been sent' : `${sent} reminders have been sent`;
  return refuse(
    `${where}: ${sentText} without an answer and ${needed} ${needed === 1 ? 'is' : 'are'} needed before closing without confirmation; send ${plural(needed - sent, 'more reminder', 'more reminders')} first.`,
  );
}

function reopen(ticket: FlowFacts, { policy, now }: FlowOptions, where: string): FlowDecision {
  const closedAt = ticket.closure ? parseISO(ticket.closure.closedAt) : null;
  if (closedAt === null || Number.isNaN(closedAt.getTime())) {
    return refuse(
      `${where} without a closure date, so its reopen window cannot be checked: ask a team lead to correct it.`,
    );
  }
  // 24-hour days (not calendar days): a DST change in one machine's zone must not move the boundary.
  const windowEnd = addHours(closedAt, policy.reopenWindowDays * 24);
  // A policy that skipped its schema must not make decide() throw (toISOString of an invalid date does).
  if (Number.isNaN(windowEnd.getTime())) {
    return refuse(
      `${where}: the reopen window setting is not a number of days, so reopening cannot be checked: ask a team lead to fix the flow settings.`,
    );
  }
  // The end instant itself is still inside the window.
  if (now.getTime() <= windowEnd.getTime()) return allow('investigation', 'in_progress');
  return refuse(
    `${where}: its ${policy.reopenWindowDays}-day reopen window ended on ${utcMinute(windowEnd)}, so it can no longer be reopened; open a new ticket for the customer instead.`,
  );
}

/** Remote sessions are scheduled and recorded while CSS investigates, and while Microsoft has the case. */
export const SESSION_STAGES: readonly Stage[] = ['investigation', 'escalated'];

/** Why sessions cannot be scheduled or recorded on the ticket now, or null when they can. */
export function sessionStageProblem(ticket: Pick<FlowFacts, 'number' | 'stage'>): string | null {
  if (SESSION_STAGES.includes(ticket.stage)) return null;
  const hint =
    ticket.stage === 'validation' ? ' Pass validation first.' : ticket.stage === 'closed' ? ' Reopen it first.' : '';
  return `${ticket.number} is ${STAGE_WHERE[ticket.stage]}: remote sessions are scheduled on a ticket in investigation or escalated to Microsoft.${hint}`;
}

/** The actions decide() would allow now, in flow order, so the console offers only those. */
export function availableActions(ticket: FlowFacts, { policy, now }: Omit<FlowOptions, 'closureReason'>): FlowAction[] {
  // fail_validation is offered when either failure reason would be accepted; the engineer picks which.
  return FlowAction.options.filter(
    (action) =>
      decide(ticket, action, { policy, now, closureReason: action === 'fail_validation' ? 'not_entitled' : undefined })
        .ok,
  );
}
