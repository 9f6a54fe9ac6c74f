import { writeFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import {
  BridgeChannel,
  DEFAULT_LEAD_LAYOUT,
  DEFAULT_SETTINGS,
  type Settings,
  type SettingsPatch,
} from '../../../shared/bridge';
import { contentSecurityPolicy } from '../../../electron/main/csp';
import { registerBridgeHandlers } from '../../../electron/main/ipc';
import { createNotifier } from '../../../electron/main/notify';
import { createFileSaver } from '../../../electron/main/save-file';
import { createSettingsStore, type SettingsStore } from '../../../electron/main/settings';
import { FakeIpcMain, Notification, dialog } from './fake-electron';

const consolePage = 'app://console/index.html';
/** Every channel but openTicket, which main sends rather than answers. */
const answered = Object.values(BridgeChannel).filter((channel) => channel !== BridgeChannel.openTicket);
const appInfo = { name: 'CSS Engineer Console', version: '0.1.0', host: 'electron', serverUrlSetByIt: false } as const;

function bridge(settings: SettingsStore = createSettingsStore({ store: { ...DEFAULT_SETTINGS } }, vi.fn())) {
  const ipcMain = new FakeIpcMain();
  const log = vi.fn();
  const saveFile = createFileSaver({
    showSaveDialog: (owner, options) => dialog.showSaveDialog(owner, options),
    writeFile: (filePath, content) => writeFile(filePath, content, 'utf8'),
    defaultFolder: () => '/home/anna/Downloads',
  });
  const notify = createNotifier({
    isSupported: () => Notification.isSupported(),
    create: (options) => new Notification(options),
    openTicket: vi.fn(),
  });
  const token = { read: () => null, store: vi.fn(), clear: vi.fn() };
  registerBridgeHandlers(ipcMain, {
    appInfo,
    settings,
    saveFile,
    notify,
    token,
    showStatus: vi.fn(),
    origin: new URL(consolePage),
    log,
  });
  return { ipcMain, settings, log };
}

describe('registerBridgeHandlers', () => {
  it('registers exactly the BridgeChannel channels', () => {
    expect([...bridge().ipcMain.handlers.keys()].sort()).toEqual([...answered].sort());
  });

  it('answers the console with app info and settings', () => {
    const { ipcMain } = bridge();
    expect(ipcMain.invoke(BridgeChannel.appInfo, consolePage)).toEqual({ ok: true, value: appInfo });
    expect(ipcMain.invoke(BridgeChannel.settingsGet, 'app://console/tickets/INC-7')).toEqual({
      ok: true,
      value: DEFAULT_SETTINGS,
    });
  });

  it('stores a valid patch and answers the whole settings', () => {
    const { ipcMain, settings } = bridge();
    const result = ipcMain.invoke(BridgeChannel.settingsSet, consolePage, {
      theme: 'dark',
      lastEmail: 'dana@contoso.com',
    });
    const expected: Settings = { ...DEFAULT_SETTINGS, theme: 'dark', lastEmail: 'dana@contoso.com' };
    expect(result).toEqual({ ok: true, value: expected });
    expect(settings.get()).toEqual(expected);
  });

  it('changes only the fields a patch names, keeping canned replies and saved views', () => {
    const { ipcMain, settings } = bridge();
    const cannedReplies = [{ id: 'mine', title: 'Mine', body: 'My own reply.' }];
    const leadViews = [{ ...DEFAULT_LEAD_LAYOUT, id: 'v1', name: 'Overdue A' }];
    ipcMain.invoke(BridgeChannel.settingsSet, consolePage, { cannedReplies, leadViews });
    ipcMain.invoke(BridgeChannel.settingsSet, consolePage, { theme: 'dark' });
    expect(settings.get()).toMatchObject({ theme: 'dark', cannedReplies, leadViews });
  });

  it.each([
    [
      'a bad URL',
      { serverUrl: 'ftp://tickets.contoso.com' },
      'settings.serverUrl: the server URL must start with http:// or https://',
    ],
    [
      'a URL that is not one',
      { serverUrl: 'tickets' },
      'settings.serverUrl: the server URL must start with http:// or https://',
    ],
    ['a wrong type', { theme: 3 }, 'settings.theme: Invalid option: expected one of "system"|"light"|"dark"'],
    ['an unknown key', { theme: 'dark', admin: true }, 'settings: Unrecognized key: "admin"'],
    ['a string payload', 'theme=dark', 'settings: Invalid input: expected object, received string'],
    ['a null payload', null, 'settings: Invalid input: expected object, received null'],
  ])('refuses %s, saying what is wrong, and leaves the store unchanged', (_case, payload, error) => {
    const { ipcMain, settings } = bridge();
    expect(ipcMain.invoke(BridgeChannel.settingsSet, consolePage, payload)).toEqual({ ok: false, error });
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses a missing or an extra argument', () => {
    const { ipcMain, settings } = bridge();
    expect(ipcMain.invoke(BridgeChannel.settingsSet, consolePage, { theme: 'dark' }, { theme: 'light' })).toEqual({
      ok: false,
      error: 'bridge:settings-set takes exactly one argument, got 2',
    });
    expect(ipcMain.invoke(BridgeChannel.settingsSet, consolePage)).toEqual({
      ok: false,
      error: 'bridge:settings-set takes exactly one argument, got 0',
    });
    expect(ipcMain.invoke(BridgeChannel.settingsGet, consolePage, 'all')).toEqual({
      ok: false,
      error: 'bridge:settings-get takes no arguments, got 1',
    });
    expect(ipcMain.invoke(BridgeChannel.appInfo, consolePage, {})).toMatchObject({ ok: false });
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    ['another site', 'https://evil.example/'],
    ['a look-alike host', 'app://console.evil/index.html'],
    ['another scheme', 'file:///tmp/index.html'],
    ['a frame that is gone', null],
  ])('refuses a message from %s on every channel', (_case, sender) => {
    const { ipcMain, settings, log } = bridge();
    for (const channel of answered) {
      const args = channel === BridgeChannel.settingsSet ? [{ theme: 'dark' }] : [];
      expect(ipcMain.invoke(channel, sender, ...args)).toEqual({
        ok: false,
        error: `${channel} answers only the console's own pages`,
      });
    }
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(log).toHaveBeenCalledTimes(answered.length);
  });

  it('answers a failed save with an error instead of throwing across the boundary', () => {
    const failing: SettingsStore = {
      get: () => DEFAULT_SETTINGS,
      set: (_patch: SettingsPatch) => {
        throw new Error('ENOSPC: no space left on device');
      },
    };
    const { ipcMain } = bridge(failing);
    expect(ipcMain.invoke(BridgeChannel.settingsSet, consolePage, { theme: 'dark' })).toEqual({
      ok: false,
      error: 'bridge:settings-set failed: Error: ENOSPC: no space left on device',
    });
  });

  it('puts a changed server URL in the CSP of later responses', () => {
    const { ipcMain, settings } = bridge();
    const policy = () => contentSecurityPolicy(settings.get().serverUrl, false);
    expect(policy()).toContain("connect-src 'self' http://127.0.0.1:4317;");
    ipcMain.invoke(BridgeChannel.settingsSet, consolePage, { serverUrl: 'https://tickets.contoso.com' });
    expect(policy()).toContain("connect-src 'self' https://tickets.contoso.com;");
    expect(policy()).not.toContain('127.0.0.1:4317');
  });
});
