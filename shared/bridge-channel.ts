/** IPC channel names, declared once; free of zod so the preload script stays a few hundred bytes. */
export const BridgeChannel = {
  appInfo: 'bridge:app-info',
  settingsGet: 'bridge:settings-get',
  settingsSet: 'bridge:settings-set',
  saveFile: 'bridge:save-file',
  notify: 'bridge:notify',
  tokenRead: 'bridge:token-read',
  tokenStore: 'bridge:token-store',
  tokenClear: 'bridge:token-clear',
  desktopStatus: 'bridge:desktop-status',
  /** The one message main sends the renderer: open this ticket (a notification or the tray was clicked). */
  openTicket: 'bridge:open-ticket',
} as const;

/** One of the BridgeChannel names, so a handler or an invoke cannot name a channel that does not exist. */
export type BridgeChannelName = (typeof BridgeChannel)[keyof typeof BridgeChannel];
