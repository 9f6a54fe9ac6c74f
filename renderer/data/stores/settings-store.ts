/** The user's settings as the shell (or the browser host) keeps them. */
import { create } from 'zustand';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../../shared/bridge';
import { platform } from '../../platform';

interface SettingsState {
  settings: Settings;
  loaded: boolean;
}

export const useSettingsStore = create<SettingsState>(() => ({ settings: DEFAULT_SETTINGS, loaded: false }));

export const settingsActions = {
  async load(): Promise<void> {
    const result = await platform.getSettings();
    useSettingsStore.setState({ settings: result.ok ? result.value : DEFAULT_SETTINGS, loaded: true });
  },
  /** Saves a change; resolves with the reason when the shell refuses it. */
  async update(patch: SettingsPatch): Promise<string | null> {
    const result = await platform.setSettings(patch);
    if (!result.ok) return result.error;
    useSettingsStore.setState({ settings: result.value });
    return null;
  },
};
