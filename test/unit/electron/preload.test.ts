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
    expect(Object.keys(bridge).sort()).toEqual(['appInfo', 'getSettings', 'setSettings']);
  });

  it('invokes each method on its BridgeChannel, passing only the patch', async () => {
    await bridge.appInfo();
    await bridge.getSettings();
    await bridge.setSettings({ theme: 'dark' });
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [BridgeChannel.appInfo],
      [BridgeChannel.settingsGet],
      [BridgeChannel.settingsSet, { theme: 'dark' }],
    ]);
  });

  it("answers with main's IpcResult as is", async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: 'settings.theme: Invalid option' });
    expect(await bridge.setSettings({ theme: 'dark' })).toEqual({ ok: false, error: 'settings.theme: Invalid option' });
  });
});
