// Sign-in throttling: wrong passwords counted per account and per address, 429 with Retry-After once ten
// have been given within a minute, on the server's clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../../shared/api';
import { ErrorBody } from '../../../shared/api/errors';
import { WRONG_PASSWORDS_ALLOWED, WRONG_PASSWORD_WINDOW_MS } from '../../../server/sign-in';
import { NOW, type Portal, giulia, listen, marco, seededPortal, signInOver } from './fixtures';

const LOGIN = `${API_PREFIX}/auth/login`;

describe('sign-in throttling', () => {
  let portal: Portal;
  beforeEach(async () => {
    portal = await seededPortal();
  });
  afterEach(() => portal.close());

  /** A sign-in from `address` (a client elsewhere), through Fastify's inject. */
  const signInFrom = (address: string, email: string, password: string) =>
    portal.app.inject({ method: 'POST', url: LOGIN, remoteAddress: address, payload: { email, password } });

  it('allows ten wrong passwords in a minute and answers the 11th, and the right one, 429 until the minute ends', async () => {
    expect(WRONG_PASSWORDS_ALLOWED).toBe(10);
    expect(WRONG_PASSWORD_WINDOW_MS).toBe(60_000);
    const address = await listen(portal);
    const signIn = (password: string) => signInOver(address, giulia.email, password);

    for (let attempt = 1; attempt <= 10; attempt += 1) {
      expect((await signIn(`guess-${attempt}`)).status).toBe(401);
    }
    const eleventh = await signIn('guess-11');
    expect(eleventh.status).toBe(429);
    expect(eleventh.headers.get('retry-after')).toBe('60');
    expect(ErrorBody.parse(await eleventh.json())).toEqual({
      error: 'rate_limited',
      message: 'too many wrong passwords for this account: its sign-in is paused; try again in 60 seconds',
    });
    expect((await signIn('demo1234')).status).toBe(429);

    portal.setNow(new Date(NOW.getTime() + 59_999));
    const last = await signIn('demo1234');
    expect(last.status).toBe(429);
    expect(last.headers.get('retry-after')).toBe('1');
    portal.setNow(new Date(NOW.getTime() + 60_000));
    expect((await signIn('demo1234')).status).toBe(200);
  });

  it('holds a burst of wrong passwords sent at once to the same ten', async () => {
    const burst = await Promise.all(
      Array.from({ length: 15 }, (_, attempt) => signInFrom(`198.51.100.${attempt}`, giulia.email, `guess-${attempt}`)),
    );
    const statuses = burst.map((answer) => answer.statusCode).sort();
    expect(statuses).toEqual([...Array<number>(10).fill(401), ...Array<number>(5).fill(429)]);
    expect((await signInFrom('198.51.100.99', giulia.email, 'demo1234')).statusCode).toBe(429);
  });

  it('counts wrong passwords for one account from any address, and leaves other accounts alone', async () => {
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      expect((await signInFrom(`198.51.100.${attempt}`, giulia.email, 'guess')).statusCode).toBe(401);
    }
    const paused = await signInFrom('198.51.100.99', giulia.email.toUpperCase(), 'demo1234');
    expect(paused.statusCode).toBe(429);
    expect(ErrorBody.parse(paused.json()).message).toMatch(/for this account/);
    expect((await signInFrom('198.51.100.99', marco.email, 'demo1234')).statusCode).toBe(200);
  });

  it('counts wrong passwords from one address for any account, known or not, and leaves other addresses alone', async () => {
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      expect((await signInFrom('203.0.113.7', `nobody${attempt}@css.example`, 'guess')).statusCode).toBe(401);
    }
    const paused = await signInFrom('203.0.113.7', giulia.email, 'demo1234');
    expect(paused.statusCode).toBe(429);
    expect(paused.headers['retry-after']).toBe('60');
    expect(ErrorBody.parse(paused.json()).message).toBe(
      'too many wrong passwords from your address: sign-in from it is paused; try again in 60 seconds',
    );
    expect((await signInFrom('203.0.113.8', giulia.email, 'demo1234')).statusCode).toBe(200);
  });

  it('counts by the address a proxy forwards only when told it is behind one', async () => {
    const fromProxy = (app: Portal['app'], client: string, password: string) =>
      app.inject({
        method: 'POST',
        url: LOGIN,
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': client },
        payload: { email: `nobody-${client}@css.example`, password },
      });
    const proxied = await seededPortal(undefined, { behindProxy: true });
    try {
      for (let attempt = 1; attempt <= 10; attempt += 1) {
        expect((await fromProxy(proxied.app, '203.0.113.30', 'guess')).statusCode).toBe(401);
      }
      expect((await fromProxy(proxied.app, '203.0.113.30', 'guess')).statusCode).toBe(429);
      expect((await fromProxy(proxied.app, '203.0.113.31', 'guess')).statusCode).toBe(401);
    } finally {
      await proxied.close();
    }
    // Not behind a proxy, the header is anyone's to write: the connection's address counts.
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      expect((await fromProxy(portal.app, `203.0.113.${attempt}`, 'guess')).statusCode).toBe(401);
    }
    expect((await fromProxy(portal.app, '203.0.113.99', 'guess')).statusCode).toBe(429);
  });

  it('never counts a right password, nor a request that is not a sign-in', async () => {
    for (let attempt = 1; attempt <= 15; attempt += 1) {
      expect((await signInFrom('192.0.2.1', giulia.email, 'demo1234')).statusCode).toBe(200);
      expect((await signInFrom('192.0.2.1', giulia.email, '')).statusCode).toBe(400);
    }
    for (let attempt = 1; attempt <= 9; attempt += 1) {
      expect((await signInFrom('192.0.2.1', giulia.email, 'guess')).statusCode).toBe(401);
    }
    expect((await signInFrom('192.0.2.1', giulia.email, 'demo1234')).statusCode).toBe(200);
  });
});
