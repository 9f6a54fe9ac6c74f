/** The renderer's Content-Security-Policy: its own origin only, plus exactly the configured sync server. */

/**
 * `serverUrl` is the settings' server; only its origin is allowed, and only when its host is a
 * plain DNS name or IP address: the settings schema accepts hosts such as `*` or `a;b`, which in a
 * policy would be a wildcard or a new directive. `dev` adds 'unsafe-inline' to script-src because
 * the Vite dev server's React refresh preamble is an inline script; the built app never gets it.
 */
export function contentSecurityPolicy(serverUrl: string, dev: boolean): string {
  const server = connectableOrigin(serverUrl);
  const directives = [
    "default-src 'self'",
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    // Fluent UI (Griffel) injects its styles at runtime.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    server === undefined ? "connect-src 'self'" : `connect-src 'self' ${server}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ];
  return directives.join('; ');
}

const PLAIN_HOST = /^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/i;

function connectableOrigin(serverUrl: string): string | undefined {
  if (!URL.canParse(serverUrl)) return undefined;
  const url = new URL(serverUrl);
  const web = url.protocol === 'http:' || url.protocol === 'https:';
  return web && PLAIN_HOST.test(url.hostname) ? url.origin : undefined;
}

/** Response headers with any policy the server sent replaced by ours (header names are case-insensitive). */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
  policy: string,
): Record<string, string[]> {
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [policy] };
}
