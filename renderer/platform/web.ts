/** The web host of the Bridge: what the shell offers, done with browser APIs when the console runs in a plain tab. */
import { DEFAULT_SETTINGS, Settings, SettingsPatch, type Bridge, type IpcResult } from '../../shared/bridge';
import { APP_NAME, applySettingsPatch, parseAtBridge } from '../../shared/bridge-host';

declare global {
  interface ImportMetaEnv {
    /** Set by the Vite config from package.json's version. */
    readonly VITE_APP_VERSION?: string;
  }
}

export const APP_VERSION = import.meta.env.VITE_APP_VERSION ?? '0.0.0-dev';

/** The localStorage key holding the settings record, as JSON. */
export const SETTINGS_KEY = 'css-console.settings';

/** `storage` is the tab's localStorage; settings are parsed on every read, as another tab may have changed them. */
export function createWebBridge(storage: Storage): Bridge {
  const read = (): Settings => {
    const stored = readJson(storage);
    if (stored === undefined) return DEFAULT_SETTINGS;
    const parsed = parseAtBridge(Settings, stored.value, 'stored settings');
    if (parsed.ok) return parsed.value;
    console.warn(`${parsed.error}; using the defaults`);
    return DEFAULT_SETTINGS;
  };

  const setSettings = (patch: unknown): IpcResult<Settings> => {
    const parsed = parseAtBridge(SettingsPatch, patch, 'settings');
    if (!parsed.ok) return parsed;
    const next = applySettingsPatch(read(), parsed.value);
    try {
      storage.setItem(SETTINGS_KEY, JSON.stringify(next));
    } catch (error) {
      return { ok: false, error: `the settings could not be saved in this browser: ${String(error)}` };
    }
    return { ok: true, value: next };
  };

  return {
    appInfo: () => Promise.resolve({ ok: true, value: { name: APP_NAME, version: APP_VERSION, host: 'web' } }),
    getSettings: () => Promise.resolve({ ok: true, value: read() }),
    setSettings: (patch) => Promise.resolve(setSettings(patch)),
  };
}

/** The stored JSON, or undefined when nothing is stored yet or it cannot be read (both mean defaults). */
function readJson(storage: Storage): { value: unknown } | undefined {
  try {
    const text = storage.getItem(SETTINGS_KEY);
    return text === null ? undefined : { value: JSON.parse(text) };
  } catch (error) {
    console.warn(`the stored settings could not be read (${String(error)}); using the defaults`);
    return undefined;
  }
}
