/**
 * The signed-in workspace's actions: signing in and out, and turning what the user does into named
 * mutations, reads of the local copy and syncs. Its lifetime (opening, start-up, closing) is in
 * workspace-session.ts.
 */
import type { FollowUpCadence, Ticket } from '../../shared/domain';
import type { Booking, SessionSlot } from '../../shared/domain/remote-session';
import type { Mutation, MutationArgs, MutationName } from '../../shared/mutations';
import { platform } from '../platform';
import { ApiClient, ApiError } from './api-client';
import { type DesktopCounts, desktopCounts } from './desktop-counts';
import { watchEscalations } from './escalation-watch';
import { clearSession, loadSession, saveSession, type Session } from './session-storage';
import { useAttentionStore } from './stores/attention-store';
import { queueActions, queueSelectors, useQueueStore } from './stores/queue-store';
import { useSessionStore } from './stores/session-store';
import { initialSyncStatus, useSyncStore } from './stores/sync-store';
import { useTeamStore } from './stores/team-store';
import { initialTicketState, useTicketStore } from './stores/ticket-store';
import { uiActions } from './stores/ui-store';
import type { TicketSummary } from './summary';
import {
  closeWorkspace,
  currentWorkspace,
  openWorkspace,
  refreshOpenTicket,
  requireWorkspace,
} from './workspace-session';

/** A new named mutation, its arguments type-checked against the mutation's definition. */
function mutation<N extends MutationName>(name: N, args: MutationArgs<N>): Mutation {
  return { id: crypto.randomUUID(), name, args, createdAt: new Date().toISOString() };
}

export const workspaceActions = {
  /** Reopens the last session, if any, without touching the network. */
  async restore(): Promise<void> {
    const session = await loadSession();
    if (session === null) return;
    try {
      await openWorkspace(session, (reason) => workspaceActions.signOut(reason));
    } catch (error) {
      const reason =
        error instanceof Error && error.name === 'VersionError'
          ? 'The local copy was written by a newer version of the console. Update the console to open it.'
          : `The local copy could not be opened (${error instanceof Error ? error.message : String(error)}).`;
      useSessionStore.setState({ session: null, signingIn: false, error: reason, notice: null });
    }
  },

  /** The tickets triage walks, oldest first: the team's and the user's still in validation. */
  async triageQueue(): Promise<TicketSummary[]> {
    const { store, session } = requireWorkspace();
    return store.triageQueue(session.user.id);
  },

  /** The tray's counts: the user's open tickets and their overdue follow-ups; null when signed out or before the queue is read. */
  desktopCounts(now: Date): DesktopCounts | null {
    const queue = useQueueStore.getState();
    const escalations = queueSelectors.myEscalations(queue);
    if (currentWorkspace() === null || escalations === null) return null;
    return desktopCounts(escalations, queue.cadence, now, queue.counts.open.mine);
  },

  /**
   * The console has drawn its first screen (ConsoleLayout's first commit, which follows the workspace's
   * opening: it is mounted once a session is shown): the background work of start-up may begin.
   */
  firstScreenDrawn(): void {
    currentWorkspace()?.drawn();
  },

  dismissNotice(): void {
    useSessionStore.setState({ notice: null });
  },

  async signIn(serverUrl: string, email: string, password: string): Promise<void> {
    useSessionStore.setState({ signingIn: true, error: null });
    try {
      const { token, user } = await new ApiClient(serverUrl).login({ email, password });
      const session: Session = { serverUrl, token, user };
      await saveSession(session);
      await platform.setSettings({ serverUrl, lastEmail: email });
      await openWorkspace(session, (reason) => workspaceActions.signOut(reason));
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

  /**
   * Signs out, revoking the token on the server when it can be reached: offline, or refused, the console
   * signs out all the same. The local database and its outbox stay, to be pushed at the next sign-in.
   */
  signOut(reason: string | null = null): void {
    closeWorkspace();
    void clearSession();
    queueActions.reset();
    useTicketStore.setState(initialTicketState);
    useSyncStore.setState(initialSyncStatus);
    useTeamStore.setState({ team: null });
    useAttentionStore.setState({ refused: [] });
    useSessionStore.setState({ session: null, signingIn: false, error: reason, notice: null });
  },

  async openTicket(ticketId: string | null): Promise<void> {
    queueActions.select(ticketId);
    // A step asked of the ticket before never starts on this one.
    uiActions.clearStepRequest();
    if (ticketId === null) {
      useTicketStore.setState(initialTicketState);
      return;
    }
    await refreshOpenTicket();
  },

  /**
   * Makes a change: checked by the shared rules against the ticket as the user sees it, durable in
   * the outbox and counted in the status bar before this resolves, then pushed. A change the rules
   * refuse throws RefusedChange.
   */
  async perform<N extends MutationName>(name: N, args: MutationArgs<N>): Promise<void> {
    const { store, engine } = requireWorkspace();
    await store.enqueue(mutation(name, args));
    await engine.changeQueued();
  },

  /** Sends a refused change again with the user's edited arguments. */
  async retryRefused(seq: number, args: unknown): Promise<void> {
    const { store, engine } = requireWorkspace();
    await store.retry(seq, args, new Date().toISOString());
    await engine.changeQueued();
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

  /** The confirmed bookings in the local copy that could overlap `slots`: the propose dialog's warning. */
  bookingsNear(slots: readonly SessionSlot[]): Promise<Booking[]> {
    return requireWorkspace().calendar.bookingsNear(slots);
  },

  /**
   * The tickets a number (or words) finds, best first and at most `limit`: the search index ranks them
   * and only those rows are read, so the command palette never walks the whole local copy.
   */
  async findTickets(query: string, limit: number): Promise<TicketSummary[]> {
    const { store, search } = requireWorkspace();
    if (search === null || query.trim() === '') return [];
    const { ids } = await search.search(query);
    return store.summariesOf(ids.slice(0, limit));
  },

  syncNow(): Promise<void> {
    return requireWorkspace().engine.sync();
  },

  /** The lead's list of escalated tickets as the user sees them, kept current (see watchEscalations). */
  watchEscalations(onChange: (tickets: Ticket[]) => void, onError: (message: string) => void): () => void {
    return watchEscalations(requireWorkspace().store, onChange, onError);
  },
};
