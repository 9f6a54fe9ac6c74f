// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Bridge } from '../../../shared/bridge';
import { APP_VERSION, SETTINGS_KEY, createWebBridge } from '../../../renderer/platform/web';

beforeEach(() => {
  localStorage.clear();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

const stored = (): unknown => JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? 'null');

describe('the web host', () => {
  it('reports itself as the web host', async () => {
    expect(await createWebBridge(localStorage).appInfo()).toEqual({
      ok: true,
      value: { name: 'CSS Engineer Console', version: APP_VERSION, host: 'web' },
    });
  });

  it('starts from the defaults', async () => {
    expect(await createWebBridge(localStorage).getSettings()).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it('round-trips settings through localStorage', async () => {
    const changed = { ...DEFAULT_SETTINGS, serverUrl: 'https://tickets.contoso.com', theme: 'dark' as const };
    expect(await createWebBridge(localStorage).setSettings({ serverUrl: changed.serverUrl, theme: 'dark' })).toEqual({
      ok: true,
      value: changed,
    });
    expect(stored()).toEqual(changed);
    expect(await createWebBridge(localStorage).getSettings()).toEqual({ ok: true, value: changed });
  });

  it.each([
    ['not JSON', '{"theme": "dark"'],
    ['invalid values', JSON.stringify({ serverUrl: 'ftp://x', theme: 'neon', lastEmail: '' })],
    ['not an object', '42'],
  ])('falls back to the defaults, with a warning, when the stored value is %s', async (_case, value) => {
    localStorage.setItem(SETTINGS_KEY, value);
    expect(await createWebBridge(localStorage).getSettings()).toEqual({ ok: true, value: DEFAULT_SETTINGS });
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
    const bridge = createWebBridge(localStorage);
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
    const result = await createWebBridge(full as unknown as Storage).setSettings({ theme: 'dark' });
    expect(result.ok ? undefined : result.error).toMatch(/^the settings could not be saved in this browser: /);
  });
});

describe('platform', () => {
  beforeEach(() => vi.resetModules());

  it('is the web host in a plain browser', async () => {
    const { platform } = await import('../../../renderer/platform/index');
    expect(await platform.appInfo()).toMatchObject({ ok: true, value: { host: 'web' } });
  });

  it("is the preload's bridge inside the shell", async () => {
    const bridge = { appInfo: vi.fn(), getSettings: vi.fn(), setSettings: vi.fn() } satisfies Bridge;
    window.bridge = bridge;
    try {
      const { platform } = await import('../../../renderer/platform/index');
      expect(platform).toBe(bridge);
    } finally {
      delete window.bridge;
    }
  });
});
