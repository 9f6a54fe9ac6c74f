// @vitest-environment jsdom
// The signed-in session across reloads: who and where in localStorage, the token only through the
// platform (here the browser host, which keeps it in the tab's sessionStorage).
import { beforeEach, describe, expect, it } from 'vitest';
import { clearSession, loadSession, saveSession, type Session } from '../../../renderer/data/session-storage';
import { TOKEN_KEY } from '../../../renderer/platform/web';

const session: Session = {
  serverUrl: 'http://127.0.0.1:4317',
  token: 'c2a8f0e4-5b1d-4f7e-9a63-0d2b7c41e9f8.4b6e1f0a',
  user: {
    id: 'u-giulia',
    email: 'giulia.rossi@css.example',
    name: 'Giulia Rossi',
    role: 'engineer',
    teamId: 't-mw-emea',
    teamName: 'Modern Work EMEA',
    timeZone: 'Europe/Rome',
  },
};
const SESSION_KEY = 'css-console:session';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('the saved session', () => {
  it('keeps the token out of localStorage and reads the whole session back', async () => {
    await saveSession(session);
    expect(localStorage.getItem(SESSION_KEY)).not.toContain(session.token);
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe(session.token);
    expect(await loadSession()).toEqual(session);
  });

  it('asks for a sign-in when the token is gone (a new tab), and after a sign-out', async () => {
    await saveSession(session);
    sessionStorage.clear();
    expect(await loadSession()).toBeNull();
    await saveSession(session);
    await clearSession();
    expect(await loadSession()).toBeNull();
    expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('moves a token an earlier version left in localStorage to the platform', async () => {
    localStorage.setItem(SESSION_KEY, JSON.stringify(session));
    expect(await loadSession()).toEqual(session);
    expect(localStorage.getItem(SESSION_KEY)).not.toContain(session.token);
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe(session.token);
  });

  it.each([
    ['not JSON', '{"serverUrl":'],
    ['of another shape', JSON.stringify({ serverUrl: 'ftp://x' })],
  ])('is none when the stored record is %s', async (_case, stored) => {
    localStorage.setItem(SESSION_KEY, stored);
    sessionStorage.setItem(TOKEN_KEY, session.token);
    expect(await loadSession()).toBeNull();
  });
});
