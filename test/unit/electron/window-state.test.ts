import { beforeEach, describe, expect, it, vi } from 'vitest';
import { restoredWindowState } from '../../../electron/main/window-state';
import { showMainWindow } from '../../../electron/main/window';
import { BrowserWindow } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const laptop = [{ x: 0, y: 0, width: 1920, height: 1040 }];
const saved = { x: 200, y: 120, width: 1400, height: 900, maximized: false };

beforeEach(() => {
  BrowserWindow.opened.length = 0;
});

describe('restoredWindowState', () => {
  it('restores a stored state that a screen still shows', () => {
    expect(restoredWindowState(saved, laptop, vi.fn())).toEqual(saved);
  });

  it('opens at the default place when nothing is stored, or the screen it was on is gone', () => {
    expect(restoredWindowState(undefined, laptop, vi.fn())).toBeNull();
    expect(restoredWindowState({ ...saved, x: 2200 }, laptop, vi.fn())).toBeNull();
    expect(restoredWindowState({ ...saved, y: -400 }, laptop, vi.fn())).toBeNull();
  });

  it('logs a stored state that fails its schema and uses the default', () => {
    const log = vi.fn();
    expect(restoredWindowState({ ...saved, width: 20 }, laptop, log)).toBeNull();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('stored window state.width'));
  });
});

describe('the window remembers its state', () => {
  const options = {
    preloadPath: '/opt/css-console/dist/electron/preload.cjs',
    startUrl: 'app://console/index.html',
    dark: false,
    keepInTray: () => false,
    log: vi.fn(),
  };

  it('opens where it was, maximized again if it was, and saves its place when it closes', () => {
    const saveState = vi.fn();
    const window = showMainWindow({
      ...options,
      state: { ...saved, maximized: true },
      saveState,
    }) as unknown as BrowserWindow;
    expect(window.options).toMatchObject({ x: 200, y: 120, width: 1400, height: 900 });
    expect(window.maximize).toHaveBeenCalled();
    window.maximized = true;
    window.emit('close', { preventDefault: vi.fn() });
    expect(saveState).toHaveBeenCalledWith({ x: 80, y: 60, width: 1280, height: 800, maximized: true });
  });
});
