/** The Electron entry: wires the shell's modules into the app lifecycle; the logic lives in those modules. */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  BrowserWindow,
  Menu,
  Notification,
  Tray,
  app,
  dialog,
  ipcMain,
  nativeImage,
  nativeTheme,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import electronLog from 'electron-log/main';
import { autoUpdater } from 'electron-updater';
import { BridgeChannel } from '../../shared/bridge-channel';
import { APP_ID, APP_NAME } from '../../shared/bridge-host';
import { contentSecurityPolicy } from './csp';
import { createExternalLinkOpener } from './external-link';
import { registerBridgeHandlers } from './ipc';
import { applicationMenuTemplate } from './menu';
import { createNotifier } from './notify';
import { policyFile, readPolicy } from './policy';
import { APP_SCHEME } from '../../shared/desktop-origin';
import { createRendererHandler, registerAppScheme } from './protocol';
import { rendererSource } from './renderer-source';
import { createFileSaver } from './save-file';
import { guardSession, guardWebContents } from './security';
import { openSettingsStore, openWindowStateFile } from './settings-electron-store';
import { createTokenStore, tokenFileAt } from './token';
import { createTray } from './tray';
import { createUpdates } from './updates';
import { showMainWindow } from './window';
import { restoredWindowState } from './window-state';

// electron-log writes to the person's log folder (Windows %APPDATA%\<app>\logs, macOS
// ~/Library/Logs/<app>, Linux ~/.config/<app>/logs), where IT support asks for it.
const log = (message: string) => electronLog.warn(`[shell] ${message}`);
autoUpdater.logger = electronLog;

app.setName(APP_NAME);
// Windows shows a notification, and routes its click back, only for the id the installer registered.
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
registerAppScheme(protocol);
/** A message box on the console's window when there is one; resolves to the index of the button chosen. */
async function ask(message: string, detail: string, buttons: string[]): Promise<number> {
  const owner = BrowserWindow.getAllWindows()[0];
  const options = { message, detail, buttons, cancelId: buttons.length - 1 };
  return (await (owner === undefined ? dialog.showMessageBox(options) : dialog.showMessageBox(owner, options)))
    .response;
}

const source = rendererSource(process.env.CSS_CONSOLE_DEV_URL, app.isPackaged);
/** Set when the app quits: until then, closing the window keeps the console running in the tray (window.ts). */
let quitting = false;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const openExternal = createExternalLinkOpener({ ask, open: (url) => shell.openExternal(url) });
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, { origin: source.origin, openExternal, log }),
  );
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(start, (error: unknown) => log(`could not start: ${String(error)}`));
}

function start(): void {
  const policy = readPolicy(
    policyFile(process.platform, process.env.ProgramData),
    (file) => readFileSync(file, 'utf8'),
    log,
  );
  const updates = createUpdates({
    updater: autoUpdater,
    isPackaged: app.isPackaged,
    feedUrl: policy.updateUrl ?? process.env.CSS_CONSOLE_UPDATE_URL,
    enabled: policy.updates !== false,
    ask,
    log,
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenuTemplate({
        checkForUpdates: () => updates.check(true),
        developer: !app.isPackaged,
        platform: process.platform,
      }),
    ),
  );
  updates.check(false);

  const windowState = openWindowStateFile();
  const showWindow = () =>
    showMainWindow({
      preloadPath: path.join(app.getAppPath(), 'dist', 'electron', 'preload.cjs'),
      startUrl: source.startUrl,
      dark: nativeTheme.shouldUseDarkColors,
      state: restoredWindowState(
        windowState.store,
        screen.getAllDisplays().map((display) => display.workArea),
        log,
      ),
      saveState: (state) => (windowState.store = state),
      keepInTray: () => !quitting,
      log,
    });
  const openTicket = (ticketId: string) => showWindow().webContents.send(BridgeChannel.openTicket, ticketId);
  const tray = createTray({
    // The app icon, scaled to a tray's size by Electron.
    create: () =>
      new Tray(
        nativeImage.createFromPath(path.join(app.getAppPath(), 'build', 'icons', 'icon.png')).resize({ width: 16 }),
      ),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    openConsole: showWindow,
    openTicket,
    checkForUpdates: () => updates.check(true),
    quit: () => app.quit(),
  });

  const settings = openSettingsStore(log, policy);
  const csp = () => contentSecurityPolicy(settings.get().serverUrl, source.dev);
  guardSession(session.defaultSession, { origin: source.origin, contentSecurityPolicy: csp });
  protocol.handle(APP_SCHEME, createRendererHandler(path.join(app.getAppPath(), 'dist', 'renderer'), csp));
  registerBridgeHandlers(ipcMain, {
    appInfo: {
      name: APP_NAME,
      version: app.getVersion(),
      host: 'electron',
      serverUrlSetByIt: policy.serverUrl !== undefined,
    },
    settings,
    saveFile: createFileSaver({
      showSaveDialog: (sender, options) => {
        const owner = BrowserWindow.fromWebContents(sender);
        return owner === null ? dialog.showSaveDialog(options) : dialog.showSaveDialog(owner, options);
      },
      writeFile: (filePath, content) => writeFile(filePath, content, 'utf8'),
      defaultFolder: () => app.getPath('downloads'),
    }),
    notify: createNotifier({
      isSupported: () => Notification.isSupported(),
      create: (options) => new Notification(options),
      openTicket,
    }),
    token: createTokenStore({
      safeStorage,
      file: tokenFileAt(path.join(app.getPath('userData'), 'session-token')),
      platform: process.platform,
      log,
    }),
    showStatus: (status) => tray.show(status),
    origin: source.origin,
    log,
  });

  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  showWindow();
}
