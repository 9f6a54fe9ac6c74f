import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mainWindowOptions, showMainWindow } from '../../../electron/main/window';
import { BrowserWindow } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const options = {
  preloadPath: '/opt/css-console/dist/electron/preload.cjs',
  startUrl: 'app://console/index.html',
  dark: false,
  state: null,
  saveState: vi.fn(),
  keepInTray: () => true,
  log: vi.fn(),
};

beforeEach(() => {
  BrowserWindow.opened.length = 0;
});

describe('mainWindowOptions', () => {
  it('locks the renderer down: isolated, sandboxed, no Node, no insecure content, no webview', () => {
    expect(mainWindowOptions(options).webPreferences).toEqual({
      preload: '/opt/css-console/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    });
  });

  it('is titled, sized for a console and hidden until painted', () => {
    expect(mainWindowOptions(options)).toMatchObject({
      title: 'CSS Engineer Console',
      width: 1280,
      height: 800,
      show: false,
      backgroundColor: '#ffffff',
    });
    expect(mainWindowOptions({ ...options, dark: true }).backgroundColor).toBe('#292929');
  });
});

describe('showMainWindow', () => {
  it('opens the window with those options, loads the start URL and shows it when ready', () => {
    showMainWindow(options);
    const [window] = BrowserWindow.opened;
    expect(window?.options).toEqual(mainWindowOptions(options));
    expect(window?.loadedUrl).toBe('app://console/index.html');
    expect(window?.show).not.toHaveBeenCalled();
    window?.emit('ready-to-show');
    expect(window?.show).toHaveBeenCalled();
  });

  it('brings the existing window forward instead of opening a second one', () => {
    const first = showMainWindow(options) as unknown as BrowserWindow;
    first.minimized = true;
    expect(showMainWindow(options)).toBe(first);
    expect(BrowserWindow.opened).toHaveLength(1);
    expect(first.restore).toHaveBeenCalled();
    expect(first.focus).toHaveBeenCalled();
  });

  it('hides in the tray when closed, and shows again when asked; it closes once the app quits', () => {
    let quitting = false;
    const window = showMainWindow({ ...options, keepInTray: () => !quitting }) as unknown as BrowserWindow;
    window.emit('ready-to-show');
    const closing = { preventDefault: vi.fn() };
    window.emit('close', closing);
    expect(closing.preventDefault).toHaveBeenCalled();
    expect(window.isVisible()).toBe(false);

    expect(showMainWindow(options)).toBe(window);
    expect(window.isVisible()).toBe(true);
    expect(BrowserWindow.opened).toHaveLength(1);

    quitting = true;
    const quit = { preventDefault: vi.fn() };
    window.emit('close', quit);
    expect(quit.preventDefault).not.toHaveBeenCalled();
  });

  it('logs a page that fails to load', async () => {
    const log = vi.fn();
    vi.spyOn(BrowserWindow.prototype, 'loadURL').mockRejectedValueOnce(new Error('ERR_CONNECTION_REFUSED'));
    showMainWindow({ ...options, startUrl: 'http://127.0.0.1:5173/', log });
    await vi.waitFor(() =>
      expect(log).toHaveBeenCalledWith('could not load http://127.0.0.1:5173/: Error: ERR_CONNECTION_REFUSED'),
    );
  });
});
