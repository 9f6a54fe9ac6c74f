// The real system under the model: a seeded portal, a console behind a faulty network, a second person, a ledger.
import { Dexie } from 'dexie';
import { LocalDb } from '../../renderer/data/local-db';
import { ChangeNotSaved, RefusedChange } from '../../renderer/data/local-errors';
import { LocalStore } from '../../renderer/data/local-store';
import { SyncEngine, type SyncStatus } from '../../renderer/data/sync-engine';
import { inScope } from '../../server/scope';
import type { DemoUser } from '../../server/seed';
import type { TeamContext, TeamMember, Ticket } from '../../shared/domain';
import type { Mutation } from '../../shared/mutations';
import { Cable } from './cable';
import { FaultSchedule, FaultyApi } from './faulty-api';
import { fillDiskWhen } from './full-disk';
import { type Portal, demoUser, openPortal } from './portal';
import type { Template } from './test-database';
import type { SyncApi } from '../../renderer/data/sync-api';
import { type ChangeAuthor, type ChangeKind, changesFor } from './ticket-changes';

/** The console's user, and who else works the same tickets: their lead, or an engineer sharing the team queue. */
export const USER = demoUser('giulia.rossi@css.example');
export const OTHERS = { lead: demoUser('anna.moretti@css.example'), engineer: demoUser('marco.bianchi@css.example') };
export type OtherRole = keyof typeof OTHERS;

const OTHER_CLIENT_ID = '0c0ffee0-0000-4000-8000-000000000002';

/**
 * The user's two consoles: a laptop on a flaky network (every fault of the run hits it) and a desktop
 * in the office, always online. Each has its own local copy, outbox and installation id.
 */
export type Device = 'laptop' | 'desk';
export const DEVICES: readonly Device[] = ['laptop', 'desk'];
const CLIENT_IDS: Record<Device, string> = {
  laptop: '0c0ffee0-0000-4000-8000-000000000001',
  desk: '0c0ffee0-0000-4000-8000-000000000003',
};

/**
 * made: the user (or the other person) made it; refusedLocally: the console refused it before it
 * reached the outbox, or could not store it, and said so; discarded / retried: the user read the server's refusal and dropped it, or sent
 * it again as a new change; lostWithServer: the other person's change, gone with a restore of the
 * server (their console, which would send it again, is not part of the run).
 */
export type Fate = 'made' | 'refusedLocally' | 'discarded' | 'retried' | 'lostWithServer';
export interface LedgerEntry {
  mutation: Mutation;
  by: DemoUser;
  /** Which of the user's consoles made it (the other person's changes: none). */
  on?: Device;
  fate: Fate;
}

export const memberOf = (user: DemoUser): TeamMember => ({ id: user.id, name: user.name, role: user.role });

/**
 * True when the console did not take the change and said so: its own refusal, or its storage failing
 * (ChangeNotSaved). Anything else is a failure of the run.
 */
function refusedLocally(error: unknown): true {
  if (error instanceof RefusedChange || error instanceof ChangeNotSaved) return true;
  throw error;
}

/**
 * LocalStore.retry names the new change with crypto.randomUUID; the run names it instead (the next
 * call only), so the ledger knows the id before any sync can push it and a run replays exactly.
 */
async function withRandomUuid<T>(id: string, work: () => Promise<T>): Promise<T> {
  const own = Object.getOwnPropertyDescriptor(crypto, 'randomUUID');
  const restore = () =>
    own === undefined ? Reflect.deleteProperty(crypto, 'randomUUID') : Object.defineProperty(crypto, 'randomUUID', own);
  Object.defineProperty(crypto, 'randomUUID', {
    configurable: true,
    value: () => {
      restore();
      return id;
    },
  });
  try {
    return await work();
  } finally {
    restore();
  }
}

/** One run of a console process, from start to restart (or the end of the run). */
export interface Console {
  db: LocalDb;
  store: LocalStore;
  api: SyncApi;
  /** Severs the process's network: requests on the wire still land, their answers are lost. */
  sever: () => void;
  engine: SyncEngine;
}

/** What a console shows and remembers across its process's restarts. */
interface DeviceState {
  readonly dbName: string;
  readonly status: Partial<SyncStatus>;
  /** The engine met an expired token: the console waits for the user to sign in again. */
  signedOut: boolean;
}

let worlds = 0;

export class SyncWorld {
  readonly ledger = new Map<string, LedgerEntry>();
  readonly schedule = new FaultSchedule();
  /** The laptop's network; the desk's is always up. */
  readonly cable = new Cable();
  private readonly deskCable = new Cable();
  /** Failures nobody else would see: a sync() that rejected, a sign-out the engine asked for. */
  readonly errors: unknown[] = [];
  readonly other: DemoUser;
  readonly devices: Record<Device, DeviceState>;
  private ids = 0;
  /** How many actions that run ahead of the ledger are under way, and how many have started. */
  busy = 0;
  acts = 0;
  readonly consoles: Record<Device, Console>;
  /** The user's changes the server held, then lost in a restore: the console must send them again. */
  readonly lostByServer = new Set<string>();
  /** The server's database as last backed up, for a restore. */
  private backupImage: Template | null = null;
  /** How many of the console's next writes to its storage fail, as on a full disk. */
  failingWrites = 0;

  private constructor(
    readonly portal: Portal,
    /** How far the console's clock is from the server's. */
    private readonly skewMs: number,
    otherRole: OtherRole,
    /** The tickets both people work on: contention is where sync goes wrong. */
    readonly hot: readonly string[],
    private readonly teams: ReadonlyMap<string, TeamContext>,
  ) {
    this.other = OTHERS[otherRole];
    const world = ++worlds;
    const device = (name: Device): DeviceState => ({
      dbName: `sync-model-${world}-${name}`,
      status: {},
      signedOut: false,
    });
    this.devices = { laptop: device('laptop'), desk: device('desk') };
    this.consoles = { laptop: this.startConsole('laptop'), desk: this.startConsole('desk') };
  }

  /** The laptop's console, which every fault of the run hits. */
  get console(): Console {
    return this.consoles.laptop;
  }

  /** A fresh portal copy and a console that has done its first sync, as after signing in, then `online` or not. */
  static async open(otherRole: OtherRole, online: boolean, skewMs = 0): Promise<SyncWorld> {
    const portal = await openPortal();
    const people = [USER, OTHERS[otherRole]];
    const teams = new Map(
      await Promise.all(people.map(async (user) => [user.id, await portal.apiFor(user).team()] as const)),
    );
    const world = new SyncWorld(portal, skewMs, otherRole, hotTickets(portal), teams);
    await Promise.all(DEVICES.map((device) => world.consoles[device].engine.sync()));
    world.plug(online);
    return world;
  }

  /** Ids from a counter: a failing run replays with the same ids. */
  nextId = (): string => `00000000-0000-4000-8000-${(++this.ids).toString(16).padStart(12, '0')}`;

  /** A minute passes between steps, so every change has its own time on the server and in the outbox. */
  tick(): void {
    this.portal.advance(60_000);
  }

  /** The console's clock: the server's, off by the run's skew. */
  consoleNow = (): Date => new Date(this.portal.now().getTime() + this.skewMs);

  /** The team context the server checks this user's pushes against, as its /team answers it. */
  teamOf(user: DemoUser): TeamContext {
    const team = this.teams.get(user.id);
    if (team === undefined) throw new Error(`no team context for ${user.name}`);
    return team;
  }

  private startConsole(device: Device): Console {
    const state = this.devices[device];
    const db = new LocalDb(state.dbName);
    const store = new LocalStore(db, memberOf(USER));
    const faulty = device === 'laptop';
    const connectivity = faulty ? this.cable : this.deskCable;
    const api = new FaultyApi(this.portal.apiFor(USER), connectivity, faulty ? this.schedule : new FaultSchedule());
    // The laptop's disk as the run has it: each write fails while failingWrites lasts, whatever it writes.
    if (faulty) {
      fillDiskWhen(db, () => {
        if (this.failingWrites === 0) return false;
        this.failingWrites -= 1;
        return true;
      });
    }
    const engine = new SyncEngine({
      store,
      api,
      connectivity,
      clientId: CLIENT_IDS[device],
      onStatus: (patch) => Object.assign(state.status, patch),
      onUnauthenticated: () => {
        state.signedOut = true;
      },
      // Small pages, so a first pull takes several; no timer and no backoff, so a run takes milliseconds.
      pageSize: 16,
      intervalMs: 24 * 3_600_000,
      retries: 2,
      minRetryDelayMs: 0,
      now: this.consoleNow,
    });
    void engine.start();
    return { db, store, api, sever: () => api.sever(), engine };
  }

  /** Like the console's own `void engine.sync()`: not awaited, but a rejection is a failure of the run. */
  private inBackground(sync: Promise<void>): void {
    sync.catch((error: unknown) => this.errors.push(error));
  }

  /**
   * Runs an action whose changes the ledger already lists (so no sync can send a change it does not
   * know); `busy` tells the per-request probe not to judge the ledger while it runs ahead.
   */
  private async act<T>(work: () => Promise<T>): Promise<T> {
    this.acts += 1;
    this.busy += 1;
    try {
      return await work();
    } finally {
      this.busy -= 1;
    }
  }

  /** The user acts on a hot ticket through one console's local store, exactly as the console's workspace does. */
  async userChange(kind: ChangeKind, slot: number, pick: number, on: Device = 'laptop'): Promise<void> {
    const { store, engine } = this.consoles[on];
    const ticketId = this.hot[slot % this.hot.length] ?? '';
    const view = await store.ticketView(ticketId);
    if (view === null) return;
    const author = { actor: memberOf(USER), team: await store.team(), now: this.consoleNow().toISOString() };
    for (const mutation of changesFor(kind, view.ticket, pick, { ...author, nextId: this.nextId })) {
      const entry: LedgerEntry = { mutation, by: USER, on, fate: 'made' };
      this.ledger.set(mutation.id, entry);
      const refused = await this.act(() => store.enqueue(mutation).then(() => false, refusedLocally));
      if (refused) {
        entry.fate = 'refusedLocally';
        return;
      }
      this.inBackground(engine.sync());
    }
  }

  /** The other person pushes straight to the server (their console is in sync and online). */
  async otherChange(kind: ChangeKind, slot: number, pick: number): Promise<void> {
    // Within the hot set, what the other person may touch: all of it for the lead, the queue for an engineer.
    const theirs = (await Promise.all(this.hot.map((id) => this.portal.db.findTicket(id)))).filter(
      (ticket): ticket is Ticket => ticket !== null && inScope(this.other, ticket),
    );
    const ticket = theirs[slot % Math.max(theirs.length, 1)];
    if (ticket === undefined) return;
    const author: ChangeAuthor = {
      actor: memberOf(this.other),
      team: this.teamOf(this.other),
      now: this.portal.now().toISOString(),
      nextId: this.nextId,
    };
    const mutations = changesFor(kind, ticket, pick, author);
    for (const mutation of mutations) this.ledger.set(mutation.id, { mutation, by: this.other, fate: 'made' });
    await this.act(() => this.portal.apiFor(this.other).push({ clientId: OTHER_CLIENT_ID, mutations }));
  }

  async sync(on: Device = 'laptop'): Promise<void> {
    await this.consoles[on].engine.sync();
  }

  plug(online: boolean): void {
    this.cable.plug(online);
  }

  /** The user drops one of the changes the server refused, after reading why. */
  async discard(pick: number): Promise<void> {
    const refused = await this.console.store.refusedEntries();
    const entry = refused[pick % Math.max(refused.length, 1)];
    if (entry === undefined) return;
    this.setFate(entry.mutation.id, 'discarded');
    await this.act(() => this.console.store.discard(entry.seq)).catch((error: unknown) => {
      // The storage failed: the change is still there, waiting for the user's decision.
      if (!(error instanceof Error && error.name.includes('QuotaExceeded'))) throw error;
      this.setFate(entry.mutation.id, 'made');
    });
  }

  /** The disk fills up: the console's next `writes` writes to its storage fail. */
  fillDisk(writes: number): void {
    this.failingWrites = writes;
  }

  /** The user sends a refused change again, unchanged: the console gives it a new id (the run's next one). */
  async retry(pick: number): Promise<void> {
    const { store, engine } = this.console;
    const refused = await store.refusedEntries();
    const entry = refused[pick % Math.max(refused.length, 1)];
    if (entry === undefined) return;
    const id = this.nextId();
    const again: Mutation = { ...entry.mutation, id, createdAt: this.consoleNow().toISOString() };
    this.ledger.set(id, { mutation: again, by: USER, on: 'laptop', fate: 'made' });
    this.setFate(entry.mutation.id, 'retried');
    const stillRefused = await this.act(() =>
      withRandomUuid(id, () => store.retry(entry.seq, again.args, again.createdAt)).then(() => false, refusedLocally),
    );
    if (stillRefused) {
      // The console kept the refused entry: nothing was sent.
      this.ledger.delete(id);
      this.setFate(entry.mutation.id, 'made');
      return;
    }
    this.inBackground(engine.sync());
  }

  private setFate(id: string, fate: Fate): void {
    const entry = this.ledger.get(id);
    if (entry === undefined) throw new Error(`change ${id} is not in the ledger`);
    entry.fate = fate;
  }

  /** The server stops and starts again on its database as it is: nothing is lost. */
  async restartServer(): Promise<void> {
    await this.act(() => this.portal.restart());
  }

  /** A backup of the server's database, as a nightly job would take. */
  async backUpServer(): Promise<void> {
    this.backupImage = await this.portal.backup();
  }

  /**
   * The server is restored from its last backup: every change it handled since is gone from it. The
   * other person's are theirs to send again (outside the run); the user's the console must send again.
   */
  async restoreServer(): Promise<void> {
    const image = this.backupImage;
    if (image === null) return;
    // The ledger learns what was lost within the same act, so no request's probe sees the server without it.
    await this.act(async () => {
      const before = await this.portal.restart(image);
      const after = new Set(await serverChangeIds(this));
      for (const id of before) {
        if (after.has(id)) continue;
        const entry = this.ledger.get(id);
        if (entry?.by.id === USER.id) this.lostByServer.add(id);
        else if (entry !== undefined) entry.fate = 'lostWithServer';
      }
    });
  }

  /** The user's bearer token expires: the console's next request is answered 401. */
  expireToken(): Promise<void> {
    return this.portal.expireToken(USER);
  }

  /** On each console that asked for it, the user signs in again: a new console run, the outbox kept. */
  async signInAgain(): Promise<void> {
    for (const device of DEVICES) {
      const state = this.devices[device];
      if (!state.signedOut) continue;
      // Within an act: the laptop's requests meanwhile must not probe a console that is closing.
      await this.act(async () => {
        await this.shutDown(device);
        await this.portal.signIn(USER);
        state.signedOut = false;
        this.consoles[device] = this.startConsole(device);
      });
    }
  }

  /**
   * The console process dies and starts again on the same database. A request already on the wire
   * still reaches the server; its answer is lost. The old engine is drained (each of its requests now
   * fails) before its database closes, so nothing of it outlives the crash.
   */
  async restart(): Promise<void> {
    // Within an act, as in signInAgain: the new console's first request goes out as it starts, before it
    // is the laptop's console, and must not probe the one that closed.
    await this.act(async () => {
      await this.shutDown('laptop');
      this.consoles.laptop = this.startConsole('laptop');
    });
  }

  private async shutDown(device: Device): Promise<void> {
    const { engine, sever, db } = this.consoles[device];
    engine.stop();
    sever();
    await engine.sync().catch((error: unknown) => this.errors.push(error));
    db.close();
  }

  /**
   * No more faults, the network back, late requests landed, and rounds of syncs (laptop, then desk)
   * until a round in which nothing reached the server ends with both outboxes holding only refusals.
   */
  async quiesce(): Promise<void> {
    this.failingWrites = 0;
    this.schedule.clear();
    this.cable.plug(true);
    await this.schedule.flush();
    for (let round = 0; round < 6; round++) {
      await this.signInAgain();
      const before = this.portal.db.currentSeq();
      for (const device of DEVICES) await this.consoles[device].engine.sync();
      if (this.portal.db.currentSeq() !== before) continue;
      const settled = await Promise.all(
        DEVICES.map(async (device) => {
          const { store } = this.consoles[device];
          if (this.devices[device].signedOut || (await store.outboxCounts()).pending > 0) return false;
          return !(await store.position()).resetting;
        }),
      );
      if (settled.every(Boolean)) return;
    }
  }

  async close(): Promise<void> {
    for (const device of DEVICES) {
      await this.shutDown(device);
      await Dexie.delete(this.devices[device].dbName);
    }
    await this.portal.close();
  }
}

/**
 * The run's hot set, all in the user's scope and few, so that both people collide: two of the user's
 * open tickets (from stages the flow can close in one or two steps), two from the team queue (the
 * only ones another engineer may touch).
 */
function hotTickets(portal: Portal): string[] {
  const scope = [...portal.seededTickets.values()]
    .filter((ticket) => ticket.teamId === USER.teamId && (ticket.assignee === null || ticket.assignee.id === USER.id))
    .sort((a, b) => a.id.localeCompare(b.id));
  const mine = scope.filter((ticket) => ticket.assignee !== null);
  const first = (stage: string, tickets = mine) => tickets.filter((ticket) => ticket.stage === stage).slice(0, 1);
  return [
    ...first('investigation'),
    ...first('resolution'),
    ...scope.filter((ticket) => ticket.assignee === null && ticket.stage !== 'closed').slice(0, 2),
  ].map((ticket) => ticket.id);
}

/** The ids of every change the server has a record of, in the order it handled them. */
export async function serverChangeIds(world: SyncWorld): Promise<string[]> {
  const { sql } = world.portal.db;
  const rows = await sql.all(`SELECT id FROM applied_mutations ORDER BY ${sql.dialect.mutationOrder}`);
  return rows.map((row) => String(row.id));
}
