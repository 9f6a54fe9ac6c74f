// A second launch of the console: it hands over to the first (which comes forward, see
// main-entry.test.ts) and quits without opening a window or touching the app's files.
import { describe, expect, it, vi } from 'vitest';
import { BrowserWindow, app, ipcMain } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));
vi.mock('electron-updater', async () => ({ autoUpdater: (await import('./fake-electron')).autoUpdater }));
vi.mock('electron-log/main', async () => ({ default: (await import('./fake-electron')).electronLog }));
vi.mock('electron-store', () => ({ default: vi.fn() }));

describe('a second instance', () => {
  it('quits at once when the first holds the lock', async () => {
    app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await import('../../../electron/main/index');
    await app.whenReady();
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(BrowserWindow.opened).toEqual([]);
    expect(ipcMain.handlers.size).toBe(0);
  });
});
