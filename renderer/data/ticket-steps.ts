/**
 * The steps the open ticket offers now, as the ticket pane shows them: the flow (shared/) decides the
 * stage-changing ones. The command palette and the single-key shortcuts offer exactly these.
 */
import {
  ACTION_LABEL,
  availableActions,
  decide,
  soloTeam,
  type FlowOptions,
  type TeamMember,
  type Ticket,
} from '../../shared/domain';
import { useSessionStore } from './stores/session-store';
import { useTeamStore } from './stores/team-store';
import { useTicketStore } from './stores/ticket-store';

export type TicketStep =
  | 'note'
  | 'reply'
  | 'take'
  | 'edit_details'
  | 'run_validation'
  | 'pass_validation'
  | 'fail_validation'
  | 'escalate'
  | 'log_follow_up'
  | 'record_scenario'
  | 'microsoft_resolved'
  | 'request_confirmation'
  | 'record_answer'
  | 'send_reminder'
  | 'close_without_confirmation'
  | 'reopen';

export interface OfferedStep {
  step: TicketStep;
  label: string;
}

/** Whether the ticket's Microsoft escalation is still being worked (its panel offers its steps). */
export function escalationActive(ticket: Ticket): boolean {
  return ticket.stage === 'escalated' && ticket.escalation !== null && ticket.escalation.status !== 'closed';
}

export function ticketSteps(
  ticket: Ticket,
  user: TeamMember,
  options: Omit<FlowOptions, 'closureReason'>,
): OfferedStep[] {
  if (ticket.stage === 'closed') {
    return decide(ticket, 'reopen', options).ok ? [{ step: 'reopen', label: ACTION_LABEL.reopen }] : [];
  }
  const allowed = new Set(availableActions(ticket, options));
  const steps: OfferedStep[] = [
    { step: 'note', label: 'Write an internal note' },
    { step: 'reply', label: 'Reply to the customer' },
  ];
  if (ticket.assignee?.id !== user.id) steps.push({ step: 'take', label: 'Take the ticket (assign it to me)' });
  steps.push({ step: 'edit_details', label: 'Edit details' });
  if (ticket.stage === 'validation') steps.push({ step: 'run_validation', label: 'Run validation' });
  for (const action of ['pass_validation', 'fail_validation', 'escalate', 'request_confirmation'] as const) {
    if (allowed.has(action)) steps.push({ step: action, label: ACTION_LABEL[action] });
  }
  if (escalationActive(ticket)) {
    steps.push(
      { step: 'log_follow_up', label: 'Log a follow-up with Microsoft' },
      { step: 'record_scenario', label: 'Record Cloud / On-Premise' },
      { step: 'microsoft_resolved', label: ACTION_LABEL.microsoft_resolved },
    );
  }
  if (ticket.stage === 'resolution') {
    steps.push(
      { step: 'record_answer', label: "Record the customer's answer" },
      { step: 'send_reminder', label: 'Send a reminder' },
    );
    if (allowed.has('close_without_confirmation')) {
      steps.push({ step: 'close_without_confirmation', label: ACTION_LABEL.close_without_confirmation });
    }
  }
  return steps;
}

/** The open ticket and the steps it offers the signed-in user now, or null when no ticket is open. */
export function openTicketSteps(now: Date): { ticket: Ticket; steps: OfferedStep[] } | null {
  const ticket = useTicketStore.getState().view?.ticket;
  const user = useSessionStore.getState().session?.user;
  if (ticket === undefined || user === undefined) return null;
  const member = { id: user.id, name: user.name, role: user.role };
  const team = useTeamStore.getState().team ?? soloTeam(member);
  return { ticket, steps: ticketSteps(ticket, member, { policy: team.policy, now }) };
}
