/** The privileged app:// scheme: serves the built renderer from disk, so the console loads and reloads offline. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME, DESKTOP_CONSOLE_ORIGIN } from '../../shared/desktop-origin';

export const APP_START_URL = `${DESKTOP_CONSOLE_ORIGIN}/index.html`;

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/**
 * Must run before the app is ready. `standard` gives app://console a real origin (so 'self',
 * storage and relative URLs work), `secure` a secure context, and fetch/CORS let the renderer's
 * modules load as they do over http. `codeCache` keeps V8's compiled code of the console's scripts
 * between starts (Chromium does so only for http(s) unless asked): each start skips recompiling them.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/**
 * The app:// handler: files under `rootDir` with their MIME type and the current CSP. A path that
 * resolves outside the folder is refused; an unknown route gets index.html so a reload on any
 * client-side route still boots the app, while a missing asset (a known file type) is a plain 404.
 */
export function createRendererHandler(rootDir: string, contentSecurityPolicy: () => string) {
  const root = path.resolve(rootDir);
  const respond = (status: number, body: BodyInit | null, contentType: string) =>
    new Response(body, {
      status,
      headers: {
        'content-type': contentType,
        'content-security-policy': contentSecurityPolicy(),
        'x-content-type-options': 'nosniff',
      },
    });
  const refuse = (status: number, reason: string) => respond(status, reason, MIME_TYPES['.txt']!);

  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'only GET and HEAD are served');
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return refuse(404, `no such app host: ${url.host}`);
    const file = resolveInside(root, url.pathname);
    if (file === undefined) return refuse(403, 'the path leaves the renderer folder');

    try {
      const served =
        (await readAsset(file)) ?? (isAsset(file) ? undefined : await readAsset(path.join(root, 'index.html')));
      if (served === undefined) return refuse(404, `not found: ${url.pathname}`);
      return respond(200, request.method === 'HEAD' ? null : served.body, served.contentType);
    } catch (error) {
      return refuse(500, `could not read ${url.pathname}: ${String(error)}`);
    }
  };
}

/** The file a URL path names, or undefined when it is malformed or escapes `root` (e.g. an encoded `..%2F`). */
function resolveInside(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = path.resolve(root, `.${decoded}`);
  const relative = path.relative(root, file);
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  return outside ? undefined : file;
}

function isAsset(file: string): boolean {
  return path.extname(file).toLowerCase() in MIME_TYPES;
}

/** The file's bytes and type, or undefined when there is no such file (a directory counts as none). */
async function readAsset(file: string): Promise<{ body: Uint8Array<ArrayBuffer>; contentType: string } | undefined> {
  try {
    const body = new Uint8Array(await readFile(file));
    return { body, contentType: MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream' };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}
