/** The bridge's IPC handlers in main: sender-checked, payload-parsed, answering IpcResult values and never throwing. */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import {
  BridgeChannel,
  SettingsPatch,
  type AppInfo,
  type BridgeChannelName,
  type IpcResult,
} from '../../shared/bridge';
import { parseAtBridge } from '../../shared/bridge-host';
import type { SettingsStore } from './settings';
import { isSameOrigin } from './trusted-origin';

export interface BridgeServices {
  appInfo: AppInfo;
  settings: SettingsStore;
  /** The renderer's origin; a message from any other frame is refused. */
  origin: URL;
  log: (message: string) => void;
}

export function registerBridgeHandlers(ipcMain: Pick<IpcMain, 'handle'>, services: BridgeServices): void {
  const { appInfo, settings, origin, log } = services;

  const handle = <T>(channel: BridgeChannelName, arity: 0 | 1, answer: (args: unknown[]) => IpcResult<T>) => {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]): IpcResult<T> => {
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
        return answer(args);
      } catch (error) {
        log(`${channel} failed: ${String(error)}`);
        return { ok: false, error: `${channel} failed: ${String(error)}` };
      }
    });
  };

  handle(BridgeChannel.appInfo, 0, () => ({ ok: true, value: appInfo }));
  handle(BridgeChannel.settingsGet, 0, () => ({ ok: true, value: settings.get() }));
  handle(BridgeChannel.settingsSet, 1, ([patch]) => {
    const parsed = parseAtBridge(SettingsPatch, patch, 'settings');
    return parsed.ok ? { ok: true, value: settings.set(parsed.value) } : parsed;
  });
}
