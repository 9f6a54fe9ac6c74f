/** Who is signed in, to which server; signing in and out. */
import { create } from 'zustand';
import type { Session } from '../session-storage';

interface SessionState {
  session: Session | null;
  signingIn: boolean;
  /** Why the last sign-in failed, in words. */
  error: string | null;
  /** Something the user must know about their local copy (e.g. damaged records set aside). */
  notice: string | null;
}

export const useSessionStore = create<SessionState>(() => ({
  session: null,
  signingIn: false,
  error: null,
  notice: null,
}));
