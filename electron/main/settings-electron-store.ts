/**
 * The settings and window-state files in the user-data folder, kept by electron-store. Only the entry imports this:
 * electron-store ends any process that is not Electron, tests included.
 */
import ElectronStore from 'electron-store';
import type { ItPolicy, Settings } from '../../shared/bridge';
import { createSettingsStore, settingsFileOptions, type SettingsStore } from './settings';

export function openSettingsStore(log: (message: string) => void, policy: ItPolicy): SettingsStore {
  return createSettingsStore(
    new ElectronStore<Settings>({ name: 'settings', ...settingsFileOptions(log) }),
    log,
    policy,
  );
}

/** The window's last size and place; read back through its schema by window-state.ts. */
export function openWindowStateFile(): { store: unknown } {
  return new ElectronStore({ name: 'window-state' });
}
