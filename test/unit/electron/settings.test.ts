import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/bridge';
import { createSettingsStore, settingsFileOptions, type SettingsFile } from '../../../electron/main/settings';

// electron-store cannot load outside Electron; conf is its engine and takes the same options.
const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function settingsFolder(contents?: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'css-console-settings-'));
  folders.push(folder);
  if (contents !== undefined) writeFileSync(path.join(folder, 'settings.json'), contents);
  return folder;
}

function open(folder: string) {
  const log = vi.fn<(message: string) => void>();
  const file = new Conf<Settings>({ ...settingsFileOptions(log), cwd: folder, configName: 'settings' });
  return { store: createSettingsStore(file, log), log };
}

const stored = (folder: string): unknown => JSON.parse(readFileSync(path.join(folder, 'settings.json'), 'utf8'));

describe('the settings store over the settings file', () => {
  it('starts from the defaults, quietly, when nothing is stored yet', () => {
    const { store, log } = open(settingsFolder());
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(log).not.toHaveBeenCalled();
  });

  it('keeps a change across a restart', () => {
    const folder = settingsFolder();
    open(folder).store.set({ serverUrl: 'https://tickets.contoso.com', theme: 'dark' });
    expect(open(folder).store.get()).toEqual({
      ...DEFAULT_SETTINGS,
      serverUrl: 'https://tickets.contoso.com',
      theme: 'dark',
    });
  });

  it('falls back to the defaults, logged, when the file is not JSON, and repairs it', () => {
    const folder = settingsFolder('{"serverUrl": "http://127.0.0.1:4317", theme');
    const { store, log } = open(folder);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toMatch(/the settings file is not valid JSON .*; using the defaults/);
    expect(stored(folder)).toEqual(DEFAULT_SETTINGS);
  });

  it('falls back to the defaults, logged with the failing fields, when the stored values are invalid', () => {
    const folder = settingsFolder(JSON.stringify({ serverUrl: 'ftp://tickets', theme: 'neon', lastEmail: 'a@b.c' }));
    const { store, log } = open(folder);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(log).toHaveBeenCalledWith(
      'stored settings.serverUrl: the server URL must start with http:// or https://; ' +
        'stored settings.theme: Invalid option: expected one of "system"|"light"|"dark"; using the defaults',
    );
  });

  it('fills a key missing from an older file with its default', () => {
    const folder = settingsFolder(JSON.stringify({ serverUrl: 'https://tickets.contoso.com' }));
    expect(open(folder).store.get()).toEqual({ ...DEFAULT_SETTINGS, serverUrl: 'https://tickets.contoso.com' });
  });

  it('leaves a key sent as undefined as it was', () => {
    const { store } = open(settingsFolder());
    store.set({ theme: 'light' });
    expect(store.set({ theme: undefined, lastEmail: 'dana@contoso.com' })).toMatchObject({
      ok: true,
      value: { theme: 'light' },
    });
  });
});

describe('createSettingsStore', () => {
  it('falls back to the defaults, logged, when the file cannot be read', () => {
    const log = vi.fn();
    const file: SettingsFile = {
      get store(): unknown {
        throw new Error('EACCES: permission denied');
      },
    };
    expect(createSettingsStore(file, log).get()).toEqual(DEFAULT_SETTINGS);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('EACCES'));
  });

  it('keeps the value it had when a save fails', () => {
    const file = {
      value: { ...DEFAULT_SETTINGS, theme: 'dark' } as unknown,
      get store() {
        return this.value;
      },
      set store(_next: unknown) {
        throw new Error('ENOSPC: no space left on device');
      },
    };
    const store = createSettingsStore(file, vi.fn());
    expect(() => store.set({ theme: 'light' })).toThrow('ENOSPC');
    expect(store.get().theme).toBe('dark');
  });

  it("answers the IT policy's server whatever the file says, and refuses another one", () => {
    const file = { store: { ...DEFAULT_SETTINGS, serverUrl: 'https://old.contoso.com' } as unknown };
    const store = createSettingsStore(file, vi.fn(), { serverUrl: 'https://tickets.contoso.com' });
    expect(store.get().serverUrl).toBe('https://tickets.contoso.com');
    expect(store.set({ serverUrl: 'https://elsewhere.example.com' })).toEqual({
      ok: false,
      error:
        'settings.serverUrl: the server is set by your IT department (https://tickets.contoso.com) and cannot be changed here',
    });
    expect(store.set({ serverUrl: 'https://tickets.contoso.com', lastEmail: 'dana@contoso.com' })).toMatchObject({
      ok: true,
      value: { serverUrl: 'https://tickets.contoso.com', lastEmail: 'dana@contoso.com' },
    });
  });
});
