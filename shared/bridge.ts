/**
 * What the desktop shell offers the renderer, and nothing more: capabilities, not data access.
 * Every payload crossing IPC is parsed with these schemas in main; replies are IpcResult values,
 * never exceptions thrown across the process boundary.
 */
import { z } from 'zod';
import { DEFAULT_SERVER_URL } from './api';

/** An http(s) origin the console syncs with, e.g. http://127.0.0.1:4317. */
export const ServerUrl = z
  .url({ protocol: /^https?$/, message: 'the server URL must start with http:// or https://' })
  .max(2000);

export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

export const Settings = z.object({
  serverUrl: ServerUrl,
  theme: Theme,
  /** The e-mail of the last sign-in, offered again on the login screen. */
  lastEmail: z.string().max(320),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { serverUrl: DEFAULT_SERVER_URL, theme: 'system', lastEmail: '' };

/** A partial update; unknown keys are refused so a typo is an error, not a silent no-op. */
export const SettingsPatch = Settings.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** 'electron' inside the desktop shell, 'web' in a plain browser. */
  host: z.enum(['electron', 'web']),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** IPC channel names, declared once. */
export const BridgeChannel = {
  appInfo: 'bridge:app-info',
  settingsGet: 'bridge:settings-get',
  settingsSet: 'bridge:settings-set',
} as const;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** The renderer's view of the shell, exposed as `window.bridge` by the preload script. */
export interface Bridge {
  appInfo(): Promise<IpcResult<AppInfo>>;
  getSettings(): Promise<IpcResult<Settings>>;
  setSettings(patch: SettingsPatch): Promise<IpcResult<Settings>>;
}
