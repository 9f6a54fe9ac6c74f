// The chat page: intake one question at a time, the answers carried in the page, the intake's messages, a ticket at the end.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INTAKE_FIELDS } from '../../../shared/api/intake';
import { TenantDomain } from '../../../shared/domain/customer';
import { CHAT_PAGE_PATH } from '../../../server/intake/chat-routes';
import { INTAKE_FORM_PATH } from '../../../server/intake/routes';
import { type Portal, giulia, intakeEntries, pullAfter, seededPortal, signIn, snapshot } from './fixtures';

const FORM = 'application/x-www-form-urlencoded';

const unescape = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const words = (page: string) =>
  unescape(
    page
      .replace(/<style>[\s\S]*?<\/style>/, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' '),
  );

/** What a form of the page sends: its hidden fields. `which` picks the form by a piece of its markup. */
function hiddenFields(page: string, which: string): Record<string, string> {
  const form = [...page.matchAll(/<form[\s\S]*?<\/form>/g)].map(([markup]) => markup).find((m) => m.includes(which));
  if (form === undefined) throw new Error(`the page has no form with ${which}`);
  const fields: Record<string, string> = {};
  for (const [, name, value] of form.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)) {
    if (name !== undefined) fields[name] = unescape(value ?? '');
  }
  return fields;
}

/** The error shown with the question, or null. */
const answerError = (page: string) => {
  const error = /<p class="error" id="answer-error"[^>]*>([^<]*)<\/p>/.exec(page)?.[1];
  return error === undefined ? null : unescape(error);
};

describe('the chat page', () => {
  let portal: Portal;
  beforeEach(async () => {
    portal = await seededPortal();
  });
  afterEach(() => portal.close());

  const post = (fields: Record<string, string>) =>
    portal.app.inject({
      method: 'POST',
      url: CHAT_PAGE_PATH,
      headers: { 'content-type': FORM },
      payload: new URLSearchParams(fields).toString(),
    });
  /** Answers the question the page asks, as its form would send it. */
  const answer = (page: string, value: string) => post({ ...hiddenFields(page, 'name="asking"'), answer: value });

  /** Walks from the first question to the review, answering each with the entries given. */
  async function walk(entries: Record<string, string>): Promise<string> {
    let page = (await portal.app.inject({ method: 'GET', url: CHAT_PAGE_PATH })).body;
    for (const field of INTAKE_FIELDS) {
      expect(hiddenFields(page, 'name="asking"').asking).toBe(field);
      const response = await answer(page, entries[field] ?? '');
      expect(response.statusCode, field).toBe(200);
      page = response.body;
    }
    return page;
  }

  it('is linked from the web form, and links back to it', async () => {
    const form = await portal.app.inject({ method: 'GET', url: INTAKE_FORM_PATH });
    expect(form.body).toContain(`href="${CHAT_PAGE_PATH}"`);
    const chat = await portal.app.inject({ method: 'GET', url: CHAT_PAGE_PATH });
    expect(chat.statusCode).toBe(200);
    expect(chat.headers['content-security-policy']).toContain("default-src 'none'");
    expect(words(chat.body)).toContain('First, which reseller company do you work for?');
    expect(chat.body).toContain(`href="${INTAKE_FORM_PATH}"`);
  });

  it('asks one question at a time, showing the answers so far, and creates the ticket the engineer pulls', async () => {
    const entries = await intakeEntries(portal.db);
    const first = await answer(
      (await portal.app.inject({ method: 'GET', url: CHAT_PAGE_PATH })).body,
      entries.resellerId ?? '',
    );
    expect(words(first.body)).toContain('What is your name?');
    const second = await answer(first.body, 'Luca Ricci');
    expect(words(second.body)).toContain(
      'Thank you, Luca. Which e-mail address should we write to about this request?',
    );
    expect(words(second.body)).toContain('Luca Ricci');

    const review = await walk(entries);
    expect(words(review)).toContain('Check your answers above');
    expect(words(review)).toContain('Bellavista Hotels');
    expect(words(review)).toContain('Outbound mail rejected by Gmail');
    expect((await snapshot(portal.db)).seq).toBe(200);

    const sent = await post(hiddenFields(review, 'name="send"'));
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/chat/received/CSS-100201');
    const receipt = await portal.app.inject({ method: 'GET', url: sent.headers.location as string });
    expect(receipt.statusCode).toBe(200);
    expect(words(receipt.body)).toContain('Your request CSS-100201 was received');

    const [ticket] = await pullAfter(portal.app, await signIn(portal.app, giulia.email), 200);
    expect(ticket).toMatchObject({
      number: 'CSS-100201',
      channel: 'chat',
      stage: 'validation',
      title: 'Outbound mail rejected by Gmail',
      endCustomer: { companyName: 'Bellavista Hotels', timeZone: 'Europe/Rome' },
      priority: 'high',
      scope: 'exchange_online',
    });
    expect(ticket?.timeline[0]).toMatchObject({
      text: expect.stringMatching(/^Received through chat from Luca Ricci/) as string,
    });
  });

  const tenantRule = TenantDomain.safeParse('contoso.com').error?.issues[0]?.message ?? '';
  it("asks again, with the intake's message and the answer kept, when an answer is invalid", async () => {
    expect(tenantRule).not.toBe('');
    const entries = await intakeEntries(portal.db);
    let page = (await portal.app.inject({ method: 'GET', url: CHAT_PAGE_PATH })).body;
    for (const field of INTAKE_FIELDS.slice(0, INTAKE_FIELDS.indexOf('tenantDomain'))) {
      page = (await answer(page, entries[field] ?? '')).body;
    }
    const before = await snapshot(portal.db);
    const wrong = await answer(page, 'contoso.com');
    expect(wrong.statusCode).toBe(400);
    expect(answerError(wrong.body)).toBe(tenantRule);
    expect(wrong.body).toContain('value="contoso.com"');
    expect(hiddenFields(wrong.body, 'name="asking"').asking).toBe('tenantDomain');

    const blankName = await post({ ...hiddenFields(wrong.body, 'name="asking"'), contactName: ' ', answer: 'x' });
    expect(blankName.statusCode).toBe(400);
    expect(answerError(blankName.body)).toBe('enter your name');

    const corrected = await answer(wrong.body, entries.tenantDomain ?? '');
    expect(corrected.statusCode).toBe(200);
    expect(hiddenFields(corrected.body, 'name="asking"').asking).toBe('timeZone');
    expect(await snapshot(portal.db)).toEqual(before);
  });

  it('lets an answer be changed before sending, keeping the others', async () => {
    const review = await walk(await intakeEntries(portal.db));
    const change = await post(hiddenFields(review, 'value="contactEmail"'));
    expect(change.statusCode).toBe(200);
    expect(hiddenFields(change.body, 'name="asking"').asking).toBe('contactEmail');
    expect(change.body).toContain('value="luca.ricci@nuvoladigitale.example"');
    const again = await answer(change.body, 'luca@nuvoladigitale.example');
    expect(words(again.body)).toContain('Check your answers above');
    expect(hiddenFields(again.body, 'name="send"')).toMatchObject({
      contactEmail: 'luca@nuvoladigitale.example',
      description: (await intakeEntries(portal.db)).description,
    });
  });
});
