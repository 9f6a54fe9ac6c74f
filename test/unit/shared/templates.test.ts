// Customer-facing texts: each addresses the requester, names the ticket and the end customer, and says what to do.
import { describe, expect, it } from 'vitest';
import {
  fillPlaceholders,
  EXPLAINED_CLOSURE_REASONS,
  TEMPLATE_LABEL,
  closedWithoutConfirmation,
  closureExplanation,
  confirmationReminder,
  confirmationRequest,
  resolvedClosure,
  validateTicket,
} from '../../../shared/domain';
import { TICKET_NUMBER, makeTicket } from '../../fixtures/tickets';

const ticket = makeTicket();

/** What every text carries: the requester by name, the ticket number, the end customer, a signature. */
function expectAddressed(text: string, customer = 'Contoso Ltd'): void {
  expect(text.startsWith('Dear Laura Verdi,\n\n')).toBe(true);
  expect(text).toContain(TICKET_NUMBER);
  expect(text).toContain(customer);
  expect(text.endsWith('Cloud Solution Support (CSS Team)')).toBe(true);
  expect(text).not.toMatch(/undefined|null|NaN|\[object|_/);
}

describe('closureExplanation', () => {
  it.each(EXPLAINED_CLOSURE_REASONS)('%s: addressed, and short enough to be a closure explanation', (reason) => {
    const text = closureExplanation(ticket, reason);
    expectAddressed(text);
    expect(text.length).toBeLessThanOrEqual(8000);
  });

  it('not entitled: says there is no active entitlement through the reseller, and closes', () => {
    const text = closureExplanation(makeTicket({ entitlement: null }), 'not_entitled');
    expect(text).toContain(
      'we found no support entitlement for Contoso Ltd through Northwind IT Services in StreamOne Marketplace',
    );
    expect(text).toContain('we cannot provide support, so we are closing this request');
  });

  it('not entitled: names the plan that is not active', () => {
    const inactive = makeTicket({ entitlement: { supportPlan: 'advanced', active: false, onPremiseAddOn: false } });
    expect(closureExplanation(inactive, 'not_entitled')).toContain(
      'the Advanced support plan that Northwind IT Services holds for Contoso Ltd in StreamOne Marketplace is not active',
    );
  });

  it('missing information: lists each missing or invalid field in plain words and invites a new request', () => {
    const incomplete = makeTicket({
      endCustomer: { companyName: 'Contoso Ltd', tenantDomain: 'contoso.com', timeZone: 'Europe/Rome' },
      priority: null,
      scope: null,
      description: 'Mail broken',
    });
    const text = closureExplanation(incomplete, 'missing_information');
    expectAddressed(text);
    expect(text).toContain(
      [
        'The following information was missing or not valid:',
        '- The end customer\'s tenant domain, in the form <name>.onmicrosoft.com (for example contoso.onmicrosoft.com); the domain given, "contoso.com", does not end in .onmicrosoft.com',
        '- The incident priority (critical, high, normal or low)',
        '- The scope: the product the issue is about (for example Exchange Online or Microsoft Teams)',
        '- A fuller description of the issue: what happens, since when, and who is affected',
      ].join('\n'),
    );
    expect(text).toContain('Please open a new support request with this information');
    expect(text).not.toContain('company name');
  });

  it('missing information: asks for a missing company name and domain without quoting anything', () => {
    const bare = makeTicket({
      endCustomer: { companyName: null, tenantDomain: null, timeZone: 'UTC' },
      description: '',
    });
    const text = closureExplanation(bare, 'missing_information');
    expectAddressed(text, 'your end customer');
    expect(text).toContain("- The end customer's company name\n");
    expect(text).toContain(
      "- The end customer's tenant domain, in the form <name>.onmicrosoft.com (for example contoso.onmicrosoft.com)\n",
    );
    expect(text).toContain('- A description of the issue: what happens, since when, and who is affected');
  });

  it('missing information: lists the failing checks it is given (the recorded run), not the current data', () => {
    const recorded = validateTicket(makeTicket({ priority: null }));
    const text = closureExplanation(ticket, 'missing_information', recorded);
    expect(text).toContain('- The incident priority');
    expect(text).not.toContain('- The scope');
  });

  it('missing information: still reads well when no check fails', () => {
    expect(closureExplanation(ticket, 'missing_information')).toContain(
      'Some of the mandatory information was missing or not valid.',
    );
  });

  it('On-Premise: Microsoft confirmed the scenario and the add-on was not purchased in StreamOne Marketplace', () => {
    const text = closureExplanation(ticket, 'on_premise_not_entitled');
    expect(text).toContain('the Microsoft engineer confirmed that the issue falls into the On-Premise scenario');
    expect(text).toContain(
      'the On-Premise add-on, which has not been purchased for Contoso Ltd in StreamOne Marketplace',
    );
    expect(text).toContain('not entitled to receive support');
  });
});

describe('the resolution texts', () => {
  it('asks the customer to confirm the fix', () => {
    const text = confirmationRequest(ticket);
    expectAddressed(text);
    expect(text).toContain('confirm that everything works as expected');
  });

  it.each([
    [1, 'first'],
    [3, 'third'],
    [12, 'number 12'],
  ])('reminder %i says which reminder it is', (reminderNumber, which) => {
    const text = confirmationReminder(ticket, reminderNumber);
    expectAddressed(text);
    expect(text).toContain(`This is our ${which} reminder`);
    expect(text).toContain('Without an answer, we will close the request as resolved.');
  });

  it('closing without confirmation says how many reminders went unanswered', () => {
    expectAddressed(closedWithoutConfirmation(ticket, 3));
    expect(closedWithoutConfirmation(ticket, 3)).toContain('sent 3 reminders without an answer');
    expect(closedWithoutConfirmation(ticket, 1)).toContain('sent one reminder without an answer');
  });

  it('thanks the customer for confirming', () => {
    const text = resolvedClosure(ticket);
    expectAddressed(text);
    expect(text).toContain('Thank you for confirming');
  });

  it('uses a valid tenant domain to name the end customer when the company name is missing', () => {
    const noName = makeTicket({
      endCustomer: { companyName: ' ', tenantDomain: 'Contoso.onmicrosoft.com', timeZone: 'UTC' },
    });
    expectAddressed(confirmationRequest(noName), 'contoso.onmicrosoft.com');
  });

  it('labels every template for the console menu', () => {
    expect(Object.keys(TEMPLATE_LABEL)).toEqual([
      'not_entitled',
      'missing_information',
      'on_premise_not_entitled',
      'confirmation_request',
      'confirmation_reminder',
      'closed_without_confirmation',
      'resolved_closure',
    ]);
  });
});

describe('fillPlaceholders', () => {
  it("fills a canned reply's placeholders for this ticket and engineer, leaving other braces as written", () => {
    const text = 'Dear {contact}, about {ticket} for {customer}: {unknown} stays. {engineer}, {ticket}';
    expect(fillPlaceholders(text, ticket, 'Giulia Rossi')).toBe(
      `Dear ${ticket.requester.name}, about ${ticket.number} for ${ticket.endCustomer.companyName ?? ''}: {unknown} stays. Giulia Rossi, ${ticket.number}`,
    );
  });

  it('names the tenant when the company name is missing', () => {
    const bare = makeTicket({ endCustomer: { ...ticket.endCustomer, companyName: null } });
    expect(fillPlaceholders('{customer}', bare, 'G')).toBe(ticket.endCustomer.tenantDomain ?? '');
  });
});
