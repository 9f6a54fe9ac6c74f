/** Turns a ticket plan into a full Ticket with a believable history, from intake to where the plan ends. */
import { CLOSURE_REASON_LABEL, DEFAULT_FLOW_POLICY, STAGE_LABEL, isStatusAllowed } from '../../shared/domain/flow';
import type { Actor } from '../../shared/domain/people';
import {
  closedWithoutConfirmation,
  closureExplanation,
  confirmationReminder,
  confirmationRequest,
  resolvedClosure,
} from '../../shared/domain/templates';
import {
  type ClosureReason,
  type Stage,
  type Status,
  Ticket,
  type TimelineEntry,
  type ValidationCheck,
  type ValidationLayer,
} from '../../shared/domain/ticket';
import { failingLayers, summarizeChecks, validateTicket } from '../../shared/domain/validation';
import { escalate } from './escalation-story';
import { endsInInvestigation, type TicketPlan } from './plans';
import type { DemoRandom } from './random';
import { DemoSessions, scheduleSession } from './session-story';
import { StoryTime } from './story-time';

/** Roughly how many hours a story up to each stage takes; younger tickets tell it faster. */
const TYPICAL_HOURS: Record<Stage, number> = {
  validation: 3,
  investigation: 60,
  escalated: 120,
  resolution: 200,
  closed: 260,
};

const actorOf = (user: { id: string; name: string }): Actor => ({ id: user.id, name: user.name });

/** `sessions` is shared by every ticket of the demo: the engineers' calendars, and whose turn each session state is. */
export function tellStory(
  plan: TicketPlan,
  number: string,
  random: DemoRandom,
  now: Date,
  sessions: DemoSessions = new DemoSessions(),
): Ticket {
  const { outcome, issue, requester } = plan;
  const ageHours = (now.getTime() - plan.createdAt.getTime()) / 3_600_000;
  const pace = Math.min(2, Math.max(0.02, ageHours / TYPICAL_HOURS[outcome.stage]));
  const time = new StoryTime(plan.createdAt, now, random, pace);
  const closedAs: ClosureReason | null = outcome.stage === 'closed' ? outcome.reason : null;
  const engineer = plan.assignee === null ? null : actorOf(plan.assignee);
  const timeline: TimelineEntry[] = [];
  const ticket: Ticket = {
    id: random.uuid(),
    number,
    title: issue.title,
    description: issue.description,
    channel: plan.channel,
    requester,
    endCustomer: plan.endCustomer,
    entitlement: plan.account.entitlement,
    priority: plan.priority,
    scope: plan.scope,
    stage: outcome.stage,
    status: 'new',
    teamId: plan.teamId,
    assignee: engineer,
    createdAt: time.iso(),
    updatedAt: time.iso(),
    validation: null,
    escalation: null,
    confirmation: null,
    closure: null,
    remoteSessions: [],
    timeline,
    version: 1,
    serverSeq: 0,
  };

  const system = (text: string, actor: Actor | null) =>
    timeline.push({ id: random.uuid(), at: time.iso(), kind: 'system_event', actor, text });
  const note = (author: Actor, body: string) =>
    timeline.push({ id: random.uuid(), at: time.iso(), kind: 'internal_note', author, body });
  const reply = (direction: 'outbound' | 'inbound', name: string, body: string) =>
    timeline.push({ id: random.uuid(), at: time.iso(), kind: 'customer_reply', direction, author: { name }, body });
  const moveTo = (stage: Stage, actor: Actor) => system(`Stage: ${STAGE_LABEL[stage]}`, actor);
  // Entries are not all written in order (an escalation's is dated at its opening), so sort them once.
  const finish = (status: Status): Ticket => {
    if (!isStatusAllowed(outcome.stage, status))
      throw new Error(`${number}: ${status} is not a ${outcome.stage} status`);
    return Ticket.parse({
      ...ticket,
      status,
      updatedAt: time.iso(),
      timeline: timeline.sort((a, b) => a.at.localeCompare(b.at)),
    });
  };

  // Intake's own sentence (server/intake/create.ts), so a seeded ticket reads like one that came in.
  system(
    `Received through ${plan.channel === 'web_form' ? 'the web form' : 'chat'} from ${requester.name} (${requester.resellerName})`,
    null,
  );
  if (engineer === null) return finish('new');

  time.later(5, 180);
  const lead = actorOf(plan.lead);
  if (plan.assignee?.id === plan.lead.id || random.chance(0.5)) {
    system(`${engineer.name} took the ticket from the team queue`, engineer);
  } else {
    system(`Assigned to ${engineer.name}`, lead);
  }
  if (outcome.stage === 'validation') return finish('new');

  // Validation: the shared rule runs on the ticket as received; a failure closes it with the reason.
  time.later(10, 240);
  const checks = validateTicket(ticket);
  expectValidationToAgree(number, closedAs, checks);
  ticket.validation = { ranBy: engineer, ranAt: time.iso(), checks };
  if (closedAs === 'not_entitled' || closedAs === 'missing_information') {
    system(`Validation failed (${summarizeChecks(checks)})`, engineer);
    return close(closedAs, closureExplanation(ticket, closedAs, checks));
  }
  system(`Validation passed (${summarizeChecks(checks)})`, engineer);
  moveTo('investigation', engineer);
  time.later(10, 240);
  reply(
    'outbound',
    engineer.name,
    `Hello ${requester.name.split(' ')[0]}, thank you for the details. ${issue.question}`,
  );
  time.later(120, 30 * 60);
  reply('inbound', requester.name, random.pick(INBOUND_ANSWERS));
  time.later(30, 8 * 60);
  note(engineer, issue.finding);

  if (plan.remoteSession) {
    time.later(30, 6 * 60);
    const story = {
      random,
      time,
      now,
      engineer,
      issue,
      ticket: { number, requesterName: requester.name, timeZone: plan.endCustomer.timeZone },
      sessions,
      event: system,
      reply,
    };
    ticket.remoteSessions.push(
      ...scheduleSession(story, endsInInvestigation(plan) ? sessions.nextState() : 'completed'),
    );
  }
  if (outcome.stage === 'investigation') {
    return finish(random.chance(0.6) ? 'in_progress' : 'waiting_on_customer');
  }

  if (plan.escalated) {
    const openEscalation = outcome.stage === 'escalated';
    const attention = openEscalation && random.chance(0.3);
    ticket.escalation = escalate(random, time, engineer, issue, plan.priority, {
      status: openEscalation ? (attention ? 'attention_needed' : 'open') : 'closed',
      scenario: closedAs === 'on_premise_not_entitled' ? 'on_premise' : openEscalation ? 'undetermined' : 'cloud',
      quietMinutesBeforeNow: plan.followUpOverdue ? random.int(72, 144) * 60 : random.int(1, 12) * 60,
    });
    const { caseNumber, openedAt } = ticket.escalation;
    timeline.push({
      id: random.uuid(),
      at: openedAt,
      kind: 'system_event',
      actor: engineer,
      text: `Escalated to Microsoft: case ${caseNumber}`,
    });
    if (openEscalation) {
      return finish(attention ? 'in_progress' : 'waiting_on_microsoft');
    }
    system(`Microsoft closed case ${caseNumber}`, null);
    if (closedAs === 'on_premise_not_entitled') return close(closedAs, closureExplanation(ticket, closedAs, checks));
  }

  // Resolution: the customer is asked to confirm the fix, and reminded when silent.
  moveTo('resolution', engineer);
  time.later(10, 120);
  reply('outbound', engineer.name, withFix(confirmationRequest(ticket), issue.fix));
  const requestedAt = time.iso();
  const { remindersBeforeClosing } = DEFAULT_FLOW_POLICY;
  const reminders =
    closedAs === 'resolved_without_confirmation'
      ? remindersBeforeClosing
      : closedAs === 'resolved'
        ? 0
        : random.int(0, remindersBeforeClosing);
  for (let i = 1; i <= reminders; i++) {
    time.later(48 * 60, 60 * 60);
    system(`Reminder ${i} of ${remindersBeforeClosing} sent to ${requester.name}`, engineer);
    reply('outbound', engineer.name, confirmationReminder(ticket, i));
  }
  ticket.confirmation = { requestedAt, remindersSent: reminders, lastReminderAt: reminders > 0 ? time.iso() : null };
  if (closedAs === null) return finish('awaiting_confirmation');
  if (closedAs === 'resolved') {
    time.later(60, 36 * 60);
    reply('inbound', requester.name, 'Confirmed: everything works again on our side. Thank you for your help!');
    return close(closedAs, resolvedClosure(ticket));
  }
  if (closedAs !== 'resolved_without_confirmation')
    throw new Error(`${number}: ${closedAs} does not close a resolution`);
  time.later(48 * 60, 60 * 60);
  return close(closedAs, closedWithoutConfirmation(ticket, reminders));

  /** `explanation` is what the customer is told, sent as the last reply and kept as the closure's. */
  function close(reason: ClosureReason, explanation: string): Ticket {
    if (engineer === null) throw new Error(`${number}: a closed demo ticket needs an engineer`);
    time.later(5, 90);
    reply('outbound', engineer.name, explanation);
    ticket.closure = { reason, explanation, closedAt: time.iso(), closedBy: engineer };
    system(`Closed: ${CLOSURE_REASON_LABEL[reason]}`, engineer);
    return finish('closed');
  }
}

/** The layer a validation closure stands on; every other story passed validation. */
const FAILING_LAYER: Partial<Record<ClosureReason, ValidationLayer>> = {
  not_entitled: 'entitlement',
  missing_information: 'mandatory_information',
};

/** The plan chose how validation ends; the shared rule must say the same, or the demo contradicts the console. */
function expectValidationToAgree(number: string, closedAs: ClosureReason | null, checks: ValidationCheck[]): void {
  const layer = closedAs === null ? undefined : FAILING_LAYER[closedAs];
  const expected = layer === undefined ? [] : [layer];
  const failing = failingLayers(checks);
  if (failing.join() !== expected.join()) {
    const failed = checks.filter((check) => !check.passed).map((check) => check.field);
    throw new Error(
      `${number}: its plan expects validation to fail ${expected.join() || 'nothing'}, ` +
        `but the shared validation fails ${failing.join(' and ') || 'nothing'} (${failed.join(', ') || 'every check passes'})`,
    );
  }
}

/** The engineer's edit to the proposed request: what was changed, after the letter's opening sentence. */
function withFix(letter: string, fix: string): string {
  const paragraphs = letter.split('\n\n');
  paragraphs.splice(2, 0, `What we changed: ${fix}`);
  return paragraphs.join('\n\n');
}

const INBOUND_ANSWERS = [
  'Thanks, I have checked with the customer and attached what you asked for.',
  'Done, please see the attached export. The issue still happens this morning.',
  'The customer confirms; their IT manager is available for a call this week if needed.',
  'Here are the details. Users are getting impatient, any update would help.',
];
