/**
 * The signed-in workspace's lifetime: opening the user's local store, sync engine and first screen,
 * start-up's background work once that screen is drawn, and closing it all at sign-out.
 */
import type { TeamContext } from '../../shared/domain';
import { DEFAULT_SESSION_REMINDER_MINUTES } from '../../shared/bridge';
import { systemClock } from '../../shared/domain/time';
import { platform } from '../platform';
import { ApiClient } from './api-client';
import { watchChanges } from './change-stream';
import { browserConnectivity } from './connectivity';
import { announceDueFollowUps } from './follow-up-notifier';
import { checkOutbox } from './integrity';
import { LocalDb, localDbName } from './local-db';
import { LocalDataError } from './local-errors';
import { LocalStore } from './local-store';
import { arrivalNotice, newArrivals } from './new-ticket-alerts';
import { startSearch, type SearchClient } from './search/search-client';
import { NO_RESULT } from './search/search-protocol';
import { nextTask } from './next-task';
import { startQueueReader } from './queue-reader';
import type { RowPlace } from './row-chunk';
import { SessionCalendar } from './session-calendar';
import { startSessionReminders } from './session-reminders';
import { clientId, type Session } from './session-storage';
import { useAttentionStore } from './stores/attention-store';
import { FIRST_SCREEN_ROWS, queueActions, useQueueStore } from './stores/queue-store';
import { useSessionStore } from './stores/session-store';
import { useSyncStore } from './stores/sync-store';
import { useTeamStore } from './stores/team-store';
import { useTicketStore } from './stores/ticket-store';
import { SyncEngine } from './sync-engine';
import { damagedNotice, damagedTicketsNotice, historyLostNotice } from './workspace-notices';

export interface Workspace {
  session: Session;
  store: LocalStore;
  engine: SyncEngine;
  /** Started once the first screen is shown, so its reads never wait behind the index's. */
  search: SearchClient | null;
  unsubscribe: () => void;
  stopAlerts: () => void;
  /** Stops listening to the server's change stream. */
  stopChanges: () => void;
  /** The engineer's sessions for the agenda and the header, and the reminders before them. */
  calendar: SessionCalendar;
  reminders: { poke: () => void; stop: () => void } | null;
  /** Set when the session ends, so background reading stops. */
  closed: boolean;
  /** Called once the console has drawn the first screen (workspaceActions.firstScreenDrawn). */
  drawn: () => void;
}

let workspace: Workspace | null = null;

/** The open workspace; null when signed out. */
export function currentWorkspace(): Workspace | null {
  return workspace;
}

export function requireWorkspace(): Workspace {
  if (workspace === null) throw new Error('Sign in first.');
  return workspace;
}

/** Reads the open ticket again from the local copy, after a change to it or when it is opened. */
export async function refreshOpenTicket(): Promise<void> {
  const { selectedId } = useQueueStore.getState();
  if (workspace === null || selectedId === null) return;
  try {
    const view = await workspace.store.ticketView(selectedId);
    // Another ticket opened meanwhile: this read is stale, and must not cover the one now open.
    if (useQueueStore.getState().selectedId !== selectedId) return;
    useTicketStore.setState({ view, error: view === null ? 'This ticket is no longer in your local copy.' : null });
  } catch (error) {
    useTicketStore.setState({ view: null, error: error instanceof Error ? error.message : String(error) });
    // A damaged record was set aside: download it again now rather than at the next sync.
    if (error instanceof LocalDataError) void workspace.engine.sync();
  }
}

/** The roster and the policy, for the dialogs and the queue's follow-up due times. */
function showTeam(team: TeamContext): void {
  useTeamStore.setState({ team });
  queueActions.setCadence(team.cadence);
}

/** The "Needs attention" list: every change the server refused. */
async function refreshAttention(store: LocalStore): Promise<void> {
  useAttentionStore.setState({ refused: await store.refusedEntries() });
}

/**
 * Rows read per step while the whole queue is read in the background. The queue reader's worker reads
 * and checks them; each step's rows are then taken in on the main thread (copied out of the worker's
 * message, counted and sorted into the queue), which stays a short task that scrolling and typing pass
 * between.
 */
const QUEUE_CHUNK = 500;

/**
 * Reads every queue row after the first screen, a chunk at a time, letting the console breathe in
 * between: each chunk is counted and sorted into the queue as it comes, so that the one task that shows
 * them all stays short.
 */
async function readWholeQueue(current: Workspace): Promise<void> {
  const reader = startQueueReader(current.store.db);
  try {
    let after: RowPlace | null = null;
    do {
      const chunk = await current.store.summaryChunk(after, QUEUE_CHUNK, reader.read);
      queueActions.addRows(chunk.summaries);
      after = chunk.next;
      await nextTask();
      // Unsent changes going out come first: a console opened offline and coming online at once pushes
      // them at the speed of the server, not between chunks of the queue.
      await current.engine.pushSettled();
      if (current.closed) return;
    } while (after !== null);
  } finally {
    reader.close();
  }
  queueActions.showAll();
}

/**
 * Opens the signed-in user's workspace: their local store, the sync engine and the first screen; the
 * rest of start-up follows once that screen is drawn (afterFirstScreen). `signOut` ends the session when
 * the server no longer accepts it.
 */
export async function openWorkspace(session: Session, signOut: (reason: string) => void): Promise<void> {
  const { user } = session;
  const member = { id: user.id, name: user.name, role: user.role };
  const dbName = localDbName(session.serverUrl, user.id);
  const db = new LocalDb(dbName);
  const store = new LocalStore(db, member);
  // While the engine is busy, each read in between would hold back the next page's write (see SyncState.busy).
  const deferred = new Map<string, () => void>();
  const whenIdle = (what: string, refresh: () => void) => {
    if (useSyncStore.getState().busy) deferred.set(what, refresh);
    else refresh();
  };
  const engine = new SyncEngine({
    store,
    api: new ApiClient(session.serverUrl, session.token),
    connectivity: browserConnectivity,
    clientId: clientId(),
    onStatus: (status) => {
      useSyncStore.setState(status);
      // A completed sync may have brought a new roster or policy.
      if (status.lastSyncAt !== undefined) void store.team().then(showTeam);
    },
    onUnauthenticated: () => signOut('Your session has expired. Sign in again; your pending changes are kept.'),
    onHistoryLost: (resent) => useSessionStore.setState({ notice: historyLostNotice(resent) }),
    onBusy: (busy) => {
      current.search?.hold(busy);
      useSyncStore.setState({ busy });
      if (busy) return;
      for (const refresh of deferred.values()) refresh();
      deferred.clear();
    },
  });
  const openedAt = systemClock();
  const announcedTickets = new Set<string>();
  const unsubscribe = store.subscribe(({ ticketIds, summaries }) => {
    const arrived = newArrivals(summaries, user.id, openedAt, announcedTickets);
    for (const summary of arrived) {
      announcedTickets.add(summary.id);
      const notice = arrivalNotice(summary);
      if (notice !== null) void platform.notify(notice);
    }
    queueActions.markNew(arrived.map((summary) => summary.id));
    whenIdle('attention', () => void refreshAttention(store));
    current.search?.changed();
    queueActions.merge(ticketIds, summaries);
    if (current.calendar.concerns(ticketIds, summaries)) whenIdle('calendar', () => void current.calendar.refresh());
    current.reminders?.poke();
    if (ticketIds.includes(useQueueStore.getState().selectedId ?? '')) void refreshOpenTicket();
  });
  let drawn: () => void = () => undefined;
  const firstScreenDrawn = new Promise<void>((resolve) => {
    drawn = resolve;
  });
  const current: Workspace = {
    session,
    store,
    engine,
    search: null,
    unsubscribe,
    stopAlerts: () => undefined,
    stopChanges: () => undefined,
    calendar: new SessionCalendar(store, user.id),
    reminders: null,
    closed: false,
    drawn: () => drawn(),
  };
  workspace = current;
  queueActions.start(
    user.id,
    (query) => (current.search === null ? Promise.resolve(NO_RESULT) : current.search.search(query)),
    systemClock(),
  );
  // The unsent changes are counted with the first screen: until the engine counts them, the status bar
  // would say that all changes were sent.
  const [firstScreen, counts, lastSyncAt, team, { pending }] = await Promise.all([
    store.recentSummaries(FIRST_SCREEN_ROWS),
    store.scopeCounts(user.id),
    store.lastSyncAt(),
    store.team(),
    store.outboxCounts(),
  ]);
  queueActions.showFirstScreen(firstScreen, counts);
  useSessionStore.setState({ session, signingIn: false, error: null, notice: null });
  useSyncStore.setState({ lastSyncAt, pending });
  showTeam(team);
  // The background work starts once the first screen is drawn: begun here, its reads, its worker and its
  // requests ran between the tasks of the first drawing and held it back (a median 17–25 ms at 50,000
  // tickets, in two runs of 12 starts each).
  void firstScreenDrawn
    .then(() => afterFirstScreen(current))
    .catch((error: unknown) =>
      useSessionStore.setState({ notice: `The local copy could not be read in full (${String(error)}).` }),
    );
}

/** How long start-up's background reading waits for the first push (see afterFirstScreen). */
const FIRST_PUSH_WAIT_MS = 3_000;

/**
 * What start-up does once the first screen is shown: check the outbox before anything is pushed (the
 * queue's rows already include the unsent changes), start search and sync, read the whole queue, and
 * give rows stored before sessions and escalations were summarized theirs.
 */
async function afterFirstScreen(current: Workspace): Promise<void> {
  const { session, store, engine } = current;
  const outbox = await checkOutbox(store.db, new Date().toISOString());
  if (current.closed) return;
  if (outbox.unreadableChanges > 0) useSessionStore.setState({ notice: damagedNotice(outbox) });
  await refreshAttention(store);
  if (current.closed) return;
  // Changes made offline go out before the search index and the whole queue are read: read beside them,
  // from the same local database, 1,000 changes took 1.3 to 1.5 times as long to reach the server. A
  // server slow to answer holds the reading back FIRST_PUSH_WAIT_MS at most. Later pushes hold it while
  // the engine is busy (SyncState.busy).
  await Promise.race([engine.start(), new Promise((resolve) => setTimeout(resolve, FIRST_PUSH_WAIT_MS))]);
  if (current.closed) return;
  current.search = startSearch(store.db.name, store.user, {
    onUpdated: () => queueActions.refreshSearch(),
    onDamaged: (tickets) => {
      useSessionStore.setState({ notice: damagedTicketsNotice(tickets) });
      void engine.sync();
    },
  });
  if (useSyncStore.getState().busy) current.search.hold(true);
  current.stopChanges = watchChanges({
    serverUrl: session.serverUrl,
    token: session.token,
    connectivity: browserConnectivity,
    onChange: () => void engine.sync(),
  });
  current.stopAlerts = announceDueFollowUps(store, session);
  current.calendar.start();
  current.reminders = startSessionReminders({
    userId: session.user.id,
    sessionsBetween: (from, to) => store.summariesWithSessions(from, to, session.user.id),
    minutesBefore: async () => {
      const settings = await platform.getSettings();
      return settings.ok ? settings.value.sessionReminderMinutes : DEFAULT_SESSION_REMINDER_MINUTES;
    },
    notify: (request) => platform.notify(request),
    storage: localStorage,
    clock: systemClock,
  });
  await readWholeQueue(current);
  if (!current.closed) await store.summarizeOlderRows();
}

/**
 * Closes the workspace, revoking the token on the server when it can be reached: offline, or refused,
 * it closes all the same. The local database and its outbox stay, to be pushed at the next sign-in.
 */
export function closeWorkspace(): void {
  if (workspace === null) return;
  const { serverUrl, token } = workspace.session;
  void new ApiClient(serverUrl, token).logout().catch(() => undefined);
  workspace.closed = true;
  workspace.engine.stop();
  workspace.search?.close();
  workspace.unsubscribe();
  workspace.stopAlerts();
  workspace.stopChanges();
  workspace.calendar.stop();
  workspace.reminders?.stop();
  workspace.store.db.close();
  workspace = null;
}
