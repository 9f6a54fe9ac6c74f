/** The console's one window: locked-down web preferences, a sensible size, shown once painted. */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { APP_NAME } from '../../shared/bridge-host';

export interface MainWindowOptions {
  preloadPath: string;
  startUrl: string;
  /** Painted before the renderer is, e.g. while resizing; matches the Fluent theme in use. */
  dark: boolean;
  log: (message: string) => void;
}

/** Exported so the tests can hold the security preferences to account. */
export function mainWindowOptions({ preloadPath, dark }: Pick<MainWindowOptions, 'preloadPath' | 'dark'>) {
  return {
    title: APP_NAME,
    width: 1280,
    height: 800,
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
  existing.focus();
  return existing;
}

function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const mainWindow = new BrowserWindow(mainWindowOptions(options));
  mainWindow.once('ready-to-show', () => mainWindow.show());
  mainWindow
    .loadURL(options.startUrl)
    .catch((error: unknown) => options.log(`could not load ${options.startUrl}: ${String(error)}`));
  return mainWindow;
}
