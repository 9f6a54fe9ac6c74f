/**
 * The remote sessions' tables, kept in step with the tickets: each engineer's bookings (for the overlap
 * rule) and the customers' scheduling links (by the hash of their token).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type Booking, type RemoteSession, type SessionSlot, bookingsOf } from '../../shared/domain/remote-session';
import type { SqlSession } from '../storage/sql';

/** What the index reads of a ticket. */
export interface IndexedTicket {
  id: string;
  number: string;
  updatedAt: string;
  remoteSessions: readonly RemoteSession[];
}

/** Where a scheduling link leads. */
export interface SchedulingLink {
  ticketId: string;
  sessionId: string;
}

/** Only the hash is stored: a copy of the database does not open anyone's scheduling page. */
export const hashLinkToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Instants as the table holds them (with milliseconds), so that comparing the text compares the times. */
const stored = (instant: string): string => new Date(instant).toISOString();

const BookingRow = z.object({
  ticket_id: z.string(),
  ticket_number: z.string(),
  session_id: z.string(),
  engineer_id: z.string(),
  starts_at: z.string(),
  ends_at: z.string(),
});

const LinkRow = z.object({ ticket_id: z.string(), session_id: z.string() });

const SQL = {
  deleteBookings: 'DELETE FROM session_bookings WHERE ticket_id = ?',
  insertBooking: `INSERT INTO session_bookings (session_id, ticket_id, ticket_number, engineer_id, starts_at, ends_at)
    VALUES (@sessionId, @ticketId, @ticketNumber, @engineerId, @start, @end)`,
  // Served by session_bookings_by_engineer_end: only the engineer's bookings ending after the start are read.
  overlapping: `SELECT ticket_id, ticket_number, session_id, engineer_id, starts_at, ends_at FROM session_bookings
    WHERE engineer_id = @engineerId AND ends_at > @start AND starts_at < @end
    ORDER BY starts_at`,
  linkByHash: 'SELECT ticket_id, session_id FROM scheduling_links WHERE token_hash = ?',
  insertLink: 'INSERT INTO scheduling_links (token_hash, ticket_id, session_id, registered_at) VALUES (?, ?, ?, ?)',
} as const;

export class SessionIndex {
  constructor(private readonly sql: SqlSession) {}

  /**
   * Replaces the ticket's bookings with those it holds now and registers its new links. Call it in the
   * transaction that writes the ticket, after the ticket row. A token registered for another session
   * throws: push refuses such a change before saving it (see sessionRefusal), so this is a bug.
   */
  async index(ticket: IndexedTicket): Promise<void> {
    await this.sql.run(SQL.deleteBookings, [ticket.id]);
    for (const booking of bookingsOf(ticket)) {
      await this.sql.run(SQL.insertBooking, { ...booking, start: stored(booking.start), end: stored(booking.end) });
    }
    for (const session of ticket.remoteSessions) {
      if (session.linkToken === null) continue;
      const hash = hashLinkToken(session.linkToken);
      const link = await this.findLinkByHash(hash);
      if (link === null) {
        await this.sql.run(SQL.insertLink, [hash, ticket.id, session.id, ticket.updatedAt]);
      } else if (!leadsTo(link, ticket.id, session.id)) {
        throw new Error(`${ticket.number}: the scheduling link of session ${session.id} belongs to another session`);
      }
    }
  }

  /** The engineer's bookings that overlap the time from `range.start` to `range.end`. */
  async bookingsOverlapping(engineerId: string, range: SessionSlot): Promise<Booking[]> {
    const rows = await this.sql.all(SQL.overlapping, {
      engineerId,
      start: stored(range.start),
      end: stored(range.end),
    });
    return rows.map((row) => {
      const r = BookingRow.parse(row);
      return {
        ticketId: r.ticket_id,
        ticketNumber: r.ticket_number,
        sessionId: r.session_id,
        engineerId: r.engineer_id,
        start: r.starts_at,
        end: r.ends_at,
      };
    });
  }

  /** The session a link token leads to, or null for a token never registered. */
  findLink(token: string): Promise<SchedulingLink | null> {
    return this.findLinkByHash(hashLinkToken(token));
  }

  private async findLinkByHash(hash: string): Promise<SchedulingLink | null> {
    const row = await this.sql.get(SQL.linkByHash, [hash]);
    if (row === undefined) return null;
    const r = LinkRow.parse(row);
    return { ticketId: r.ticket_id, sessionId: r.session_id };
  }
}

export const leadsTo = (link: SchedulingLink, ticketId: string, sessionId: string): boolean =>
  link.ticketId === ticketId && link.sessionId === sessionId;
