/**
 * The signed-in workspace: opens the user's local store, runs the sync engine, and turns user
 * actions into named mutations. The one place where stores, local data and the network meet.
 */
import type { Mutation, MutationArgs, MutationName } from '../../shared/mutations';
import { ApiClient, ApiError } from './api-client';
import { browserConnectivity } from './connectivity';
import { LocalDb, localDbName } from './local-db';
import { LocalStore } from './local-store';
import { clearSession, clientId, loadSession, saveSession, type Session } from './session-storage';
import { SyncEngine } from './sync-engine';
import { queueActions, useQueueStore } from './stores/queue-store';
import { useSessionStore } from './stores/session-store';
import { initialSyncStatus, useSyncStore } from './stores/sync-store';
import { initialTicketState, useTicketStore } from './stores/ticket-store';
import { platform } from '../platform';

interface Workspace {
  session: Session;
  store: LocalStore;
  engine: SyncEngine;
  unsubscribe: () => void;
}

let workspace: Workspace | null = null;

/** A new named mutation, its arguments type-checked against the mutation's definition. */
function mutation<N extends MutationName>(name: N, args: MutationArgs<N>): Mutation {
  return { id: crypto.randomUUID(), name, args, createdAt: new Date().toISOString() };
}

function requireWorkspace(): Workspace {
  if (workspace === null) throw new Error('Sign in first.');
  return workspace;
}

async function refreshOpenTicket(): Promise<void> {
  const { selectedId } = useQueueStore.getState();
  if (workspace === null || selectedId === null) return;
  try {
    const view = await workspace.store.ticketView(selectedId);
    useTicketStore.setState({ view, error: view === null ? 'This ticket is no longer in your local copy.' : null });
  } catch (error) {
    useTicketStore.setState({ view: null, error: error instanceof Error ? error.message : String(error) });
  }
}

async function open(session: Session): Promise<void> {
  const { user } = session;
  const store = new LocalStore(new LocalDb(localDbName(session.serverUrl, user.id)), {
    id: user.id,
    name: user.name,
    role: user.role,
  });
  const engine = new SyncEngine({
    store,
    api: new ApiClient(session.serverUrl, session.token),
    connectivity: browserConnectivity,
    clientId: clientId(),
    onStatus: (status) => useSyncStore.setState(status),
    onUnauthenticated: () => {
      void workspaceActions.signOut('Your session has expired. Sign in again; your pending changes are kept.');
    },
  });
  const unsubscribe = store.subscribe((ticketIds) => {
    void store.summariesOf(ticketIds).then((summaries) => queueActions.merge(summaries));
    if (ticketIds.includes(useQueueStore.getState().selectedId ?? '')) void refreshOpenTicket();
  });
  workspace = { session, store, engine, unsubscribe };
  useSessionStore.setState({ session, signingIn: false, error: null });
  useSyncStore.setState({ lastSyncAt: await store.lastSyncAt() });
  queueActions.replaceAll(await store.summaries());
  engine.start();
}

export const workspaceActions = {
  /** Reopens the last session, if any, without touching the network. */
  async restore(): Promise<void> {
    const session = loadSession();
    if (session !== null) await open(session);
  },

  async signIn(serverUrl: string, email: string, password: string): Promise<void> {
    useSessionStore.setState({ signingIn: true, error: null });
    try {
      const { token, user } = await new ApiClient(serverUrl).login({ email, password });
      const session: Session = { serverUrl, token, user };
      saveSession(session);
      await platform.setSettings({ serverUrl, lastEmail: email });
      await open(session);
    } catch (error) {
      const message =
        error instanceof ApiError && error.kind === 'unauthenticated'
          ? 'The e-mail or the password is not right.'
          : error instanceof Error
            ? error.message
            : String(error);
      useSessionStore.setState({ signingIn: false, error: message });
    }
  },

  /** Signs out; the local database and its outbox stay, to be pushed at the next sign-in. */
  signOut(reason: string | null = null): void {
    if (workspace !== null) {
      workspace.engine.stop();
      workspace.unsubscribe();
      workspace.store.db.close();
      workspace = null;
    }
    clearSession();
    queueActions.reset();
    useTicketStore.setState(initialTicketState);
    useSyncStore.setState(initialSyncStatus);
    useSessionStore.setState({ session: null, signingIn: false, error: reason });
  },

  async openTicket(ticketId: string | null): Promise<void> {
    queueActions.select(ticketId);
    if (ticketId === null) {
      useTicketStore.setState(initialTicketState);
      return;
    }
    await refreshOpenTicket();
  },

  /** Adds an internal note: durable in the outbox before this resolves, then pushed. */
  async addNote(ticketId: string, body: string): Promise<void> {
    const { store, engine } = requireWorkspace();
    await store.enqueue(mutation('addNote', { ticketId, noteId: crypto.randomUUID(), body }));
    void engine.sync();
  },

  syncNow(): Promise<void> {
    return requireWorkspace().engine.sync();
  },
};
