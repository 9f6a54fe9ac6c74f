import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BridgeChannel, type Bridge } from '../../../shared/bridge';
import { contextBridge, ipcRenderer } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let bridge: Bridge;
beforeAll(async () => {
  await import('../../../electron/preload/index');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, exposed] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, Bridge];
  expect(name).toBe('bridge');
  bridge = exposed;
});

describe('the preload', () => {
  it('exposes the Bridge methods and nothing else', () => {
    expect(Object.keys(bridge).sort()).toEqual([
      'appInfo',
      'clearToken',
      'getSettings',
      'notify',
      'onOpenTicket',
      'readToken',
      'saveFile',
      'setDesktopStatus',
      'setSettings',
      'storeToken',
    ]);
  });

  it('invokes each method on its BridgeChannel, passing only the request', async () => {
    const file = { suggestedName: 'escalations.csv', content: 'Ticket\r\n' };
    const token = 'c2a8f0e4-5b1d-4f7e-9a63-0d2b7c41e9f8.4b6e1f0a';
    const reminder = { title: 'Follow-up due', body: 'CSS-104233', tag: 'follow-up:CSS-104233' };
    await bridge.appInfo();
    await bridge.getSettings();
    await bridge.setSettings({ theme: 'dark' });
    await bridge.saveFile(file);
    await bridge.notify(reminder);
    await bridge.readToken();
    await bridge.storeToken(token);
    await bridge.clearToken();
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [BridgeChannel.appInfo],
      [BridgeChannel.settingsGet],
      [BridgeChannel.settingsSet, { theme: 'dark' }],
      [BridgeChannel.saveFile, file],
      [BridgeChannel.notify, reminder],
      [BridgeChannel.tokenRead],
      [BridgeChannel.tokenStore, token],
      [BridgeChannel.tokenClear],
    ]);
  });

  it('hands the page only the ticket id main asks to open, until it unsubscribes', () => {
    const opened: string[] = [];
    const unsubscribe = bridge.onOpenTicket((ticketId) => opened.push(ticketId));
    const event = { sender: 'the IPC event, which the page must never get' };
    ipcRenderer.emit(BridgeChannel.openTicket, event, '9b2f6a52-4c1e-4d8a-9f3e-2a7c5b1d0e44');
    ipcRenderer.emit(BridgeChannel.openTicket, event, { not: 'an id' });
    unsubscribe();
    ipcRenderer.emit(BridgeChannel.openTicket, event, '0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e');
    expect(opened).toEqual(['9b2f6a52-4c1e-4d8a-9f3e-2a7c5b1d0e44']);
  });

  it("answers with main's IpcResult as is", async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: 'settings.theme: Invalid option' });
    expect(await bridge.setSettings({ theme: 'dark' })).toEqual({ ok: false, error: 'settings.theme: Invalid option' });
  });
});
