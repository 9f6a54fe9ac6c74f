import { describe, expect, it } from 'vitest';
import { rendererSource } from '../../../electron/main/renderer-source';

describe('rendererSource', () => {
  it('loads the built app over app:// by default', () => {
    const source = rendererSource(undefined, false);
    expect(source.startUrl).toBe('app://console/index.html');
    expect(source.origin.href).toBe('app://console/index.html');
    expect(source.dev).toBe(false);
  });

  it('loads and trusts the dev server when CSS_CONSOLE_DEV_URL is set', () => {
    const source = rendererSource('http://127.0.0.1:5173', false);
    expect(source.startUrl).toBe('http://127.0.0.1:5173/');
    expect(source.origin.host).toBe('127.0.0.1:5173');
    expect(source.dev).toBe(true);
  });

  it('ignores the dev URL in a packaged build', () => {
    expect(rendererSource('http://127.0.0.1:5173', true).startUrl).toBe('app://console/index.html');
  });

  it.each(['file:///tmp/index.html', '127.0.0.1:5173', 'javascript:alert(1)'])(
    'refuses a dev URL that is not http(s): %s',
    (url) => {
      expect(() => rendererSource(url, false)).toThrow(/CSS_CONSOLE_DEV_URL must be/);
    },
  );
});
