import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeChannel, DEFAULT_SETTINGS } from '../../../shared/bridge';
import {
  BrowserWindow,
  FakeWebContents,
  Menu,
  Notification,
  app,
  autoUpdater,
  dialog,
  electronLog,
  ipcMain,
  protocol,
  safeStorage,
  session,
  shell,
  Tray,
} from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));
vi.mock('electron-updater', async () => ({ autoUpdater: (await import('./fake-electron')).autoUpdater }));
vi.mock('electron-log/main', async () => ({ default: (await import('./fake-electron')).electronLog }));
const folder = await vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  return mkdtempSync(path.join(tmpdir(), 'css-console-entry-'));
});
// electron-store exits outside Electron; conf, its engine, keeps the file in a temporary folder instead.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  return {
    default: class extends Conf {
      constructor({ name, ...options }: { name: string }) {
        super({ ...options, configName: name, cwd: folder });
      }
    },
  };
});

beforeAll(async () => {
  app.paths.userData = folder;
  await import('../../../electron/main/index');
  await app.whenReady();
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));
// The shell logs each refusal; the tests check refusals themselves.
beforeEach(() => void vi.spyOn(console, 'warn').mockImplementation(() => undefined));

describe('the Electron entry', () => {
  it('names the app and registers app:// as privileged before ready', () => {
    expect(app.setName).toHaveBeenCalledWith('CSS Engineer Console');
    const [[schemes]] = protocol.registerSchemesAsPrivileged.mock.calls as [[{ scheme: string }[]]];
    expect(schemes.map(({ scheme }) => scheme)).toEqual(['app']);
  });

  it('serves app:// and guards the session', () => {
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(session.defaultSession.permissionRequestHandler).toBeDefined();
    expect(session.defaultSession.headersFor('http://127.0.0.1:4317/api/v1/pull', {})).toEqual({
      'Content-Security-Policy': [expect.stringContaining("connect-src 'self' http://127.0.0.1:4317;")],
    });
  });

  it('answers the bridge channels for the console', () => {
    expect(ipcMain.invoke(BridgeChannel.settingsGet, 'app://console/index.html')).toEqual({
      ok: true,
      value: DEFAULT_SETTINGS,
    });
    expect(ipcMain.invoke(BridgeChannel.appInfo, 'app://console/index.html')).toEqual({
      ok: true,
      value: { name: 'CSS Engineer Console', version: '0.1.0', host: 'electron', serverUrlSetByIt: false },
    });
  });

  it('opens one locked-down window on the app, with the bundled preload', () => {
    expect(BrowserWindow.opened).toHaveLength(1);
    const [window] = BrowserWindow.opened;
    expect(window?.loadedUrl).toBe('app://console/index.html');
    expect(window?.options.webPreferences).toMatchObject({
      preload: '/opt/css-console/dist/electron/preload.cjs',
      sandbox: true,
      contextIsolation: true,
    });
  });

  it("opens the save dialog on the console's window, in the downloads folder", async () => {
    const [window] = BrowserWindow.opened;
    if (window === undefined) throw new Error('no window');
    ipcMain.sender = window.webContents;
    const request = { suggestedName: 'escalations.csv', content: 'Ticket\r\n' };
    expect(await ipcMain.invoke(BridgeChannel.saveFile, 'app://console/index.html', request)).toEqual({
      ok: true,
      value: { saved: false, path: null },
    });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ defaultPath: '/home/anna/Downloads/escalations.csv' }),
    );
  });

  it("shows notifications with Electron's Notification", () => {
    const reminder = { title: 'Follow-up due', body: 'CSS-104233', tag: 'follow-up:CSS-104233' };
    expect(ipcMain.invoke(BridgeChannel.notify, 'app://console/index.html', reminder)).toEqual({
      ok: true,
      value: { shown: true },
    });
    expect(Notification.created.at(-1)?.options).toEqual({ title: 'Follow-up due', body: 'CSS-104233' });
  });

  it('keeps the sign-in token encrypted with safeStorage in the user-data folder', () => {
    const token = 'c2a8f0e4-5b1d-4f7e-9a63-0d2b7c41e9f8.4b6e1f0a';
    expect(ipcMain.invoke(BridgeChannel.tokenStore, 'app://console/index.html', token)).toEqual({
      ok: true,
      value: null,
    });
    const onDisk = readFileSync(path.join(folder, 'session-token'));
    expect(onDisk).toEqual(safeStorage.encryptString(token));
    expect(onDisk.toString()).not.toContain(token);
    expect(ipcMain.invoke(BridgeChannel.tokenRead, 'app://console/index.html')).toEqual({ ok: true, value: token });
  });

  it('logs with electron-log, checks for updates at start, and offers "Check for updates…" in Help', () => {
    expect(autoUpdater.logger).toBe(electronLog);
    const [[template]] = Menu.buildFromTemplate.mock.calls as [
      [{ role?: string; submenu?: { label?: string; click?: () => void }[] }[]],
    ];
    const help = template.find((menu) => menu.role === 'help');
    const check = help?.submenu?.find((item) => item.label === 'Check for updates…');
    check?.click?.();
    // Run from sources (not packaged): the person is told updates come with the installed console.
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      BrowserWindow.opened[0],
      expect.objectContaining({ message: 'Updates come with the installed console.' }),
    );
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('opens an https link in the browser only once the person has seen where it goes', async () => {
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    contents.windowOpenHandler?.({ url: 'https://learn.microsoft.com/a' });
    await vi.waitFor(() =>
      expect(dialog.showMessageBox).toHaveBeenCalledWith(
        BrowserWindow.opened[0],
        expect.objectContaining({ message: 'Open learn.microsoft.com in your browser?' }),
      ),
    );
    expect(shell.openExternal).not.toHaveBeenCalled();
    contents.windowOpenHandler?.({ url: 'https://learn.microsoft.com/b' });
    await vi.waitFor(() => expect(shell.openExternal).toHaveBeenCalledWith('https://learn.microsoft.com/b'));
  });

  it('shows the counts the console reports in the tray, and refuses a bad report', () => {
    const [tray] = Tray.created;
    const status = { openTickets: 4, overdueFollowUps: 2, nextSession: null };
    expect(ipcMain.invoke(BridgeChannel.desktopStatus, 'app://console/index.html', status)).toEqual({
      ok: true,
      value: null,
    });
    expect(tray?.toolTip).toContain('4 open tickets, 2 overdue follow-ups');
    expect(
      ipcMain.invoke(BridgeChannel.desktopStatus, 'app://console/index.html', { ...status, openTickets: -1 }),
    ).toEqual({ ok: false, error: 'desktopStatus.openTickets: a count cannot be negative' });
    expect(tray?.toolTip).toContain('4 open tickets');
  });

  it('opens the ticket of a clicked notification in the console, brought forward', () => {
    const [window] = BrowserWindow.opened;
    const ticketId = '9b2f6a52-4c1e-4d8a-9f3e-2a7c5b1d0e44';
    const alert = { title: 'New Critical ticket', body: 'CSS-104300', tag: `new-ticket:${ticketId}`, ticketId };
    expect(ipcMain.invoke(BridgeChannel.notify, 'app://console/index.html', alert)).toEqual({
      ok: true,
      value: { shown: true },
    });
    window?.focus.mockClear();
    Notification.created.at(-1)?.emit('click');
    expect(window?.focus).toHaveBeenCalled();
    expect(window?.webContents.send).toHaveBeenCalledWith(BridgeChannel.openTicket, ticketId);
    expect(BrowserWindow.opened).toHaveLength(1);
  });

  it('guards every webContents as it is created', () => {
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'app://console/index.html' })).toEqual({ action: 'deny' });
  });

  it('keeps running in the tray when the window is closed, until the person quits', () => {
    const [window] = BrowserWindow.opened;
    const closing = { preventDefault: vi.fn() };
    window?.emit('close', closing);
    expect(closing.preventDefault).toHaveBeenCalled();
    expect(window?.hide).toHaveBeenCalled();

    app.emit('before-quit');
    const quitting = { preventDefault: vi.fn() };
    window?.emit('close', quitting);
    expect(quitting.preventDefault).not.toHaveBeenCalled();
  });

  it('quits when the last window closes, except on macOS', () => {
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });

  it('brings the window forward on a second launch instead of opening another', () => {
    app.emit('second-instance');
    expect(BrowserWindow.opened).toHaveLength(1);
    expect(BrowserWindow.opened[0]?.focus).toHaveBeenCalled();
  });
});
