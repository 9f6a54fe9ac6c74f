// The packaging configuration, checked where packaging cannot run: valid for electron-builder's own
// schema, the fuses locked down, the three platforms' installers and an HTTPS update feed.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../../shared/bridge-host';

const root = path.resolve(import.meta.dirname, '../../..');
const config = load(readFileSync(path.join(root, 'build', 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const require = createRequire(import.meta.url);

describe('build/electron-builder.yml', () => {
  it("is valid for electron-builder's configuration schema", () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('installs under the id the shell registers for Windows notifications', () => {
    expect(config.appId).toBe(APP_ID);
  });

  it('sets the fuses: no running as Node, no NODE_OPTIONS or --inspect, encrypted cookies, only the checked ASAR', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('builds NSIS and a per-machine MSI for Windows, a hardened dmg for macOS, AppImage and deb for Linux', () => {
    expect(config.win).toMatchObject({ target: ['nsis', 'msi'] });
    expect(config.msi).toMatchObject({
      perMachine: true,
      upgradeCode: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
    });
    expect(config.mac).toMatchObject({ target: expect.arrayContaining(['dmg']) as unknown, hardenedRuntime: true });
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'] });
    const { entitlements } = config.mac as { entitlements: string };
    expect(readFileSync(path.join(root, entitlements), 'utf8')).toContain('com.apple.security.cs.allow-jit');
    expect(existsSync(path.join(root, config.icon as string))).toBe(true);
  });

  it('publishes updates to a generic HTTPS feed, which electron-updater reads', () => {
    const { provider, url } = config.publish as { provider: string; url: string };
    expect(provider).toBe('generic');
    expect(new URL(url).protocol).toBe('https:');
  });

  it('ships only the bundles and the tray icon, never node_modules or sources', () => {
    expect(config.files).toEqual([
      'dist/electron/**',
      'dist/renderer/**',
      'build/icons/icon.png',
      'package.json',
      '!node_modules/**',
    ]);
  });
});
