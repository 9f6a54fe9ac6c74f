// updateDetails: corrections to what the requester gave, checked the way validation checks them, all or nothing.
import { describe, expect, it } from 'vitest';
import { TENANT_DOMAIN_RULE } from '../../../../shared/domain';
import { UpdateDetailsArgs, updateDetails } from '../../../../shared/mutations';
import { ENGINEER, FIXED_NOW, TICKET_ID, entryId, makeTicket, makeTicketInStage } from '../../../fixtures/tickets';
import { applyTo, expectApplied, expectRefused } from './apply';

const eventId = entryId(1);
const event = (text: string) => ({ id: eventId, at: FIXED_NOW, kind: 'system_event' as const, actor: ENGINEER, text });
const incomplete = makeTicket({
  endCustomer: { companyName: null, tenantDomain: 'contoso.com', timeZone: 'Europe/Rome' },
  priority: null,
});

describe('updateDetails', () => {
  it('changes the given fields, normalizes the tenant domain, and lists the changes on the timeline', () => {
    const result = expectApplied(
      applyTo(updateDetails, incomplete, {
        ticketId: TICKET_ID,
        eventId,
        companyName: 'Contoso Ltd',
        tenantDomain: ' Contoso.OnMicrosoft.com ',
        timeZone: 'Europe/London',
        priority: 'critical',
        title: 'No outbound mail',
      }),
    );
    expect(result).toEqual({
      ...incomplete,
      endCustomer: { companyName: 'Contoso Ltd', tenantDomain: 'contoso.onmicrosoft.com', timeZone: 'Europe/London' },
      priority: 'critical',
      title: 'No outbound mail',
      updatedAt: FIXED_NOW,
      timeline: [
        ...incomplete.timeline,
        event(
          'Details updated: company name (none → Contoso Ltd), tenant domain (contoso.com → contoso.onmicrosoft.com), time zone (Europe/Rome → Europe/London), priority (none → Critical) and title',
        ),
      ],
    });
  });

  it('works in any open stage, naming scope and description changes', () => {
    const ticket = makeTicketInStage('escalated');
    const description = 'Since Monday, every outbound message to gmail.com bounces with 550 5.7.1.';
    const result = expectApplied(
      applyTo(updateDetails, ticket, { ticketId: TICKET_ID, eventId, scope: 'teams', description }),
    );
    expect(result).toMatchObject({ scope: 'teams', description, stage: 'escalated' });
    expect(result.timeline.at(-1)).toEqual(
      event('Details updated: scope (Exchange Online → Microsoft Teams) and description'),
    );
  });

  it('changes nothing, and logs nothing, when the values are already there', () => {
    const ticket = makeTicket();
    const result = applyTo(updateDetails, ticket, {
      ticketId: TICKET_ID,
      eventId,
      tenantDomain: 'CONTOSO.onmicrosoft.com',
      priority: 'high',
    });
    expect(expectApplied(result)).toEqual(ticket);
  });

  it.each([
    [
      'a custom domain',
      'contoso.com',
      `The details of CSS-100042 were not changed: the tenant domain "contoso.com" does not end in .onmicrosoft.com; ${TENANT_DOMAIN_RULE}. Correct it and save again.`,
    ],
    [
      'a hyphenated name',
      'contoso-it.onmicrosoft.com',
      `The details of CSS-100042 were not changed: the tenant domain "contoso-it.onmicrosoft.com" has "-" in its name, where only letters and digits are allowed; ${TENANT_DOMAIN_RULE}. Correct it and save again.`,
    ],
    [
      'a blank value',
      '  ',
      `The details of CSS-100042 were not changed: the tenant domain is missing; ${TENANT_DOMAIN_RULE}. Correct it and save again.`,
    ],
  ])('refuses %s as tenant domain, changing nothing else either', (_label, tenantDomain, expected) => {
    const result = applyTo(updateDetails, incomplete, {
      ticketId: TICKET_ID,
      eventId,
      companyName: 'Contoso Ltd',
      tenantDomain,
    });
    expect(expectRefused(result, 'invalid_args')).toBe(expected);
  });

  it('refuses a time zone that is not an IANA zone', () => {
    const result = applyTo(updateDetails, incomplete, { ticketId: TICKET_ID, eventId, timeZone: 'CET+1' });
    expect(expectRefused(result, 'invalid_args')).toBe(
      `The details of CSS-100042 were not changed: "CET+1" is not a time zone; the customer's time zone must be an IANA time zone such as Europe/Rome. Correct it and save again.`,
    );
  });

  it('is refused on a closed ticket', () => {
    const result = applyTo(updateDetails, makeTicketInStage('closed'), {
      ticketId: TICKET_ID,
      eventId,
      priority: 'low',
    });
    expect(expectRefused(result, 'ticket_closed')).toBe('CSS-100042 is closed: reopen it before changing its details.');
  });
});

describe('UpdateDetailsArgs', () => {
  it('asks for at least one detail', () => {
    const parsed = UpdateDetailsArgs.safeParse({ ticketId: TICKET_ID, eventId });
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(['nothing to change: give at least one detail']);
  });

  it('explains each wrong field in words', () => {
    const parsed = UpdateDetailsArgs.safeParse({
      ticketId: TICKET_ID,
      eventId,
      companyName: '  ',
      priority: 'urgent',
      title: '',
    });
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['companyName', 'the company name is empty'],
      ['priority', 'the priority must be critical, high, normal or low'],
      ['title', 'the title is empty'],
    ]);
  });

  it('trims what it keeps', () => {
    expect(UpdateDetailsArgs.parse({ ticketId: TICKET_ID, eventId, companyName: '  Contoso Ltd ' }).companyName).toBe(
      'Contoso Ltd',
    );
  });
});
