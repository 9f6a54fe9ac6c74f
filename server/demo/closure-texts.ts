/**
 * What the demo tells the customer when it closes a ticket. A stand-in for the shared closure
 * templates: once shared/domain has them, the seed should call those instead.
 */
import { DEFAULT_FLOW_POLICY } from '../../shared/domain/flow';
import type { ClosureReason, Ticket } from '../../shared/domain/ticket';
import { FIELD_LABEL } from './validation-checks';

export function closureExplanation(reason: ClosureReason, context: { ticket: Ticket; failedFields: string[] }): string {
  const { ticket, failedFields } = context;
  const greeting = `Hello ${ticket.requester.name.split(' ')[0]},`;
  const company = ticket.endCustomer.companyName ?? 'your customer';
  const reopen = `reply within ${DEFAULT_FLOW_POLICY.reopenWindowDays} days`;
  switch (reason) {
    case 'resolved':
      return `${greeting} thank you for confirming that the issue is solved. We are closing ${ticket.number}; ${reopen} if it comes back and we will reopen it.`;
    case 'resolved_without_confirmation':
      return `${greeting} we asked you to confirm the fix for ${ticket.number} and sent ${ticket.confirmation?.remindersSent ?? 0} reminders without an answer, so we consider the issue solved and are closing the ticket. Please ${reopen} if it is not, and we will reopen it.`;
    case 'not_entitled':
      return `${greeting} we cannot provide support for ${company}: the marketplace shows no active support subscription of ${ticket.requester.resellerName} for this customer. Once a support plan is purchased in the marketplace, please open a new request.`;
    case 'missing_information':
      return `${greeting} we cannot start working on ${ticket.number} because mandatory information is missing or not valid: ${failedFields.map((field) => FIELD_LABEL[field] ?? field).join(', ')}. Please open a new request with the complete details.`;
    case 'on_premise_not_entitled':
      return `${greeting} Microsoft confirmed under case ${ticket.escalation?.caseNumber ?? ''} that the issue falls into the On-Premise scenario. ${company} does not hold the On-Premise add-on in the marketplace, so we are not able to provide support for it and are closing ${ticket.number}.`;
  }
}
