// The public intake's limit: ten new requests per address in ten minutes, through the form, the chat page
// and the chat intake together; a refusal says when to try again, and only requests opened count.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../../shared/api/errors';
import { CHAT_PAGE_PATH } from '../../../server/intake/chat-routes';
import {
  CHAT_INTAKE_PATH,
  INTAKE_FORM_PATH,
  INTAKE_REQUESTS_PER_ADDRESS,
  INTAKE_WINDOW_MS,
} from '../../../server/intake/routes';
import { NOW, type Portal, intakeEntries, listen, seededPortal, snapshot } from './fixtures';

const FORM = 'application/x-www-form-urlencoded';

describe('the intake limit per address', () => {
  let portal: Portal;
  let address: string;
  beforeEach(async () => {
    portal = await seededPortal();
    address = await listen(portal);
  });
  afterEach(() => portal.close());

  const postChat = (payload: Record<string, unknown>) =>
    fetch(`${address}${CHAT_INTAKE_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
  const postForm = (entries: Record<string, string>, remoteAddress = '127.0.0.1') =>
    portal.app.inject({
      method: 'POST',
      url: INTAKE_FORM_PATH,
      remoteAddress,
      headers: { 'content-type': FORM },
      payload: new URLSearchParams(entries).toString(),
    });

  it('opens ten requests from one address in ten minutes, through any door, and refuses the 11th with 429', async () => {
    expect([INTAKE_REQUESTS_PER_ADDRESS, INTAKE_WINDOW_MS]).toEqual([10, 600_000]);
    const entries = await intakeEntries(portal.db);
    for (let request = 1; request <= 5; request += 1) expect((await postChat(entries)).status).toBe(201);
    for (let request = 6; request <= 10; request += 1) expect((await postForm(entries)).statusCode).toBe(303);

    const before = await snapshot(portal.db);
    const chat = await postChat(entries);
    expect(chat.status).toBe(429);
    expect(chat.headers.get('retry-after')).toBe('600');
    expect(ErrorBody.parse(await chat.json())).toEqual({
      error: 'rate_limited',
      message:
        'too many support requests were opened from your address in the last 10 minutes: send this one again in 600 seconds',
    });
    const form = await postForm(entries);
    expect([form.statusCode, form.headers['content-type'], form.headers['retry-after']]).toEqual([
      429,
      'text/html; charset=utf-8',
      '600',
    ]);
    expect(form.body).toContain('Too many requests were sent from your network');
    const chatPage = await portal.app.inject({
      method: 'POST',
      url: CHAT_PAGE_PATH,
      headers: { 'content-type': FORM },
      payload: new URLSearchParams({ ...entries, send: 'yes' }).toString(),
    });
    expect(chatPage.statusCode).toBe(429);
    expect(await snapshot(portal.db)).toEqual(before);

    // Answering the chat's questions opens nothing, so it is not limited.
    const answering = await portal.app.inject({
      method: 'POST',
      url: CHAT_PAGE_PATH,
      headers: { 'content-type': FORM },
    });
    expect(answering.statusCode).toBe(200);
    expect((await postForm(entries, '198.51.100.20')).statusCode).toBe(303);

    portal.setNow(new Date(NOW.getTime() + INTAKE_WINDOW_MS));
    expect((await postChat(entries)).status).toBe(201);
  });

  it('does not count a request refused for its entries', async () => {
    const entries = await intakeEntries(portal.db);
    for (let request = 1; request <= 12; request += 1) {
      expect((await postChat({ ...entries, contactEmail: 'not an address' })).status).toBe(400);
    }
    expect((await postChat(entries)).status).toBe(201);
  });
});
