/**
 * What the desktop shell offers the renderer, and nothing more: capabilities, not data access.
 * Every payload crossing IPC is parsed with these schemas in main; replies are IpcResult values,
 * never exceptions thrown across the process boundary.
 */
import { z } from 'zod';
import { DEFAULT_SERVER_URL } from './api';

export { BridgeChannel, type BridgeChannelName } from './bridge-channel';

/** A host name, an IPv4 address or a bracketed IPv6 address: nothing a security policy would read as syntax. */
const PLAIN_HOST = /^([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/;

/** The http(s) origin the console syncs with, e.g. http://127.0.0.1:4317: no path, query or credentials. */
export const ServerUrl = z
  .url({
    protocol: /^https?$/,
    hostname: PLAIN_HOST,
    message: 'the server URL must start with http:// or https://',
    abort: true,
  })
  .max(2000)
  .regex(/^https?:\/\/[^/?#@]+\/?$/, {
    message: 'the server URL must be just the server address, without a path, such as http://127.0.0.1:4317',
  });

export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

/** A reply the engineer keeps at hand and inserts into a customer reply. */
export const CannedReply = z.object({
  id: z.string().min(1).max(64),
  title: z.string().trim().min(1, { message: 'give the reply a title' }).max(80),
  body: z.string().trim().min(1, { message: 'the reply is empty' }).max(4000),
});
export type CannedReply = z.infer<typeof CannedReply>;

export const DEFAULT_CANNED_REPLIES: CannedReply[] = [
  {
    id: 'logs',
    title: 'Ask for logs',
    body: 'To look into this further, could you send us the exact error message, the time it last happened (with time zone) and, if possible, a screenshot?',
  },
  {
    id: 'remote-session',
    title: 'Offer a remote session',
    body: 'It would help to look at this together. Could you propose two or three time slots for a 30-minute remote session in the coming days?',
  },
  {
    id: 'microsoft',
    title: 'Raised with Microsoft',
    body: 'We have raised this with Microsoft support and will stay your point of contact. We will update you as soon as Microsoft responds.',
  },
  {
    id: 'still-there',
    title: 'Still affected?',
    body: 'Could you let us know whether the issue is still happening on your side?',
  },
];

export const Settings = z.object({
  serverUrl: ServerUrl,
  theme: Theme,
  /** The e-mail of the last sign-in, offered again on the login screen. */
  lastEmail: z.string().max(320),
  /** Added after the first release: stored settings without it get the defaults. */
  cannedReplies: z.array(CannedReply).max(100).default(DEFAULT_CANNED_REPLIES),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  serverUrl: DEFAULT_SERVER_URL,
  theme: 'system',
  lastEmail: '',
  cannedReplies: DEFAULT_CANNED_REPLIES,
};

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

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** The renderer's view of the shell, exposed as `window.bridge` by the preload script. */
export interface Bridge {
  appInfo(): Promise<IpcResult<AppInfo>>;
  getSettings(): Promise<IpcResult<Settings>>;
  setSettings(patch: SettingsPatch): Promise<IpcResult<Settings>>;
}
