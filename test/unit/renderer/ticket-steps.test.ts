// What the command palette and the single keys offer on a ticket: the steps its stage allows, as the
// shared flow decides them, and nothing the ticket pane would not show.
import { addDays } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { ticketSteps } from '../../../renderer/data/ticket-steps';
import { DEFAULT_FLOW_POLICY } from '../../../shared/domain';
import {
  COLLEAGUE,
  ENGINEER_MEMBER,
  FIXED_NOW,
  makeClosure,
  makeConfirmation,
  makeEscalation,
  makeTicket,
} from '../../fixtures/tickets';

const now = new Date(FIXED_NOW);
const options = { policy: DEFAULT_FLOW_POLICY, now };
const stepsOf = (ticket: ReturnType<typeof makeTicket>, at = options) =>
  ticketSteps(ticket, ENGINEER_MEMBER, at).map((offered) => offered.step);

describe('the steps a ticket offers', () => {
  it('in validation: validate, pass or fail; no escalation yet', () => {
    const steps = stepsOf(makeTicket());
    expect(steps).toEqual(
      expect.arrayContaining(['note', 'reply', 'run_validation', 'pass_validation', 'fail_validation']),
    );
    expect(steps).not.toContain('escalate');
    expect(steps).not.toContain('take');
  });

  it('offers taking the ticket only to someone it is not assigned to', () => {
    expect(stepsOf(makeTicket({ assignee: COLLEAGUE }))).toContain('take');
  });

  it('in investigation: escalate or ask the customer to confirm', () => {
    const steps = stepsOf(makeTicket({ stage: 'investigation', status: 'in_progress' }));
    expect(steps).toEqual(expect.arrayContaining(['escalate', 'request_confirmation']));
    expect(steps).not.toContain('pass_validation');
    expect(steps).not.toContain('log_follow_up');
  });

  it('escalated: the escalation’s steps, while Microsoft has the case', () => {
    const escalated = makeTicket({ stage: 'escalated', status: 'waiting_on_microsoft', escalation: makeEscalation() });
    expect(stepsOf(escalated)).toEqual(
      expect.arrayContaining(['log_follow_up', 'record_scenario', 'microsoft_resolved']),
    );
    expect(stepsOf(escalated)).not.toContain('escalate');
  });

  it('in resolution: the customer’s answer and reminders; closing without confirmation once enough reminders went unanswered', () => {
    const waiting = (remindersSent: number) =>
      makeTicket({
        stage: 'resolution',
        status: 'awaiting_confirmation',
        confirmation: makeConfirmation({ remindersSent, lastReminderAt: remindersSent === 0 ? null : FIXED_NOW }),
      });
    expect(stepsOf(waiting(0))).toEqual(expect.arrayContaining(['record_answer', 'send_reminder']));
    expect(stepsOf(waiting(0))).not.toContain('close_without_confirmation');
    expect(stepsOf(waiting(DEFAULT_FLOW_POLICY.remindersBeforeClosing))).toContain('close_without_confirmation');
  });

  it('closed: only reopening, and only within the window', () => {
    const closed = makeTicket({ stage: 'closed', status: 'closed', closure: makeClosure() });
    expect(stepsOf(closed)).toEqual(['reopen']);
    expect(stepsOf(closed, { ...options, now: addDays(now, 3650) })).toEqual([]);
  });
});
