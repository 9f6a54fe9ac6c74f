// Which browser origins may read the API's answers, and the headers every answer carries, over real HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_PREFIX, DESKTOP_CONSOLE_ORIGIN } from '../../../shared/api';
import { type Portal, bearer, giulia, listen, seededPortal, signIn } from './fixtures';

const BROWSER_CONSOLE = 'http://localhost:4173';
const PULL = `${API_PREFIX}/sync/pull`;

describe('CORS and security headers', () => {
  let portal: Portal;
  let address: string;
  beforeEach(async () => {
    portal = await seededPortal(undefined, { consoleOrigins: [BROWSER_CONSOLE] });
    address = await listen(portal);
  });
  afterEach(() => portal.close());

  const preflight = (origin: string) =>
    fetch(`${address}${PULL}`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });

  it.each([DESKTOP_CONSOLE_ORIGIN, BROWSER_CONSOLE])('grants the console at %s', async (origin) => {
    const answer = await preflight(origin);
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
    expect(answer.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    const token = await signIn(portal.app, giulia.email);
    const pull = await fetch(`${address}${PULL}`, { headers: { origin, ...bearer(token) } });
    expect(pull.status).toBe(200);
    expect(pull.headers.get('access-control-allow-origin')).toBe(origin);
    // For a console told to wait: how long (Retry-After) and by the server's clock (Date), which a page
    // of another origin cannot read unless exposed.
    expect(pull.headers.get('access-control-expose-headers')).toBe('Retry-After, Date');
  });

  it.each([
    ['a foreign site', 'https://attacker.example'],
    ['a sandboxed page or a file', 'null'],
    ['a look-alike of the desktop origin', 'app://console.attacker.example'],
    ['the console host on another port', 'http://localhost:4174'],
  ])('grants nothing to %s, even with a valid token', async (_case, origin) => {
    const answer = await preflight(origin);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    const token = await signIn(portal.app, giulia.email);
    const pull = await fetch(`${address}${PULL}`, { headers: { origin, ...bearer(token) } });
    expect(pull.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('marks every answer nosniff and not to be stored, refusals included', async () => {
    const token = await signIn(portal.app, giulia.email);
    const answers = await Promise.all([
      fetch(`${address}${API_PREFIX}/health`),
      fetch(`${address}${PULL}`, { headers: bearer(token) }),
      fetch(`${address}${PULL}`),
      fetch(`${address}${API_PREFIX}/no-such-endpoint`),
      fetch(`${address}/intake`),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 401, 404, 200]);
    for (const answer of answers) {
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    }
  });
});
