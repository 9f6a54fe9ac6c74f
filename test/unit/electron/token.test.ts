// The sign-in token in main: encrypted with safeStorage on disk, never written in clear, and kept in
// memory only where there is no real keychain.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeChannel, DEFAULT_SETTINGS } from '../../../shared/bridge';
import { registerBridgeHandlers } from '../../../electron/main/ipc';
import { createSettingsStore } from '../../../electron/main/settings';
import { createTokenStore, tokenFileAt } from '../../../electron/main/token';
import { FakeIpcMain, safeStorage } from './fake-electron';

const consolePage = 'app://console/index.html';
const token = 'c2a8f0e4-5b1d-4f7e-9a63-0d2b7c41e9f8.4b6e1f0a';

let folder: string;
let filePath: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'css-console-token-'));
  filePath = path.join(folder, 'session-token');
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
});
afterEach(() => rm(folder, { recursive: true, force: true }));

function tokens(platform: NodeJS.Platform = 'linux') {
  const log = vi.fn();
  return { store: createTokenStore({ safeStorage, file: tokenFileAt(filePath), platform, log }), log };
}

describe('the token store', () => {
  it('writes the token encrypted, readable by its owner only, and reads it back after a restart', async () => {
    tokens().store.store(token);
    const onDisk = await readFile(filePath);
    expect(onDisk.toString()).not.toContain(token);
    expect(safeStorage.encryptString).toHaveBeenCalledWith(token);
    if (process.platform !== 'win32') expect((await stat(filePath)).mode & 0o777).toBe(0o600);
    expect(tokens().store.read()).toBe(token);
  });

  it('reads nothing before a sign-in, and nothing after a sign-out', async () => {
    const { store } = tokens();
    expect(store.read()).toBeNull();
    store.store(token);
    store.clear();
    expect(store.read()).toBeNull();
    expect(tokens().store.read()).toBeNull();
    await expect(stat(filePath)).rejects.toThrow('ENOENT');
  });

  it.each([
    [
      'encryption is unavailable',
      (): void => {
        safeStorage.available = false;
      },
    ],
    [
      'Linux offers only the basic_text backend',
      (): void => {
        safeStorage.backend = 'basic_text';
      },
    ],
  ])('keeps the token in memory only when %s', async (_case, arrange) => {
    arrange();
    const { store, log } = tokens();
    store.store(token);
    expect(store.read()).toBe(token);
    await expect(stat(filePath)).rejects.toThrow('ENOENT');
    expect(log).toHaveBeenCalledWith(
      'no OS keychain to encrypt the sign-in token with: it is kept until the console closes',
    );
    expect(tokens().store.read()).toBeNull();
  });

  it.each([
    ['not encrypted by this keychain', token, 'the stored token could not be read (Error: Error while decrypting'],
    ['too short to be a token', 'sealed:=Qb', 'stored token: Too small'],
  ])('deletes a stored token %s and asks for a sign-in', async (_case, content, logged) => {
    await writeFile(filePath, content);
    const { store, log } = tokens();
    expect(store.read()).toBeNull();
    expect(log).toHaveBeenCalledWith(expect.stringContaining(logged));
    await expect(stat(filePath)).rejects.toThrow('ENOENT');
  });
});

describe('the token channels', () => {
  function bridge(sender = consolePage) {
    const ipcMain = new FakeIpcMain();
    const { store } = tokens();
    registerBridgeHandlers(ipcMain, {
      appInfo: { name: 'CSS Engineer Console', version: '0.1.0', host: 'electron', serverUrlSetByIt: false },
      settings: createSettingsStore({ store: { ...DEFAULT_SETTINGS } }, vi.fn()),
      saveFile: vi.fn(),
      notify: vi.fn(),
      token: store,
      showStatus: vi.fn(),
      origin: new URL(consolePage),
      log: vi.fn(),
    });
    return (channel: string, ...args: unknown[]) => ipcMain.invoke(channel, sender, ...args);
  }

  it('stores, reads and clears the token for the console', () => {
    const invoke = bridge();
    expect(invoke(BridgeChannel.tokenRead)).toEqual({ ok: true, value: null });
    expect(invoke(BridgeChannel.tokenStore, token)).toEqual({ ok: true, value: null });
    expect(invoke(BridgeChannel.tokenRead)).toEqual({ ok: true, value: token });
    expect(invoke(BridgeChannel.tokenClear)).toEqual({ ok: true, value: null });
    expect(invoke(BridgeChannel.tokenRead)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['a short token', 'abc', 'token: Too small: expected string to have >=32 characters'],
    ['a huge token', 't'.repeat(4097), 'token: the token must be at most 4,096 characters'],
    ['an object', { token }, 'token: Invalid input: expected string, received object'],
  ])('refuses %s, saying what is wrong, and stores nothing', async (_case, payload, error) => {
    const invoke = bridge();
    expect(invoke(BridgeChannel.tokenStore, payload)).toEqual({ ok: false, error });
    expect(invoke(BridgeChannel.tokenRead)).toEqual({ ok: true, value: null });
    await expect(stat(filePath)).rejects.toThrow('ENOENT');
  });

  it('answers no other site', () => {
    tokens().store.store(token);
    expect(bridge('https://evil.example/')(BridgeChannel.tokenRead)).toEqual({
      ok: false,
      error: "bridge:token-read answers only the console's own pages",
    });
  });
});
