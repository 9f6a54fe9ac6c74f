/** Words for the escalation's coded values, as the engineer reads them. */
import type { EscalationStatus, FollowUpChannel, Scenario } from '../../../shared/domain';

export const CHANNEL_TEXT: Record<FollowUpChannel, string> = {
  portal: 'Partner Center portal',
  email: 'E-mail',
  phone: 'Phone',
  teams: 'Teams',
};

export const ESCALATION_STATUS_TEXT: Record<EscalationStatus, string> = {
  open: 'Open (Microsoft is working on it)',
  attention_needed: 'Attention needed (Microsoft waits on us)',
  closed: 'Closed',
};

export const SCENARIO_TEXT: Record<Scenario, string> = {
  undetermined: 'Not decided yet',
  cloud: 'Cloud',
  on_premise: 'On-Premise',
};
