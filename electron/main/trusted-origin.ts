/** Whether a URL belongs to the renderer's own origin: parsed with `new URL`, compared field by field. */

/**
 * True when `url` has exactly the protocol, host name and port of `origin`. Substring or prefix
 * checks are the classic mistake here: `app://console.evil` and `http://127.0.0.1.evil.com` start
 * with a trusted origin's text but are other hosts. Anything that does not parse is untrusted.
 */
export function isSameOrigin(url: string, origin: URL): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === origin.protocol && parsed.hostname === origin.hostname && parsed.port === origin.port;
}
