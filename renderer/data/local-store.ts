/**
 * The local store: server records, the durable outbox and the pull cursor in IndexedDB (read through
 * LocalReads and CheckedReads, written here). Every write that belongs together (a pulled page and its
 * cursor; a change and its optimistic effect) is one transaction, and listeners hear of it only after
 * the commit.
 */
import { z } from 'zod';
import { type TeamContext, Ticket } from '../../shared/domain';
import type { Cursor, MutationResult } from '../../shared/api';
import { applyMutation, type Mutation } from '../../shared/mutations';
import { CheckedReads } from './checked-reads';
import { groupByTicket, KEEP_ACKNOWLEDGED_MS, newEntry, OutboxEntry, stillPending } from './outbox-entry';
import { parseRecord, RefusedChange, savingChange } from './local-errors';
import { rebase } from './rebase';
import { pulledRow } from './pulled-page';
import { summarize, type TicketSummary } from './summary';

export class LocalStore extends CheckedReads {
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
    await this.db.outbox.add(newEntry(mutation, ticketId, actor));
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
}
