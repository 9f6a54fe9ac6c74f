/** The shell's settings: one record, read back through the Settings schema, replaced only by a valid whole. */
import type { Options } from 'electron-store';
import { DEFAULT_SETTINGS, type IpcResult, type ItPolicy, Settings, type SettingsPatch } from '../../shared/bridge';
import { applySettingsPatch, parseAtBridge } from '../../shared/bridge-host';

export interface SettingsStore {
  get(): Settings;
  /** Refuses a change the IT policy forbids; a failed write throws, leaving the settings as they were. */
  set(patch: SettingsPatch): IpcResult<Settings>;
}

/** Where the record persists; electron-store and conf (its engine) fit: `store` reads and writes the whole file. */
export interface SettingsFile {
  store: unknown;
}

/**
 * Reads the file once and keeps the parsed value, so the CSP (asked per response) costs no disk
 * read. A record that cannot be read or fails the schema is logged and replaced by the defaults.
 * A write happens before the in-memory value changes, so a failed save leaves both as they were.
 * The IT policy's server, when it sets one, is the server whatever the file says.
 */
export function createSettingsStore(
  file: SettingsFile,
  log: (message: string) => void,
  policy: ItPolicy = {},
): SettingsStore {
  let current: Settings | undefined;
  const stored = () => (current ??= readSettings(file, log));
  const get = () => (policy.serverUrl === undefined ? stored() : { ...stored(), serverUrl: policy.serverUrl });
  return {
    get,
    set(patch) {
      if (policy.serverUrl !== undefined && patch.serverUrl !== undefined && patch.serverUrl !== policy.serverUrl) {
        return {
          ok: false,
          error: `settings.serverUrl: the server is set by your IT department (${policy.serverUrl}) and cannot be changed here`,
        };
      }
      const next = applySettingsPatch(stored(), patch);
      file.store = next;
      current = next;
      return { ok: true, value: get() };
    },
  };
}

function readSettings(file: SettingsFile, log: (message: string) => void): Settings {
  let stored: unknown;
  try {
    stored = file.store;
  } catch (error) {
    log(`could not read the settings (${String(error)}); using the defaults`);
    return DEFAULT_SETTINGS;
  }
  const parsed = parseAtBridge(Settings, stored, 'stored settings');
  if (parsed.ok) return parsed.value;
  log(`${parsed.error}; using the defaults`);
  return DEFAULT_SETTINGS;
}

/**
 * Options for the settings file (electron-store's, which are conf's). Defaults fill a missing key;
 * a file that is not JSON would make the constructor throw, so it is logged and cleared instead.
 */
export function settingsFileOptions(log: (message: string) => void): Options<Settings> {
  let reported = false;
  return {
    defaults: DEFAULT_SETTINGS,
    clearInvalidConfig: true,
    deserialize(text) {
      try {
        return JSON.parse(text) as Settings;
      } catch (error) {
        // conf parses the broken file twice while replacing it with the defaults; say so once.
        if (!reported) log(`the settings file is not valid JSON (${String(error)}); using the defaults`);
        reported = true;
        throw error;
      }
    },
  };
}
