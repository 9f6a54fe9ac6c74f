/** Locks the renderer to its own origin: navigation, redirects, new windows, webviews, permissions and CSP headers. */
import type { Session, WebContents } from 'electron';
import { withContentSecurityPolicy } from './csp';
import { isSameOrigin } from './trusted-origin';

export interface ContentsGuard {
  /** The renderer's origin; the only place a window may navigate to. */
  origin: URL;
  /** Shows the person where an https link goes and opens it in their browser if they agree (external-link.ts). */
  openExternal: (url: string) => Promise<void>;
  log: (message: string) => void;
}

/** Applied to every webContents as it is created, so no window, frame or devtools escapes it. */
export function guardWebContents(contents: WebContents, { origin, openExternal, log }: ContentsGuard): void {
  const stayHome = (event: { url: string; preventDefault(): void }) => {
    if (isSameOrigin(event.url, origin)) return;
    event.preventDefault();
    log(`refused to leave the console for ${event.url}`);
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);

  // No window is ever opened in-app; an https link to another site may go to the person's browser.
  // Plain http is not handed over: the customer-written text a link may come from is not to be trusted.
  contents.setWindowOpenHandler(({ url }) => {
    if (isHttpsLink(url) && !isSameOrigin(url, origin)) {
      openExternal(url).catch((error: unknown) => log(`could not open ${url} in the browser: ${String(error)}`));
    }
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Whether `url` is a well-formed https:// address. */
export function isHttpsLink(url: string): boolean {
  return URL.canParse(url) && new URL(url).protocol === 'https:';
}

export interface SessionGuard {
  origin: URL;
  /** The current policy; read per response so a changed server URL applies to the next load. */
  contentSecurityPolicy: () => string;
}

/**
 * What the console's own pages may do: show notifications (session reminders), and write to the
 * clipboard (copying a customer's scheduling link). Reading the clipboard stays denied.
 */
const GRANTED = new Set(['notifications', 'clipboard-sanitized-write']);

/** Denies every permission but GRANTED for the console's own pages, and sets the CSP on http(s) responses. */
export function guardSession(session: Session, { origin, contentSecurityPolicy }: SessionGuard): void {
  session.setPermissionRequestHandler((_contents, permission, grant, details) => {
    grant(GRANTED.has(permission) && isSameOrigin(details.requestingUrl, origin));
  });
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) => GRANTED.has(permission) && isSameOrigin(requestingOrigin, origin),
  );
  session.webRequest.onHeadersReceived((details, respond) => {
    respond({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, contentSecurityPolicy()) });
  });
}
