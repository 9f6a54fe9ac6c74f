/**
 * The local copy's reads that check what they read whole (tickets opened or listed, the queue's rows
 * read in the background) and mend what they find damaged: set aside, rebuilt from the ticket, or pulled
 * again. Listeners hear of every committed change to the rows, these repairs as LocalStore's writes.
 */
import { z } from 'zod';
import { type Stage, Ticket } from '../../shared/domain';
import { groupByTicket } from './outbox-entry';
import { backlogEntries, recordsAfter } from './local-db';
import { LocalDataError } from './local-errors';
import { LocalReads } from './local-reads';
import { nextTask } from './next-task';
import { type DamagedRecord, damagedRecord, setAside } from './quarantine';
import { readRowChunk, type RowPlace, type RowReader } from './row-chunk';
import { countsOfTally, type QueueCounts, QueueTally, TALLY_KEY, tallyOf } from './queue-tally';
import { rebase, type TicketView } from './rebase';
import { summarize, type TicketSummary, withSharedValues } from './summary';

/** Tickets read in one transaction by ticketsAsSeen. */
const READ_CHUNK = 250;
/**
 * Tickets checked in one task once read: a whole ticket takes about half a ms to check, and a lead's
 * agenda at 50,000 tickets read ~250 of them at start, in a 116-ms task.
 */
const PARSE_SLICE = 50;

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

export class CheckedReads extends LocalReads {
  private readonly listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected notify(ticketIds: readonly string[], summaries: readonly TicketSummary[]): void {
    if (ticketIds.length === 0) return;
    for (const listener of this.listeners) listener({ ticketIds, summaries });
  }

  protected writeTables() {
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
  protected async markForSearch(ticketIds: readonly string[]): Promise<void> {
    await this.db.searchBacklog.bulkAdd(backlogEntries(ticketIds));
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
   * The queue rows after `after` in the update index, newest first, at most `limit`: the queue reads the
   * whole local copy in such chunks, in the background, through `read` (the queue reader's worker, or
   * this database). A damaged row is set aside and rebuilt from its ticket.
   */
  async summaryChunk(
    after: RowPlace | null,
    limit: number,
    read: RowReader = (from, n) => readRowChunk(this.db, from, n),
  ): Promise<{ summaries: TicketSummary[]; next: RowPlace | null }> {
    const chunk = await read(after, limit);
    const summaries = chunk.summaries.map(withSharedValues);
    if (chunk.damaged.length > 0) summaries.push(...(await this.repairSummaries(chunk.damaged)));
    return { summaries, next: chunk.next };
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

  /**
   * Tickets as the user sees them, in one read (each with its pending changes, as of that moment), and
   * checked after it, PARSE_SLICE at a time, each slice a task of its own.
   */
  private async chunkAsSeen(ticketIds: readonly string[]): Promise<Ticket[]> {
    const { team, stored, byTicket } = await this.db.transaction(
      'r',
      [this.db.tickets, this.db.outbox, this.db.meta],
      async () => ({
        team: await this.team(),
        stored: await this.db.tickets.bulkGet([...ticketIds]),
        byTicket: groupByTicket(await this.entriesFor(ticketIds)),
      }),
    );
    const damaged: DamagedRecord[] = [];
    const tickets: Ticket[] = [];
    for (let from = 0; from < stored.length; from += PARSE_SLICE) {
      if (from > 0) await nextTask();
      stored.slice(from, from + PARSE_SLICE).forEach((record, i) => {
        if (record === undefined) return;
        const parsed = Ticket.safeParse(record);
        if (!parsed.success) {
          damaged.push(damagedRecord('tickets', ticketIds[from + i] as string, record, parsed.error));
          return;
        }
        const own = byTicket.get(parsed.data.id);
        tickets.push(own === undefined ? parsed.data : rebase(parsed.data, own, team).ticket);
      });
    }
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
      if (!parsed.success) await this.setAsideTickets([damagedRecord('tickets', ticketId, record, parsed.error)]);
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
  protected async refreshSummaries(ticketIds: readonly string[]): Promise<TicketSummary[]> {
    const team = await this.team();
    const summaries: TicketSummary[] = [];
    const damaged: DamagedRecord[] = [];
    for (const ticketId of ticketIds) {
      const record = await this.db.tickets.get(ticketId);
      if (record === undefined) continue;
      const parsed = Ticket.safeParse(record);
      if (!parsed.success) {
        damaged.push(damagedRecord('tickets', ticketId, record, parsed.error));
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
