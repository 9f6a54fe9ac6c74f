/**
 * The signed-in workspace: opens the user's local store, runs the sync engine, and turns user
 * actions into named mutations. The one place where stores, local data and the network meet.
 */
import type { FollowUpCadence, TeamContext, Ticket } from '../../shared/domain';
import type { Booking, SessionSlot } from '../../shared/domain/remote-session';
import type { Mutation, MutationArgs, MutationName } from '../../shared/mutations';
import { ApiClient, ApiError } from './api-client';
import { watchChanges } from './change-stream';
import { browserConnectivity } from './connectivity';
import { z } from 'zod';
import { type DesktopCounts, desktopCounts } from './desktop-counts';
import { dueFollowUps, followUpAlert } from './follow-up-alerts';
import { arrivalNotice, newArrivals } from './new-ticket-alerts';
import { checkOutbox, type OutboxReport } from './integrity';
import { LocalDb, localDbName } from './local-db';
import { LocalDataError } from './local-errors';
import { LocalStore } from './local-store';
import { startSearch, type SearchClient } from './search/search-client';
import { SessionCalendar } from './session-calendar';
import { startSessionReminders } from './session-reminders';
import { NO_RESULT } from './search/search-protocol';
import type { TicketSummary } from './summary';
import { clearSession, clientId, loadSession, saveSession, type Session } from './session-storage';
import { SyncEngine } from './sync-engine';
import { FIRST_SCREEN_ROWS, queueActions, queueSelectors, useQueueStore } from './stores/queue-store';
import { useAttentionStore } from './stores/attention-store';
import { useSessionStore } from './stores/session-store';
import { useTeamStore } from './stores/team-store';
import { uiActions } from './stores/ui-store';
import { initialSyncStatus, useSyncStore } from './stores/sync-store';
import { initialTicketState, useTicketStore } from './stores/ticket-store';
import { platform } from '../platform';
import { DEFAULT_SESSION_REMINDER_MINUTES } from '../../shared/bridge';
import { systemClock } from '../../shared/domain/time';

interface Workspace {
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
    // Another ticket opened meanwhile: this read is stale, and must not cover the one now open.
    if (useQueueStore.getState().selectedId !== selectedId) return;
    useTicketStore.setState({ view, error: view === null ? 'This ticket is no longer in your local copy.' : null });
  } catch (error) {
    useTicketStore.setState({ view: null, error: error instanceof Error ? error.message : String(error) });
    // A damaged record was set aside: download it again now rather than at the next sync.
    if (error instanceof LocalDataError) void workspace.engine.sync();
  }
}

/**
 * Desktop notifications (through the shell, or the browser's) when a follow-up of the user's falls
 * due; each due time once, remembered across reloads. Judged from the queue's rows once they are all
 * read, then every minute; only the tickets to announce are read.
 */
function announceDueFollowUps(store: LocalStore, session: Session): () => void {
  const key = `css-console:announced-follow-ups:${session.user.id}`;
  const check = async () => {
    const queue = useQueueStore.getState();
    const escalations = queueSelectors.myEscalations(queue);
    if (escalations === null) return;
    const announced = new Set<string>(
      z
        .array(z.string())
        .catch([])
        .parse(JSON.parse(localStorage.getItem(key) ?? '[]')),
    );
    const due = dueFollowUps(escalations, queue.cadence, new Date(), announced);
    const tickets = new Map((await store.ticketsAsSeen(due.map((d) => d.ticketId))).map((t) => [t.id, t]));
    for (const followUp of due) {
      const ticket = tickets.get(followUp.ticketId);
      if (ticket === undefined) continue;
      const alert = followUpAlert(followUp, ticket);
      await platform.notify({ title: alert.title, body: alert.body, tag: alert.key, ticketId: alert.ticketId });
      announced.add(alert.key);
    }
    // Only keys of open escalations are worth keeping.
    const current = new Set(escalations.map((row) => row.id));
    localStorage.setItem(key, JSON.stringify([...announced].filter((k) => current.has(k.split('@')[0] ?? ''))));
  };
  const run = () => void check().catch((error: unknown) => console.warn(`follow-up alerts: ${String(error)}`));
  // The first check as soon as every row is read (at once if they already are), then each minute.
  const unsubscribe = useQueueStore.subscribe((state, previous) => {
    if (state.phase === 'complete' && previous.phase !== 'complete') run();
  });
  run();
  const timer = setInterval(run, 60_000);
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
}

function damagedNotice({ unreadableChanges }: OutboxReport): string {
  return (
    `${unreadableChanges} unsent change${unreadableChanges === 1 ? '' : 's'} could not be read from the local copy ` +
    'and ' +
    (unreadableChanges === 1 ? 'was' : 'were') +
    ' set aside; every other unsent change is kept.'
  );
}

function damagedTicketsNotice(tickets: number): string {
  return (
    `${tickets} damaged ticket${tickets === 1 ? ' was' : 's were'} found in the local copy and set aside. ` +
    'They are being downloaded again from the server; your unsent changes are kept.'
  );
}

function historyLostNotice(resent: number): string {
  const again =
    resent === 0
      ? ''
      : ` and sending again the ${resent} change${resent === 1 ? '' : 's'} you made recently, so that none is lost (any the server refuses is listed under Needs attention)`;
  return `The server lost its most recent changes: it was restored from an earlier copy. Your console is downloading every ticket again${again}.`;
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
 * Rows read per step while the whole queue is read in the background: each row is checked as it is
 * read (tens of µs each, a 2,000-row step took 150 ms at 50,000 tickets), so a step stays a short
 * task that scrolling and typing pass between.
 */
const QUEUE_CHUNK = 500;

/** Reads every queue row after the first screen, a chunk at a time, letting the console breathe in between. */
async function readWholeQueue(current: Workspace): Promise<void> {
  const rows: TicketSummary[] = [];
  let after: string | null = null;
  do {
    const chunk = await current.store.summaryChunk(after, QUEUE_CHUNK);
    rows.push(...chunk.summaries);
    after = chunk.lastId;
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Unsent changes going out come first: a console opened offline and coming online at once pushes
    // them at the speed of the server, not between chunks of the queue.
    await current.engine.pushSettled();
    if (current.closed) return;
  } while (after !== null);
  queueActions.showAll(rows);
}

async function open(session: Session): Promise<void> {
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
    onUnauthenticated: () => {
      void workspaceActions.signOut('Your session has expired. Sign in again; your pending changes are kept.');
    },
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
    sessionsBetween: (from, to) => store.summariesWithSessions(from, to),
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

export const workspaceActions = {
  /** Reopens the last session, if any, without touching the network. */
  async restore(): Promise<void> {
    const session = await loadSession();
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

  /** The tickets triage walks, oldest first: the team's and the user's still in validation. */
  async triageQueue(): Promise<TicketSummary[]> {
    const { store, session } = requireWorkspace();
    return store.triageQueue(session.user.id);
  },

  /** The tray's counts: the user's open tickets and their overdue follow-ups; null when signed out or before the queue is read. */
  desktopCounts(now: Date): DesktopCounts | null {
    const queue = useQueueStore.getState();
    const escalations = queueSelectors.myEscalations(queue);
    if (workspace === null || escalations === null) return null;
    return desktopCounts(escalations, queue.cadence, now, queue.counts.open.mine);
  },

  /**
   * The console has drawn its first screen (ConsoleLayout's first commit, which follows the workspace's
   * opening: it is mounted once a session is shown): the background work of start-up may begin.
   */
  firstScreenDrawn(): void {
    workspace?.drawn();
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

  /**
   * Signs out, revoking the token on the server when it can be reached: offline, or refused, the console
   * signs out all the same. The local database and its outbox stay, to be pushed at the next sign-in.
   */
  signOut(reason: string | null = null): void {
    if (workspace !== null) {
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

  /**
   * The lead's list: hands `onChange` the escalated tickets as the user sees them, now and after
   * every local change or sync that touches one (entering, leaving or changing within the stage).
   * Returns the function that stops watching.
   */
  watchEscalations(onChange: (tickets: Ticket[]) => void, onError: (message: string) => void): () => void {
    const { store } = requireWorkspace();
    const shown = new Map<string, Ticket>();
    let stopped = false;
    // Reads run one after another, so a later change is never overtaken by an earlier one's answer.
    let reads = Promise.resolve();
    const read = (work: () => Promise<void>) => {
      reads = reads
        .then(async () => {
          if (stopped) return;
          await work();
          if (!stopped) onChange([...shown.values()]);
        })
        .catch((error: unknown) => {
          if (!stopped) onError(error instanceof Error ? error.message : String(error));
        });
    };
    read(async () => {
      for (const ticket of await store.ticketsInStage('escalated')) shown.set(ticket.id, ticket);
    });
    // Only the changed tickets are read again: those shown, and those that entered the stage.
    const unsubscribe = store.subscribe(({ ticketIds, summaries }) => {
      const entering = summaries.filter((summary) => summary.stage === 'escalated').map((summary) => summary.id);
      const changed = [...new Set([...ticketIds.filter((id) => shown.has(id)), ...entering])];
      if (changed.length === 0) return;
      read(async () => {
        const tickets = await store.ticketsAsSeen(changed);
        for (const id of changed) shown.delete(id);
        for (const ticket of tickets) if (ticket.stage === 'escalated') shown.set(ticket.id, ticket);
      });
    });
    return () => {
      stopped = true; // a read still in flight is answered to no one
      unsubscribe();
    };
  },
};
