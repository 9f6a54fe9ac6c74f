// The IT department's machine-wide policy file: where each platform keeps it, and how a missing,
// unreadable or invalid one is met (no policy, with the reason logged).
import { describe, expect, it, vi } from 'vitest';
import { policyFile, readPolicy } from '../../../electron/main/policy';

const FILE = '/etc/css-engineer-console/policy.json';
const reading = (text: string) => () => text;

describe('the IT policy', () => {
  it('lives where administrators keep machine-wide settings', () => {
    expect(policyFile('win32', 'D:\\ProgramData')).toBe('D:\\ProgramData\\CSS Engineer Console\\policy.json');
    expect(policyFile('win32', undefined)).toBe('C:\\ProgramData\\CSS Engineer Console\\policy.json');
    expect(policyFile('darwin', undefined)).toBe('/Library/Application Support/CSS Engineer Console/policy.json');
    expect(policyFile('linux', undefined)).toBe(FILE);
  });

  it('reads the server, the update feed and whether the console updates itself', () => {
    const log = vi.fn();
    const policy = {
      serverUrl: 'https://tickets.contoso.com',
      updateUrl: 'https://updates.contoso.com/console',
      updates: false,
    };
    expect(readPolicy(FILE, reading(JSON.stringify(policy)), log)).toEqual(policy);
    expect(log).not.toHaveBeenCalled();
  });

  it('is no policy when the file is missing, without a word', () => {
    const log = vi.fn();
    const missing = () => {
      throw Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
    };
    expect(readPolicy(FILE, missing, log)).toEqual({});
    expect(log).not.toHaveBeenCalled();
  });

  it.each([
    [
      'unreadable',
      () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
      'the IT policy /etc/css-engineer-console/policy.json cannot be read (Error: EACCES: permission denied); it is ignored',
    ],
    [
      'not JSON',
      reading('{ serverUrl: '),
      expect.stringMatching(
        /^the IT policy \/etc\/css-engineer-console\/policy.json is not valid JSON \(.+\); it is ignored$/,
      ),
    ],
    [
      'a plain-http server elsewhere',
      reading(JSON.stringify({ serverUrl: 'http://tickets.contoso.com' })),
      'the IT policy /etc/css-engineer-console/policy.json is not valid (policy.serverUrl: a server on another computer must be reached with https://, which encrypts your password and the tickets on the way (http:// is only for a server on this computer)); it is ignored',
    ],
    [
      'an unknown key',
      reading(JSON.stringify({ server: 'https://tickets.contoso.com' })),
      'the IT policy /etc/css-engineer-console/policy.json is not valid (policy: Unrecognized key: "server"); it is ignored',
    ],
  ])('is ignored, with the reason logged, when it is %s', (_case, readFile, message) => {
    const log = vi.fn();
    expect(readPolicy(FILE, readFile, log)).toEqual({});
    expect(log).toHaveBeenCalledWith(message);
  });
});
