// Updates from the configured feed: said to the person when they asked from the menu, only logged
// when the start-up check finds nothing, and installed on restart when they agree.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createUpdates } from '../../../electron/main/updates';
import { applicationMenuTemplate } from '../../../electron/main/menu';
import { FakeUpdater } from './fake-electron';

let updater: FakeUpdater;
let answers: number[];
const ask = vi.fn((_message: string, _detail: string, _buttons: string[]) => Promise.resolve(answers.shift() ?? 0));
const log = vi.fn();

beforeEach(() => {
  updater = new FakeUpdater();
  answers = [];
  ask.mockClear();
  log.mockClear();
});

const updates = (isPackaged = true, feedUrl?: string, enabled = true) =>
  createUpdates({ updater: updater as never, isPackaged, feedUrl, enabled, ask, log });

describe('createUpdates', () => {
  it('points electron-updater at CSS_CONSOLE_UPDATE_URL when it is https, and refuses anything else', () => {
    updates(true, 'https://updates.contoso.com/console');
    expect(updater.setFeedURL).toHaveBeenCalledWith({
      provider: 'generic',
      url: 'https://updates.contoso.com/console',
    });
    updater.setFeedURL.mockClear();
    updates(true, 'http://updates.contoso.com/console');
    expect(updater.setFeedURL).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(
      'CSS_CONSOLE_UPDATE_URL must be an https:// address; keeping the built-in update feed',
    );
  });

  it('says "up to date" when the person asked, and nothing after the start-up check', async () => {
    const checks = updates();
    checks.check(false);
    updater.emit('update-not-available', { version: '0.1.0' });
    expect(ask).not.toHaveBeenCalled();
    checks.check(true);
    updater.emit('update-not-available', { version: '0.1.0' });
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
    await vi.waitFor(() =>
      expect(ask).toHaveBeenCalledWith('CSS Engineer Console is up to date.', expect.any(String), ['OK']),
    );
  });

  it('checks nothing when the IT policy turns self-updates off, and says who updates the console', () => {
    const managed = updates(true, undefined, false);
    managed.check(false);
    managed.check(true);
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(ask).toHaveBeenCalledWith('Updates are managed by your IT department.', expect.any(String), ['OK']);
  });

  it('says why a check the person asked for failed, and logs every failure', () => {
    updates().check(true);
    updater.emit('error', new Error('net::ERR_NAME_NOT_RESOLVED'));
    expect(log).toHaveBeenCalledWith('the update check failed: net::ERR_NAME_NOT_RESOLVED');
    expect(ask).toHaveBeenCalledWith(
      'Updates could not be checked.',
      expect.stringMatching(/could not be reached[\s\S]*Details: net::ERR_NAME_NOT_RESOLVED/),
      ['OK'],
    );
  });

  it('installs a downloaded version on restart only when the person agrees', async () => {
    updates();
    answers = [1, 0];
    updater.emit('update-downloaded', { version: '0.2.0' });
    await vi.waitFor(() => expect(ask).toHaveBeenCalledTimes(1));
    expect(ask.mock.calls[0]?.[0]).toBe('Version 0.2.0 is ready to install.');
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    updater.emit('update-downloaded', { version: '0.2.0' });
    await vi.waitFor(() => expect(updater.quitAndInstall).toHaveBeenCalledTimes(1));
  });

  it('never checks from a copy run from sources, and says so when asked', () => {
    const checks = updates(false);
    checks.check(false);
    expect(ask).not.toHaveBeenCalled();
    checks.check(true);
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(ask).toHaveBeenCalledWith('Updates come with the installed console.', expect.any(String), ['OK']);
  });
});

describe('applicationMenuTemplate', () => {
  it('offers "Check for updates…" in Help, and developer tools only from sources', () => {
    const checkForUpdates = vi.fn();
    const installed = applicationMenuTemplate({ checkForUpdates, developer: false, platform: 'win32' });
    const help = installed.find((menu) => menu.role === 'help');
    const [check] = help?.submenu as { label: string; click: () => void }[];
    expect(check?.label).toBe('Check for updates…');
    check?.click();
    expect(checkForUpdates).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(installed)).not.toContain('toggleDevTools');
    const fromSources = applicationMenuTemplate({ checkForUpdates, developer: true, platform: 'darwin' });
    expect(JSON.stringify(fromSources)).toContain('toggleDevTools');
    expect(fromSources[0]).toEqual({ role: 'appMenu' });
  });
});
