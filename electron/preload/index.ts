/** The preload: exposes `window.bridge` (shared/bridge.ts) over IPC and nothing else, no ipcRenderer or generic invoke. */
import { contextBridge, ipcRenderer } from 'electron';
import type { AppInfo, Bridge, IpcResult, SaveFileResult, SessionToken, Settings } from '../../shared/bridge';
import { BridgeChannel, type BridgeChannelName } from '../../shared/bridge-channel';

// Main answers every channel with an IpcResult and never throws (electron/main/ipc.ts).
const invoke = <T>(channel: BridgeChannelName, ...args: unknown[]) =>
  ipcRenderer.invoke(channel, ...args) as Promise<IpcResult<T>>;

const bridge: Bridge = {
  appInfo: () => invoke<AppInfo>(BridgeChannel.appInfo),
  getSettings: () => invoke<Settings>(BridgeChannel.settingsGet),
  setSettings: (patch) => invoke<Settings>(BridgeChannel.settingsSet, patch),
  saveFile: (request) => invoke<SaveFileResult>(BridgeChannel.saveFile, request),
  notify: (request) => invoke<{ shown: boolean }>(BridgeChannel.notify, request),
  readToken: () => invoke<SessionToken | null>(BridgeChannel.tokenRead),
  storeToken: (token) => invoke<null>(BridgeChannel.tokenStore, token),
  clearToken: () => invoke<null>(BridgeChannel.tokenClear),
};

contextBridge.exposeInMainWorld('bridge', bridge);
