// The server address the console signs in to: plain http only where it never crosses a network.
import { describe, expect, it } from 'vitest';
import { ServerUrl } from '../../../shared/bridge';

describe('the server URL', () => {
  it.each([
    'https://portal.contoso.com',
    'https://portal.contoso.com:8443/',
    'http://127.0.0.1:4317',
    'http://localhost:4317',
    'http://[::1]:4317',
  ])('accepts %s', (url) => {
    expect(ServerUrl.safeParse(url).success).toBe(true);
  });

  it.each(['http://portal.contoso.com', 'http://10.0.0.12:4317', 'http://127.0.0.1.contoso.com'])(
    'refuses plain http to another computer: %s',
    (url) => {
      expect(ServerUrl.safeParse(url).error?.issues.map((issue) => issue.message)).toEqual([
        'a server on another computer must be reached with https://, which encrypts your password and the tickets on the way (http:// is only for a server on this computer)',
      ]);
    },
  );
});
