import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { guardSession, guardWebContents } from '../../../electron/main/security';
import { FakeSession, FakeWebContents } from './fake-electron';

const appOrigin = new URL('app://console/index.html');

function guarded(origin = appOrigin) {
  const contents = new FakeWebContents();
  const openExternal = vi.fn((_url: string) => Promise.resolve());
  const log = vi.fn();
  guardWebContents(contents as unknown as WebContents, { origin, openExternal, log });
  return { contents, openExternal, log };
}

describe('guardWebContents', () => {
  it.each(['will-navigate', 'will-redirect'] as const)('lets %s stay on the app origin', (event) => {
    const { contents } = guarded();
    expect(contents.navigate(event, 'app://console/tickets/INC-1')).toBe(false);
  });

  it.each([
    ['another host', 'https://evil.example/'],
    ['a look-alike app host', 'app://console.evil/index.html'],
    ['another port', 'app://console:444/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['a javascript: URL', 'javascript:alert(1)'],
  ])('prevents will-navigate and will-redirect to %s', (_case, url) => {
    const { contents, log } = guarded();
    expect(contents.navigate('will-navigate', url)).toBe(true);
    expect(contents.navigate('will-redirect', url)).toBe(true);
    expect(log).toHaveBeenCalledWith(`refused to leave the console for ${url}`);
  });

  it('in dev, trusts the dev server only, not a look-alike host or another port', () => {
    const { contents } = guarded(new URL('http://127.0.0.1:5173'));
    expect(contents.navigate('will-navigate', 'http://127.0.0.1:5173/queue')).toBe(false);
    expect(contents.navigate('will-navigate', 'http://127.0.0.1.evil.com:5173/')).toBe(true);
    expect(contents.navigate('will-navigate', 'http://127.0.0.1:4317/')).toBe(true);
    expect(contents.navigate('will-navigate', 'app://console/index.html')).toBe(true);
  });

  it('denies every window.open, handing only https links to other sites to the browser', () => {
    const { contents, openExternal } = guarded();
    const open = (url: string) => contents.windowOpenHandler?.({ url });

    expect(open('https://learn.microsoft.com/partner-center')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://learn.microsoft.com/partner-center');

    for (const url of [
      'app://console/index.html',
      'http://learn.microsoft.com/partner-center',
      'file:///etc/passwd',
      'ms-msdt:/id',
      'javascript:alert(1)',
      'x',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('logs, and does not throw, when the browser cannot be opened', async () => {
    const { contents, openExternal, log } = guarded();
    openExternal.mockRejectedValueOnce(new Error('no browser'));
    contents.windowOpenHandler?.({ url: 'https://example.com/' });
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringContaining('no browser')));
  });

  it('prevents attaching a webview', () => {
    const { contents } = guarded();
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalled();
  });
});

describe('guardSession', () => {
  const policy = "default-src 'self'";
  function guardedSession() {
    const session = new FakeSession();
    guardSession(session as unknown as Session, { origin: appOrigin, contentSecurityPolicy: () => policy });
    return session;
  }

  it('grants notifications and writing the clipboard to the console only, and denies every other permission', () => {
    const session = guardedSession();
    expect(session.request('notifications', 'app://console/index.html')).toBe(true);
    expect(session.request('notifications', 'https://evil.example/')).toBe(false);
    expect(session.request('clipboard-sanitized-write', 'app://console/index.html')).toBe(true);
    expect(session.request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fileSystem', 'unknown']) {
      expect(session.request(permission, 'app://console/index.html')).toBe(false);
    }
    expect(session.permissionCheckHandler?.({}, 'notifications', 'app://console')).toBe(true);
    expect(session.permissionCheckHandler?.({}, 'clipboard-sanitized-write', 'app://console')).toBe(true);
    expect(session.permissionCheckHandler?.({}, 'notifications', 'app://console.evil')).toBe(false);
    expect(session.permissionCheckHandler?.({}, 'media', 'app://console')).toBe(false);
  });

  it('sets the policy on http(s) responses, replacing the one the server sent', () => {
    const session = guardedSession();
    expect(
      session.headersFor('http://127.0.0.1:5173/', { 'content-security-policy': ['default-src *'], etag: ['1'] }),
    ).toEqual({ etag: ['1'], 'Content-Security-Policy': [policy] });
  });
});
