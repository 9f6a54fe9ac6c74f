/** What both hosts of the Bridge (the Electron shell's main process, the web fallback) share, so they answer alike. */
import type { z } from 'zod';
import { Settings, type IpcResult, type SettingsPatch } from './bridge';

/** The product's name, reported by `appInfo` and shown as the window title. */
export const APP_NAME = 'CSS Engineer Console';

/** The installers' application id (build/electron-builder.yml's appId): Windows ties notifications to it. */
export const APP_ID = 'com.css-console.desktop';

/**
 * Parses a value arriving at the bridge. A refusal names each failing path under `subject`
 * ("settings.serverUrl: the server URL must start with http:// or https://"), so the person reading
 * it knows which field to fix.
 */
export function parseAtBridge<T>(schema: z.ZodType<T>, value: unknown, subject: string): IpcResult<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const error = result.error.issues
    .map((issue) => `${[subject, ...issue.path.map(String)].join('.')}: ${issue.message}`)
    .join('; ');
  return { ok: false, error };
}

/**
 * The settings after a validated patch. A key sent as `undefined` leaves its value as is, as an
 * absent key would; the whole is parsed again so only a valid record is ever stored.
 */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  return Settings.parse({ ...current, ...changes });
}
