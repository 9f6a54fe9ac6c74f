// The chat intake: JSON in, a ticket in validation and its number out, field-level issues for what is malformed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../../shared/api';
import { ErrorBody } from '../../../shared/api/errors';
import { IntakeReceipt } from '../../../shared/api/intake';
import { TenantDomain } from '../../../shared/domain/customer';
import { UNKNOWN_RESELLER } from '../../../server/intake/create';
import { CHAT_INTAKE_PATH, INTAKE_BODY_LIMIT, INTAKE_FORM_PATH } from '../../../server/intake/routes';
import { type Portal, intakeEntries, seededPortal, snapshot } from './fixtures';

const FORM = 'application/x-www-form-urlencoded';

describe('the chat intake', () => {
  let portal: Portal;
  beforeEach(async () => {
    portal = await seededPortal();
  });
  afterEach(() => portal.close());

  const postChat = (payload: Record<string, unknown>) =>
    portal.app.inject({ method: 'POST', url: CHAT_INTAKE_PATH, payload });

  it('numbers tickets on from the highest, whichever door they came through', async () => {
    const form = await portal.app.inject({
      method: 'POST',
      url: INTAKE_FORM_PATH,
      headers: { 'content-type': FORM },
      payload: new URLSearchParams(await intakeEntries(portal.db)).toString(),
    });
    expect(form.headers.location).toBe('/intake/received/CSS-100201');
    const chat = await postChat({ ...(await intakeEntries(portal.db)), companyName: null, priority: null });
    expect(chat.statusCode).toBe(201);
    expect(IntakeReceipt.parse(chat.json()).number).toBe('CSS-100202');
  });

  it('opens a ticket from the chat: 201 with its id and number, channel chat, unknown details null', async () => {
    // Absent (undefined is left out of the JSON), null and a value, side by side.
    const response = await postChat({
      ...(await intakeEntries(portal.db)),
      timeZone: undefined,
      companyName: undefined,
      priority: null,
      scope: 'azure',
    });

    expect(response.statusCode).toBe(201);
    const receipt = IntakeReceipt.parse(response.json());
    expect(receipt.number).toBe('CSS-100201');
    const ticket = await portal.db.findTicket(receipt.id);
    expect(ticket).toMatchObject({
      number: 'CSS-100201',
      channel: 'chat',
      endCustomer: { companyName: null, timeZone: 'Europe/Rome' },
      priority: null,
      teamId: 'tm-azure',
      stage: 'validation',
    });
    expect(ticket?.timeline[0]?.kind === 'system_event' && ticket.timeline[0].text).toMatch(
      /^Received through chat from Luca Ricci \(/,
    );
  });

  const tenantRule = TenantDomain.safeParse('contoso.com').error?.issues[0]?.message ?? '';
  it('refuses a chat intake with field-level issues, creating nothing', async () => {
    const before = await snapshot(portal.db);
    const response = await postChat({
      ...(await intakeEntries(portal.db)),
      resellerId: 'rs-999',
      contactEmail: 'x',
      tenantDomain: 'contoso',
      priority: 'urgent',
    });

    expect(response.statusCode).toBe(400);
    const body = ErrorBody.parse(response.json());
    expect(body.error).toBe('invalid_request');
    expect(body.issues).toEqual([
      { path: 'resellerId', message: UNKNOWN_RESELLER },
      { path: 'contactEmail', message: 'must be an e-mail address such as name@example.com' },
      { path: 'tenantDomain', message: tenantRule },
      { path: 'priority', message: 'choose critical, high, normal or low' },
    ]);
    expect(await snapshot(portal.db)).toEqual(before);
  });

  it.each([
    ['malformed JSON to the chat', CHAT_INTAKE_PATH, 'application/json', '{"resellerId": ', 400],
    [
      'an oversized chat body',
      CHAT_INTAKE_PATH,
      'application/json',
      JSON.stringify({ description: 'x'.repeat(INTAKE_BODY_LIMIT) }),
      413,
    ],
    ['a form body to the chat', CHAT_INTAKE_PATH, FORM, 'resellerId=rs-001', 415],
    ['a form body to sign-in, which takes JSON only', `${API_PREFIX}/auth/login`, FORM, 'email=a%40b.example', 415],
  ])('answers %s with an ErrorBody, creating nothing', async (_case, url, type, payload, status) => {
    const before = await snapshot(portal.db);
    const response = await portal.app.inject({ method: 'POST', url, headers: { 'content-type': type }, payload });
    expect(response.statusCode).toBe(status);
    expect(ErrorBody.parse(response.json()).error).toBe(status === 400 ? 'malformed_json' : 'invalid_request');
    expect(await snapshot(portal.db)).toEqual(before);
  });
});
