/**
 * The signed-in workspace: opens the user's local store, runs the sync engine, and turns user
 * actions into named mutations. The one place where stores, local data and the network meet.
 */
import type { FollowUpCadence, Ticket } from '../../shared/domain';
import type { Mutation, MutationArgs, MutationName } from '../../shared/mutations';
import { ApiClient, ApiError } from './api-client';
import { browserConnectivity } from './connectivity';
import { z } from 'zod';
import { dueFollowUps } from './follow-up-alerts';
import { checkIntegrity, type IntegrityReport } from './integrity';
import { LocalDb, localDbName } from './local-db';
import { LocalStore } from './local-store';
import { clearSession, clientId, loadSession, saveSession, type Session } from './session-storage';
import { SyncEngine } from './sync-engine';
import { queueActions, useQueueStore } from './stores/queue-store';
import { useAttentionStore } from './stores/attention-store';
import { useSessionStore } from './stores/session-store';
import { useTeamStore } from './stores/team-store';
import { initialSyncStatus, useSyncStore } from './stores/sync-store';
import { initialTicketState, useTicketStore } from './stores/ticket-store';
import { platform } from '../platform';

interface Workspace {
  session: Session;
  store: LocalStore;
  engine: SyncEngine;
  unsubscribe: () => void;
  stopAlerts: () => void;
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

/**
 * Desktop notifications (through the shell, or the browser's) when a follow-up of the user's falls
 * due; each due time once, remembered across reloads. Checked every minute.
 */
function announceDueFollowUps(store: LocalStore, session: Session): () => void {
  const key = `css-console:announced-follow-ups:${session.user.id}`;
  const check = async () => {
    const announced = new Set<string>(
      z
        .array(z.string())
        .catch([])
        .parse(JSON.parse(localStorage.getItem(key) ?? '[]')),
    );
    const tickets = await store.ticketsInStage('escalated');
    const due = dueFollowUps(tickets, (await store.team()).cadence, new Date(), session.user.id, announced);
    for (const alert of due) {
      await platform.notify({ title: alert.title, body: alert.body, tag: alert.key });
      announced.add(alert.key);
    }
    // Only keys of open escalations are worth keeping.
    const current = new Set(tickets.map((ticket) => ticket.id));
    localStorage.setItem(key, JSON.stringify([...announced].filter((k) => current.has(k.split('@')[0] ?? ''))));
  };
  const run = () => void check().catch((error: unknown) => console.warn(`follow-up alerts: ${String(error)}`));
  run();
  const timer = setInterval(run, 60_000);
  return () => clearInterval(timer);
}

function damagedNotice({ quarantined }: IntegrityReport): string | null {
  if (quarantined === 0) return null;
  return (
    `${quarantined} damaged record${quarantined === 1 ? ' was' : 's were'} found in the local copy and set aside. ` +
    'Your tickets are being downloaded again from the server; your unsent changes are kept.'
  );
}

async function open(session: Session): Promise<void> {
  const { user } = session;
  const db = new LocalDb(localDbName(session.serverUrl, user.id));
  const integrity = await checkIntegrity(db, new Date().toISOString());
  const store = new LocalStore(db, { id: user.id, name: user.name, role: user.role });
  const engine = new SyncEngine({
    store,
    api: new ApiClient(session.serverUrl, session.token),
    connectivity: browserConnectivity,
    clientId: clientId(),
    onStatus: (status) => {
      useSyncStore.setState(status);
      // A completed sync may have brought a new roster or policy.
      if (status.lastSyncAt !== undefined) void store.team().then((team) => useTeamStore.setState({ team }));
    },
    onUnauthenticated: () => {
      void workspaceActions.signOut('Your session has expired. Sign in again; your pending changes are kept.');
    },
  });
  const refreshAttention = () => void store.refusedEntries().then((refused) => useAttentionStore.setState({ refused }));
  const unsubscribe = store.subscribe((ticketIds) => {
    refreshAttention();
    void store.summariesOf(ticketIds).then((summaries) => queueActions.merge(ticketIds, summaries));
    if (ticketIds.includes(useQueueStore.getState().selectedId ?? '')) void refreshOpenTicket();
  });
  workspace = { session, store, engine, unsubscribe, stopAlerts: announceDueFollowUps(store, session) };
  useSessionStore.setState({ session, signingIn: false, error: null, notice: damagedNotice(integrity) });
  useSyncStore.setState({ lastSyncAt: await store.lastSyncAt() });
  useTeamStore.setState({ team: await store.team() });
  queueActions.replaceAll(await store.summaries());
  refreshAttention();
  engine.start();
}

export const workspaceActions = {
  /** Reopens the last session, if any, without touching the network. */
  async restore(): Promise<void> {
    const session = loadSession();
    if (session === null) return;
    try {
      await open(session);
    } catch (error) {
      const reason =
        error instanceof Error && error.name === 'VersionError'
          ? 'The local copy was written by a newer version of the console. Update the console to open it.'
          : `The local copy could not be opened (${error instanceof Error ? error.message : String(error)}).`;
      useSessionStore.setState({ session: null, signingIn: false, error: reason, notice: null });
    }
  },

  dismissNotice(): void {
    useSessionStore.setState({ notice: null });
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
      workspace.stopAlerts();
      workspace.store.db.close();
      workspace = null;
    }
    clearSession();
    queueActions.reset();
    useTicketStore.setState(initialTicketState);
    useSyncStore.setState(initialSyncStatus);
    useTeamStore.setState({ team: null });
    useAttentionStore.setState({ refused: [] });
    useSessionStore.setState({ session: null, signingIn: false, error: reason, notice: null });
  },

  async openTicket(ticketId: string | null): Promise<void> {
    queueActions.select(ticketId);
    if (ticketId === null) {
      useTicketStore.setState(initialTicketState);
      return;
    }
    await refreshOpenTicket();
  },

  /**
   * Makes a change: checked by the shared rules against the ticket as the user sees it, durable in
   * the outbox before this resolves, then pushed. A change the rules refuse throws RefusedChange.
   */
  async perform<N extends MutationName>(name: N, args: MutationArgs<N>): Promise<void> {
    const { store, engine } = requireWorkspace();
    await store.enqueue(mutation(name, args));
    void engine.sync();
  },

  /** Sends a refused change again with the user's edited arguments. */
  async retryRefused(seq: number, args: unknown): Promise<void> {
    const { store, engine } = requireWorkspace();
    await store.retry(seq, args, new Date().toISOString());
    void engine.sync();
  },

  discardRefused(seq: number): Promise<void> {
    return requireWorkspace().store.discard(seq);
  },

  /** A lead sets the team's follow-up cadence; it needs the server (a team-wide setting, not a ticket change). */
  async saveCadence(cadence: FollowUpCadence): Promise<void> {
    const { session, engine } = requireWorkspace();
    await new ApiClient(session.serverUrl, session.token).saveCadence(cadence);
    await engine.sync();
  },

  syncNow(): Promise<void> {
    return requireWorkspace().engine.sync();
  },

  /**
   * The lead's list: hands `onChange` the escalated tickets as the user sees them, now and after
   * every local change or sync that touches one (entering, leaving or changing within the stage).
   * Returns the function that stops watching.
   */
  watchEscalations(onChange: (tickets: Ticket[]) => void, onError: (message: string) => void): () => void {
    const { store } = requireWorkspace();
    const failed = (error: unknown) => onError(error instanceof Error ? error.message : String(error));
    let shown = new Set<string>();
    let latest = 0;
    const load = () => {
      // Loads may overlap during a sync; only the newest one's answer is handed on.
      const call = ++latest;
      store.ticketsInStage('escalated').then(
        (tickets) => {
          if (call !== latest) return;
          shown = new Set(tickets.map((ticket) => ticket.id));
          onChange(tickets);
        },
        (error: unknown) => {
          if (call === latest) failed(error);
        },
      );
    };
    load();
    const unsubscribe = store.subscribe((ticketIds) => {
      if (ticketIds.some((id) => shown.has(id))) return load();
      store.summariesOf(ticketIds).then((summaries) => {
        if (summaries.some((summary) => summary.stage === 'escalated')) load();
      }, failed);
    });
    return () => {
      latest += 1; // a load still in flight is answered to no one
      unsubscribe();
    };
  },
};
