/** The web host of the Bridge: what the shell offers, done with browser APIs when the console runs in a plain tab. */
import {
  DEFAULT_SETTINGS,
  DesktopStatus,
  NotifyRequest,
  SaveFileRequest,
  SessionToken,
  Settings,
  SettingsPatch,
  type Bridge,
  type IpcResult,
  type SaveFileResult,
} from '../../shared/bridge';
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

/** The sessionStorage key holding the sign-in token. */
export const TOKEN_KEY = 'css-console.token';

/**
 * `storage` is the tab's localStorage; settings are parsed on every read, as another tab may have
 * changed them. `tokenStorage` is the tab's sessionStorage: a browser has no keychain to encrypt the
 * token with, so it is not the secure place for it; sessionStorage at least keeps it to this tab and
 * drops it when the tab closes (the desktop shell keeps it encrypted with the OS keychain instead).
 */
export function createWebBridge(storage: Storage, tokenStorage: Storage): Bridge {
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

  const openTicketListeners = new Set<(ticketId: string) => void>();
  const notifications = browserNotifications((ticketId) => {
    for (const listener of openTicketListeners) listener(ticketId);
  });
  return {
    appInfo: () =>
      Promise.resolve({
        ok: true,
        value: { name: APP_NAME, version: APP_VERSION, host: 'web', serverUrlSetByIt: false },
      }),
    getSettings: () => Promise.resolve({ ok: true, value: read() }),
    setSettings: (patch) => Promise.resolve(setSettings(patch)),
    saveFile: (request) => Promise.resolve(download(request)),
    notify: (request) => notifications(request),
    readToken: () => Promise.resolve(readToken(tokenStorage)),
    storeToken: (token) => Promise.resolve(storeToken(tokenStorage, token)),
    clearToken: () => {
      tokenStorage.removeItem(TOKEN_KEY);
      return Promise.resolve({ ok: true, value: null });
    },
    // A browser has no tray; the status is still checked, so a bad one fails here as in the shell.
    setDesktopStatus: (status) => {
      const parsed = parseAtBridge(DesktopStatus, status, 'desktopStatus');
      return Promise.resolve(parsed.ok ? { ok: true, value: null } : parsed);
    },
    onOpenTicket(listener) {
      openTicketListeners.add(listener);
      return () => void openTicketListeners.delete(listener);
    },
  };
}

function readToken(tokenStorage: Storage): IpcResult<SessionToken | null> {
  const stored = tokenStorage.getItem(TOKEN_KEY);
  if (stored === null) return { ok: true, value: null };
  const parsed = parseAtBridge(SessionToken, stored, 'stored token');
  return parsed.ok ? parsed : { ok: true, value: null };
}

function storeToken(tokenStorage: Storage, token: unknown): IpcResult<null> {
  const parsed = parseAtBridge(SessionToken, token, 'token');
  if (!parsed.ok) return parsed;
  try {
    tokenStorage.setItem(TOKEN_KEY, parsed.value);
  } catch (error) {
    return { ok: false, error: `the sign-in could not be kept in this browser: ${String(error)}` };
  }
  return { ok: true, value: null };
}

const MIME_TYPE: Record<string, string> = { csv: 'text/csv', ics: 'text/calendar' };

// The browser starts the download asynchronously; revoking the URL at once can cancel it (FileSaver.js waits 40 s).
const REVOKE_AFTER_MS = 60_000;

/** A browser download of the file: the browser decides where it goes, so the path is not known. */
function download(request: unknown): IpcResult<SaveFileResult> {
  const parsed = parseAtBridge(SaveFileRequest, request, 'saveFile');
  if (!parsed.ok) return parsed;
  const { suggestedName, content } = parsed.value;
  const extension = suggestedName.slice(suggestedName.lastIndexOf('.') + 1).toLowerCase();
  const url = URL.createObjectURL(new Blob([content], { type: `${MIME_TYPE[extension]};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = suggestedName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  return { ok: true, value: { saved: true, path: null } };
}

/**
 * The browser's Notification API; permission is asked at most once, as a refused prompt is not asked
 * again. A click on a notification about a ticket brings the tab forward and opens it.
 */
function browserNotifications(openTicket: (ticketId: string) => void) {
  let asked = false;
  const allowed = async (): Promise<boolean> => {
    if (Notification.permission === 'default' && !asked) {
      asked = true;
      return (await Notification.requestPermission()) === 'granted';
    }
    return Notification.permission === 'granted';
  };
  return async (request: unknown): Promise<IpcResult<{ shown: boolean }>> => {
    const parsed = parseAtBridge(NotifyRequest, request, 'notify');
    if (!parsed.ok) return parsed;
    if (typeof Notification === 'undefined' || !(await allowed())) return { ok: true, value: { shown: false } };
    const { title, body, tag, ticketId } = parsed.value;
    try {
      const notification = new Notification(title, { body, tag });
      if (ticketId !== undefined) {
        notification.onclick = () => {
          window.focus();
          openTicket(ticketId);
        };
      }
    } catch (error) {
      // Some browsers allow notifications only from a service worker and throw here.
      console.warn(`the notification could not be shown: ${String(error)}`);
      return { ok: true, value: { shown: false } };
    }
    return { ok: true, value: { shown: true } };
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
