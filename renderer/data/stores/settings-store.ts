/** The user's settings as the shell (or the browser host) keeps them. */
import { create } from 'zustand';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../../shared/bridge';
import { platform } from '../../platform';

interface SettingsState {
  settings: Settings;
  /** The server is fixed by the IT department's policy: shown, not editable. */
  serverUrlSetByIt: boolean;
  loaded: boolean;
}

export const useSettingsStore = create<SettingsState>(() => ({
  settings: DEFAULT_SETTINGS,
  serverUrlSetByIt: false,
  loaded: false,
}));

export const settingsActions = {
  async load(): Promise<void> {
    const [result, info] = await Promise.all([platform.getSettings(), platform.appInfo()]);
    useSettingsStore.setState({
      settings: result.ok ? result.value : DEFAULT_SETTINGS,
      serverUrlSetByIt: info.ok && info.value.serverUrlSetByIt,
      loaded: true,
    });
  },
  /** Saves a change; resolves with the reason when the shell refuses it. */
  async update(patch: SettingsPatch): Promise<string | null> {
    const result = await platform.setSettings(patch);
    if (!result.ok) return result.error;
    useSettingsStore.setState({ settings: result.value });
    return null;
  },
};
