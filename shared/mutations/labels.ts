/** What each kind of change is called where a person reads about it (e.g. a change the server refused). */
import type { MutationName } from './index';

export const MUTATION_LABEL: Record<MutationName, string> = {
  addNote: 'Internal note',
  runValidation: 'Validation run',
  passValidation: 'Validation passed',
  failValidation: 'Closure after failed validation',
  updateDetails: 'Details corrected',
  assignTicket: 'Assignment',
  setStatus: 'Status change',
  addReply: 'Reply to the customer',
  requestConfirmation: 'Request for confirmation',
  sendReminder: 'Reminder to the customer',
  recordCustomerAnswer: "Customer's answer",
  closeWithoutConfirmation: 'Closure without confirmation',
  reopenTicket: 'Reopening',
  escalateToMicrosoft: 'Escalation to Microsoft',
  logFollowUp: 'Microsoft follow-up',
  setEscalationStatus: 'Escalation status change',
  recordScenario: 'Cloud / On-Premise decision',
  microsoftResolved: 'Resolution by Microsoft',
  proposeSession: 'Remote session proposal',
  confirmSession: 'Remote session confirmation',
  rescheduleSession: 'Remote session rescheduled',
  cancelSession: 'Remote session cancelled',
  completeSession: 'Remote session completed',
  markSessionNoShow: 'Remote session no-show',
};

/** The label of a change by its name as stored, which may be one this console no longer knows. */
export function mutationLabel(name: string): string {
  return (MUTATION_LABEL as Record<string, string | undefined>)[name] ?? name;
}
