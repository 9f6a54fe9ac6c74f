/** Where the window's renderer comes from: the built app over app://, or the Vite dev server in --dev. */
import { APP_START_URL } from './protocol';

export interface RendererSource {
  /** The URL the window loads. */
  startUrl: string;
  /** The one origin trusted for navigation, IPC and permissions. */
  origin: URL;
  /** True when served by the Vite dev server, whose React refresh preamble is an inline script. */
  dev: boolean;
}

/**
 * The built renderer, unless `devUrl` (CSS_CONSOLE_DEV_URL) names a dev server. A packaged build
 * ignores it: an environment variable must never point the shipped app at another origin.
 */
export function rendererSource(devUrl: string | undefined, isPackaged: boolean): RendererSource {
  if (devUrl === undefined || devUrl === '' || isPackaged) {
    return { startUrl: APP_START_URL, origin: new URL(APP_START_URL), dev: false };
  }
  const origin = URL.canParse(devUrl) ? new URL(devUrl) : undefined;
  if (origin?.protocol !== 'http:' && origin?.protocol !== 'https:') {
    throw new Error(
      `CSS_CONSOLE_DEV_URL must be the dev server's http:// URL, e.g. http://127.0.0.1:5173; got "${devUrl}"`,
    );
  }
  return { startUrl: origin.href, origin, dev: true };
}
