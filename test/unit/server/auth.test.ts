// Signing in, bearer tokens and the shared error shape for everything a caller can get wrong.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../../shared/api';
import { LoginResponse } from '../../../shared/api/auth';
import { ErrorBody } from '../../../shared/api/errors';
import { TOKEN_LIFETIME_MS } from '../../../server/auth';
import { NOW, type Portal, bearer, giulia, listen, seededPortal, signIn, snapshot } from './fixtures';

const LOGIN = `${API_PREFIX}/auth/login`;
const LOGOUT = `${API_PREFIX}/auth/logout`;
const PULL = `${API_PREFIX}/sync/pull`;

describe('sign-in and bearer tokens', () => {
  let portal: Portal;
  beforeEach(async () => {
    portal = await seededPortal();
  });
  afterEach(() => portal.close());

  it('signs a demo user in and returns their profile and a token', async () => {
    const response = await portal.app.inject({
      method: 'POST',
      url: LOGIN,
      payload: { email: 'Giulia.Rossi@css.example', password: 'demo1234' },
    });
    expect(response.statusCode).toBe(200);
    const body = LoginResponse.parse(response.json());
    expect(body.user).toEqual({
      id: giulia.id,
      email: giulia.email,
      name: 'Giulia Rossi',
      role: 'engineer',
      teamId: 'tm-modern-work',
      teamName: 'Modern Work EMEA',
      timeZone: 'Europe/Rome',
    });
    // Only the token's hash is stored.
    const stored = (await portal.db.sql.all('SELECT token_hash FROM auth_tokens')).map((row) => row.token_hash);
    expect(stored).toHaveLength(1);
    expect(stored).not.toContain(body.token);
  });

  it.each([
    ['an unknown e-mail', 'nobody@css.example', 'demo1234'],
    ['a wrong password', giulia.email, 'demo12345'],
  ])('answers 401 bad_credentials, the same way, for %s', async (_case, email, password) => {
    const response = await portal.app.inject({ method: 'POST', url: LOGIN, payload: { email, password } });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: 'bad_credentials',
      message: 'the e-mail address or the password is wrong',
    });
  });

  it('answers 400 malformed_json to a body that is not JSON', async () => {
    const response = await portal.app.inject({
      method: 'POST',
      url: LOGIN,
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "giulia.rossi@css.example",',
    });
    expect(response.statusCode).toBe(400);
    expect(ErrorBody.parse(response.json()).error).toBe('malformed_json');
  });

  it('answers 400 invalid_request naming each failing field', async () => {
    const response = await portal.app.inject({ method: 'POST', url: LOGIN, payload: { password: '' } });
    expect(response.statusCode).toBe(400);
    const body = ErrorBody.parse(response.json());
    expect(body.error).toBe('invalid_request');
    expect(body.issues?.map((issue) => issue.path)).toEqual(['email', 'password']);
    expect(body.issues?.find((issue) => issue.path === 'password')?.message).toBe('the password is empty');
  });

  it('answers 415 to a body that is not sent as JSON', async () => {
    const response = await portal.app.inject({
      method: 'POST',
      url: LOGIN,
      headers: { 'content-type': 'text/plain' },
      payload: 'giulia.rossi@css.example demo1234',
    });
    expect(response.statusCode).toBe(415);
    expect(ErrorBody.parse(response.json()).error).toBe('invalid_request');
  });

  it('requires a bearer token: missing, unknown or malformed is 401 unauthenticated', async () => {
    const token = await signIn(portal.app, giulia.email);
    for (const headers of [{}, bearer('x'.repeat(43)), { authorization: `Basic ${token}` }, bearer(`${token}x`)]) {
      const response = await portal.app.inject({ method: 'GET', url: PULL, headers });
      expect(response.statusCode).toBe(401);
      expect(ErrorBody.parse(response.json()).error).toBe('unauthenticated');
    }
    expect((await portal.app.inject({ method: 'GET', url: PULL, headers: bearer(token) })).statusCode).toBe(200);
  });

  it("signs out: the token is revoked and answers 401, the same user's other sign-ins stay valid", async () => {
    const address = await listen(portal);
    const token = await signIn(portal.app, giulia.email);
    const otherConsole = await signIn(portal.app, giulia.email);
    const signOut = await fetch(`${address}${LOGOUT}`, { method: 'POST', headers: bearer(token) });
    expect(signOut.status).toBe(204);
    expect(await signOut.text()).toBe('');
    const pull = await fetch(`${address}${PULL}`, { headers: bearer(token) });
    expect(pull.status).toBe(401);
    expect(ErrorBody.parse(await pull.json()).error).toBe('unauthenticated');
    const again = await fetch(`${address}${LOGOUT}`, { method: 'POST', headers: bearer(token) });
    expect(again.status).toBe(401);
    expect((await fetch(`${address}${PULL}`, { headers: bearer(otherConsole) })).status).toBe(200);
  });

  it('keeps a login for 12 hours', () => expect(TOKEN_LIFETIME_MS).toBe(12 * 3_600_000));

  it('refuses a token at its expiry instant, not a millisecond before', async () => {
    const token = await signIn(portal.app, giulia.email);
    portal.setNow(new Date(NOW.getTime() + TOKEN_LIFETIME_MS - 1));
    expect((await portal.app.inject({ method: 'GET', url: PULL, headers: bearer(token) })).statusCode).toBe(200);
    portal.setNow(new Date(NOW.getTime() + TOKEN_LIFETIME_MS));
    const expired = await portal.app.inject({ method: 'GET', url: PULL, headers: bearer(token) });
    expect(expired.statusCode).toBe(401);
    expect(ErrorBody.parse(expired.json()).error).toBe('unauthenticated');
  });

  it('checks the token before reading the body, and writes nothing for a refused request', async () => {
    const before = await snapshot(portal.db);
    const response = await portal.app.inject({
      method: 'POST',
      url: `${API_PREFIX}/sync/push`,
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    expect(response.statusCode).toBe(401);
    expect(await snapshot(portal.db)).toEqual(before);
  });

  it('serves health without a token, and lets the desktop console call the API', async () => {
    const health = await portal.app.inject({ method: 'GET', url: `${API_PREFIX}/health` });
    expect(health.json()).toEqual({ ok: true });
    const preflight = await portal.app.inject({
      method: 'OPTIONS',
      url: PULL,
      headers: { origin: 'app://console', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBe('app://console');
    expect(String(preflight.headers['access-control-allow-headers'])).toMatch(/Authorization/);
  });

  it('answers an unexpected failure with 500 internal and no details', async () => {
    const token = await signIn(portal.app, giulia.email);
    await portal.db.sql.exec('DROP TABLE ticket_scope_exits; DROP TABLE tickets');
    const response = await portal.app.inject({ method: 'GET', url: PULL, headers: bearer(token) });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: 'internal',
      message: 'the server failed to handle the request; try again',
    });
  });

  it('answers an unknown endpoint with 404 not_found in the shared shape', async () => {
    const response = await portal.app.inject({ method: 'GET', url: `${API_PREFIX}/tickets` });
    expect(response.statusCode).toBe(404);
    expect(ErrorBody.parse(response.json()).error).toBe('not_found');
  });
});
