// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LEAD_LAYOUT, DEFAULT_SETTINGS, type Bridge } from '../../../shared/bridge';
import { APP_VERSION, SETTINGS_KEY, TOKEN_KEY, createWebBridge } from '../../../renderer/platform/web';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

const stored = (): unknown => JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? 'null');

describe('the web host', () => {
  it('reports itself as the web host', async () => {
    expect(await createWebBridge(localStorage, sessionStorage).appInfo()).toEqual({
      ok: true,
      value: { name: 'CSS Engineer Console', version: APP_VERSION, host: 'web', serverUrlSetByIt: false },
    });
  });

  it('starts from the defaults', async () => {
    expect(await createWebBridge(localStorage, sessionStorage).getSettings()).toEqual({
      ok: true,
      value: DEFAULT_SETTINGS,
    });
  });

  it('round-trips settings through localStorage', async () => {
    const changed = { ...DEFAULT_SETTINGS, serverUrl: 'https://tickets.contoso.com', theme: 'dark' as const };
    expect(
      await createWebBridge(localStorage, sessionStorage).setSettings({ serverUrl: changed.serverUrl, theme: 'dark' }),
    ).toEqual({
      ok: true,
      value: changed,
    });
    expect(stored()).toEqual(changed);
    expect(await createWebBridge(localStorage, sessionStorage).getSettings()).toEqual({ ok: true, value: changed });
  });

  it('changes only the fields a patch names, keeping canned replies and saved views', async () => {
    const bridge = createWebBridge(localStorage, sessionStorage);
    const cannedReplies = [{ id: 'mine', title: 'Mine', body: 'My own reply.' }];
    const leadViews = [{ ...DEFAULT_LEAD_LAYOUT, id: 'v1', name: 'Overdue A' }];
    await bridge.setSettings({ cannedReplies, leadViews });
    await bridge.setSettings({ theme: 'dark' });
    expect(stored()).toMatchObject({ theme: 'dark', cannedReplies, leadViews });
  });

  it.each([
    ['not JSON', '{"theme": "dark"'],
    ['invalid values', JSON.stringify({ serverUrl: 'ftp://x', theme: 'neon', lastEmail: '' })],
    ['not an object', '42'],
  ])('falls back to the defaults, with a warning, when the stored value is %s', async (_case, value) => {
    localStorage.setItem(SETTINGS_KEY, value);
    expect(await createWebBridge(localStorage, sessionStorage).getSettings()).toEqual({
      ok: true,
      value: DEFAULT_SETTINGS,
    });
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('using the defaults'));
  });

  it.each([
    [
      'a bad URL',
      { serverUrl: 'ftp://tickets' },
      'settings.serverUrl: the server URL must start with http:// or https://',
    ],
    ['an unknown key', { theme: 'dark', admin: true }, 'settings: Unrecognized key: "admin"'],
    ['a wrong type', 'dark', 'settings: Invalid input: expected object, received string'],
  ])('refuses %s exactly as main does, and leaves the settings unchanged', async (_case, patch, error) => {
    const bridge = createWebBridge(localStorage, sessionStorage);
    await bridge.setSettings({ theme: 'light' });
    expect(await bridge.setSettings(patch as Parameters<Bridge['setSettings']>[0])).toEqual({ ok: false, error });
    expect(stored()).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
  });

  it('answers an error when the browser refuses to store', async () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota exceeded', 'QuotaExceededError');
      },
    };
    const result = await createWebBridge(full as unknown as Storage, sessionStorage).setSettings({ theme: 'dark' });
    expect(result.ok ? undefined : result.error).toMatch(/^the settings could not be saved in this browser: /);
  });
});

describe('the web host saving a file', () => {
  const file = {
    suggestedName: 'escalations 2025-03-10.csv',
    content: '\uFEFFTicket,Customer\r\nCSS-104233,Müller\r\n',
  };

  function captureDownloads() {
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:console/${blobs.length}`;
    });
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: this.isConnected });
    });
    return { blobs, clicked, revokeObjectURL };
  }

  it('downloads the content through a temporary link, then frees it', async () => {
    vi.useFakeTimers();
    try {
      const { blobs, clicked, revokeObjectURL } = captureDownloads();
      expect(await createWebBridge(localStorage, sessionStorage).saveFile(file)).toEqual({
        ok: true,
        value: { saved: true, path: null },
      });
      expect(clicked).toEqual([{ href: 'blob:console/1', download: file.suggestedName, attached: true }]);
      expect(document.querySelectorAll('a')).toHaveLength(0);
      expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
      // Byte for byte, BOM included (Blob.text() would drop it).
      const bytes = new Uint8Array((await blobs[0]?.arrayBuffer()) ?? new ArrayBuffer(0));
      expect([...bytes]).toEqual([...new TextEncoder().encode(file.content)]);
      expect(revokeObjectURL).not.toHaveBeenCalled();
      vi.runAllTimers();
      expect(revokeObjectURL).toHaveBeenCalledWith('blob:console/1');
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses what main refuses, naming the field, and downloads nothing', async () => {
    const { clicked } = captureDownloads();
    expect(
      await createWebBridge(localStorage, sessionStorage).saveFile({ ...file, suggestedName: '../../.bashrc' }),
    ).toEqual({
      ok: false,
      error:
        'saveFile.suggestedName: the file name must be a plain name such as escalations.csv, without folders or the characters \\ / : * ? " < > |',
    });
    expect(clicked).toEqual([]);
  });
});

describe('the web host showing a notification', () => {
  const reminder = { title: 'Follow-up due', body: 'CSS-104233: chase Microsoft', tag: 'follow-up:CSS-104233' };

  /** A stand-in for the browser's Notification; `answer` is what the permission prompt resolves to. */
  function fakeNotifications(permission: NotificationPermission, answer: NotificationPermission = permission) {
    const shown: { title: string; options: NotificationOptions | undefined }[] = [];
    const instances: { onclick: (() => void) | null }[] = [];
    const FakeNotification = Object.assign(
      function (this: { onclick: (() => void) | null }, title: string, options?: NotificationOptions) {
        shown.push({ title, options });
        instances.push(this);
      },
      {
        permission,
        requestPermission: vi.fn(() => {
          FakeNotification.permission = answer;
          return Promise.resolve(answer);
        }),
      },
    );
    vi.stubGlobal('Notification', FakeNotification);
    return { shown, instances, FakeNotification };
  }

  it('asks for permission once, then shows the notification with its tag', async () => {
    const { shown, FakeNotification } = fakeNotifications('default', 'granted');
    const bridge = createWebBridge(localStorage, sessionStorage);
    expect(await bridge.notify(reminder)).toEqual({ ok: true, value: { shown: true } });
    expect(await bridge.notify(reminder)).toEqual({ ok: true, value: { shown: true } });
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
    expect(shown[0]).toEqual({ title: 'Follow-up due', options: { body: reminder.body, tag: reminder.tag } });
  });

  it('answers shown: false when the person declines, and does not ask again', async () => {
    const { shown, FakeNotification } = fakeNotifications('default', 'default');
    const bridge = createWebBridge(localStorage, sessionStorage);
    expect(await bridge.notify(reminder)).toEqual({ ok: true, value: { shown: false } });
    expect(await bridge.notify(reminder)).toEqual({ ok: true, value: { shown: false } });
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
    expect(shown).toEqual([]);
  });

  it('answers shown: false when notifications are denied or missing', async () => {
    const { FakeNotification } = fakeNotifications('denied');
    expect(await createWebBridge(localStorage, sessionStorage).notify(reminder)).toEqual({
      ok: true,
      value: { shown: false },
    });
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled();
    vi.stubGlobal('Notification', undefined);
    expect(await createWebBridge(localStorage, sessionStorage).notify(reminder)).toEqual({
      ok: true,
      value: { shown: false },
    });
  });

  it('opens the ticket of a clicked notification, for each listener still subscribed', async () => {
    const { instances } = fakeNotifications('granted');
    const bridge = createWebBridge(localStorage, sessionStorage);
    const opened: string[] = [];
    const unsubscribe = bridge.onOpenTicket((ticketId) => opened.push(ticketId));
    const ticketId = '9b2f6a52-4c1e-4d8a-9f3e-2a7c5b1d0e44';
    await bridge.notify({ ...reminder, ticketId });
    await bridge.notify({ ...reminder, tag: 'follow-up:CSS-104240' });
    instances[0]?.onclick?.();
    expect(instances[1]?.onclick ?? null).toBeNull();
    unsubscribe();
    instances[0]?.onclick?.();
    expect(opened).toEqual([ticketId]);
  });

  it('checks the desktop status as main does, though a browser has no tray', async () => {
    const bridge = createWebBridge(localStorage, sessionStorage);
    expect(await bridge.setDesktopStatus({ openTickets: 3, overdueFollowUps: 0, nextSession: null })).toEqual({
      ok: true,
      value: null,
    });
    expect(await bridge.setDesktopStatus({ openTickets: 1.5, overdueFollowUps: 0, nextSession: null })).toEqual({
      ok: false,
      error: 'desktopStatus.openTickets: a count is a whole number',
    });
  });

  it('refuses an oversized body as main does', async () => {
    fakeNotifications('granted');
    expect(await createWebBridge(localStorage, sessionStorage).notify({ ...reminder, body: 'b'.repeat(501) })).toEqual({
      ok: false,
      error: 'notify.body: the text must be at most 500 characters',
    });
  });
});

describe('the sign-in token in a browser', () => {
  const token = 'c2a8f0e4-5b1d-4f7e-9a63-0d2b7c41e9f8.4b6e1f0a';

  it("is kept in the tab's sessionStorage, never in localStorage", async () => {
    const bridge = createWebBridge(localStorage, sessionStorage);
    expect(await bridge.readToken()).toEqual({ ok: true, value: null });
    expect(await bridge.storeToken(token)).toEqual({ ok: true, value: null });
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe(token);
    expect(JSON.stringify({ ...localStorage })).not.toContain(token);
    expect(await createWebBridge(localStorage, sessionStorage).readToken()).toEqual({ ok: true, value: token });
    expect(await bridge.clearToken()).toEqual({ ok: true, value: null });
    expect(await bridge.readToken()).toEqual({ ok: true, value: null });
  });

  it('refuses a token that is not one, as main does, and reads a damaged one as none', async () => {
    const bridge = createWebBridge(localStorage, sessionStorage);
    expect(await bridge.storeToken('abc')).toEqual({
      ok: false,
      error: 'token: Too small: expected string to have >=32 characters',
    });
    sessionStorage.setItem(TOKEN_KEY, 'short');
    expect(await bridge.readToken()).toEqual({ ok: true, value: null });
  });
});

describe('platform', () => {
  beforeEach(() => vi.resetModules());

  it('is the web host in a plain browser', async () => {
    const { platform } = await import('../../../renderer/platform/index');
    expect(await platform.appInfo()).toMatchObject({ ok: true, value: { host: 'web' } });
  });

  it("is the preload's bridge inside the shell", async () => {
    const bridge = {
      appInfo: vi.fn(),
      getSettings: vi.fn(),
      setSettings: vi.fn(),
      saveFile: vi.fn(),
      notify: vi.fn(),
      readToken: vi.fn(),
      storeToken: vi.fn(),
      clearToken: vi.fn(),
      setDesktopStatus: vi.fn(),
      onOpenTicket: vi.fn(),
    } satisfies Bridge;
    window.bridge = bridge;
    try {
      const { platform } = await import('../../../renderer/platform/index');
      expect(platform).toBe(bridge);
    } finally {
      delete window.bridge;
    }
  });
});
