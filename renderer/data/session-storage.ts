/** The signed-in session, kept across reloads and restarts so the console opens straight onto the queue. */
import { z } from 'zod';
import { User } from '../../shared/domain';
import { ServerUrl, SessionToken } from '../../shared/bridge';
import { platform } from '../platform';

export const Session = z.object({ serverUrl: ServerUrl, token: SessionToken, user: User });
export type Session = z.infer<typeof Session>;

/**
 * Who is signed in and where, kept in localStorage; the token is kept by the platform (encrypted
 * with the OS keychain in the desktop shell, the tab's sessionStorage in a browser), never here.
 */
const SignedIn = Session.omit({ token: true });

const SESSION_KEY = 'css-console:session';
const CLIENT_ID_KEY = 'css-console:client-id';

/** The saved session, or null when there is none, its token is gone, or it no longer matches its schema. */
export async function loadSession(): Promise<Session | null> {
  const stored = readStored();
  // Versions before the token moved to the platform kept it here: move it, then read as usual.
  const legacy = Session.safeParse(stored);
  if (legacy.success) await saveSession(legacy.data);
  const signedIn = SignedIn.safeParse(stored);
  if (!signedIn.success) return null;
  const token = await platform.readToken();
  return token.ok && token.value !== null ? { ...signedIn.data, token: token.value } : null;
}

export async function saveSession({ token, ...signedIn }: Session): Promise<void> {
  const stored = await platform.storeToken(token);
  if (!stored.ok) {
    throw new Error(
      `This computer could not keep your sign-in safely, so you are not signed in. Try again; if it keeps failing, ask your IT department (details: ${stored.error}).`,
    );
  }
  localStorage.setItem(SESSION_KEY, JSON.stringify(signedIn));
}

export async function clearSession(): Promise<void> {
  localStorage.removeItem(SESSION_KEY);
  const cleared = await platform.clearToken();
  if (!cleared.ok) console.warn(`the sign-in token could not be removed: ${cleared.error}`);
}

function readStored(): unknown {
  try {
    return JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null');
  } catch {
    return null;
  }
}

/** This installation's id, sent with every push. */
export function clientId(): string {
  const existing = z.uuid().safeParse(localStorage.getItem(CLIENT_ID_KEY));
  if (existing.success) return existing.data;
  const created = crypto.randomUUID();
  localStorage.setItem(CLIENT_ID_KEY, created);
  return created;
}
