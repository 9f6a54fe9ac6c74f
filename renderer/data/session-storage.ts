/** The signed-in session, kept across reloads and restarts so the console opens straight onto the queue. */
import { z } from 'zod';
import { User } from '../../shared/domain';
import { ServerUrl } from '../../shared/bridge';

export const Session = z.object({ serverUrl: ServerUrl, token: z.string().min(32), user: User });
export type Session = z.infer<typeof Session>;

const SESSION_KEY = 'css-console:session';
const CLIENT_ID_KEY = 'css-console:client-id';

/** The saved session, or null when there is none or it no longer matches its schema. */
export function loadSession(): Session | null {
  const raw = localStorage.getItem(SESSION_KEY);
  if (raw === null) return null;
  try {
    const parsed = Session.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  localStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(SESSION_KEY);
}

/** This installation's id, sent with every push. */
export function clientId(): string {
  const existing = z.uuid().safeParse(localStorage.getItem(CLIENT_ID_KEY));
  if (existing.success) return existing.data;
  const created = crypto.randomUUID();
  localStorage.setItem(CLIENT_ID_KEY, created);
  return created;
}
