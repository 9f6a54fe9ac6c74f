import { describe, expect, it } from 'vitest';
import { isSameOrigin } from '../../../electron/main/trusted-origin';

describe('isSameOrigin', () => {
  const app = new URL('app://console/index.html');
  const dev = new URL('http://127.0.0.1:5173/');

  it.each(['app://console/index.html', 'app://console/tickets/INC-1?tab=notes#top', 'app://console'])(
    'trusts the app origin: %s',
    (url) => expect(isSameOrigin(url, app)).toBe(true),
  );

  it.each([
    ['a look-alike host', 'app://console.evil/index.html'],
    ['a host with the origin as user name', 'app://console@evil/index.html'],
    ['another port', 'app://console:8080/index.html'],
    ['another scheme', 'https://console/index.html'],
    ['a file URL', 'file:///etc/passwd'],
    ['garbage', 'not a url'],
    ['an empty string', ''],
  ])('refuses %s for the app origin', (_case, url) => expect(isSameOrigin(url, app)).toBe(false));

  it.each([
    ['a look-alike host', 'http://127.0.0.1.evil.com:5173/'],
    ['another port', 'http://127.0.0.1:5174/'],
    ['the default port', 'http://127.0.0.1/'],
    ['another scheme', 'https://127.0.0.1:5173/'],
    ['another loopback name', 'http://localhost:5173/'],
  ])('refuses %s for the dev origin', (_case, url) => expect(isSameOrigin(url, dev)).toBe(false));

  it('trusts any path of the dev origin', () => {
    expect(isSameOrigin('http://127.0.0.1:5173/src/main.tsx', dev)).toBe(true);
  });
});
