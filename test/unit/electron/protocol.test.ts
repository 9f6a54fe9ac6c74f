import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createRendererHandler, registerAppScheme } from '../../../electron/main/protocol';

const base = mkdtempSync(path.join(tmpdir(), 'css-console-protocol-'));
const root = path.join(base, 'renderer');
mkdirSync(path.join(root, 'assets'), { recursive: true });
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>CSS Engineer Console</title>');
writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg/>');
writeFileSync(path.join(base, 'secret.txt'), 'outside the renderer folder');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const policy = "default-src 'self'";
const serve = createRendererHandler(root, () => policy);
const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

describe('registerAppScheme', () => {
  it('registers app:// as standard, secure, fetch- and CORS-enabled, with a code cache between starts', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
      },
    ]);
  });
});

describe('createRendererHandler', () => {
  it.each([
    ['app://console/index.html', 'text/html; charset=utf-8', '<!doctype html>'],
    ['app://console/assets/index-abc.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['app://console/assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://console/assets/logo.svg', 'image/svg+xml', '<svg/>'],
  ])('serves %s as %s with the CSP', async (url, type, start) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(policy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toMatch(new RegExp(`^${start.replace(/[()]/g, '\\$&')}`));
  });

  it.each(['app://console/', 'app://console/queue', 'app://console/tickets/INC-42.1', 'app://console/assets'])(
    'answers the unknown route %s with index.html, so a reload works offline',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<title>CSS Engineer Console</title>');
    },
  );

  it('answers a missing asset with 404, not index.html', async () => {
    expect((await get('app://console/assets/missing.js')).status).toBe(404);
  });

  it.each([
    'app://console/..%2Fsecret.txt',
    'app://console/assets/..%2F..%2Fsecret.txt',
    'app://console/%2e%2e%2Fsecret.txt',
  ])('refuses the path traversal %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('outside the renderer folder');
  });

  it('never serves a file outside the folder for dot segments the URL parser removes', async () => {
    const response = await get('app://console/../secret.txt');
    expect(await response.text()).not.toContain('outside the renderer folder');
  });

  it('refuses a malformed escape and a NUL byte', async () => {
    expect((await get('app://console/%E0%A4%A')).status).toBe(403);
    expect((await get('app://console/index.html%00.js')).status).toBe(403);
  });

  it('refuses other hosts and methods', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://console/index.html', 'POST')).status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://console/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});
