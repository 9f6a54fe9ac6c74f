/**
 * The search side of the console: answers the main thread's requests (see search-protocol.ts) over
 * one SearchIndexer. Work is done one request at a time, in order; the index is saved once changes
 * stop arriving, and the background check of the cached tickets runs once the index is ready.
 */
import { LocalDb } from '../local-db';
import { LocalStore } from '../local-store';
import { checkCachedTickets } from '../integrity';
import { nextTask } from '../next-task';
import { SearchIndexer } from './search-indexer';
import { NO_RESULT, type SearchReply, type SearchRequest } from './search-protocol';

/**
 * When the index is saved: once changes stop arriving for a while, and only when enough have gathered
 * (or enough time has passed) to be worth writing the whole index again — catching up with a backlog
 * this size at the next start costs about a second in the worker. A large catch-up (a first sync, an
 * index rebuilt) is saved as it goes, whenever the changes since the last save reach `eager` or half the
 * index, whichever is more: a console closed right after its first sync must not index 50,000 tickets
 * again at the next start, and each save writes the whole index, so saves every `eager` changes would
 * cost a 100,000-ticket catch-up ten saves of a growing index (the sizes add up to 5.5 times the index)
 * where these cost four, adding up to 2.5.
 */
const SAVE_POLICY = { quietMs: 1_000, changes: 1_000, maxAgeMs: 10 * 60_000, eager: 10_000 };

/**
 * The longest background work waits without hearing that the console is still busy: one that never says
 * its sync ended is not left without search.
 */
const HOLD_MAX_MS = 30_000;

/**
 * How often every cached ticket is parsed in the background: each is also checked when opened, so
 * this finds damage in tickets nobody opens, and need not cost a core's worth of work at every start.
 */
const CHECK_EVERY_MS = 24 * 60 * 60_000;

export class SearchService {
  private indexer: SearchIndexer | null = null;
  private db: LocalDb | null = null;
  private work: Promise<unknown> = Promise.resolve();
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private catchingUp = false;
  /** Changes the index holds that the saved copy does not, and since when. */
  private unsaved = { changes: 0, since: 0 };
  /** While the console syncs, background work waits on this between chunks; searches still answer. */
  private held: { until: Promise<void>; renew: () => void; release: () => void } | null = null;

  constructor(
    private readonly reply: (reply: SearchReply) => void,
    private readonly policy = SAVE_POLICY,
  ) {}

  handle(request: SearchRequest): void {
    switch (request.kind) {
      case 'open':
        this.enqueue(() => this.open(request.dbName, request.user), null);
        return;
      case 'changed':
        // One catch-up reads the whole backlog: changes heard while one is queued need no other.
        if (this.catchingUp) return;
        this.catchingUp = true;
        this.enqueue(() => this.catchUp(), null);
        return;
      case 'hold':
        this.hold(request.held);
        return;
      case 'search':
        // Searches do not wait behind background work: the index answers as it stands.
        if (this.indexer === null)
          this.enqueue(() => this.search(request.call, request.query, request.limit), request.call);
        else this.search(request.call, request.query, request.limit);
        return;
    }
  }

  close(): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.db?.close();
  }

  /** Between chunks of background work: messages first, and no work while the console syncs. */
  private async pause(): Promise<void> {
    await nextTask();
    await this.held?.until;
  }

  /** Held (said again while the console stays busy, each time for up to HOLD_MAX_MS more) or released. */
  private hold(held: boolean): void {
    if (!held) {
      this.held?.release();
      return;
    }
    if (this.held !== null) {
      this.held.renew();
      return;
    }
    let release = () => undefined as void;
    const until = new Promise<void>((resolve) => (release = resolve));
    let timer = setTimeout(() => this.held?.release(), HOLD_MAX_MS);
    this.held = {
      until,
      renew: () => {
        clearTimeout(timer);
        timer = setTimeout(() => this.held?.release(), HOLD_MAX_MS);
      },
      release: () => {
        clearTimeout(timer);
        this.held = null;
        release();
      },
    };
  }

  private enqueue(task: () => Promise<void> | void, call: number | null): void {
    this.work = this.work.then(task).catch((error: unknown) => {
      this.reply({ kind: 'failed', call, message: error instanceof Error ? error.message : String(error) });
    });
  }

  private async open(dbName: string, user: ConstructorParameters<typeof LocalStore>[1]): Promise<void> {
    const db = new LocalDb(dbName);
    this.db = db;
    // Each chunk indexed tells the console, so a search on screen fills in as the index grows.
    const indexer = new SearchIndexer(db, new LocalStore(db, user), async () => {
      this.reply({ kind: 'updated' });
      await this.pause();
    });
    this.indexer = indexer;
    // Loading the index is background work too: it waits while the console pushes or pulls a run of pages.
    await this.pause();
    const opened = await indexer.open();
    this.reply({ kind: 'ready' });
    if (opened === 'rebuilt' && indexer.indexedTickets > 0) await this.save();
    this.enqueue(() => this.checkTickets(db), null);
  }

  /** The background check of every cached ticket, when it is due. */
  private async checkTickets(db: LocalDb): Promise<void> {
    const last = await db.meta.get('ticketsCheckedAt');
    const now = new Date();
    if (last?.key === 'ticketsCheckedAt' && now.getTime() - Date.parse(last.value) < CHECK_EVERY_MS) return;
    const tickets = await checkCachedTickets(db, now.toISOString(), () => this.pause());
    await db.meta.put({ key: 'ticketsCheckedAt', value: now.toISOString() });
    if (tickets > 0) this.reply({ kind: 'damaged', tickets });
  }

  private async catchUp(): Promise<void> {
    this.catchingUp = false;
    const indexer = this.indexer;
    if (indexer === null) return;
    for (;;) {
      const changes = await indexer.catchUp(this.policy.eager);
      if (changes === 0) return;
      this.reply({ kind: 'updated' });
      if (this.unsaved.changes === 0) this.unsaved.since = Date.now();
      this.unsaved.changes += changes;
      if (this.unsaved.changes >= Math.max(this.policy.eager, indexer.indexedTickets / 2)) await this.save();
      else this.scheduleSave();
      if (changes < this.policy.eager) return;
    }
  }

  private async save(): Promise<void> {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    this.unsaved = { changes: 0, since: 0 };
    await this.indexer?.save();
  }

  private search(call: number, query: string, limit: number): void {
    const result = this.indexer?.search(query, limit) ?? NO_RESULT;
    this.reply({ kind: 'result', call, result });
  }

  private scheduleSave(): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      const { changes, since } = this.unsaved;
      if (changes < this.policy.changes && Date.now() - since < this.policy.maxAgeMs) return;
      this.enqueue(() => this.save(), null);
    }, this.policy.quietMs);
  }
}
