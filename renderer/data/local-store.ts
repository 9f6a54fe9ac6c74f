/**
 * The local store: server records, the durable outbox and the pull cursor in IndexedDB. Every write
 * that belongs together (a pulled page and its cursor; a change and its optimistic effect) is one
 * transaction, and listeners hear of it only after the commit.
 */
import { z } from 'zod';
import { soloTeam, TeamContext, Ticket, type Stage, type TeamMember } from '../../shared/domain';
import type { Cursor, MutationResult } from '../../shared/api';
import { applyMutation, type Mutation, type Refusal } from '../../shared/mutations';
import { describeZodError } from '../../shared/api/errors';
import type { LocalDb } from './local-db';
import { OutboxEntry } from './outbox-entry';
import { rebase, type TicketView } from './rebase';
import { summarize, TicketSummary } from './summary';

export type ChangeListener = (ticketIds: readonly string[]) => void;

/** A record read back from IndexedDB that no longer matches its schema. */
export class LocalDataError extends Error {
  constructor(what: string, error: z.ZodError) {
    super(`The local copy of ${what} is damaged (${describeZodError(error)}).`);
    this.name = 'LocalDataError';
  }
}

/** The change was refused locally by the same rules the server applies; nothing was written. */
export class RefusedChange extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
    this.name = 'RefusedChange';
  }
}

function parseRecord<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new LocalDataError(what, parsed.error);
  return parsed.data;
}

export class LocalStore {
  private readonly listeners = new Set<ChangeListener>();

  /** `user` stands in for the team until the first sync brings the real roster and policy. */
  constructor(
    readonly db: LocalDb,
    private readonly user: TeamMember,
  ) {}

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(ticketIds: readonly string[]): void {
    if (ticketIds.length === 0) return;
    for (const listener of this.listeners) listener(ticketIds);
  }

  async cursor(): Promise<Cursor> {
    const record = await this.db.meta.get('cursor');
    return record?.key === 'cursor' ? record.value : '0';
  }

  async lastSyncAt(): Promise<string | null> {
    const record = await this.db.meta.get('lastSyncAt');
    return record?.key === 'lastSyncAt' ? record.value : null;
  }

  /** The team's roster and policy as last synced; a damaged copy counts as none until the next sync. */
  async team(): Promise<TeamContext> {
    const parsed = TeamContext.safeParse((await this.db.meta.get('team'))?.value);
    return parsed.success ? parsed.data : soloTeam(this.user);
  }

  async saveTeam(team: TeamContext): Promise<void> {
    await this.db.meta.put({ key: 'team', value: team });
  }

  /**
   * Stores one pulled page, its cursor and the new summaries in one transaction; outbox entries the
   * pulled records now include are dropped in the same transaction. Tickets the page names as
   * `removed` (no longer in the user's scope) leave the local copy, with the changes the server has
   * applied to them; a change still pending stays, so its push is refused with the reason.
   */
  async applyPullPage(
    tickets: readonly Ticket[],
    cursor: Cursor,
    syncedAt: string,
    removed: readonly string[] = [],
  ): Promise<void> {
    const ids = tickets.map((ticket) => ticket.id);
    // The server names every changed ticket of the team outside the scope; only those held matter.
    let gone: string[] = [];
    await this.db.transaction('rw', this.writeTables(), async () => {
      const team = await this.team();
      const entries = await this.entriesFor(ids);
      const candidates = removed.filter((id) => !ids.includes(id));
      gone = candidates.length === 0 ? [] : await this.db.tickets.where(':id').anyOf(candidates).primaryKeys();
      const acknowledged = (await this.entriesFor(gone))
        .filter((entry) => entry.state === 'applied')
        .map((entry) => entry.seq);
      const summaries = tickets.map((ticket) => {
        const own = entries.filter((entry) => entry.ticketId === ticket.id);
        for (const entry of own) {
          if (entry.state === 'applied' && ticket.version >= (entry.appliedVersion ?? 0)) acknowledged.push(entry.seq);
        }
        const view = rebase(ticket, own, team);
        return summarize(view.ticket, view.pending.length);
      });
      await this.db.tickets.bulkPut([...tickets]);
      await this.db.summaries.bulkPut(summaries);
      await this.db.tickets.bulkDelete(gone);
      await this.db.summaries.bulkDelete(gone);
      await this.db.outbox.bulkDelete(acknowledged);
      await this.db.meta.bulkPut([
        { key: 'cursor', value: cursor },
        { key: 'lastSyncAt', value: syncedAt },
      ]);
    });
    this.notify([...ids, ...gone]);
  }

  /**
   * Checks the change against the ticket as the user sees it, then writes it to the outbox together
   * with its optimistic effect. Resolves only once both are durable.
   */
  async enqueue(mutation: Mutation): Promise<void> {
    const ticketId = await this.db.transaction('rw', this.writeTables(), async () => this.addToOutbox(mutation));
    this.notify([ticketId]);
  }

  /** Every change the server refused, oldest first: the "Needs attention" list. */
  async refusedEntries(): Promise<OutboxEntry[]> {
    const rows = await this.db.outbox.where('state').equals('refused').sortBy('seq');
    return rows.map((row) => parseRecord(OutboxEntry, row, `change #${row.seq}`));
  }

  /** Sends a refused change again, as a new change with the user's edited arguments, in one transaction. */
  async retry(seq: number, args: unknown, createdAt: string): Promise<void> {
    const ticketId = await this.db.transaction('rw', this.writeTables(), async () => {
      const entry = await this.db.outbox.get(seq);
      if (entry?.state !== 'refused') throw new Error('This change is no longer waiting for your decision.');
      await this.db.outbox.delete(seq);
      return this.addToOutbox({ id: crypto.randomUUID(), name: entry.mutation.name, args, createdAt });
    });
    this.notify([ticketId]);
  }

  private writeTables() {
    return [this.db.tickets, this.db.summaries, this.db.outbox, this.db.meta];
  }

  /** Call inside a write transaction: refuses (throwing RefusedChange) or adds the change and its effect. */
  private async addToOutbox(mutation: Mutation): Promise<string> {
    const ticketId = z.object({ ticketId: z.uuid() }).parse(mutation.args).ticketId;
    const team = await this.team();
    const view = await this.viewOf(ticketId, team);
    if (view === null) {
      throw new RefusedChange({ code: 'ticket_not_found', message: 'This ticket is not in your local copy.' });
    }
    const actor = this.user;
    const result = applyMutation(view.ticket, mutation, { now: mutation.createdAt, actor, team });
    if (!result.ok) throw new RefusedChange(result.refusal);
    await this.db.outbox.add({ mutation, ticketId, actor, state: 'pending', appliedVersion: null, refusal: null });
    await this.db.summaries.put(summarize(result.ticket, view.pending.length + 1));
    return ticketId;
  }

  /** The oldest changes not yet acknowledged, in the order the user made them. */
  async pendingEntries(limit: number): Promise<OutboxEntry[]> {
    const rows = await this.db.outbox.where('state').equals('pending').sortBy('seq');
    return rows.slice(0, limit).map((row) => parseRecord(OutboxEntry, row, `change #${row.seq}`));
  }

  async outboxCounts(): Promise<{ pending: number; refused: number }> {
    const [pending, refused] = await Promise.all([
      this.db.outbox.where('state').equals('pending').count(),
      this.db.outbox.where('state').equals('refused').count(),
    ]);
    return { pending, refused };
  }

  /** Records the server's verdict on each pushed change; refused ones stay, with their reason, for the user. */
  async recordPushResults(results: readonly MutationResult[]): Promise<void> {
    const touched = new Set<string>();
    await this.db.transaction('rw', this.writeTables(), async () => {
      for (const result of results) {
        const entry = await this.db.outbox.where('mutation.id').equals(result.id).first();
        if (entry === undefined) continue;
        touched.add(entry.ticketId);
        await this.db.outbox.update(
          entry.seq,
          result.status === 'applied'
            ? { state: 'applied', appliedVersion: result.version }
            : { state: 'refused', refusal: result.refusal },
        );
      }
      await this.refreshSummaries([...touched]);
    });
    this.notify([...touched]);
  }

  /** Drops a refused change the user has read and does not want to retry. */
  async discard(seq: number): Promise<void> {
    let ticketId: string | undefined;
    await this.db.transaction('rw', this.writeTables(), async () => {
      const entry = await this.db.outbox.get(seq);
      if (entry?.state !== 'refused') return;
      ticketId = entry.ticketId;
      await this.db.outbox.delete(seq);
      await this.refreshSummaries([entry.ticketId]);
    });
    if (ticketId !== undefined) this.notify([ticketId]);
  }

  async summaries(): Promise<TicketSummary[]> {
    const rows = await this.db.summaries.toArray();
    return rows.map((row) => parseRecord(TicketSummary, row, `ticket ${row.number ?? row.id}`));
  }

  async summariesOf(ticketIds: readonly string[]): Promise<TicketSummary[]> {
    const rows = await this.db.summaries.bulkGet([...ticketIds]);
    return rows
      .filter((row) => row !== undefined)
      .map((row) => parseRecord(TicketSummary, row, `ticket ${row.number ?? row.id}`));
  }

  /**
   * Every ticket in `stage` as the user sees it (pending changes re-applied), found through the
   * summaries' stage index so the rest of the cache is never read: the lead's escalations list.
   */
  async ticketsInStage(stage: Stage): Promise<Ticket[]> {
    return this.db.transaction('r', [this.db.summaries, this.db.tickets, this.db.outbox, this.db.meta], async () => {
      const ids = await this.db.summaries.where('stage').equals(stage).primaryKeys();
      const team = await this.team();
      const stored = await this.db.tickets.bulkGet(ids);
      const entries = await this.entriesFor(ids);
      return stored.flatMap((record) => {
        if (record === undefined) return [];
        const ticket = parseRecord(Ticket, record, `ticket ${record.number ?? record.id}`);
        return [
          rebase(
            ticket,
            entries.filter((entry) => entry.ticketId === ticket.id),
            team,
          ).ticket,
        ];
      });
    });
  }

  async ticketView(ticketId: string): Promise<TicketView | null> {
    return this.db.transaction('r', [this.db.tickets, this.db.outbox, this.db.meta], async () =>
      this.viewOf(ticketId, await this.team()),
    );
  }

  private async viewOf(ticketId: string, team: TeamContext): Promise<TicketView | null> {
    const stored = await this.db.tickets.get(ticketId);
    if (stored === undefined) return null;
    const ticket = parseRecord(Ticket, stored, `ticket ${stored.number ?? ticketId}`);
    return rebase(ticket, await this.entriesFor([ticketId]), team);
  }

  private async entriesFor(ticketIds: readonly string[]): Promise<OutboxEntry[]> {
    const rows = await this.db.outbox.where('ticketId').anyOf(ticketIds).sortBy('seq');
    return rows.map((row) => parseRecord(OutboxEntry, row, `change #${row.seq}`));
  }

  private async refreshSummaries(ticketIds: readonly string[]): Promise<void> {
    const team = await this.team();
    for (const ticketId of ticketIds) {
      const view = await this.viewOf(ticketId, team);
      if (view !== null) await this.db.summaries.put(summarize(view.ticket, view.pending.length));
    }
  }
}
