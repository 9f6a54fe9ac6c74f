/** The console's one window: locked-down web preferences, its remembered size and place, shown once painted. */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { APP_NAME } from '../../shared/bridge-host';
import type { WindowState } from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  startUrl: string;
  /** Painted before the renderer is, e.g. while resizing; matches the Fluent theme in use. */
  dark: boolean;
  /** Where the window was when it last closed (window-state.ts), or null for the default size, centred. */
  state: WindowState | null;
  saveState: (state: WindowState) => void;
  /**
   * Whether closing the window hides it in the tray (true until the app quits): the console in it goes
   * on syncing and telling of new tickets and due follow-ups; the tray's "Open" brings it back.
   */
  keepInTray: () => boolean;
  log: (message: string) => void;
}

/** Exported so the tests can hold the security preferences to account. */
export function mainWindowOptions({
  preloadPath,
  dark,
  state,
}: Pick<MainWindowOptions, 'preloadPath' | 'dark' | 'state'>) {
  return {
    title: APP_NAME,
    width: state?.width ?? 1280,
    height: state?.height ?? 800,
    ...(state === null ? {} : { x: state.x, y: state.y }),
    minWidth: 960,
    minHeight: 600,
    // Shown on 'ready-to-show' so the person never sees an empty frame.
    show: false,
    backgroundColor: dark ? '#292929' : '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  } satisfies BrowserWindowConstructorOptions;
}

/** Brings the existing window forward (a second launch, a dock click), or opens it if there is none. */
export function showMainWindow(options: MainWindowOptions): BrowserWindow {
  const existing = BrowserWindow.getAllWindows()[0];
  if (existing === undefined) return createMainWindow(options);
  if (existing.isMinimized()) existing.restore();
  if (!existing.isVisible()) existing.show();
  existing.focus();
  return existing;
}

function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const mainWindow = new BrowserWindow(mainWindowOptions(options));
  if (options.state?.maximized === true) mainWindow.maximize();
  mainWindow.once('ready-to-show', () => mainWindow.show());
  mainWindow.on('close', (event) => {
    options.saveState({ ...mainWindow.getNormalBounds(), maximized: mainWindow.isMaximized() });
    if (!options.keepInTray()) return;
    event.preventDefault();
    mainWindow.hide();
  });
  mainWindow
    .loadURL(options.startUrl)
    .catch((error: unknown) => options.log(`could not load ${options.startUrl}: ${String(error)}`));
  return mainWindow;
}
