/** Human labels for the ticket flow: what the console shows for stages, statuses, reasons and actions. */
import type { FlowAction } from './flow';
import type { ClosureReason, Stage, Status } from './ticket';

export const STAGE_LABEL: Record<Stage, string> = {
  validation: 'Validation',
  investigation: 'Investigation',
  escalated: 'Escalated to Microsoft',
  resolution: 'Resolution',
  closed: 'Closed',
};

export const STATUS_LABEL: Record<Status, string> = {
  new: 'New',
  in_progress: 'In progress',
  waiting_on_customer: 'Waiting on customer',
  waiting_on_microsoft: 'Waiting on Microsoft',
  awaiting_confirmation: 'Awaiting confirmation',
  closed: 'Closed',
};

export const CLOSURE_REASON_LABEL: Record<ClosureReason, string> = {
  resolved: 'Resolved',
  resolved_without_confirmation: 'Resolved without confirmation',
  not_entitled: 'Not entitled',
  missing_information: 'Missing information',
  on_premise_not_entitled: 'On-Premise without the add-on (not entitled)',
};

/** Button and command-palette wording: what the engineer is doing, in the seed's vocabulary. */
export const ACTION_LABEL: Record<FlowAction, string> = {
  pass_validation: 'Pass validation',
  fail_validation: 'Fail validation and close',
  escalate: 'Escalate to Microsoft',
  record_on_premise_without_add_on: 'Close: On-Premise without the add-on',
  microsoft_resolved: 'Microsoft resolved it',
  request_confirmation: 'Ask the customer to confirm',
  confirm_resolution: 'Customer confirmed: close as resolved',
  report_not_fixed: 'Customer says not fixed',
  close_without_confirmation: 'Close without confirmation',
  reopen: 'Reopen',
};
