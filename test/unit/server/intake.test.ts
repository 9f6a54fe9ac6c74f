// The web form: it opens tickets in validation, refuses malformed entries whole, and gives back what was typed, escaped.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../../shared/api';
import { PullResponse } from '../../../shared/api/sync';
import { TenantDomain } from '../../../shared/domain/customer';
import { SCOPE_LABEL } from '../../../shared/domain/ticket-labels';
import { Scope, type Ticket } from '../../../shared/domain/ticket';
import { resellers } from '../../../server/demo/organisations';
import { UNKNOWN_RESELLER, teamForScope } from '../../../server/intake/create';
import { escapeHtml } from '../../../server/intake/html';
import { INTAKE_BODY_LIMIT, INTAKE_FORM_PATH } from '../../../server/intake/routes';
import {
  NOW,
  type Portal,
  allTickets,
  bearer,
  david,
  entitledAccount,
  giulia,
  intakeEntries,
  seededPortal,
  signIn,
  snapshot,
} from './fixtures';

const FORM = 'application/x-www-form-urlencoded';

describe('the intake web form', () => {
  let portal: Portal;
  beforeEach(async () => {
    portal = await seededPortal();
  });
  afterEach(() => portal.close());

  // The tenant domain typed in capitals, as customers do: it is stored lower-case, as the entitlements are.
  const validEntries = async (): Promise<Record<string, string>> => ({
    ...(await intakeEntries(portal.db)),
    tenantDomain: (await entitledAccount(portal.db)).tenantDomain.toUpperCase(),
  });

  const postForm = (entries: Record<string, string>) =>
    portal.app.inject({
      method: 'POST',
      url: INTAKE_FORM_PATH,
      headers: { 'content-type': FORM },
      payload: new URLSearchParams(entries).toString(),
    });

  const ticketNumbered = async (number: string): Promise<Ticket> => {
    const found = (await allTickets(portal.db)).find((ticket) => ticket.number === number);
    if (found === undefined) throw new Error(`no ticket ${number}`);
    return found;
  };

  const pulledNumbers = async (email: string) => {
    const response = await portal.app.inject({
      method: 'GET',
      url: `${API_PREFIX}/sync/pull?cursor=200`,
      headers: bearer(await signIn(portal.app, email)),
    });
    return PullResponse.parse(response.json()).tickets.map((ticket) => ticket.number);
  };

  /** The error shown next to a field, or null when the field has none. */
  const fieldError = (page: string, field: string) =>
    new RegExp(`<p class="error" id="${field}-error">([^<]*)</p>`).exec(page)?.[1] ?? null;

  it('shows the form with every reseller on file, every product area by its label, and a default time zone', async () => {
    const response = await portal.app.inject({ method: 'GET', url: INTAKE_FORM_PATH });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    for (const reseller of resellers) {
      expect(response.body).toMatch(new RegExp(`<option value="${reseller.id}"\\s*>${escapeHtml(reseller.name)}<`));
    }
    for (const scope of Scope.options) {
      expect(response.body).toContain(`<option value="${scope}" >${escapeHtml(SCOPE_LABEL[scope])}</option>`);
    }
    expect(response.body).toContain('SharePoint &amp; OneDrive');
    expect(response.body).toMatch(/<option value="Europe\/Rome"\s+selected>/);
    expect(response.body).not.toContain('class="error"');
  });

  it('creates one ticket in validation from the web form, in its team queue, and shows its number', async () => {
    const before = await snapshot(portal.db);
    const account = await entitledAccount(portal.db);
    const response = await postForm(await validEntries());

    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/intake/received/CSS-100201');
    const receipt = await portal.app.inject({ method: 'GET', url: response.headers.location as string });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.body.replace(/<[^>]+>/g, '')).toContain('Your request CSS-100201 was received');

    const after = await snapshot(portal.db);
    expect(after.seq).toBe(Number(before.seq) + 1);
    expect(after.tickets).toHaveLength(before.tickets.length + 1);
    const ticket = await ticketNumbered('CSS-100201');
    const reseller = resellers.find((candidate) => candidate.id === account.resellerId);
    expect(ticket.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(ticket).toEqual({
      id: ticket.id,
      number: 'CSS-100201',
      title: 'Outbound mail rejected by Gmail',
      description: (await validEntries()).description,
      channel: 'web_form',
      requester: {
        name: 'Luca Ricci',
        email: 'luca.ricci@nuvoladigitale.example',
        resellerId: account.resellerId,
        resellerName: reseller?.name,
      },
      endCustomer: { companyName: 'Bellavista Hotels', tenantDomain: account.tenantDomain, timeZone: 'Europe/Rome' },
      entitlement: account.entitlement,
      priority: 'high',
      scope: 'exchange_online',
      stage: 'validation',
      status: 'new',
      teamId: 'tm-modern-work',
      assignee: null,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      validation: null,
      escalation: null,
      confirmation: null,
      closure: null,
      remoteSessions: [],
      timeline: [
        {
          id: ticket.timeline[0]?.id,
          at: NOW.toISOString(),
          kind: 'system_event',
          actor: null,
          text: `Received through the web form from Luca Ricci (${reseller?.name})`,
        },
      ],
      version: 1,
      serverSeq: Number(before.seq) + 1,
    });
    expect(await pulledNumbers(giulia.email)).toEqual(['CSS-100201']);
    expect(await pulledNumbers(david.email)).toEqual([]);
  });

  it('numbers on past CSS-999999: the next request is CSS-1000000, with its receipt and in the pull', async () => {
    // A ticket numbered CSS-999999 stored by other means than intake moves the numbering past it too.
    const queued = (await allTickets(portal.db)).find((ticket) => ticket.teamId === 'tm-modern-work') as Ticket;
    await portal.db.saveTicket({
      ...queued,
      id: randomUUID(),
      number: 'CSS-999999',
      serverSeq: await portal.db.nextSeq(),
    });

    const response = await postForm(await validEntries());
    expect(response.headers.location).toBe('/intake/received/CSS-1000000');
    const receipt = await portal.app.inject({ method: 'GET', url: response.headers.location as string });
    expect(receipt.body.replace(/<[^>]+>/g, '')).toContain('Your request CSS-1000000 was received');
    expect(await pulledNumbers(giulia.email)).toContain('CSS-1000000');
    expect((await postForm(await validEntries())).headers.location).toBe('/intake/received/CSS-1000001');
  });

  it('routes Azure to the Azure team and everything else, unscoped included, to Modern Work', async () => {
    expect((await postForm({ ...(await validEntries()), scope: 'azure' })).statusCode).toBe(303);
    expect((await ticketNumbered('CSS-100201')).teamId).toBe('tm-azure');
    expect(await pulledNumbers(david.email)).toEqual(['CSS-100201']);
    expect(await pulledNumbers(giulia.email)).toEqual([]);

    expect(teamForScope(null)).toBe('tm-modern-work');
    for (const scope of Scope.options) {
      expect(teamForScope(scope)).toBe(scope === 'azure' ? 'tm-azure' : 'tm-modern-work');
    }
  });

  it('accepts a request without company, tenant domain, priority or scope: validation will close it', async () => {
    const entries = {
      ...(await validEntries()),
      companyName: '',
      tenantDomain: '  ',
      timeZone: '',
      priority: '',
      scope: '',
    };
    expect((await postForm(entries)).statusCode).toBe(303);
    expect(await ticketNumbered('CSS-100201')).toMatchObject({
      endCustomer: { companyName: null, tenantDomain: null, timeZone: 'Europe/Rome' },
      entitlement: null,
      priority: null,
      scope: null,
      stage: 'validation',
      teamId: 'tm-modern-work',
    });
  });

  const tenantRule = TenantDomain.safeParse('contoso.com').error?.issues[0]?.message ?? '';
  it.each([
    ['a malformed tenant domain', 'tenantDomain', 'contoso.com', tenantRule],
    ['an unknown reseller', 'resellerId', 'rs-999', UNKNOWN_RESELLER],
    [
      'a missing description',
      'description',
      '   ',
      'describe the issue: what happens, since when, and who is affected',
    ],
    ['a malformed e-mail address', 'contactEmail', 'luca.ricci@', 'must be an e-mail address such as name@example.com'],
  ])(
    'refuses %s with 400, the message beside the field and the entries kept, creating nothing',
    async (_case, field, value, message) => {
      const before = await snapshot(portal.db);
      const entries = { ...(await validEntries()), [field]: value };
      const response = await postForm(entries);

      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(fieldError(response.body, field)).toBe(escapeHtml(message));
      expect(response.body).toMatch(new RegExp(`id="${field}"\\s+name="${field}" aria-invalid="true"`));
      for (const other of ['contactName', 'contactEmail', 'companyName', 'tenantDomain', 'subject'] as const) {
        if (other !== field) expect(fieldError(response.body, other)).toBeNull();
        expect(response.body).toContain(`value="${escapeHtml(entries[other] ?? '')}"`);
      }
      expect(await snapshot(portal.db)).toEqual(before);
    },
  );

  it('names every missing required field at once, and none of the fields validation checks later', async () => {
    const before = await snapshot(portal.db);
    const response = await postForm({});
    expect(response.statusCode).toBe(400);
    for (const field of ['resellerId', 'contactName', 'contactEmail', 'subject', 'description']) {
      expect(fieldError(response.body, field)).not.toBeNull();
    }
    for (const field of ['companyName', 'tenantDomain', 'timeZone', 'priority', 'scope']) {
      expect(fieldError(response.body, field)).toBeNull();
    }
    expect(response.body).toContain('Please correct these 5 fields');
    expect(await snapshot(portal.db)).toEqual(before);
  });

  it('echoes what was typed as text, never as markup', async () => {
    const response = await postForm({
      ...(await validEntries()),
      contactEmail: 'not-an-address',
      companyName: '<script>alert("owned")</script>',
      subject: '"><img src=x onerror=alert(1)>',
      description: '</textarea><script>alert(1)</script>',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toMatch(/<script|<img/);
    expect(response.body).toContain('value="&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;"');
    expect(response.body).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    expect(response.body).toContain('>&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>');
  });

  it.each([
    ['JSON posted to the web form', 'POST', INTAKE_FORM_PATH, 415],
    ['an oversized form', 'POST', INTAKE_FORM_PATH, 413],
    ['the receipt of a ticket that does not exist', 'GET', '/intake/received/CSS-999999', 404],
    ['a receipt that is not a ticket number', 'GET', '/intake/received/%3Cscript%3E', 404],
  ] as const)('answers %s with a page the customer can read', async (_case, method, url, status) => {
    const before = await snapshot(portal.db);
    const response = await portal.app.inject({
      method,
      url,
      ...(method === 'POST' &&
        (status === 415
          ? { payload: await validEntries() }
          : { headers: { 'content-type': FORM }, payload: `description=${'x'.repeat(INTAKE_BODY_LIMIT)}` })),
    });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('<a href="/intake">');
    expect(response.body).not.toContain('<script');
    expect(await snapshot(portal.db)).toEqual(before);
  });
});
