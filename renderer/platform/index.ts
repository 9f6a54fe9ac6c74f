/** The renderer's one door to the shell: `platform` is the Electron preload's bridge, or the web host in a plain tab. */
import type { Bridge } from '../../shared/bridge';
import { createWebBridge } from './web';

declare global {
  interface Window {
    /** Exposed by electron/preload inside the desktop shell; absent in a browser. */
    bridge?: Bridge;
  }
}

export const platform: Bridge = window.bridge ?? createWebBridge(window.localStorage, window.sessionStorage);

/** In a plain browser tab: the sign-in is kept in the tab, without the keychain's encryption the desktop app has. */
export const inBrowser = window.bridge === undefined;
