/** The bridge's IPC handlers in main: sender-checked, payload-parsed, answering IpcResult values and never throwing. */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  BridgeChannel,
  DesktopStatus,
  NotifyRequest,
  SaveFileRequest,
  SessionToken,
  SettingsPatch,
  type AppInfo,
  type BridgeChannelName,
  type IpcResult,
  type SaveFileResult,
} from '../../shared/bridge';
import { parseAtBridge } from '../../shared/bridge-host';
import type { SettingsStore } from './settings';
import type { TokenStore } from './token';
import { isSameOrigin } from './trusted-origin';

export interface BridgeServices {
  appInfo: AppInfo;
  settings: SettingsStore;
  /** save-file.ts's saver; `sender` is the page that asked, whose window the dialog belongs to. */
  saveFile: (sender: WebContents, request: SaveFileRequest) => Promise<IpcResult<SaveFileResult>>;
  /** notify.ts's notifier. */
  notify: (request: NotifyRequest) => { shown: boolean };
  /** token.ts's store: the sign-in token, encrypted at rest. */
  token: TokenStore;
  /** tray.ts's tray: shows the counts the renderer reports. */
  showStatus: (status: DesktopStatus) => void;
  /** The renderer's origin; a message from any other frame is refused. */
  origin: URL;
  log: (message: string) => void;
}

type Answer<T> = IpcResult<T> | Promise<IpcResult<T>>;

export function registerBridgeHandlers(ipcMain: Pick<IpcMain, 'handle'>, services: BridgeServices): void {
  const { appInfo, settings, saveFile, notify, token, showStatus, origin, log } = services;

  const handle = <T>(
    channel: BridgeChannelName,
    arity: 0 | 1,
    answer: (args: unknown[], event: IpcMainInvokeEvent) => Answer<T>,
  ) => {
    const failed = (error: unknown): IpcResult<T> => {
      log(`${channel} failed: ${String(error)}`);
      return { ok: false, error: `${channel} failed: ${String(error)}` };
    };
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]): Answer<T> => {
      const sender = event.senderFrame?.url;
      if (sender === undefined || !isSameOrigin(sender, origin)) {
        log(`refused ${channel} from ${sender ?? 'a frame that is gone'}`);
        return { ok: false, error: `${channel} answers only the console's own pages` };
      }
      if (args.length !== arity) {
        const expected = arity === 0 ? 'no arguments' : 'exactly one argument';
        return { ok: false, error: `${channel} takes ${expected}, got ${args.length}` };
      }
      try {
        const answered = answer(args, event);
        return answered instanceof Promise ? answered.catch(failed) : answered;
      } catch (error) {
        return failed(error);
      }
    });
  };

  handle(BridgeChannel.appInfo, 0, () => ({ ok: true, value: appInfo }));
  handle(BridgeChannel.settingsGet, 0, () => ({ ok: true, value: settings.get() }));
  handle(BridgeChannel.settingsSet, 1, ([patch]) => {
    const parsed = parseAtBridge(SettingsPatch, patch, 'settings');
    return parsed.ok ? settings.set(parsed.value) : parsed;
  });
  handle(BridgeChannel.saveFile, 1, ([request], event) => {
    const parsed = parseAtBridge(SaveFileRequest, request, 'saveFile');
    return parsed.ok ? saveFile(event.sender, parsed.value) : parsed;
  });
  handle(BridgeChannel.notify, 1, ([request]) => {
    const parsed = parseAtBridge(NotifyRequest, request, 'notify');
    return parsed.ok ? { ok: true, value: notify(parsed.value) } : parsed;
  });
  handle(BridgeChannel.tokenRead, 0, () => ({ ok: true, value: token.read() }));
  handle(BridgeChannel.tokenStore, 1, ([value]) => {
    const parsed = parseAtBridge(SessionToken, value, 'token');
    if (!parsed.ok) return parsed;
    token.store(parsed.value);
    return { ok: true, value: null };
  });
  handle(BridgeChannel.tokenClear, 0, () => {
    token.clear();
    return { ok: true, value: null };
  });
  handle(BridgeChannel.desktopStatus, 1, ([status]) => {
    const parsed = parseAtBridge(DesktopStatus, status, 'desktopStatus');
    if (!parsed.ok) return parsed;
    showStatus(parsed.value);
    return { ok: true, value: null };
  });
}
