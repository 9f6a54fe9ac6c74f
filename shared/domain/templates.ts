/** Proposed customer-facing texts: the engineer edits them before sending, and the mutation sends the final text. */
import { SUPPORT_PLAN_LABEL } from './ticket-labels';
import type { ClosureReason, Ticket, ValidationCheck } from './ticket';
import { tenantDomainIssue, validateTicket, type ValidationField } from './validation';

/** The closures that need telling the customer why support cannot be provided. */
export const EXPLAINED_CLOSURE_REASONS = [
  'not_entitled',
  'missing_information',
  'on_premise_not_entitled',
] as const satisfies ClosureReason[];
export type ExplainedClosureReason = (typeof EXPLAINED_CLOSURE_REASONS)[number];

/** What the console's template menu shows. */
export const TEMPLATE_LABEL = {
  not_entitled: 'Closure: not entitled',
  missing_information: 'Closure: missing information',
  on_premise_not_entitled: 'Closure: On-Premise without the add-on',
  confirmation_request: 'Ask the customer to confirm the fix',
  confirmation_reminder: 'Remind the customer to confirm',
  closed_without_confirmation: 'Closure: no answer after the reminders',
  resolved_closure: 'Closure: resolved, thank the customer',
} as const;
export type TemplateName = keyof typeof TEMPLATE_LABEL;

type TemplateTicket = Pick<
  Ticket,
  'number' | 'title' | 'description' | 'requester' | 'endCustomer' | 'entitlement' | 'priority' | 'scope'
>;

const SIGNATURE = 'Kind regards,\nCloud Solution Support (CSS Team)';

const letter = (ticket: TemplateTicket, ...paragraphs: string[]): string =>
  [`Dear ${ticket.requester.name},`, ...paragraphs, SIGNATURE].join('\n\n');

/** `CSS-100042 ("Outbound mail …") for Contoso Ltd`: which request, and for whom, in every text. */
const aboutRequest = (ticket: TemplateTicket): string =>
  `your support request ${ticket.number} ("${ticket.title}") for ${customer(ticket)}`;

/** The company name alone reads better in a letter; a domain stands in only when it is a valid one. */
function customer(ticket: TemplateTicket): string {
  const { companyName, tenantDomain } = ticket.endCustomer;
  if (companyName !== null && companyName.trim() !== '') return companyName.trim();
  if (tenantDomainIssue(tenantDomain) === null && tenantDomain !== null) return tenantDomain.trim().toLowerCase();
  return 'your end customer';
}

/** Why entitlement failed, in the customer's terms rather than the checklist's. */
function entitlementReason(ticket: TemplateTicket): string {
  const reseller = ticket.requester.resellerName;
  const { entitlement } = ticket;
  if (entitlement === null || entitlement.supportPlan === 'none') {
    return `we found no support entitlement for ${customer(ticket)} through ${reseller} in StreamOne Marketplace`;
  }
  if (!entitlement.active) {
    const plan = SUPPORT_PLAN_LABEL[entitlement.supportPlan];
    return `the ${plan} support plan that ${reseller} holds for ${customer(ticket)} in StreamOne Marketplace is not active`;
  }
  return `${customer(ticket)} has no active support entitlement through ${reseller}`;
}

/** One line per mandatory field, saying what to send (and what was wrong with what was sent). */
function missingFieldLine(ticket: TemplateTicket, check: ValidationCheck): string {
  const lines: Partial<Record<ValidationField, () => string>> = {
    'endCustomer.companyName': () => "The end customer's company name",
    'endCustomer.tenantDomain': () => {
      const rule =
        "The end customer's tenant domain, in the form <name>.onmicrosoft.com (for example contoso.onmicrosoft.com)";
      const given = ticket.endCustomer.tenantDomain?.trim() ?? '';
      const issue = tenantDomainIssue(given);
      return issue === null || given === '' ? rule : `${rule}; the domain given, "${given}", ${issue}`;
    },
    priority: () => 'The incident priority (critical, high, normal or low)',
    scope: () => 'The scope: the product the issue is about (for example Exchange Online or Microsoft Teams)',
    description: () =>
      ticket.description.trim() === ''
        ? 'A description of the issue: what happens, since when, and who is affected'
        : 'A fuller description of the issue: what happens, since when, and who is affected',
  };
  return `- ${lines[check.field as ValidationField]?.() ?? check.detail}`;
}

function missingInformationText(ticket: TemplateTicket, checks: readonly ValidationCheck[]): string {
  const failing = checks.filter((c) => c.layer === 'mandatory_information' && !c.passed);
  const list =
    failing.length > 0
      ? `The following information was missing or not valid:\n${failing.map((c) => missingFieldLine(ticket, c)).join('\n')}`
      : 'Some of the mandatory information was missing or not valid.';
  return letter(
    ticket,
    `Thank you for contacting Cloud Solution Support. We could not start working on ${aboutRequest(ticket)}, because the request does not include all the mandatory information, so we are closing it.`,
    list,
    'Please open a new support request with this information and we will be glad to help.',
  );
}

/**
 * The explanation sent when validation (or Microsoft's On-Premise finding) closes the ticket.
 * `checks` are the run the closure is based on; without them the ticket is checked now.
 */
export function closureExplanation(
  ticket: TemplateTicket,
  reason: ExplainedClosureReason,
  checks: readonly ValidationCheck[] = validateTicket(ticket),
): string {
  switch (reason) {
    case 'missing_information':
      return missingInformationText(ticket, checks);
    case 'not_entitled':
      return letter(
        ticket,
        `Thank you for contacting Cloud Solution Support about ${aboutRequest(ticket)}. We checked who is entitled to support for this end customer, and ${entitlementReason(ticket)}. Without an active support entitlement we cannot provide support, so we are closing this request.`,
        'If you believe this is wrong, or once the support subscription is active, please open a new support request and we will be glad to help.',
      );
    case 'on_premise_not_entitled':
      return letter(
        ticket,
        `During the investigation of ${aboutRequest(ticket)}, the Microsoft engineer confirmed that the issue falls into the On-Premise scenario.`,
        `Support for On-Premise issues requires the On-Premise add-on, which has not been purchased for ${customer(ticket)} in StreamOne Marketplace. You are therefore not entitled to receive support on this issue, and we are closing this request.`,
        'Once the On-Premise add-on is purchased in StreamOne Marketplace, please open a new support request and we will be glad to help.',
      );
  }
}

export function confirmationRequest(ticket: TemplateTicket): string {
  return letter(
    ticket,
    `We believe the issue in ${aboutRequest(ticket)} is now resolved.`,
    `Could you please check with ${customer(ticket)} and confirm that everything works as expected? Once you confirm, we will close the request. If the issue persists, reply with what still happens and we will continue working on it.`,
  );
}

const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

export function confirmationReminder(ticket: TemplateTicket, reminderNumber: number): string {
  const which = ORDINAL[reminderNumber - 1] ?? `number ${reminderNumber}`;
  return letter(
    ticket,
    `This is our ${which} reminder about ${aboutRequest(ticket)}: we are waiting for your confirmation that the issue is resolved.`,
    'Please reply to confirm, or tell us what still does not work. Without an answer, we will close the request as resolved.',
  );
}

export function closedWithoutConfirmation(ticket: TemplateTicket, remindersSent: number): string {
  const reminders = remindersSent === 1 ? 'one reminder' : `${remindersSent} reminders`;
  return letter(
    ticket,
    `We asked you to confirm that the issue in ${aboutRequest(ticket)} is resolved and sent ${reminders} without an answer, so we are closing the request as resolved.`,
    'If the issue comes back soon, reply to this request and we will reopen it; otherwise, please open a new support request.',
  );
}

export function resolvedClosure(ticket: TemplateTicket): string {
  return letter(
    ticket,
    `Thank you for confirming that the issue in ${aboutRequest(ticket)} is resolved. We are closing the request now.`,
    'If you need anything else, please open a new support request.',
  );
}

/** What a canned reply may say in braces, filled in when it is inserted: the key, and what it stands for. */
export const REPLY_PLACEHOLDERS = {
  '{contact}': "the requester's name",
  '{customer}': "the end customer's company",
  '{ticket}': 'the ticket number',
  '{engineer}': 'your name',
} as const;

/** A canned reply for this ticket: each placeholder replaced; any other text in braces is left as written. */
export function fillPlaceholders(text: string, ticket: TemplateTicket, engineerName: string): string {
  const values: Record<keyof typeof REPLY_PLACEHOLDERS, string> = {
    '{contact}': ticket.requester.name,
    '{customer}': customer(ticket),
    '{ticket}': ticket.number,
    '{engineer}': engineerName,
  };
  return text.replace(/\{(contact|customer|ticket|engineer)\}/g, (key) => values[key as keyof typeof values]);
}
