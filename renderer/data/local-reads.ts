/**
 * Reading the local copy: the pull's position, the team, the outbox's changes and the queue rows, each
 * through an index or a key, never the whole copy. CheckedReads adds the reads that set a damaged record
 * aside (which write), LocalStore the writes.
 */
import { Dexie } from 'dexie';
import { soloTeam, type Stage, TeamContext, type TeamMember, Ticket } from '../../shared/domain';
import type { Cursor } from '../../shared/api';
import type { LocalDb } from './local-db';
import { parseRecord } from './local-errors';
import { OutboxEntry } from './outbox-entry';
import { pullPosition, type PullPosition } from './pull-position';
import { rebase, type TicketView } from './rebase';
import { namesEngineer, readableRows, type TicketSummary } from './summary';

export class LocalReads {
  /** `user` stands in for the team until the first sync brings the real roster and policy. */
  constructor(
    readonly db: LocalDb,
    readonly user: TeamMember,
  ) {}

  async cursor(): Promise<Cursor> {
    return (await this.position()).cursor;
  }

  /** Where the next pull starts: the cursor, the server's history it belongs to, and whether everything is being pulled again. */
  position(): Promise<PullPosition> {
    return pullPosition(this.db);
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

  /** Every change the server refused, oldest first: the "Needs attention" list. */
  async refusedEntries(): Promise<OutboxEntry[]> {
    const rows = await this.db.outbox.where('state').equals('refused').sortBy('seq');
    return rows.map((row) => parseRecord(OutboxEntry, row, `change #${row.seq}`));
  }

  /**
   * The oldest changes not yet acknowledged after change #`afterSeq`, in the order the user made them (the
   * index keeps them by seq). Those up to `afterSeq` are skipped: the server has answered for them, and
   * their results are being recorded.
   */
  async pendingEntries(limit: number, afterSeq = 0): Promise<OutboxEntry[]> {
    const rows = await this.db.outbox
      .where('[state+seq]')
      .between(['pending', afterSeq], ['pending', Dexie.maxKey], false, true)
      .limit(limit)
      .toArray();
    return rows.map((row) => parseRecord(OutboxEntry, row, `change #${row.seq}`));
  }

  async outboxCounts(): Promise<{ pending: number; refused: number }> {
    const [pending, refused] = await Promise.all([
      this.db.outbox.where('state').equals('pending').count(),
      this.db.outbox.where('state').equals('refused').count(),
    ]);
    return { pending, refused };
  }

  /**
   * The queue's first screen straight from the update index, in the queue's default order: what start-up shows
   * before the rest of the queue is read. Damaged rows are skipped here; `summaryChunk` repairs them.
   */
  async recentSummaries(limit: number): Promise<TicketSummary[]> {
    const rows = await this.db.summaries.orderBy('[updatedAt+number]').reverse().limit(limit).toArray();
    return readableRows(rows);
  }

  /** The rows of these tickets, in the order asked (those not in the local copy left out): a handful at a time. */
  async summariesOf(ticketIds: readonly string[]): Promise<TicketSummary[]> {
    const rows = await this.db.summaries.bulkGet([...ticketIds]);
    return readableRows(rows);
  }

  /**
   * The rows whose sessions start in [from, to), from the sessions' index: what the agenda, the next
   * session and the overlap warning read, however large the local copy. With `engineerId`, only the rows
   * with a session of that engineer's, picked before the rows are checked: a lead's agenda does not
   * check every row the team has booked for the fortnight (40 ms at 50,000 tickets).
   */
  async summariesWithSessions(from: string, to: string, engineerId: string | null = null): Promise<TicketSummary[]> {
    const rows: unknown[] = await this.db.summaries.where('sessionStarts').between(from, to).distinct().toArray();
    return readableRows(engineerId === null ? rows : rows.filter((row) => namesEngineer(row, engineerId)));
  }

  /** The rows in a stage, whoever they are assigned to: the front of [stage+assigneeKey]. */
  protected inStage(stage: Stage) {
    return this.db.summaries.where('[stage+assigneeKey]').between([stage, Dexie.minKey], [stage, Dexie.maxKey]);
  }

  /**
   * What triage walks: tickets still in validation that are the team's (unassigned) or the user's, oldest
   * first, read through the rows' [stage+assigneeKey] index rather than the whole queue.
   */
  async triageQueue(userId: string): Promise<TicketSummary[]> {
    const rows = await this.db.summaries
      .where('[stage+assigneeKey]')
      .anyOf([
        ['validation', ''],
        ['validation', userId],
      ])
      .toArray();
    return readableRows(rows).sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.number.localeCompare(b.number),
    );
  }

  protected async viewOf(ticketId: string, team: TeamContext): Promise<TicketView | null> {
    const stored = await this.db.tickets.get(ticketId);
    if (stored === undefined) return null;
    const ticket = parseRecord(
      Ticket,
      stored,
      `ticket ${stored.number ?? ticketId}`,
      ' It has been set aside and is downloaded again from the server at the next sync.',
    );
    return rebase(ticket, await this.entriesFor([ticketId]), team);
  }

  protected async entriesFor(ticketIds: readonly string[]): Promise<OutboxEntry[]> {
    const rows = await this.db.outbox.where('ticketId').anyOf(ticketIds).sortBy('seq');
    return rows.map((row) => parseRecord(OutboxEntry, row, `change #${row.seq}`));
  }
}
