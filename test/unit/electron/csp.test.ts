import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, withContentSecurityPolicy } from '../../../electron/main/csp';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('contentSecurityPolicy', () => {
  it('is exactly the locked-down policy, with the configured server origin in connect-src', () => {
    expect(contentSecurityPolicy('http://127.0.0.1:4317/api/v1', false)).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self' http://127.0.0.1:4317; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
        "form-action 'none'",
    );
  });

  it('allows only the server origin, never its path, a scheme-wide or a wildcard source', () => {
    const connect = directives(contentSecurityPolicy('https://tickets.contoso.com:8443/portal', false)).get(
      'connect-src',
    );
    expect(connect).toEqual(["'self'", 'https://tickets.contoso.com:8443']);
  });

  it.each(['http://*', 'http://*.contoso.com', 'http://a;script-src', 'not a url'])(
    'leaves a server URL that is not a plain host out of the policy: %s',
    (serverUrl) => {
      const policy = contentSecurityPolicy(serverUrl, false);
      expect(directives(policy).get('connect-src')).toEqual(["'self'"]);
      expect(policy).not.toContain('*');
      expect(policy.split('; ')).toHaveLength(9);
    },
  );

  it('accepts an IPv6 server', () => {
    expect(directives(contentSecurityPolicy('http://[::1]:4317', false)).get('connect-src')).toEqual([
      "'self'",
      'http://[::1]:4317',
    ]);
  });

  it('allows inline scripts only for the dev server', () => {
    expect(directives(contentSecurityPolicy('http://127.0.0.1:4317', true)).get('script-src')).toEqual([
      "'self'",
      "'unsafe-inline'",
    ]);
    expect(contentSecurityPolicy('http://127.0.0.1:4317', false)).not.toContain("script-src 'self' 'unsafe-inline'");
  });
});

describe('withContentSecurityPolicy', () => {
  it('replaces any policy the response carried, whatever the header case', () => {
    const headers = withContentSecurityPolicy(
      { 'content-type': ['text/html'], 'content-security-policy': ['default-src *'], 'Content-Security-Policy': ['x'] },
      "default-src 'self'",
    );
    expect(headers).toEqual({ 'content-type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] });
  });
});
