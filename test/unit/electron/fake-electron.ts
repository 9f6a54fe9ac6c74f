/** A small stand-in for the `electron` module: records what the shell registers, so tests drive it without Electron. */
import type {
  BrowserWindowConstructorOptions,
  IpcMainInvokeEvent,
  MenuItemConstructorOptions,
  SafeStorage,
} from 'electron';
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }

  removeListener(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((registered) => registered !== listener),
    );
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...values: unknown[]) => unknown)(...args);
  }
}

export interface WindowOpenDetails {
  url: string;
}

export class FakeWebContents extends Emitter {
  readonly send = vi.fn();
  windowOpenHandler: ((details: WindowOpenDetails) => { action: string }) | undefined;

  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  /** Fires a cancellable navigation event as Electron does; true when a listener prevented it. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    this.emit(event, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  grant: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, requestingOrigin: string) => boolean;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  respond: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | undefined;
  permissionCheckHandler: PermissionCheckHandler | undefined;
  headersListener: HeadersListener | undefined;
  readonly webRequest = { onHeadersReceived: (listener: HeadersListener) => (this.headersListener = listener) };

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }

  /** What the request handler answers for `permission` asked by a page at `requestingUrl`. */
  request(permission: string, requestingUrl: string): boolean {
    let granted: boolean | undefined;
    this.permissionRequestHandler?.({}, permission, (answer) => (granted = answer), { requestingUrl });
    if (granted === undefined) throw new Error('the permission request was never answered');
    return granted;
  }

  /** The headers the shell answers for a response from `url` that carried `responseHeaders`. */
  headersFor(url: string, responseHeaders: Record<string, string[]>): Record<string, string[]> | undefined {
    let answered: Record<string, string[]> | undefined;
    this.headersListener?.({ url, responseHeaders }, (response) => (answered = response.responseHeaders));
    return answered;
  }
}

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export class FakeIpcMain {
  readonly handlers = new Map<string, Handler>();
  /** The webContents every invoke comes from (the console's window, in main-entry tests). */
  sender: FakeWebContents = new FakeWebContents();

  handle(channel: string, handler: Handler): void {
    this.handlers.set(channel, handler);
  }

  /** Calls a handler as a frame at `senderUrl` would (null: the frame is gone). */
  invoke(channel: string, senderUrl: string | null, ...args: unknown[]): unknown {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`no handler for ${channel}`);
    const event = {
      sender: this.sender,
      senderFrame: senderUrl === null ? null : { url: senderUrl },
    } as unknown as IpcMainInvokeEvent;
    return handler(event, ...args);
  }
}

export class BrowserWindow extends Emitter {
  static readonly opened: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return [...BrowserWindow.opened];
  }
  static fromWebContents(contents: unknown): BrowserWindow | null {
    return BrowserWindow.opened.find((window) => window.webContents === contents) ?? null;
  }

  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  visible = false;
  readonly show = vi.fn(() => {
    this.visible = true;
  });
  readonly hide = vi.fn(() => {
    this.visible = false;
  });
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly maximize = vi.fn();
  minimized = false;
  maximized = false;
  normalBounds = { x: 80, y: 60, width: 1280, height: 800 };

  isMaximized(): boolean {
    return this.maximized;
  }

  getNormalBounds() {
    return this.normalBounds;
  }

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    BrowserWindow.opened.push(this);
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  isVisible(): boolean {
    return this.visible;
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
}

const ready = Promise.resolve();

/** app.getPath's folders; a test points userData at a temporary folder. */
const paths: Record<string, string> = {
  downloads: '/home/anna/Downloads',
  userData: '/home/anna/.config/CSS Engineer Console',
};

export const app = Object.assign(new Emitter(), {
  isPackaged: false,
  setName: vi.fn(),
  requestSingleInstanceLock: vi.fn(() => true),
  quit: vi.fn(),
  whenReady: () => ready,
  getAppPath: () => '/opt/css-console',
  getVersion: () => '0.1.0',
  paths,
  getPath(name: string): string {
    const folder = paths[name];
    if (folder === undefined) throw new Error(`no path for ${name}`);
    return folder;
  },
});

/**
 * safeStorage with a stand-in cipher (reversed base64 behind a marker): enough to show what reaches
 * the disk is not the token, and that only this "keychain" reads it back.
 */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as ReturnType<SafeStorage['getSelectedStorageBackend']>,
  isEncryptionAvailable(): boolean {
    return this.available;
  },
  getSelectedStorageBackend(): ReturnType<SafeStorage['getSelectedStorageBackend']> {
    return this.backend;
  },
  encryptString: vi.fn((text: string) =>
    Buffer.from(`sealed:${[...Buffer.from(text).toString('base64')].reverse().join('')}`),
  ),
  decryptString: vi.fn((bytes: Buffer) => {
    const text = bytes.toString();
    if (!text.startsWith('sealed:'))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from([...text.slice('sealed:'.length)].reverse().join(''), 'base64').toString();
  }),
};

/** Electron's Notification: records what was shown; `supported` stands for Notification.isSupported(). */
export class Notification extends Emitter {
  static supported = true;
  static readonly created: Notification[] = [];
  static isSupported(): boolean {
    return Notification.supported;
  }

  readonly show = vi.fn();
  readonly close = vi.fn(() => this.emit('close'));

  constructor(readonly options: { title?: string; body?: string }) {
    super();
    Notification.created.push(this);
  }
}

/** Electron's Tray: records its tooltip and the template of its menu (built by the fake Menu). */
export class Tray extends Emitter {
  static readonly created: Tray[] = [];
  toolTip = '';
  menu: { template: MenuItemConstructorOptions[] } | undefined;

  constructor(readonly image: unknown) {
    super();
    Tray.created.push(this);
  }

  setToolTip(toolTip: string): void {
    this.toolTip = toolTip;
  }

  setContextMenu(menu: { template: MenuItemConstructorOptions[] }): void {
    this.menu = menu;
  }

  /** Clicks the menu item whose label starts with `label`. */
  choose(label: string): void {
    const item = this.menu?.template.find((entry) => entry.label?.startsWith(label));
    if (item?.click === undefined) throw new Error(`no menu item ${label}`);
    (item.click as () => void)();
  }
}

export const nativeImage = {
  createFromPath: (filePath: string) => ({ filePath, resize: (size: { width: number }) => ({ filePath, size }) }),
};
export const screen = {
  workAreas: [{ x: 0, y: 0, width: 1920, height: 1040 }],
  getAllDisplays() {
    return this.workAreas.map((workArea) => ({ workArea }));
  },
};

export const ipcMain = new FakeIpcMain();
export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
export const session = { defaultSession: new FakeSession() };
export const dialog = {
  showSaveDialog: vi.fn((..._args: unknown[]) =>
    Promise.resolve<{ canceled: boolean; filePath?: string }>({ canceled: true }),
  ),
  /** Answers the first button unless a test says otherwise. */
  showMessageBox: vi.fn((..._args: unknown[]) => Promise.resolve({ response: 0, checkboxChecked: false })),
};
export const Menu = {
  buildFromTemplate: vi.fn((template: MenuItemConstructorOptions[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

/** electron-updater's autoUpdater (a module of its own, mocked beside this one). */
export class FakeUpdater extends Emitter {
  logger: unknown = null;
  readonly checkForUpdates = vi.fn(() => Promise.resolve(null));
  readonly setFeedURL = vi.fn();
  readonly quitAndInstall = vi.fn();
}
export const autoUpdater = new FakeUpdater();
/** electron-log's main-process logger. */
export const electronLog = { warn: vi.fn(), info: vi.fn(), error: vi.fn() };
export const shell = { openExternal: vi.fn((_url: string) => Promise.resolve()) };
export const nativeTheme = { shouldUseDarkColors: false };
export const contextBridge = { exposeInMainWorld: vi.fn() };
export const ipcRenderer = Object.assign(new Emitter(), {
  invoke: vi.fn((..._args: unknown[]) => Promise.resolve<unknown>({ ok: true, value: null })),
});
