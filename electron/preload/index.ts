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
  setDesktopStatus: (status) => invoke<null>(BridgeChannel.desktopStatus, status),
  onOpenTicket(listener) {
    // Only the ticket id crosses, never the IPC event (it would hand the page the sender).
    const forward = (_event: unknown, ticketId: unknown) => {
      if (typeof ticketId === 'string') listener(ticketId);
    };
    ipcRenderer.on(BridgeChannel.openTicket, forward);
    return () => void ipcRenderer.removeListener(BridgeChannel.openTicket, forward);
  },
};

contextBridge.exposeInMainWorld('bridge', bridge);
