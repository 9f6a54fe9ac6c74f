/**
 * The local store: server records, the durable outbox and the pull cursor in IndexedDB (read through
 * LocalReads, written here). Every write that belongs together (a pulled page and its cursor; a change and its optimistic effect) is one
 * transaction, and listeners hear of it only after the commit.
 */
import { z } from 'zod';
import { type Stage, type TeamContext, Ticket } from '../../shared/domain';
import type { Cursor, MutationResult } from '../../shared/api';
import { applyMutation, type Mutation } from '../../shared/mutations';
import { backlogEntries, recordsAfter } from './local-db';
import { groupByTicket, KEEP_ACKNOWLEDGED_MS, OutboxEntry, stillPending } from './outbox-entry';
import { LocalDataError, parseRecord, RefusedChange, savingChange } from './local-errors';
import { LocalReads } from './local-reads';
import { type DamagedRecord, setAside } from './quarantine';
import { rebase, type TicketView } from './rebase';
import { pulledRow } from './pulled-page';
import { countsOfTally, type QueueCounts, QueueTally, TALLY_KEY, tallyOf } from './queue-tally';
import { summarize, TicketSummary, withSharedValues } from './summary';

/** Tickets read in one transaction by ticketsAsSeen. */
const READ_CHUNK = 250;

/** What a committed write changed: the tickets, and the queue rows of those still in the local copy. */
export interface StoreChange {
  ticketIds: readonly string[];
  summaries: readonly TicketSummary[];
}
export type ChangeListener = (change: StoreChange) => void;

/** Just what the background pass over older rows needs of a stored ticket. */
const SummarizedLater = z.object({
  id: z.string(),
  remoteSessions: z.array(z.unknown()).catch([]),
  escalation: z.unknown().catch(null),
});

/** Markers of queue rows written before they kept something (LocalDb's upgrades set them). */
const OLDER_ROWS = ['sessionRowsPending', 'escalationRowsPending'] as const;

export class LocalStore extends LocalReads {
  private readonly listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(ticketIds: readonly string[], summaries: readonly TicketSummary[]): void {
    if (ticketIds.length === 0) return;
    for (const listener of this.listeners) listener({ ticketIds, summaries });
  }

  async saveTeam(team: TeamContext): Promise<void> {
    await this.db.meta.put({ key: 'team', value: team });
  }

  /**
   * Stores one pulled page, its cursor and the new summaries in one transaction; outbox entries the
   * pulled records now include are dropped in the same transaction. Tickets the page names as
   * `removed` (no longer in the user's scope) leave the local copy, with the changes the server has
   * applied to them; a change still pending stays, so its push is refused with the reason.
   * The page answers a pull from the stored cursor, so the server's history holds every change up to
   * it: acknowledged changes it covers are forgotten (until then they are kept, to be sent again should
   * the server lose them).
   * `after` is the cursor the pull followed (the sync engine's pages name it): should the stored cursor
   * have moved meanwhile (a damaged ticket set aside sends it back to 0, to pull that ticket again), the
   * page's tickets are stored but the cursor stays where it was, and the answer is false: pull again.
   */
  async applyPullPage(
    tickets: readonly Ticket[],
    cursor: Cursor,
    syncedAt: string,
    removed: readonly string[] = [],
    history: string | null = null,
    after: Cursor | null = null,
  ): Promise<boolean> {
    const ids = tickets.map((ticket) => ticket.id);
    let gone: string[] = [];
    let summaries: TicketSummary[] = [];
    let followed = true;
    await this.db.transaction('rw', this.writeTables(), async () => {
      if (after !== null) {
        const stored = await this.db.meta.get('cursor');
        followed = (stored?.key === 'cursor' ? stored.value : '0') === after;
      }
      const pulled = new Set(ids);
      const candidates = removed.filter((id) => !pulled.has(id));
      gone = candidates.length === 0 ? [] : await this.db.tickets.where(':id').anyOf(candidates).primaryKeys();
      const entries = await this.entriesFor([...ids, ...gone]);
      const acknowledged = entries
        .filter((entry) => entry.state === 'applied' && entry.appliedSeq === null && gone.includes(entry.ticketId))
        .map((entry) => entry.seq);
      acknowledged.push(...(await this.confirmedEntries(syncedAt)));
      const byTicket = groupByTicket(entries);
      // Most pulled tickets have no change of the user's outstanding: their row comes straight from the record.
      const team = byTicket.size === 0 ? null : await this.team();
      summaries = tickets.map((ticket) => {
        const own = byTicket.get(ticket.id);
        if (own === undefined || team === null) return pulledRow(ticket);
        for (const entry of own) {
          // From a server that predates sequences in results, the pull bringing the change is all there is to go by.
          const included = entry.state === 'applied' && ticket.version >= (entry.appliedVersion ?? 0);
          if (included && entry.appliedSeq === null) acknowledged.push(entry.seq);
        }
        const outstanding = own.filter((entry) => stillPending(entry, ticket.version)).length;
        if (outstanding === 0) return pulledRow(ticket);
        // The user's changes are laid over the whole record, read here for the first time: one damaged
        // where the queue does not read is stored as sent, its changes counted on its row, and opening
        // it sets it aside (ticketView).
        if (!Ticket.safeParse(ticket).success) return { ...pulledRow(ticket), pendingChanges: outstanding };
        const view = rebase(ticket, own, team);
        return summarize(view.ticket, view.pending.length);
      });
      // Asked for together, carried out in this order: the database writes the tickets while the rows
      // after them are still being handed over, instead of each write waiting for the one before.
      await Promise.all([
        this.db.tickets.bulkPut([...tickets]),
        this.db.summaries.bulkPut(summaries),
        this.db.tickets.bulkDelete(gone),
        this.db.summaries.bulkDelete(gone),
        this.db.outbox.bulkDelete(acknowledged),
        this.markForSearch([...ids, ...gone]),
        this.db.meta.bulkPut([
          { key: 'lastSyncAt' as const, value: syncedAt },
          ...(followed
            ? [
                { key: 'cursor' as const, value: cursor },
                { key: 'history' as const, value: history },
              ]
            : []),
        ]),
      ]);
    });
    this.notify([...ids, ...gone], summaries);
    return followed;
  }

  /**
   * Call inside a write transaction, while a pull is answered without reset: acknowledged changes the
   * console may forget at `now`. The pull's first page asked after each history's latest (see
   * position), so the server's history holds every acknowledged change; each is kept a week all the
   * same, for a server restored from a backup.
   */
  private async confirmedEntries(now: string): Promise<number[]> {
    const kept = new Date(Date.parse(now) - KEEP_ACKNOWLEDGED_MS).toISOString();
    const old = await this.db.outbox.where('acknowledgedAt').belowOrEqual(kept).toArray();
    return old.flatMap((row) => {
      const entry = OutboxEntry.safeParse(row);
      return entry.success && entry.data.state === 'applied' && entry.data.appliedSeq !== null ? [entry.data.seq] : [];
    });
  }

  /**
   * The server no longer has the history of the stored cursor (it was restored from a backup, or lost
   * recent changes): every acknowledged change it may have lost is to be sent again (an id it still
   * has is answered with its first result, never applied twice), and everything pulled again from 0.
   * Returns how many changes go out again.
   */
  async startOver(startedAt: string): Promise<number> {
    let again: OutboxEntry[] = [];
    await this.db.transaction('rw', this.writeTables(), async () => {
      const applied = await this.db.outbox.where('state').equals('applied').toArray();
      again = applied.map((row) => parseRecord(OutboxEntry, row, `change #${row.seq}`));
      await this.db.outbox.bulkUpdate(
        again.map((entry) => ({
          key: entry.seq,
          changes: {
            state: 'pending' as const,
            appliedVersion: null,
            appliedSeq: null,
            appliedHistory: null,
            acknowledgedAt: null,
          },
        })),
      );
      await this.db.meta.bulkPut([
        { key: 'cursor', value: '0' },
        { key: 'history', value: null },
        { key: 'resetting', value: startedAt },
      ]);
    });
    const ticketIds = [...new Set(again.map((entry) => entry.ticketId))];
    if (ticketIds.length > 0) {
      const summaries = await this.db.transaction('rw', this.writeTables(), async () =>
        this.refreshSummaries(ticketIds),
      );
      this.notify(ticketIds, summaries);
    }
    return again.length;
  }

  /**
   * The pull from 0 after startOver has brought every ticket the server has in scope (`kept`): the
   * others are no longer on the server and leave the local copy, with their changes still to send, whose
   * pushes are then refused with the reason, for the user to see.
   */
  async finishStartOver(kept: ReadonlySet<string>): Promise<void> {
    let gone: string[] = [];
    await this.db.transaction('rw', this.writeTables(), async () => {
      gone = (await this.db.tickets.toCollection().primaryKeys()).filter((id) => !kept.has(id));
      await this.db.tickets.bulkDelete(gone);
      await this.db.summaries.bulkDelete(gone);
      await this.markForSearch(gone);
      await this.db.meta.delete('resetting');
    });
    this.notify(gone, []);
  }

  /**
   * Checks the change against the ticket as the user sees it, then writes it to the outbox together
   * with its optimistic effect. Resolves only once both are durable.
   */
  async enqueue(mutation: Mutation): Promise<void> {
    const summary = await savingChange(() =>
      this.db.transaction('rw', this.writeTables(), async () => this.addToOutbox(mutation)),
    );
    this.notify([summary.id], [summary]);
  }

  /** Sends a refused change again, as a new change with the user's edited arguments, in one transaction. */
  async retry(seq: number, args: unknown, createdAt: string): Promise<void> {
    const summary = await savingChange(() =>
      this.db.transaction('rw', this.writeTables(), async () => {
        const entry = await this.db.outbox.get(seq);
        if (entry?.state !== 'refused') throw new Error('This change is no longer waiting for your decision.');
        await this.db.outbox.delete(seq);
        return this.addToOutbox({ id: crypto.randomUUID(), name: entry.mutation.name, args, createdAt });
      }),
    );
    this.notify([summary.id], [summary]);
  }

  private writeTables() {
    return [
      this.db.tickets,
      this.db.summaries,
      this.db.outbox,
      this.db.meta,
      this.db.searchBacklog,
      this.db.quarantine,
    ];
  }

  /** Call inside a write transaction: the search index re-reads these tickets when it next catches up. */
  private async markForSearch(ticketIds: readonly string[]): Promise<void> {
    await this.db.searchBacklog.bulkAdd(backlogEntries(ticketIds));
  }

  /** Call inside a write transaction: refuses (throwing RefusedChange) or adds the change and its effect. */
  private async addToOutbox(mutation: Mutation): Promise<TicketSummary> {
    const ticketId = z.object({ ticketId: z.uuid() }).parse(mutation.args).ticketId;
    const team = await this.team();
    const view = await this.viewOf(ticketId, team);
    if (view === null) {
      throw new RefusedChange({ code: 'ticket_not_found', message: 'This ticket is not in your local copy.' });
    }
    const actor = this.user;
    const result = applyMutation(view.ticket, mutation, { now: mutation.createdAt, actor, team });
    if (!result.ok) throw new RefusedChange(result.refusal);
    await this.db.outbox.add({
      mutation,
      ticketId,
      actor,
      state: 'pending',
      appliedVersion: null,
      appliedSeq: null,
      appliedHistory: null,
      acknowledgedAt: null,
      refusal: null,
    });
    const summary = summarize(result.ticket, view.pending.length + 1);
    await this.db.summaries.put(summary);
    await this.markForSearch([ticketId]);
    return summary;
  }

  /**
   * Records the server's verdict on each pushed change, as it arrived at `acknowledgedAt`; refused ones
   * stay, with their reason, for the user.
   */
  async recordPushResults(results: readonly MutationResult[], acknowledgedAt: string): Promise<void> {
    // An applied change stays laid over its ticket until a pull brings the version it made, so the
    // ticket looks the same: only tickets with a refused change are seen differently, and re-read.
    const refusedOn = new Set<string>();
    let summaries: TicketSummary[] = [];
    // A transaction waits for every earlier one on any of its tables: answers without a refusal touch the
    // outbox alone, so recording them does not queue behind the background reads of tickets and rows.
    const tables = results.some((result) => result.status === 'refused') ? this.writeTables() : [this.db.outbox];
    await this.db.transaction('rw', tables, async () => {
      const entries = await this.db.outbox
        .where('mutation.id')
        .anyOf(results.map((result) => result.id))
        .toArray();
      const byMutation = new Map(entries.map((entry) => [entry.mutation.id, entry]));
      // Written whole from the entries just read: bulkUpdate would read them all again (a push of 1,000
      // recorded in 267 ms instead of 363, median of 8, in a bare page).
      const answered = results.flatMap((result): OutboxEntry[] => {
        const entry = byMutation.get(result.id);
        if (entry === undefined) return [];
        if (result.status === 'refused') refusedOn.add(entry.ticketId);
        return [
          result.status === 'applied'
            ? {
                ...entry,
                state: 'applied',
                appliedVersion: result.version,
                appliedSeq: result.seq,
                appliedHistory: result.history,
                acknowledgedAt,
              }
            : { ...entry, state: 'refused', refusal: result.refusal },
        ];
      });
      await this.db.outbox.bulkPut(answered);
      if (refusedOn.size > 0) summaries = await this.refreshSummaries([...refusedOn]);
    });
    this.notify([...refusedOn], summaries);
  }

  /** Drops a refused change the user has read and does not want to retry. */
  async discard(seq: number): Promise<void> {
    let ticketId: string | undefined;
    let summaries: TicketSummary[] = [];
    await this.db.transaction('rw', this.writeTables(), async () => {
      const entry = await this.db.outbox.get(seq);
      if (entry?.state !== 'refused') return;
      ticketId = entry.ticketId;
      await this.db.outbox.delete(seq);
      summaries = await this.refreshSummaries([entry.ticketId]);
    });
    if (ticketId !== undefined) this.notify([ticketId], summaries);
  }

  /**
   * Rows written before queue rows carried sessions or the escalation's clock gain them: the tickets are
   * read a chunk at a time (only those with sessions or an escalation are rebuilt), once per local copy,
   * after the first screen.
   */
  async summarizeOlderRows(chunk = 500): Promise<void> {
    if ((await this.db.meta.bulkGet([...OLDER_ROWS])).every((marker) => marker === undefined)) return;
    let after: string | null = null;
    for (;;) {
      const records: unknown[] = await recordsAfter(this.db.tickets, after).limit(chunk).toArray();
      if (records.length === 0) break;
      const keyed = records.map((record) => SummarizedLater.safeParse(record).data);
      // The id is the table's key, so every record has one; a record that still fails is left to the daily check.
      after = keyed.at(-1)?.id ?? null;
      if (after === null) break;
      const stale = keyed.flatMap((record) =>
        record && (record.remoteSessions.length > 0 || record.escalation !== null) ? [record.id] : [],
      );
      if (stale.length > 0) {
        const summaries = await this.db.transaction('rw', this.writeTables(), async () => this.refreshSummaries(stale));
        this.notify(stale, summaries);
      }
    }
    await this.db.meta.bulkDelete([...OLDER_ROWS]);
  }

  /** How many tickets each queue tab holds, open and in all: one record, kept as the rows change. */
  async scopeCounts(userId: string): Promise<QueueCounts> {
    return countsOfTally(await this.queueTally(), userId);
  }

  /**
   * The rows' tally as kept, or, when there is none (a local copy from before it was kept) or it is
   * damaged, counted from the rows' index and kept from then on.
   */
  private async queueTally(): Promise<QueueTally> {
    const kept = QueueTally.safeParse((await this.db.meta.get(TALLY_KEY))?.value);
    if (kept.success) return kept.data;
    return this.db.transaction('rw', [this.db.summaries, this.db.meta], async () => {
      const [rows, places] = await Promise.all([
        this.db.summaries.count(),
        this.db.summaries.orderBy('[stage+assigneeKey]').keys(),
      ]);
      const tally = tallyOf(rows, places);
      await this.db.meta.put({ key: TALLY_KEY, value: tally });
      return tally;
    });
  }

  /**
   * The queue rows after `afterId` in id order, at most `limit`: the queue reads the whole local copy
   * in such chunks, in the background. A damaged row is set aside and rebuilt from its ticket.
   */
  async summaryChunk(
    afterId: string | null,
    limit: number,
  ): Promise<{ summaries: TicketSummary[]; lastId: string | null }> {
    const rows = await recordsAfter(this.db.summaries, afterId).limit(limit).toArray();
    const lastId = rows.length < limit ? null : (rows.at(-1)?.id ?? null);
    const summaries: TicketSummary[] = [];
    const damaged: DamagedRecord[] = [];
    for (const row of rows) {
      const parsed = TicketSummary.safeParse(row);
      if (parsed.success) summaries.push(withSharedValues(parsed.data));
      else
        damaged.push({
          table: 'summaries',
          key: String((row as { id?: unknown }).id),
          record: row,
          error: parsed.error,
        });
    }
    if (damaged.length > 0) summaries.push(...(await this.repairSummaries(damaged)));
    return { summaries, lastId };
  }

  private async repairSummaries(damaged: readonly DamagedRecord[]): Promise<TicketSummary[]> {
    const ids = damaged.map((d) => String(d.key));
    const rebuilt = await this.db.transaction('rw', this.writeTables(), async () => {
      await setAside(this.db, damaged, new Date().toISOString());
      return this.refreshSummaries(ids);
    });
    this.notify(ids, rebuilt);
    return rebuilt;
  }

  /**
   * Every ticket in `stage` as the user sees it (pending changes re-applied), found through the
   * summaries' [stage+assigneeKey] index so the rest of the cache is never read: the lead's escalations list.
   */
  async ticketsInStage(stage: Stage): Promise<Ticket[]> {
    return this.ticketsAsSeen(await this.inStage(stage).primaryKeys());
  }

  /**
   * The tickets `ticketIds` as the user sees them; those no longer in the local copy are left out, and
   * so are damaged ones, which are set aside to be pulled again. Read a chunk per transaction: one long
   * read would hold back every write queued behind it (a push's answers) until it ends.
   */
  async ticketsAsSeen(ticketIds: readonly string[]): Promise<Ticket[]> {
    const tickets: Ticket[] = [];
    for (let from = 0; from < ticketIds.length; from += READ_CHUNK) {
      tickets.push(...(await this.chunkAsSeen(ticketIds.slice(from, from + READ_CHUNK))));
    }
    return tickets;
  }

  /** Tickets as the user sees them, in one read (each with its pending changes, as of that moment). */
  private async chunkAsSeen(ticketIds: readonly string[]): Promise<Ticket[]> {
    const damaged: DamagedRecord[] = [];
    const tickets = await this.db.transaction('r', [this.db.tickets, this.db.outbox, this.db.meta], async () => {
      const team = await this.team();
      const stored = await this.db.tickets.bulkGet([...ticketIds]);
      const byTicket = groupByTicket(await this.entriesFor(ticketIds));
      return stored.flatMap((record, i) => {
        if (record === undefined) return [];
        const parsed = Ticket.safeParse(record);
        if (!parsed.success) {
          damaged.push({ table: 'tickets', key: ticketIds[i] as string, record, error: parsed.error });
          return [];
        }
        const own = byTicket.get(parsed.data.id);
        return [own === undefined ? parsed.data : rebase(parsed.data, own, team).ticket];
      });
    });
    if (damaged.length > 0) await this.setAsideTickets(damaged);
    return tickets;
  }

  /**
   * The ticket as the user sees it. Its record is fully checked here, when it is first read: a damaged
   * one is set aside (and pulled again) and the error says so.
   */
  async ticketView(ticketId: string): Promise<TicketView | null> {
    try {
      return await this.db.transaction('r', [this.db.tickets, this.db.outbox, this.db.meta], async () =>
        this.viewOf(ticketId, await this.team()),
      );
    } catch (error) {
      if (!(error instanceof LocalDataError)) throw error;
      const record = await this.db.tickets.get(ticketId);
      const parsed = Ticket.safeParse(record);
      if (!parsed.success)
        await this.setAsideTickets([{ table: 'tickets', key: ticketId, record, error: parsed.error }]);
      throw error;
    }
  }

  /** Sets damaged tickets aside (unless a pull has replaced them meanwhile); the next sync pulls them again. */
  private async setAsideTickets(damaged: readonly DamagedRecord[]): Promise<void> {
    const ids = damaged.map((d) => String(d.key));
    await this.db.transaction('rw', this.writeTables(), async () => {
      const current = await this.db.tickets.bulkGet(ids);
      const still = damaged.filter((_, i) => current[i] !== undefined && !Ticket.safeParse(current[i]).success);
      await setAside(this.db, still, new Date().toISOString());
      await this.markForSearch(ids);
    });
    this.notify(ids, []);
  }

  /** Call inside a write transaction: rebuilds the tickets' queue rows from their records and outbox. */
  private async refreshSummaries(ticketIds: readonly string[]): Promise<TicketSummary[]> {
    const team = await this.team();
    const summaries: TicketSummary[] = [];
    const damaged: DamagedRecord[] = [];
    for (const ticketId of ticketIds) {
      const record = await this.db.tickets.get(ticketId);
      if (record === undefined) continue;
      const parsed = Ticket.safeParse(record);
      if (!parsed.success) {
        damaged.push({ table: 'tickets', key: ticketId, record, error: parsed.error });
        continue;
      }
      const view = rebase(parsed.data, await this.entriesFor([ticketId]), team);
      summaries.push(summarize(view.ticket, view.pending.length));
    }
    await setAside(this.db, damaged, new Date().toISOString());
    await this.db.summaries.bulkPut(summaries);
    await this.markForSearch(ticketIds);
    return summaries;
  }
}
